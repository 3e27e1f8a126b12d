#include "translation/DocumentLanguage.hpp"

#include "error/Error.hpp"
#include "l10n/Catalogs.hpp"
#include "odf/XmlScan.hpp"
#include "xml/XmlDocument.hpp"

#include <unicode/locid.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <optional>

namespace partnering::l10n {

namespace {

constexpr const char* kStyleNs = odf::ns::kStyle.data();
constexpr const char* kFoNs = odf::ns::kFo.data();
constexpr const char* kDcNs = odf::ns::kDc.data();
constexpr const char* kOfficeNs = odf::ns::kOffice.data();

// ICU's code for a script subtag such as "Arab" or "Hans".
UScriptCode scriptCode(const char* subtag)
{
    UScriptCode code = USCRIPT_INVALID_CODE;
    UErrorCode status = U_ZERO_ERROR;
    uscript_getCode(subtag, &code, 1, &status);
    return U_SUCCESS(status) ? code : USCRIPT_INVALID_CODE;
}

ScriptClass scriptClass(const char* subtag)
{
    switch (scriptCode(subtag)) {
    case USCRIPT_LATIN:
    case USCRIPT_CYRILLIC:
    case USCRIPT_GREEK:
    case USCRIPT_ARMENIAN:
    case USCRIPT_GEORGIAN:
    case USCRIPT_INVALID_CODE:
        return ScriptClass::Western;
    case USCRIPT_HAN:
    case USCRIPT_SIMPLIFIED_HAN:
    case USCRIPT_TRADITIONAL_HAN:
    case USCRIPT_HAN_WITH_BOPOMOFO:
    case USCRIPT_BOPOMOFO:
    case USCRIPT_JAPANESE:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_KOREAN:
    case USCRIPT_HANGUL:
    case USCRIPT_YI:
        return ScriptClass::Asian;
    default:
        return ScriptClass::Complex; // Arabic, Hebrew, Khmer, Thai, the Indic scripts...
    }
}

// The attribute names of one script class in style:text-properties.
struct TextPropertyNames {
    const char* ns;
    const char* language;
    const char* country;
};

TextPropertyNames textPropertyNames(ScriptClass scripts)
{
    switch (scripts) {
    case ScriptClass::Asian:
        return {kStyleNs, "language-asian", "country-asian"};
    case ScriptClass::Complex:
        return {kStyleNs, "language-complex", "country-complex"};
    case ScriptClass::Western:
        break;
    }
    return {kFoNs, "language", "country"};
}

// Where an attribute's value is in a start tag: the bytes between its quotes.
struct RawValue {
    std::size_t begin = 0, end = 0;
};

// The value of attribute `qname` in the well-formed start tag `tag`, if it is there.
std::optional<RawValue> rawValue(std::string_view tag, std::string_view qname)
{
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    std::size_t i = 1;
    while (i < tag.size() && !space(tag[i]) && tag[i] != '/' && tag[i] != '>')
        ++i; // the element's name
    while (i < tag.size()) {
        while (i < tag.size() && space(tag[i]))
            ++i;
        if (i >= tag.size() || tag[i] == '/' || tag[i] == '>')
            return std::nullopt;
        const std::size_t nameStart = i;
        while (i < tag.size() && tag[i] != '=' && !space(tag[i]))
            ++i;
        const std::string_view name = tag.substr(nameStart, i - nameStart);
        while (i < tag.size() && tag[i] != '"' && tag[i] != '\'')
            ++i;
        if (i >= tag.size())
            return std::nullopt;
        const char quote = tag[i];
        const std::size_t valueStart = ++i;
        while (i < tag.size() && tag[i] != quote)
            ++i;
        if (name == qname)
            return RawValue{valueStart, i};
        ++i;
    }
    return std::nullopt;
}

// One start tag with attributes set: existing ones get the new value in place, new ones go
// at the end, as libxml2 would add them.
class TagEditor {
public:
    explicit TagEditor(std::string_view tag) : tag_(tag) {}

    void set(const std::string& qname, const std::string& value)
    {
        if (const auto raw = rawValue(tag_, qname))
            replaced_.push_back({*raw, xml::escape(value)});
        else
            added_ += " " + qname + "=\"" + xml::escape(value) + "\"";
    }

    bool changed() const { return !replaced_.empty() || !added_.empty(); }

    std::string text() const
    {
        std::vector<std::pair<RawValue, std::string>> replaced = replaced_;
        std::sort(replaced.begin(), replaced.end(), [](const auto& a, const auto& b) { return a.first.begin < b.first.begin; });
        const std::size_t close = tag_.size() - (tag_.size() >= 2 && tag_[tag_.size() - 2] == '/' ? 2 : 1);
        std::string out;
        std::size_t cursor = 0;
        for (const auto& [raw, value] : replaced) {
            out.append(tag_.substr(cursor, raw.begin - cursor));
            out += value;
            cursor = raw.end;
        }
        out.append(tag_.substr(cursor, close - cursor));
        out += added_;
        out.append(tag_.substr(close));
        return out;
    }

private:
    std::string_view tag_;
    std::vector<std::pair<RawValue, std::string>> replaced_;
    std::string added_;
};

// The name an attribute in `ns` is written with in the tag: its own prefix when it is there,
// else the prefix bound where the tag is; empty when the namespace is not bound (nothing to set).
std::string qualifiedName(const std::vector<odf::ScannedAttribute>& attributes, std::string_view ns, const char* name,
                          const std::string& boundPrefix)
{
    for (const auto& attribute : attributes) {
        if (attribute.ns == ns && attribute.name == name)
            return attribute.prefix + ":" + name;
    }
    return boundPrefix.empty() ? std::string() : boundPrefix + ":" + name;
}

const std::string* valueOf(const std::vector<odf::ScannedAttribute>& attributes, std::string_view ns, const char* name)
{
    for (const auto& attribute : attributes) {
        if (attribute.ns == ns && attribute.name == name)
            return &attribute.value;
    }
    return nullptr;
}

} // namespace

DocumentLanguage DocumentLanguage::of(const std::string& languageTag)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = icu::Locale::forLanguageTag(canonicalLanguageTag(languageTag), status);
    icu::Locale likely = locale;
    likely.addLikelySubtags(status);
    if (U_FAILURE(status))
        throw InvalidInput("partnering.l10n.bad-language-tag", "ICU cannot read the language tag \"" + languageTag + "\"");
    DocumentLanguage out;
    out.language = locale.getLanguage();
    out.country = *locale.getCountry() != '\0' ? locale.getCountry() : likely.getCountry();
    out.scripts = scriptClass(likely.getScript());
    out.rightToLeft = likely.isRightToLeft();
    return out;
}

