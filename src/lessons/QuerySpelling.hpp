// Per-word spelling correction of a query: each word no lesson holds, in any form, replaced by
// the nearest word the index holds. Used by the search only; not a public header.
#pragma once

#include "lessons/LessonSearch.hpp"
#include "lessons/QueryMatch.hpp"
#include "lessons/SearchQuery.hpp"
#include "lessons/TextAnalyzer.hpp"

#include <xapian.h>

#include <functional>
#include <string>
#include <vector>

namespace partnering::lessons {

struct SpelledQuery {
    std::string query;                   // "" when no word was replaced
    std::vector<CorrectedWord> corrected; // in the order of the query
};

// How many texts hold a term: the match's own figures (MSet::get_termfreq), so that a remote
// index is not asked again for each word.
using TermFrequency = std::function<Xapian::doccount(const std::string& term)>;

// `query` with each of its `words` that no text holds replaced by the index's spelling
// suggestion. A word some text holds as written or folded stays; so does one a glossary term
// covers (`terms.understood`). A word only its stem finds (an inflection, or a misspelling that
// happens to share a stem with another word) is replaced only by a word one edit away, of
// other stems, that more texts hold than hold its stem: "المسائلة" is "المساءلة" misspelt (its
// stem is that of "المسائل", issues), "maps" is not "mais" misspelt.
SpelledQuery correctSpelling(const Xapian::Database& db, const std::string& query, const std::vector<Token>& words,
                             const QueryTerms& terms, const SearchQuery::Stemmers& stemmers,
                             const TermFrequency& frequency);

} // namespace partnering::lessons
