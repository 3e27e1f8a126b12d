#include "translation/DocumentLanguage.hpp"

#include "error/Error.hpp"
#include "l10n/Catalogs.hpp"
#include "odf/XmlScan.hpp"
#include "xml/XmlDocument.hpp"

#include <unicode/locid.h>
#include <unicode/uscript.h>

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

void setAttribute(xmlNode* node, const char* nsHref, const char* name, const std::string& value)
{
    xmlNs* ns = xmlSearchNsByHref(node->doc, node, reinterpret_cast<const xmlChar*>(nsHref));
    if (ns == nullptr)
        return; // the part does not use that vocabulary: nothing to set
    xmlSetNsProp(node, ns, reinterpret_cast<const xmlChar*>(name), reinterpret_cast<const xmlChar*>(value.c_str()));
}

void localiseStyles(xmlNode* node, const DocumentLanguage& language, const TextPropertyNames& names)
{
    for (; node != nullptr; node = node->next) {
        if (node->type != XML_ELEMENT_NODE)
            continue;
        if (xml::isElement(node, kStyleNs, "text-properties")) {
            const bool isDefault = node->parent != nullptr && xml::isElement(node->parent, kStyleNs, "default-style");
            if (isDefault || !xml::attribute(node, names.language, names.ns).empty()) {
                setAttribute(node, names.ns, names.language, language.language);
                setAttribute(node, names.ns, names.country, language.country);
            }
        } else if (language.rightToLeft
                   && (xml::isElement(node, kStyleNs, "paragraph-properties") || xml::isElement(node, kStyleNs, "table-properties")
                       || xml::isElement(node, kStyleNs, "page-layout-properties"))) {
            setAttribute(node, kStyleNs, "writing-mode", "rl-tb");
            const std::string align = xml::attribute(node, "text-align", kFoNs);
            if (align == "left" || align == "right")
                setAttribute(node, kFoNs, "text-align", align == "left" ? "start" : "end");
        }
        localiseStyles(node->children, language, names);
    }
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

std::string localisedPart(const std::string& bytes, const std::string& name, const DocumentLanguage& language)
{
    const auto doc = xml::parse(bytes, name);
    localiseStyles(xmlDocGetRootElement(doc.get()), language, textPropertyNames(language.scripts));
    return xml::serialize(doc.get());
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
