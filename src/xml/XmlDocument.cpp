#include "xml/XmlDocument.hpp"

#include "error/Error.hpp"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>
#include <sstream>
#include <utility>
#include <vector>

namespace partnering::xml {

void DocumentDeleter::operator()(xmlDoc* doc) const noexcept
{
    xmlFreeDoc(doc);
}

namespace {

// Per-parse state reached through the context's _private pointer: the first error and
// whether the document tried to declare an entity.
struct ParseState {
    std::string firstError;
    int firstErrorLine = 0;
    bool declaredEntity = false;
    void* user = nullptr; // scan()'s handlers' own state
    std::string genericError; // the first line libxml2 gave its generic handler, see below
};

constexpr std::size_t kKeptCharacters = 200;

// libxml2 sends a few errors (an encoding's conversion failing, and the I/O error after it)
// to the thread's generic handler, which prints them on stderr whatever the parser's options.
// While a parse runs they are kept instead: the first line joins the message about the
// document, and nothing else appears on the user's terminal.
class GenericErrorsKept {
public:
    explicit GenericErrorsKept(ParseState& state) : previousContext_(xmlGenericErrorContext), previous_(xmlGenericError)
    {
        xmlSetGenericErrorFunc(&state, keep);
    }
    ~GenericErrorsKept() { xmlSetGenericErrorFunc(previousContext_, previous_); }
    GenericErrorsKept(const GenericErrorsKept&) = delete;
    GenericErrorsKept& operator=(const GenericErrorsKept&) = delete;

private:
    __attribute__((format(printf, 2, 3))) static void keep(void* context, const char* format, ...)
    {
        auto& kept = static_cast<ParseState*>(context)->genericError;
        if (kept.size() >= kKeptCharacters || kept.find('\n') != std::string::npos)
            return; // the first line is enough
        char piece[kKeptCharacters + 1];
        va_list arguments;
        va_start(arguments, format);
        std::vsnprintf(piece, sizeof piece, format, arguments);
        va_end(arguments);
        kept += piece;
    }

