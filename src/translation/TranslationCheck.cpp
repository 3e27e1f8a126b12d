#include "translation/TranslationCheck.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <map>

namespace partnering::l10n {

namespace {

std::string folded(const std::string& text)
{
    std::string out;
    icu::UnicodeString::fromUTF8(text).foldCase().toUTF8String(out);
    return out;
}

bool isWordByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// `term` as a whole word (or words) of `text`; both folded.
bool containsTerm(const std::string& text, const std::string& term)
{
    for (auto at = text.find(term); at != std::string::npos; at = text.find(term, at + 1)) {
        const bool startsWord = at == 0 || !isWordByte(text[at - 1]) || static_cast<unsigned char>(term[0]) >= 0x80;
        const std::size_t end = at + term.size();
        const bool endsWord = end >= text.size() || !isWordByte(text[end]) || static_cast<unsigned char>(term.back()) >= 0x80;
        if (startsWord && endsWord)
            return true;
    }
    return false;
}

} // namespace

bool TranslationCheck::mergeable() const noexcept
{
    return std::none_of(issues.begin(), issues.end(), [](const TranslationIssue& issue) { return issue.blocking; });
}

TranslationCheck checkTranslation(const TemplateText& templateText, const TranslationFile& translation,
                                  const glossary::Glossary* glossary)
{
    TranslationCheck check;
    std::map<std::string, const TextUnit*> byId;
    for (const auto& unit : translation.units) {
        if (!byId.emplace(unit.id, &unit).second)
            check.issues.push_back({unit.id, "the unit appears twice in the translation", true});
    }
    std::map<std::string, const TextUnit*> units;
    for (const auto& unit : templateText.units())
        units[unit.id] = &unit;
    for (const auto& unit : translation.units) {
        const auto known = units.find(unit.id);
        if (known == units.end())
            check.issues.push_back({unit.id, "the template has no such unit", true});
        else if (!unit.source.empty() && unit.source != known->second->source)
            check.issues.push_back({unit.id, "the source is not the template's: extract the template again", true});
    }
    for (const auto& unit : templateText.units()) {
        ++check.units;
        const int words = wordCount(unit.source);
        check.sourceWords += words;
        const auto given = byId.find(unit.id);
        if (given == byId.end() || given->second->target.empty()) {
            check.issues.push_back({unit.id, "untranslated", false});
            continue;
        }
        ++check.translated;
        check.translatedWords += words;
        const std::string& target = given->second->target;
        if (const std::string problem = codeProblem(unit, target); !problem.empty())
            check.issues.push_back({unit.id, problem, true});
        if (glossary == nullptr || translation.targetLanguage.empty())
            continue;
        const std::string source = folded(unit.source);
        const std::string translated = folded(target);
        for (const auto& entry : glossary->concepts()) {
            const glossary::Term* english = entry.preferredIn("en");
            const glossary::Term* preferred = entry.preferredIn(translation.targetLanguage);
            if (english == nullptr || preferred == nullptr || !containsTerm(source, folded(english->text)))
                continue;
            if (translated.find(folded(preferred->text)) == std::string::npos)
                check.issues.push_back({unit.id, "\"" + english->text + "\" is \"" + preferred->text + "\" in the glossary", false});
        }
    }
    return check;
}

} // namespace partnering::l10n