LanguageTags::LanguageTags(const std::vector<odf::ScannedElement>& elements)
{
    for (std::size_t i = 0; i < elements.size(); ++i) {
        const auto& element = elements[i];
        if (element.ns != odf::ns::kStyle)
            continue;
        Tag tag;
        if (element.name == "text-properties") {
            const bool isDefault = element.parent >= 0 && elements[static_cast<std::size_t>(element.parent)].is(odf::ns::kStyle, "default-style");
            tag.kind = isDefault ? Kind::DefaultTextProperties : Kind::TextProperties;
        } else if (element.name == "paragraph-properties" || element.name == "table-properties"
                   || element.name == "page-layout-properties") {
            tag.kind = Kind::Direction;
        } else {
            continue;
        }
        tag.start = element.start;
        tag.end = element.startTagEnd;
        tag.attributes = element.attributes;
        const int index = static_cast<int>(i);
        tag.foPrefix = odf::prefixOf(elements, index, odf::ns::kFo).value_or("");
        tag.stylePrefix = odf::prefixOf(elements, index, odf::ns::kStyle).value_or("");
        tags_.push_back(std::move(tag));
    }
}

std::vector<ByteEdit> LanguageTags::edits(std::string_view bytes, const DocumentLanguage& language) const
{
    const TextPropertyNames names = textPropertyNames(language.scripts);
    const std::string_view namesNs = names.ns;
    std::vector<ByteEdit> out;
    for (const Tag& tag : tags_) {
        TagEditor editor(bytes.substr(tag.start, tag.end - tag.start));
        const std::string& namesPrefix = namesNs == odf::ns::kFo ? tag.foPrefix : tag.stylePrefix;
        const auto set = [&](std::string_view ns, const char* name, const std::string& prefix, const std::string& value) {
            if (const std::string qname = qualifiedName(tag.attributes, ns, name, prefix); !qname.empty())
                editor.set(qname, value);
        };
        if (tag.kind != Kind::Direction) {
            const std::string* named = valueOf(tag.attributes, namesNs, names.language);
            if (tag.kind == Kind::DefaultTextProperties || (named != nullptr && !named->empty())) {
                set(namesNs, names.language, namesPrefix, language.language);
                set(namesNs, names.country, namesPrefix, language.country);
            }
        } else if (language.rightToLeft) {
            set(odf::ns::kStyle, "writing-mode", tag.stylePrefix, "rl-tb");
            if (const std::string* align = valueOf(tag.attributes, odf::ns::kFo, "text-align");
                align != nullptr && (*align == "left" || *align == "right"))
                set(odf::ns::kFo, "text-align", tag.foPrefix, *align == "left" ? "start" : "end");
        }
        if (editor.changed())
            out.push_back({tag.start, tag.end, editor.text()});
    }
    return out;
}

std::string applyEdits(std::string_view bytes, const std::vector<ByteEdit>& edits)
{
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 16);
    std::size_t cursor = 0;
    for (const auto& edit : edits) {
        out.append(bytes.substr(cursor, edit.begin - cursor));
        out += edit.text;
        cursor = edit.end;
    }
    out.append(bytes.substr(cursor));
    return out;
}

std::string localisedPart(const std::string& bytes, const std::string& name, const DocumentLanguage& language)
{
    return applyEdits(bytes, LanguageTags(odf::scanXml(bytes, name)).edits(bytes, language));
}

std::string localisedMeta(const std::string& bytes, const std::string& name, const std::string& languageTag)
{
    const auto doc = xml::parse(bytes, name);
    xmlNode* root = xmlDocGetRootElement(doc.get());
    for (xmlNode* meta = root->children; meta != nullptr; meta = meta->next) {
        if (!xml::isElement(meta, kOfficeNs, "meta"))
            continue;
        xmlNode* language = nullptr;
        for (xmlNode* child = meta->children; child != nullptr; child = child->next) {
            if (xml::isElement(child, kDcNs, "language"))
                language = child;
        }
        if (language == nullptr) {
            xmlNs* dc = xmlSearchNsByHref(doc.get(), meta, reinterpret_cast<const xmlChar*>(kDcNs));
            if (dc == nullptr)
                dc = xmlNewNs(root, reinterpret_cast<const xmlChar*>(kDcNs), reinterpret_cast<const xmlChar*>("dc"));
            language = xmlNewChild(meta, dc, reinterpret_cast<const xmlChar*>("language"), nullptr);
        }
        xmlNodeSetContent(language, reinterpret_cast<const xmlChar*>(languageTag.c_str()));
    }
    return xml::serialize(doc.get());
}

} // namespace partnering::l10n
