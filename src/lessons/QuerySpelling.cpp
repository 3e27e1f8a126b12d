#include "lessons/QuerySpelling.hpp"

#include "lessons/IndexSchema.hpp"
#include "lessons/IndexedText.hpp"

#include <algorithm>
#include <set>

namespace partnering::lessons {
namespace {

// Words this short get at most one edit: two would turn most of them into other words.
constexpr std::size_t kShortWordCharacters = 4;

std::size_t characters(const std::string& utf8)
{
    return static_cast<std::size_t>(
        std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::set<std::string> stemsIn(const std::set<std::string>& forms, const SearchQuery::Stemmers& stemmers)
{
    std::set<std::string> stems;
    for (const auto& form : forms)
        for (const auto& entry : stemmers)
            stems.insert(std::string(schema::kStem) + entry.second(form));
    return stems;
}

// How many texts hold the most held of `terms`.
Xapian::doccount mostHeld(const std::set<std::string>& terms, const TermFrequency& frequency)
{
    Xapian::doccount most = 0;
    for (const auto& term : terms)
        most = std::max(most, frequency(term));
    return most;
}

// The word to search instead of `word`, or "" to keep it.
std::string replacementOf(const Xapian::Database& db, const Token& word, const SearchQuery::Stemmers& stemmers,
                          const TermFrequency& frequency)
{
    if (!worthSpelling(word.term))
        return {};
    const std::set<std::string> forms = formsOf(word);
    if (mostHeld(forms, frequency) > 0)
        return {};
    const std::set<std::string> stems = stemsIn(forms, stemmers);
    const Xapian::doccount stemHeld = mostHeld(stems, frequency);
    const unsigned edits = stemHeld > 0 || characters(word.term) <= kShortWordCharacters ? 1 : 2;
    std::string suggestion = db.get_spelling_suggestion(word.term, edits);
    if (suggestion.empty() || suggestion == word.term)
        return {};
    if (stemHeld > 0) {
        // An inflection the index holds in other forms ("maps": "map", "mapping"), unless the
        // word one edit away is the more common reading of what was typed.
        const std::set<std::string> suggestionStems = stemsIn({suggestion}, stemmers);
        const bool sameWord = std::any_of(suggestionStems.begin(), suggestionStems.end(),
                                          [&](const std::string& stem) { return stems.count(stem) > 0; });
        if (sameWord || frequency(suggestion) <= stemHeld)
            return {};
    }
    return suggestion;
}

} // namespace

SpelledQuery correctSpelling(const Xapian::Database& db, const std::string& query, const std::vector<Token>& words,
                             const QueryTerms& terms, const SearchQuery::Stemmers& stemmers,
                             const TermFrequency& frequency)
{
    SpelledQuery spelled;
    std::size_t at = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Token& word = words[i];
        const bool understood = i < terms.understood.size() && terms.understood[i];
        const std::string replacement = understood ? std::string() : replacementOf(db, word, stemmers, frequency);
        spelled.query += query.substr(at, word.begin - at);
        if (replacement.empty()) {
            spelled.query += query.substr(word.begin, word.end - word.begin);
        } else {
            CorrectedWord corrected{query.substr(word.begin, word.end - word.begin), replacement, spelled.query.size(), 0};
            spelled.query += replacement;
            corrected.end = spelled.query.size();
            spelled.corrected.push_back(std::move(corrected));
        }
        at = word.end;
    }
    spelled.query += query.substr(at);
    if (spelled.corrected.empty())
        spelled.query.clear();
    return spelled;
}

} // namespace partnering::lessons
