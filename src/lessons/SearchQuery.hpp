// A reader's words and filters as a Xapian query over the lessons index: every form of each
// word, glossary synonyms in other languages, filters. Not public.
#pragma once

#include "lessons/LessonSearch.hpp"
#include "lessons/QueryMatch.hpp"
#include "lessons/TextAnalyzer.hpp"

#include <xapian.h>

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace partnering::lessons {

// A word's forms as the index holds them unstemmed: as written and folded.
std::set<std::string> formsOf(const Token& token);

class SearchQuery {
public:
    using Stemmers = std::vector<std::pair<std::string, Xapian::Stem>>;

    // The stemmers of the index's languages, as the indexer recorded them (IndexSchema.hpp).
    static Stemmers stemmersOf(const Xapian::Database& db);

    SearchQuery(const Xapian::Database& db, const Stemmers& stemmers, AnalyzerCache& analyzer)
        : db_(db), stemmers_(stemmers), analyzer_(analyzer)
    {
    }

    // The words as one query: a lesson must hold all of them (`all`) or any. Each word, or run
    // of words the glossary knows, also matches its concept's other terms, each stemmed only in
    // texts of its own language and weighted lower. `terms` collects what the query can match.
    Xapian::Query words(const std::vector<Token>& words, bool all, QueryTerms& terms) const;

    // The request's filters (steps, tags, partner types, languages) as one query; an empty
    // query when there are none. Throws InvalidInput "[partnering.lessons.unknown-step]".
    Xapian::Query filter(const SearchRequest& request) const;

private:
    Xapian::Query wordGroup(const Token& token, const Stemmers& stems, TermSet& into) const;
    struct GlossaryEntry { // "<language>:<term>" from the synonym table, analysed
        std::string language;
        std::vector<Token> tokens;
    };
    std::optional<GlossaryEntry> readEntry(const std::string& synonym) const;
    std::vector<GlossaryEntry> entriesOf(const std::string& key) const;
    Xapian::Query glossaryTerm(const GlossaryEntry& entry, QueryTerms& terms) const;
    Xapian::Query glossaryRun(const std::vector<Token>& words, std::size_t first, std::size_t& span, QueryTerms& terms,
                              TermSet& typed) const;
    Xapian::Query lessonsWrittenIn(const std::vector<std::string>& languages) const;

    const Xapian::Database& db_;
    const Stemmers& stemmers_;
    AnalyzerCache& analyzer_;
};

} // namespace partnering::lessons