    void* previousContext_;
    xmlGenericErrorFunc previous_;
};

// The first line of what libxml2 sent its generic handler, without its "kind : " label.
std::string firstGenericLine(const std::string& kept)
{
    std::string line = kept.substr(0, std::min(kept.find('\n'), kKeptCharacters));
    if (const auto label = line.find(" : "); label != std::string::npos)
        line.erase(0, label + 3);
    return line;
}

struct ContextDeleter {
    void operator()(xmlParserCtxt* ctxt) const noexcept { xmlFreeParserCtxt(ctxt); }
};

ParseState& stateOf(void* ctx)
{
    return *static_cast<ParseState*>(static_cast<xmlParserCtxt*>(ctx)->_private);
}

void recordError(void* userData, xmlError* error)
{
    auto* ctxt = static_cast<xmlParserCtxt*>(userData);
    auto& state = *static_cast<ParseState*>(ctxt->_private);
    if (error == nullptr || error->level < XML_ERR_ERROR || !state.firstError.empty())
        return;
    state.firstError = error->message != nullptr ? error->message : "unknown XML error";
    while (!state.firstError.empty() && (state.firstError.back() == '\n' || state.firstError.back() == ' '))
        state.firstError.pop_back();
    state.firstErrorLine = error->line;
}

// Any entity declaration stops the parse: none of our formats needs one, and refusing
// them all closes both external entities (XXE) and exponential expansion.
void rejectEntityDecl(void* ctx, const xmlChar*, int, const xmlChar*, const xmlChar*, xmlChar*)
{
    auto* ctxt = static_cast<xmlParserCtxt*>(ctx);
    stateOf(ctx).declaredEntity = true;
    xmlStopParser(ctxt);
}

void rejectUnparsedEntityDecl(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*, const xmlChar*)
{
    auto* ctxt = static_cast<xmlParserCtxt*>(ctx);
    stateOf(ctx).declaredEntity = true;
    xmlStopParser(ctxt);
}

void initLibxml()
{
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
}

} // namespace

namespace {

using Context = std::unique_ptr<xmlParserCtxt, ContextDeleter>;

// A parser over `bytes` with the checks both parse() and scan() make; `handlers` null: the
// tree-building handlers.
Context safeParser(std::string_view bytes, const std::string& sourceName, ParseLimits limits, ParseState& state,
                   const ElementHandlers* handlers)
{
    if (bytes.size() > limits.maxBytes)
        throw InvalidInput("partnering.xml.too-large",
                           sourceName + ": " + std::to_string(bytes.size()) + " bytes is over the limit of "
                               + std::to_string(limits.maxBytes));
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
        throw InvalidInput("partnering.xml.too-large", sourceName + ": too large");
    if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw InvalidInput("partnering.xml.malformed", sourceName + ":1: the document is empty");
    initLibxml();

    Context ctxt(xmlCreateMemoryParserCtxt(bytes.data(), static_cast<int>(bytes.size())));
    if (!ctxt)
        throw EnvironmentFailure("partnering.xml.no-parser", sourceName + ": libxml2 could not create a parser");
    if (handlers != nullptr) {
        // Only elements, and text when asked for: no tree.
        std::memset(ctxt->sax, 0, sizeof *ctxt->sax);
        ctxt->sax->initialized = XML_SAX2_MAGIC;
        ctxt->sax->startElementNs = handlers->start;
        ctxt->sax->endElementNs = handlers->end;
        ctxt->sax->characters = handlers->characters;
        ctxt->sax->cdataBlock = handlers->characters;
        ctxt->sax->ignorableWhitespace = handlers->characters; // spaces are text to us
        state.user = handlers->user;
    }
    ctxt->_private = &state;
    ctxt->userData = ctxt.get();
    ctxt->sax->serror = recordError;
    ctxt->sax->error = nullptr;
    ctxt->sax->warning = nullptr;
    ctxt->sax->entityDecl = rejectEntityDecl;
    ctxt->sax->unparsedEntityDecl = rejectUnparsedEntityDecl;
    // No XML_PARSE_NOENT, DTDLOAD, DTDATTR, XINCLUDE or HUGE: nothing is fetched or expanded.
    xmlCtxtUseOptions(ctxt.get(), XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    ctxt->sax->serror = recordError; // xmlCtxtUseOptions may reset handlers on some versions
    return ctxt;
}

void checkParsed(xmlParserCtxt* ctxt, const ParseState& state, const std::string& sourceName, bool produced)
{
    if (state.declaredEntity)
        throw InvalidInput("partnering.xml.entity-declared",
                           sourceName + ":" + std::to_string(xmlSAX2GetLineNumber(ctxt))
                               + ": entity declarations are not allowed (external entities and entity "
                                 "expansion are refused)");
    if (!ctxt->wellFormed || !produced) {
        std::string reason = state.firstError.empty() ? "not well-formed XML" : state.firstError;
        if (!state.genericError.empty())
            reason += " (" + firstGenericLine(state.genericError) + ")";
        int line = state.firstError.empty() ? xmlSAX2GetLineNumber(ctxt) : state.firstErrorLine;
        throw InvalidInput("partnering.xml.malformed", sourceName + ":" + std::to_string(line) + ": " + reason);
    }
}

} // namespace

Document parse(std::string_view bytes, const std::string& sourceName, ParseLimits limits)
{
    ParseState state;
    const Context ctxt = safeParser(bytes, sourceName, limits, state, nullptr);
    {
        const GenericErrorsKept kept(state);
        xmlParseDocument(ctxt.get());
    }
    Document doc(ctxt->myDoc);
    ctxt->myDoc = nullptr;
    checkParsed(ctxt.get(), state, sourceName, doc != nullptr);
    return doc;
}

void scan(std::string_view bytes, const std::string& sourceName, const ElementHandlers& handlers, ParseLimits limits)
{
    ParseState state;
    const Context ctxt = safeParser(bytes, sourceName, limits, state, &handlers);
    {
        const GenericErrorsKept kept(state);
        xmlParseDocument(ctxt.get());
    }
    // A document type declaration makes libxml2 start a document of its own even here.
    const Document declared(ctxt->myDoc);
    ctxt->myDoc = nullptr;
    checkParsed(ctxt.get(), state, sourceName, true);
}

void* userOf(void* ctx)
{
    return stateOf(ctx).user;
}

Document parseFile(const std::string& path, ParseLimits limits)
{
    return parse(readFile(path, limits), path, limits);
}

std::string readFile(const std::string& path, ParseLimits limits)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw EnvironmentFailure("partnering.xml.unreadable", path + ": cannot open for reading");
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::size_t>(in.tellg());
    if (size > limits.maxBytes)
        throw InvalidInput("partnering.xml.too-large",
                           path + ": " + std::to_string(size) + " bytes is over the limit of "
                               + std::to_string(limits.maxBytes));
    in.seekg(0);
    std::string bytes(size, '\0');
    if (!in.read(bytes.data(), static_cast<std::streamsize>(size)))
        throw EnvironmentFailure("partnering.xml.unreadable", path + ": read failed");
    return bytes;
}

std::string textOf(const xmlNode* node)
{
    xmlChar* content = xmlNodeGetContent(node);
    std::string text = content != nullptr ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
    return text;
}

std::string collapsedText(const xmlNode* node)
{
    return collapsedWhitespace(textOf(node));
}

std::string collapsedWhitespace(std::string_view text)
{
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space)
            out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

std::string attribute(const xmlNode* node, const char* name, const char* ns)
{
    xmlChar* value = ns != nullptr ? xmlGetNsProp(node, reinterpret_cast<const xmlChar*>(name),
                                                  reinterpret_cast<const xmlChar*>(ns))
                                   : xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name));
    std::string result = value != nullptr ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return result;
}

