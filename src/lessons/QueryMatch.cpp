#include "lessons/QueryMatch.hpp"

#include "lessons/IndexSchema.hpp"

#include <algorithm>

namespace partnering::lessons {
namespace {

// Nothing but spaces between two words (or nothing at all, in Khmer or Chinese).
bool adjacent(const TextMatch& match, std::size_t left, std::size_t right)
{
    for (std::size_t at = match.tokens[left].end; at < match.tokens[right].begin; ++at)
        if (match.text[at] != ' ')
            return false;
    return true;
}

void addUnique(std::vector<std::string>& values, const std::string& value)
{
    if (std::find(values.begin(), values.end(), value) == values.end())
        values.push_back(value);
}

} // namespace

std::vector<std::string> stemsOf(const Token& token, const TextAnalyzer& analyzer)
{
    std::vector<std::string> stems;
    if (analyzer.hasStemmer()) {
        stems.push_back(std::string(schema::kStem) + analyzer.stem(token.term));
        if (!token.folded.empty())
            stems.push_back(std::string(schema::kStem) + analyzer.stem(token.folded));
    }
    return stems;
}

bool matchesAny(const Token& token, const std::vector<std::string>& tokenStems,
                const std::unordered_set<std::string>& words, const std::unordered_set<std::string>& stems)
{
    if (words.count(token.term) > 0 || (!token.folded.empty() && words.count(token.folded) > 0))
        return true;
    return std::any_of(tokenStems.begin(), tokenStems.end(), [&](const std::string& stem) { return stems.count(stem) > 0; });
}

const TermSet* QueryTerms::glossaryIn(const std::string& language) const
{
    const auto found = glossary.find(language.substr(0, language.find('-')));
    return found == glossary.end() ? nullptr : &found->second;
}

bool matchesQuery(const Token& token, const std::vector<std::string>& tokenStems, const QueryTerms& terms,
                  const std::string& language)
{
    if (matchesAny(token, tokenStems, terms.words, terms.stems))
        return true;
    const TermSet* glossary = terms.glossaryIn(language);
    return glossary != nullptr && matchesAny(token, tokenStems, glossary->words, glossary->stems);
}

std::size_t typedWordsIn(const TextWords& text, const QueryTerms& terms, const std::function<bool(const Token&)>& common)
{
    std::vector<bool> found(terms.typed.size(), false);
    const std::unordered_set<std::string> noStems;
    for (const auto* tokens : {&text.titleTokens, &text.bodyTokens, &text.adviceTokens}) {
        for (const auto& token : *tokens) {
            for (std::size_t i = 0; i < terms.typed.size(); ++i)
                found[i] = found[i] || (matchesAny(token, {}, terms.typed[i].forms, noStems) && !common(token));
        }
    }
    return static_cast<std::size_t>(std::count(found.begin(), found.end(), true));
}

std::vector<bool> litWords(const TextMatch& match)
{
    const std::size_t count = match.tokens.size();
    std::vector<bool> lit(count, false);
    for (std::size_t i = 0; i < count; ++i) {
        if (!match.matched[i])
            continue;
        lit[i] = !match.common[i];
        for (std::size_t j = i; !lit[i] && j > 0 && match.matched[j - 1] && adjacent(match, j - 1, j); --j)
            lit[i] = !match.common[j - 1];
        for (std::size_t j = i; !lit[i] && j + 1 < count && match.matched[j + 1] && adjacent(match, j, j + 1); ++j)
            lit[i] = !match.common[j + 1];
    }
    return lit;
}

std::vector<std::pair<std::size_t, std::size_t>> litRanges(const TextMatch& match, const std::vector<bool>& lit,
                                                            std::size_t first, std::size_t last)
{
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    for (std::size_t i = first; i <= last && i < match.tokens.size(); ++i) {
        if (!lit[i])
            continue;
        if (!ranges.empty() && i > first && lit[i - 1] && adjacent(match, i - 1, i))
            ranges.back().second = match.tokens[i].end;
        else
            ranges.emplace_back(match.tokens[i].begin, match.tokens[i].end);
    }
    return ranges;
}

void collectMarkedWords(const TextMatch& match, MarkedWords& marked)
{
    for (std::size_t i = 0; i < match.tokens.size(); ++i) {
        if (match.matched[i])
            addUnique(match.common[i] ? marked.commonWords : marked.words, match.tokens[i].term);
    }
}

} // namespace partnering::lessons
