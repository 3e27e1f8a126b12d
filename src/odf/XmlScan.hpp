// One SAX pass over an ODF part (content.xml, styles.xml) that records every element with its
// byte offsets, so that callers change what they must and copy the rest byte for byte.
#pragma once

#include <cstddef>
#include <string>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace partnering::odf {

// Every namespace the ODF code names, once. (Literals, so data() is null-terminated for libxml2.)
namespace ns {
inline constexpr std::string_view kOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
inline constexpr std::string_view kText = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
inline constexpr std::string_view kTable = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
inline constexpr std::string_view kDraw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
inline constexpr std::string_view kSvg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";
inline constexpr std::string_view kStyle = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
inline constexpr std::string_view kFo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
inline constexpr std::string_view kMeta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
inline constexpr std::string_view kManifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
inline constexpr std::string_view kXlink = "http://www.w3.org/1999/xlink";
inline constexpr std::string_view kDc = "http://purl.org/dc/elements/1.1/";
// Every namespace above, which a scan keeps by name (keep this list whole when adding one).
inline constexpr std::string_view kListed[] = {kOffice, kText, kTable, kDraw, kSvg, kStyle,
                                               kFo,     kMeta, kManifest, kXlink, kDc};
// What a scanned element or attribute in any other namespace has as its `ns`.
inline constexpr std::string_view kUnlisted = "urn:partnering:unlisted-namespace";
} // namespace ns

// `ns` is one of the namespaces above (static storage), ns::kUnlisted, or "" for none: callers
// only ever compare it with those, and a part's thousand names need no copy of their URI each.
struct ScannedAttribute {
    std::string_view ns;
    std::string name, value; // value decoded
    std::string prefix;          // as written: "fo" in fo:language
};

struct ScannedElement {
    std::string_view ns;
    std::string name;
    // <tag ...>  content  </tag>: start, startTagEnd, endTagStart, end. For <tag/>,
    // startTagEnd == endTagStart == end.
    std::size_t start = 0, startTagEnd = 0, endTagStart = 0, end = 0;
    int line = 0;
    int parent = -1;
    std::vector<int> children;
    std::vector<ScannedAttribute> attributes;
    std::vector<std::pair<std::string, std::string>> namespaces; // declared here: prefix ("" for the default), URI

    bool is(std::string_view elementNs, std::string_view elementName) const { return ns == elementNs && name == elementName; }
    std::string attribute(std::string_view attributeNs, std::string_view attributeName) const;
};

// The prefix bound to `uri` where element `index` stands (its own declarations, then its
// ancestors'), or nullopt when none is; a default namespace ("") is not a prefix.
std::optional<std::string> prefixOf(const std::vector<ScannedElement>& elements, int index, std::string_view uri);

// Every element of `bytes` in document order (the root first). The document first goes
// through xml::parse's checks (no entity declarations, size, well-formedness); errors name
// `sourceName`.
std::vector<ScannedElement> scanXml(std::string_view bytes, const std::string& sourceName);

// Character data as the document has it between tags, decoded (&amp;, &#233;...).
std::string decodeXmlText(std::string_view raw);

// The value of one attribute of a SAX2 start tag (its five pointers: local name, prefix, URI,
// value, end of value), decoded: SAX2 hands values as written, references and all.
std::string attributeValue(const unsigned char* const* attribute);

} // namespace partnering::odf