namespace {

// libxml2 writes a namespace declaration's URI as it is (xmlBufWriteQuotedString): a URI
// holding '<', as a damaged or hostile file may declare, would come out as XML that no parser
// reads. For the dump each '<' is written "&lt;"; the document gets its URIs back after. ('&'
// needs nothing: a parsed URI holds it as "&#38;", which reads back the same.)
class NamespaceUrisEscaped {
public:
    explicit NamespaceUrisEscaped(xmlDoc* doc)
    {
        for (xmlNode* node = xmlDocGetRootElement(doc); node != nullptr; node = next(node)) {
            for (xmlNs* ns = node->nsDef; ns != nullptr; ns = ns->next) {
                const auto* href = reinterpret_cast<const char*>(ns->href);
                if (href == nullptr || std::strchr(href, '<') == nullptr)
                    continue;
                swapped_.emplace_back(ns, ns->href);
                std::string escaped;
                for (const char* c = href; *c != '\0'; ++c)
                    escaped += *c == '<' ? std::string_view("&lt;") : std::string_view(c, 1);
                ns->href = xmlStrdup(reinterpret_cast<const xmlChar*>(escaped.c_str()));
            }
        }
    }
    ~NamespaceUrisEscaped()
    {
        for (const auto& [ns, original] : swapped_) {
            xmlFree(const_cast<xmlChar*>(ns->href));
            ns->href = original;
        }
    }
    NamespaceUrisEscaped(const NamespaceUrisEscaped&) = delete;
    NamespaceUrisEscaped& operator=(const NamespaceUrisEscaped&) = delete;

private:
    // The element after `node` in document order: its first child element, else the next
    // element after it or after one of its ancestors.
    static xmlNode* next(xmlNode* node)
    {
        for (xmlNode* child = node->children; child != nullptr; child = child->next)
            if (child->type == XML_ELEMENT_NODE)
                return child;
        for (; node != nullptr && node->type == XML_ELEMENT_NODE; node = node->parent) {
            for (xmlNode* sibling = node->next; sibling != nullptr; sibling = sibling->next)
                if (sibling->type == XML_ELEMENT_NODE)
                    return sibling;
        }
        return nullptr;
    }

    std::vector<std::pair<xmlNs*, const xmlChar*>> swapped_;
};

} // namespace

std::string serialize(xmlDoc* doc)
{
    const NamespaceUrisEscaped escaped(doc);
    xmlChar* bytes = nullptr;
    int size = 0;
    xmlDocDumpMemoryEnc(doc, &bytes, &size, "UTF-8");
    std::string text(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
    xmlFree(bytes);
    return text;
}

std::string escape(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t run = 0; // the start of the characters copied as they are, in one append
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char* entity = nullptr;
        switch (text[i]) {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        default: continue;
        }
        out.append(text.substr(run, i - run));
        out += entity;
        run = i + 1;
    }
    out.append(text.substr(run));
    return out;
}

bool isElement(const xmlNode* node, const char* ns, const char* localName)
{
    if (node == nullptr || node->type != XML_ELEMENT_NODE)
        return false;
    if (std::strcmp(reinterpret_cast<const char*>(node->name), localName) != 0)
        return false;
    if (ns == nullptr)
        return node->ns == nullptr;
    return node->ns != nullptr && std::strcmp(reinterpret_cast<const char*>(node->ns->href), ns) == 0;
}

} // namespace partnering::xml
