#include "translation/XliffReader.hpp"

#include "error/Error.hpp"
#include "odf/XmlScan.hpp"
#include "xml/XmlDocument.hpp"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

namespace partnering::l10n {
namespace {

// What an open element is to the reader: only these places of the document carry what it keeps.
enum class Place { Root, File, Unit, Segment, Text, Code, Marker, Elsewhere };

struct OpenElement {
    Place place;
    std::string closing; // a paired code's end marker, written when the element ends
};

struct XliffReading {
    std::filesystem::path in;
    TranslationFile file;
    std::vector<OpenElement> open;
    TextUnit unit;
    int segments = 0;
    std::string* text = nullptr; // the source or target being read
    std::optional<InvalidInput> problem; // the first, in document order

    void refuse(void* ctx, const std::string& reason)
    {
        if (!problem)
            problem.emplace("partnering.l10n.bad-xliff",
                            in.string() + ":" + std::to_string(xmlSAX2GetLineNumber(ctx)) + ": " + reason);
    }
};

XliffReading& readingOf(void* ctx)
{
    return *static_cast<XliffReading*>(xml::userOf(ctx));
}

bool inXliff(const xmlChar* uri)
{
    return uri != nullptr && std::strcmp(reinterpret_cast<const char*>(uri), kXliffNs) == 0;
}

bool named(const xmlChar* localname, const char* name)
{
    return std::strcmp(reinterpret_cast<const char*>(localname), name) == 0;
}

// The value of the unqualified attribute `name`, decoded.
std::string attribute(int count, const xmlChar** attributes, const char* name)
{
    for (int i = 0; i < count; ++i) {
        const xmlChar** attribute = attributes + 5 * i;
        if (attribute[2] == nullptr && named(attribute[0], name))
            return odf::attributeValue(attribute);
    }
    return {};
}

Place placeIn(XliffReading& reading, void* ctx, const xmlChar* localname, const xmlChar* uri, int count,
              const xmlChar** attributes, std::string& closing)
{
    const bool xliff = inXliff(uri);
    if (reading.open.empty()) {
        if (!xliff || !named(localname, "xliff") || attribute(count, attributes, "version") != "2.0")
            reading.refuse(ctx, "not an XLIFF 2.0 document (urn:oasis:names:tc:xliff:document:2.0, version 2.0)");
        reading.file.sourceLanguage = attribute(count, attributes, "srcLang");
        reading.file.targetLanguage = attribute(count, attributes, "trgLang");
        return Place::Root;
    }
    switch (reading.open.back().place) {
    case Place::Root:
        if (!xliff || !named(localname, "file"))
            return Place::Elsewhere;
        reading.file.original = attribute(count, attributes, "original");
        return Place::File;
    case Place::File:
        if (!xliff || !named(localname, "unit"))
            return Place::Elsewhere;
        reading.unit = TextUnit();
        reading.unit.id = attribute(count, attributes, "id");
        reading.segments = 0;
        if (reading.unit.id.empty())
            reading.refuse(ctx, "a unit has no id");
        return Place::Unit;
    case Place::Unit:
        if (!xliff || !named(localname, "segment"))
            return Place::Elsewhere;
        if (++reading.segments > 1)
            reading.refuse(ctx, "unit " + reading.unit.id + ": one segment per unit (segments were merged or split)");
        return Place::Segment;
    case Place::Segment:
        if (xliff && (named(localname, "source") || named(localname, "target"))) {
            reading.text = named(localname, "source") ? &reading.unit.source : &reading.unit.target;
            return Place::Text;
        }
        return Place::Elsewhere;
    case Place::Text:
    case Place::Marker: {
        const std::string id = attribute(count, attributes, "id");
        if (xliff && named(localname, "ph")) {
            *reading.text += "{" + id + "/}";
            return Place::Elsewhere; // its content is not the translation's
        }
        if (xliff && named(localname, "pc")) {
            *reading.text += "{" + id + "}";
            closing = "{/" + id + "}";
            return Place::Marker;
        }
        if (xliff && named(localname, "mrk"))
            return Place::Marker; // an annotation: its text is the translation's
        reading.refuse(ctx, "unit " + reading.unit.id + ": <" + std::string(reinterpret_cast<const char*>(localname))
                                + "> is not an inline element this tool writes (ph, pc, mrk)");
        return Place::Elsewhere;
    }
    default:
        return Place::Elsewhere;
    }
}

void onStart(void* ctx, const xmlChar* localname, const xmlChar*, const xmlChar* uri, int, const xmlChar**, int count,
             int, const xmlChar** attributes)
{
    XliffReading& reading = readingOf(ctx);
    OpenElement element{Place::Elsewhere, {}};
    element.place = placeIn(reading, ctx, localname, uri, count, attributes, element.closing);
    reading.open.push_back(std::move(element));
}

void onEnd(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*)
{
    XliffReading& reading = readingOf(ctx);
    if (reading.open.empty())
        return;
    const OpenElement element = std::move(reading.open.back());
    reading.open.pop_back();
    if (element.place == Place::Marker)
        *reading.text += element.closing;
    else if (element.place == Place::Unit)
        reading.file.units.push_back(std::move(reading.unit));
}

void onText(void* ctx, const xmlChar* characters, int length)
{
    XliffReading& reading = readingOf(ctx);
    if (reading.open.empty())
        return;
    const Place place = reading.open.back().place;
    if (place != Place::Text && place != Place::Marker)
        return;
    for (const char c : std::string_view(reinterpret_cast<const char*>(characters), static_cast<std::size_t>(length))) {
        *reading.text += c;
        if (c == '{')
            *reading.text += '{'; // a brace of the text, not a code
    }
}

} // namespace

TranslationFile readXliff(const std::filesystem::path& in)
{
    const std::string bytes = xml::readFile(in.string());
    XliffReading reading;
    reading.in = in;
    xml::ElementHandlers handlers;
    handlers.start = onStart;
    handlers.end = onEnd;
    handlers.characters = onText;
    handlers.user = &reading;
    xml::scan(bytes, in.string(), handlers);
    if (reading.problem)
        throw *reading.problem;
    return std::move(reading.file);
}

} // namespace partnering::l10n
