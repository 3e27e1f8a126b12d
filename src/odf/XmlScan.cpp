#include "odf/XmlScan.hpp"

#include "error/Error.hpp"
#include "xml/XmlDocument.hpp"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <memory>

namespace partnering::odf {

namespace {

struct Scan {
    std::string_view bytes;
    std::vector<ScannedElement> elements;
    std::vector<int> open;
    // libxml2 hands out each URI of a document as one interned string: a pointer seen once
    // is known by its address after that.
    std::vector<std::pair<const xmlChar*, std::string_view>> namespaces;

    // The last '<' at or before `at` (npos when none): the tag that `at` stands in. memrchr,
    // not rfind, whose byte-at-a-time loop was four tenths of onStart's own time (about 4% of
    // a scan's).
    std::size_t tagStart(std::size_t at) const
    {
        const auto* found = static_cast<const char*>(::memrchr(bytes.data(), '<', std::min(at + 1, bytes.size())));
        return found != nullptr ? static_cast<std::size_t>(found - bytes.data()) : std::string_view::npos;
    }

    std::string_view listed(const xmlChar* uri)
    {
        if (uri == nullptr)
            return {};
        for (const auto& [seen, name] : namespaces)
            if (seen == uri)
                return name;
        const std::string_view given(reinterpret_cast<const char*>(uri));
        const auto found = std::find(std::begin(ns::kListed), std::end(ns::kListed), given);
        namespaces.emplace_back(uri, found != std::end(ns::kListed) ? *found : ns::kUnlisted);
        return namespaces.back().second;
    }
};

Scan& scanOf(void* ctx)
{
    return *static_cast<Scan*>(xml::userOf(ctx));
}

std::string text(const xmlChar* value)
{
    return value != nullptr ? reinterpret_cast<const char*>(value) : "";
}

void onStart(void* ctx, const xmlChar* localname, const xmlChar*, const xmlChar* uri, int namespaceCount,
             const xmlChar** namespaces, int attributeCount, int, const xmlChar** attributes)
{
    Scan& scan = scanOf(ctx);
    // The parser stands on the '>' or "/>" that ends the start tag; attribute values cannot
    // hold a raw '<', so the last '<' before it opens the tag.
    const auto at = static_cast<std::size_t>(xmlByteConsumed(static_cast<xmlParserCtxt*>(ctx)));
    ScannedElement element;
    element.ns = scan.listed(uri);
    element.name = text(localname);
    element.start = scan.tagStart(at);
    element.startTagEnd = at + (at < scan.bytes.size() && scan.bytes[at] == '/' ? 2 : 1);
    element.line = xmlSAX2GetLineNumber(ctx);
    element.parent = scan.open.empty() ? -1 : scan.open.back();
    element.attributes.reserve(static_cast<std::size_t>(attributeCount));
    for (int i = 0; i < attributeCount; ++i) {
        const xmlChar** attribute = attributes + 5 * i;
        element.attributes.push_back({scan.listed(attribute[2]), text(attribute[0]), attributeValue(attribute), text(attribute[1])});
    }
    for (int i = 0; i < namespaceCount; ++i)
        element.namespaces.emplace_back(text(namespaces[2 * i]), text(namespaces[2 * i + 1]));
    const int index = static_cast<int>(scan.elements.size());
    if (element.parent >= 0)
        scan.elements[static_cast<std::size_t>(element.parent)].children.push_back(index);
    scan.elements.push_back(std::move(element));
    scan.open.push_back(index);
}

void onEnd(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*)
{
    Scan& scan = scanOf(ctx);
    const auto at = static_cast<std::size_t>(xmlByteConsumed(static_cast<xmlParserCtxt*>(ctx)));
    ScannedElement& element = scan.elements[static_cast<std::size_t>(scan.open.back())];
    scan.open.pop_back();
    element.end = at;
    element.endTagStart = at == element.startTagEnd ? at : scan.tagStart(at - 1);
}

void appendUtf8(std::string& out, unsigned long code)
{
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

// The character a reference names ("#233", "#xE9"), or nullopt when it names none: a parsed
// document's text only holds valid ones, but the bytes between two tags may also hold a
// comment or a CDATA section, where "&#zz;" is just text.
std::optional<unsigned long> characterCode(std::string_view entity)
{
    if (entity.size() < 2 || entity[0] != '#')
        return std::nullopt;
    const bool hex = entity[1] == 'x';
    const std::string_view digits = entity.substr(hex ? 2 : 1);
    unsigned long code = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() || code == 0 || code > 0x10FFFF
        || (code >= 0xD800 && code <= 0xDFFF))
        return std::nullopt;
    return code;
}

} // namespace

std::string ScannedElement::attribute(std::string_view attributeNs, std::string_view attributeName) const
{
    for (const auto& attribute : attributes) {
        if (attribute.ns == attributeNs && attribute.name == attributeName)
            return attribute.value;
    }
    return {};
}

std::optional<std::string> prefixOf(const std::vector<ScannedElement>& elements, int index, std::string_view uri)
{
    std::vector<std::string_view> rebound; // prefixes declared nearer, which hide the same prefix further up
    for (int at = index; at >= 0; at = elements[static_cast<std::size_t>(at)].parent) {
        const auto& declared = elements[static_cast<std::size_t>(at)].namespaces;
        for (const auto& [prefix, boundUri] : declared) {
            if (boundUri == uri && !prefix.empty() && std::find(rebound.begin(), rebound.end(), prefix) == rebound.end())
                return prefix;
        }
        for (const auto& declaration : declared)
            rebound.push_back(declaration.first);
    }
    return std::nullopt;
}

std::string decodeXmlText(std::string_view raw)
{
    if (raw.find('&') == std::string_view::npos)
        return std::string(raw);
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '&') {
            out.push_back(raw[i]);
            continue;
        }
        const auto semicolon = raw.find(';', i);
        if (semicolon == std::string_view::npos) {
            out.push_back('&');
            continue;
        }
        const std::string_view entity = raw.substr(i + 1, semicolon - i - 1);
        if (entity == "amp")
            out.push_back('&');
        else if (entity == "lt")
            out.push_back('<');
        else if (entity == "gt")
            out.push_back('>');
        else if (entity == "quot")
            out.push_back('"');
        else if (entity == "apos")
            out.push_back('\'');
        else if (const auto code = characterCode(entity))
            appendUtf8(out, *code);
        else // inside a comment or CDATA section, which libxml2 does not check: kept as written
            out.append(raw.substr(i, semicolon - i + 1));
        i = semicolon;
    }
    return out;
}

std::string attributeValue(const unsigned char* const* attribute)
{
    return decodeXmlText(std::string_view(reinterpret_cast<const char*>(attribute[3]),
                                          static_cast<std::size_t>(attribute[4] - attribute[3])));
}

std::vector<ScannedElement> scanXml(std::string_view bytes, const std::string& sourceName)
{
    Scan scan;
    scan.bytes = bytes;
    scan.elements.reserve(bytes.size() / 80); // about one element in 80 bytes in ODF parts
    xml::scan(bytes, sourceName, {onStart, onEnd, &scan});
    if (scan.elements.empty())
        throw InvalidInput("partnering.xml.malformed", sourceName + ": not well-formed XML");
    return std::move(scan.elements);
}

} // namespace partnering::odf
