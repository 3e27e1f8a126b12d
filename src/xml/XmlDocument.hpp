// Parsing XML that comes from outside (templates, lessons, XLIFF, TBX) safely:
// no network, no external entities or DTDs, no entity declarations at all, bounded size.
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace partnering::xml {

struct DocumentDeleter {
    void operator()(xmlDoc* doc) const noexcept;
};
using Document = std::unique_ptr<xmlDoc, DocumentDeleter>;

struct ParseLimits {
    std::size_t maxBytes = 64u << 20;
};

// Parses `bytes` as one XML document. `sourceName` (a file name or "template.ott:content.xml")
// names the input in errors. Throws InvalidInput "[partnering.xml.malformed] name:line: reason"
// for anything not well-formed, "[partnering.xml.entity-declared]" for a document declaring
// entities (the door to XXE and billion-laughs), "[partnering.xml.too-large]" past the limit.
// Thread-safe: it never touches libxml2's process-wide settings (LibreOffice shares them).
Document parse(std::string_view bytes, const std::string& sourceName, ParseLimits limits = {});

// The same checks as parse() over a stream of elements, with no tree built: libxml2 calls
// `start` and `end` (SAX2) for each element, and `characters`, when given, for text and CDATA
// sections; they reach `user` through userOf(ctx) and the parser context itself through ctx
// (for xmlByteConsumed, xmlSAX2GetLineNumber). Throws what parse() throws.
struct ElementHandlers {
    startElementNsSAX2Func start = nullptr;
    endElementNsSAX2Func end = nullptr;
    void* user = nullptr;
    charactersSAXFunc characters = nullptr;
};
void scan(std::string_view bytes, const std::string& sourceName, const ElementHandlers& handlers, ParseLimits limits = {});
void* userOf(void* ctx);

// Reads the file and parses it as above; a missing or unreadable file is an EnvironmentFailure.
Document parseFile(const std::string& path, ParseLimits limits = {});
// The bytes of the file, for parse() or scan(): "[partnering.xml.too-large]" past the limit,
// before reading; "[partnering.xml.unreadable]" (EnvironmentFailure) when it cannot be read.
std::string readFile(const std::string& path, ParseLimits limits = {});

// The element's text content (all descendants), as UTF-8.
std::string textOf(const xmlNode* node);

// textOf() with layout whitespace taken out: runs of spaces, tabs and line breaks become one
// space, none at either end (how our definition files are indented is not their text).
std::string collapsedText(const xmlNode* node);
// The same for any text (a user's edit compared with a definition's).
std::string collapsedWhitespace(std::string_view text);

// The attribute's value, or the empty string; `ns` may be null for unqualified attributes.
std::string attribute(const xmlNode* node, const char* name, const char* ns = nullptr);

// The document as UTF-8 bytes, with its XML declaration.
std::string serialize(xmlDoc* doc);

// `text` with &, <, > and " escaped, for element content and attribute values we write.
std::string escape(std::string_view text);

// True when `node` is an element called `localName` in namespace `ns`.
bool isElement(const xmlNode* node, const char* ns, const char* localName);

} // namespace partnering::xml
