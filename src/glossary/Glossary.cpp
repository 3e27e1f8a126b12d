#include "glossary/Glossary.hpp"

#include "error/Error.hpp"
#include "l10n/Catalogs.hpp"
#include "xml/XmlDocument.hpp"

#include <boost/algorithm/string/trim.hpp>

#include <fstream>
#include <sstream>

namespace partnering::glossary {

namespace {

constexpr const char* kXmlNs = "http://www.w3.org/XML/1998/namespace";
constexpr const char* kTbx2019Ns = "urn:iso:std:iso:30042:ed-2";

bool named(const xmlNode* node, const char* localName)
{
    return node != nullptr && node->type == XML_ELEMENT_NODE
           && std::string_view(reinterpret_cast<const char*>(node->name)) == localName;
}

// A term group: <tig> (TBX-Basic), <ntig><termGrp> or <termSec> (TBX 2019): the <term> and
// its administrativeStatus note, wherever they sit below the group.
void readTermGroup(const xmlNode* group, const std::string& language, Concept& concept_, const std::string& sourceName)
{
    Term term;
    term.language = language;
    for (const xmlNode* node = group->children; node != nullptr; node = node->next) {
        if (named(node, "term"))
            term.text = boost::algorithm::trim_copy(xml::textOf(node));
        else if (named(node, "termGrp"))
            for (const xmlNode* inner = node->children; inner != nullptr; inner = inner->next) {
                if (named(inner, "term"))
                    term.text = boost::algorithm::trim_copy(xml::textOf(inner));
                else if (named(inner, "termNote") && xml::attribute(inner, "type") == "administrativeStatus")
                    term.preferred = boost::algorithm::trim_copy(xml::textOf(inner)).rfind("preferredTerm", 0) == 0;
            }
        else if (named(node, "termNote") && xml::attribute(node, "type") == "administrativeStatus")
            term.preferred = boost::algorithm::trim_copy(xml::textOf(node)).rfind("preferredTerm", 0) == 0;
    }
    if (term.text.empty())
        throw InvalidInput("partnering.glossary.empty-term",
                           sourceName + ":" + std::to_string(xmlGetLineNo(group)) + ": empty term in concept \""
                               + concept_.id + "\"");
    concept_.terms.push_back(std::move(term));
}

void readLanguageSet(const xmlNode* set, Concept& concept_, const std::string& sourceName)
{
    const std::string tag = xml::attribute(set, "lang", kXmlNs);
    std::string language;
    try {
        language = l10n::canonicalLanguageTag(tag);
    } catch (const InvalidInput&) {
        throw InvalidInput("partnering.glossary.bad-language",
                           sourceName + ":" + std::to_string(xmlGetLineNo(set)) + ": xml:lang=\"" + tag
                               + "\" is not a BCP 47 language tag");
    }
    for (const xmlNode* node = set->children; node != nullptr; node = node->next)
        if (named(node, "tig") || named(node, "ntig") || named(node, "termSec"))
            readTermGroup(node, language, concept_, sourceName);
}

void readEntries(const xmlNode* parent, std::vector<Concept>& concepts, const std::string& sourceName)
{
    for (const xmlNode* node = parent->children; node != nullptr; node = node->next) {
        if (named(node, "termEntry") || named(node, "conceptEntry")) {
            Concept concept_;
            concept_.id = xml::attribute(node, "id");
            if (concept_.id.empty())
                concept_.id = "line-" + std::to_string(xmlGetLineNo(node));
            for (const xmlNode* set = node->children; set != nullptr; set = set->next)
                if (named(set, "langSet") || named(set, "langSec"))
                    readLanguageSet(set, concept_, sourceName);
            concepts.push_back(std::move(concept_));
        } else if (node->type == XML_ELEMENT_NODE) {
            readEntries(node, concepts, sourceName); // <text><body>...
        }
    }
}

} // namespace

const Term* Concept::preferredIn(std::string_view language) const
{
    const std::string_view primary = language.substr(0, language.find('-'));
    const Term* samePrimary = nullptr;
    for (const auto& term : terms) {
        if (!term.preferred)
            continue;
        if (term.language == language)
            return &term;
        if (samePrimary == nullptr && std::string_view(term.language).substr(0, term.language.find('-')) == primary)
            samePrimary = &term;
    }
    return samePrimary;
}

Glossary Glossary::parse(std::string_view bytes, const std::string& sourceName)
{
    const auto doc = xml::parse(bytes, sourceName, {.maxBytes = 64u << 20});
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!named(root, "martif") && !xml::isElement(root, kTbx2019Ns, "tbx") && !named(root, "tbx"))
        throw InvalidInput("partnering.glossary.not-tbx",
                           sourceName + ":" + std::to_string(root != nullptr ? xmlGetLineNo(root) : 1)
                               + ": not a TBX file (the root element must be <martif> or <tbx>)");
    Glossary glossary;
    readEntries(root, glossary.concepts_, sourceName);
    return glossary;
}

Glossary Glossary::load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw EnvironmentFailure("partnering.glossary.unreadable", path + ": cannot open for reading");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return parse(bytes.str(), path);
}

} // namespace partnering::glossary
