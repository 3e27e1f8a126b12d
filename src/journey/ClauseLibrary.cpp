#include "journey/ClauseLibrary.hpp"

#include "error/Error.hpp"
#include "journey/AnswerPath.hpp"
#include "journey/AnswerValue.hpp"
#include "xml/XmlDocument.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace partnering::journey {

std::string_view builtInClauses(); // generated from clauses.xml

namespace {
constexpr const char* kNs = "urn:x-partnering:clauses:1";

[[noreturn]] void badClauses(const std::string& sourceName, const xmlNode* node, const std::string& reason)
{
    throw InvalidInput("partnering.journey.bad-clauses",
                       sourceName + ":" + std::to_string(node != nullptr ? xmlGetLineNo(node) : 0) + ": " + reason);
}

ClauseOption parseOption(const xmlNode* node, const std::string& sourceName)
{
    ClauseOption option;
    option.id = xml::attribute(node, "id");
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (xml::isElement(child, kNs, "label"))
            option.label = xml::collapsedText(child);
        else if (xml::isElement(child, kNs, "wording"))
            option.wording = xml::collapsedText(child);
    }
    if (option.id.empty() || option.label.empty() || option.wording.empty())
        badClauses(sourceName, node, "an option needs an id, a label and a wording");
    return option;
}

Clause parseClause(const xmlNode* node, const std::string& sourceName)
{
    Clause clause;
    clause.path = xml::attribute(node, "path");
    const auto path = AnswerPath::tryParse(clause.path);
    if (!path || path->keys() != clause.path)
        badClauses(sourceName, node, "the path \"" + clause.path + "\" is not keys joined by \".\"");
    clause.defaultOption = xml::attribute(node, "default");
    std::set<std::string> ids;
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (!xml::isElement(child, kNs, "option"))
            continue;
        clause.options.push_back(parseOption(child, sourceName));
        if (!ids.insert(clause.options.back().id).second)
            badClauses(sourceName, child, "the option id \"" + clause.options.back().id + "\" is used twice");
    }
    if (clause.options.size() < 2)
        badClauses(sourceName, node, "the clause " + clause.path + " offers fewer than two options");
    if (clause.option(clause.defaultOption) == nullptr)
        badClauses(sourceName, node, "the clause " + clause.path + " has no option \"" + clause.defaultOption
                                         + "\" to take by default");
    return clause;
}

} // namespace

const ClauseOption* Clause::option(std::string_view id) const
{
    const auto found = std::find_if(options.begin(), options.end(), [&](const ClauseOption& o) { return o.id == id; });
    return found != options.end() ? &*found : nullptr;
}

const ClauseLibrary& ClauseLibrary::standard()
{
    static const ClauseLibrary library = fromDefinition(builtInClauses(), "clauses.xml");
    return library;
}

ClauseLibrary ClauseLibrary::fromDefinition(std::string_view xmlText, const std::string& sourceName)
{
    const auto doc = xml::parse(xmlText, sourceName);
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!xml::isElement(root, kNs, "clauses"))
        badClauses(sourceName, root, "the root element must be {urn:x-partnering:clauses:1}clauses");
    ClauseLibrary library;
    for (const xmlNode* node = root->children; node != nullptr; node = node->next) {
        if (!xml::isElement(node, kNs, "clause"))
            continue;
        library.clauses_.push_back(parseClause(node, sourceName));
        if (std::count_if(library.clauses_.begin(), library.clauses_.end(),
                          [&](const Clause& c) { return c.path == library.clauses_.back().path; })
            > 1)
            badClauses(sourceName, node, "the clause " + library.clauses_.back().path + " is defined twice");
    }
    return library;
}

const Clause* ClauseLibrary::find(std::string_view keys) const
{
    const auto found = std::find_if(clauses_.begin(), clauses_.end(), [&](const Clause& c) { return c.path == keys; });
    return found != clauses_.end() ? &*found : nullptr;
}

Clause ClauseLibrary::translated(const Clause& clause, const l10n::Translator& translator)
{
    Clause result = clause;
    for (auto& option : result.options) {
        option.label = translator.translate(option.label);
        option.wording = translator.translate(option.wording);
    }
    return result;
}

const ClauseOption* ClauseLibrary::picked(const Clause& clause, const nlohmann::json* answer)
{
    if (answer == nullptr || !answered(*answer))
        return clause.option(clause.defaultOption);
    if (!answer->is_string())
        return nullptr;
    return clause.option(answer->get_ref<const std::string&>());
}

std::string ClauseLibrary::wording(const Clause& clause, const nlohmann::json* answer, const l10n::Translator& translator)
{
    if (const ClauseOption* option = picked(clause, answer))
        return translator.translate(option->wording);
    return answer->is_string() ? answer->get<std::string>() : std::string();
}

std::string ClauseLibrary::answerFor(const Clause& clause, std::string_view text, const l10n::Translator& translator)
{
    const std::string written = xml::collapsedWhitespace(text);
    if (written.empty())
        return {};
    for (const auto& option : clause.options) {
        if (xml::collapsedWhitespace(translator.translate(option.wording)) == written)
            return option.id;
    }
    return std::string(text);
}

} // namespace partnering::journey
