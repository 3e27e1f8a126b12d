// Which words of a text a query matches, shared by the search (the text a result shows, its
// snippet) and the presentation (the marks in a preview). Not a public header of the library.
#pragma once

#include "lessons/LessonSearch.hpp"
#include "lessons/TextAnalyzer.hpp"
#include "lessons/TextWords.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace partnering::lessons {

// One word as the reader typed it: as written and folded.
struct TypedWord {
    std::unordered_set<std::string> forms;
};

// Words (as written or folded) and stems ("Z" prefixed) a query can match.
struct TermSet {
    std::unordered_set<std::string> words;
    std::unordered_set<std::string> stems;
};

// The terms a query can match: its own words in any text, and the words of their glossary
// synonyms only in texts of the synonym's language (a glossary term is stemmed in its own
// language only: the English "exit" must not mark the Spanish "exitosa").
struct QueryTerms {
    std::unordered_set<std::string> words;
    std::unordered_set<std::string> stems;
    std::unordered_map<std::string, TermSet> glossary; // by primary language subtag
    std::vector<TypedWord> typed; // the words as typed, one entry each (synonyms are not)
    std::vector<bool> understood; // per word of the query: a glossary term covers it

    // The glossary terms to match in a text of `language` (a BCP 47 tag); nullptr when none.
    const TermSet* glossaryIn(const std::string& language) const;
};

// A text's words and which of them a query matches.
struct TextMatch {
    std::string text;
    std::vector<Token> tokens;
    std::vector<bool> matched;
    std::vector<bool> common; // matched, and so frequent in its language that alone it means little
};

// The stems ("Z" prefixed) the index holds for `token` of a text analysed by `analyzer`.
std::vector<std::string> stemsOf(const Token& token, const TextAnalyzer& analyzer);

// Whether `token` (with its `stems`) is one of `words` or has one of `stems`.
bool matchesAny(const Token& token, const std::vector<std::string>& tokenStems,
                const std::unordered_set<std::string>& words, const std::unordered_set<std::string>& stems);

// Whether `token` of a text in `language` (with its `stems`) is a term of the query.
bool matchesQuery(const Token& token, const std::vector<std::string>& tokenStems, const QueryTerms& terms,
                  const std::string& language);

// How many of the words as typed `text` contains as written (or without accents), each counted
// once: the measure of which language a query was written in. Stems do not count: across
// languages they collide (the English "exit" and the Spanish "éxito" share one). Words
// `common` in the text's language ("de" in French and Spanish) say nothing of the language and
// do not count either.
std::size_t typedWordsIn(const TextWords& text, const QueryTerms& terms, const std::function<bool(const Token&)>& common);

// The words worth marking: every rare match, and a common one only when it stands beside a
// rarer match with nothing but spaces between ("stratégie de sortie", not every "de").
std::vector<bool> litWords(const TextMatch& match);

// Byte ranges of the lit words from token `first` to token `last`, neighbours with only
// spaces between merged into one range (a phrase, or a word ICU split in two: 问|责).
std::vector<std::pair<std::size_t, std::size_t>> litRanges(const TextMatch& match, const std::vector<bool>& lit,
                                                            std::size_t first, std::size_t last);

// The matched words of `match`, to mark them again in the same text later (MarkedWords).
void collectMarkedWords(const TextMatch& match, MarkedWords& marked);

} // namespace partnering::lessons
