// The hit a matched document makes: which of its lesson's texts the result shows, that text's
// snippet, and the words to mark in it. Used by the search only; not a public header.
#pragma once

#include "lessons/IndexedText.hpp"
#include "lessons/LessonSearch.hpp"
#include "lessons/QueryMatch.hpp"
#include "lessons/TextAnalyzer.hpp"

#include <xapian.h>

#include <string>
#include <vector>

namespace partnering::lessons {

// What decides a hit's language besides the query's words (see SearchRequest).
struct ReaderLanguages {
    std::string reader; // canonical BCP 47; empty when the reader gave none
    bool readerFirst = false;
    std::vector<std::string> only; // canonical: the request's language filter
};

// Reads hits from the index. Uses `analyzers` unlocked: the caller holds the search's lock.
class HitReader {
public:
    HitReader(const Xapian::Database& db, AnalyzerCache& analyzers) : db_(db), analyzers_(analyzers) {}

    // The hit of `matched` (one text of a lesson the query found) shown in the text shownText()
    // picks, without its score.
    SearchHit hitOf(const Xapian::Document& matched, const ReaderLanguages& languages, const QueryTerms& terms) const;

private:
    // The text a hit shows, with its words.
    struct HitText {
        StoredText stored;
        TextWords words;
    };

    HitText shownStoredText(const Xapian::Document& matched, const ReaderLanguages& languages,
                            const QueryTerms& terms) const;
    TextMatch matchText(std::string text, std::vector<Token> tokens, const std::string& language,
                        const QueryTerms& terms) const;
    std::function<bool(const Token&)> commonIn(const std::string& language) const;

    const Xapian::Database& db_;
    AnalyzerCache& analyzers_;
};

} // namespace partnering::lessons
