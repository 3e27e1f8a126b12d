// Searching the lessons index (local folder or remote xapian-tcpsrv) in any language: one
// result per lesson, shown in the language of the words that found it, with highlighted
// snippets, spelling correction, cross-language synonyms from the glossary, filters and facets.
#pragma once

#include "lessons/Lesson.hpp"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace partnering::lessons {

struct SearchRequest {
    std::string query;          // free text in any language; empty lists lessons by the filters
    std::string readerLanguage; // BCP 47; shown when the query's words do not decide (ShownText.hpp)
    // The reader's language before the query's: `partnering search --lang` keeps the contract
    // other tools rely on (a lesson that exists in it is shown in it); the sidebar does not
    // set it, so a French query reads the French texts whatever the UI's language.
    bool readerLanguageFirst = false;
    std::vector<int> steps;     // filters: a lesson passes with any of the values of each kind
    std::vector<std::string> tags;
    std::vector<std::string> partnerTypes;
    std::vector<std::string> languages; // lessons that have a text in one of these, shown in it
    std::size_t limit = 10;
    std::size_t offset = 0;
    bool facets = true;
};

struct Snippet {
    std::string text;                                      // plain UTF-8, "…" where cut
    std::vector<std::pair<std::size_t, std::size_t>> hits; // byte ranges of matched words in `text`

    // The snippet as XML/HTML-escaped text with <mark>…</mark> around matched words.
    std::string markup() const;
};

// The words of a result's text the query matched, to mark them anywhere in that text (the
// preview): each of `words`, and each of `commonWords` (frequent ones such as "de") only
// beside another match. Words as TextAnalyzer::tokenize gives them (Token::term).
struct MarkedWords {
    std::vector<std::string> words;
    std::vector<std::string> commonWords;
};

struct SearchHit {
    std::string id;
    std::string language; // of the text shown: see shownText() in ShownText.hpp
    std::string title;
    std::string summary;
    Snippet snippet;        // cut from the summary and the body: what the source says
    Snippet adviceSnippet;  // cut from the advice (the library's own); empty when the text has none
    std::string source;
    std::vector<int> steps;
    std::vector<std::string> tags;
    std::vector<std::string> partnerTypes;
    std::vector<std::string> languages; // every language the lesson exists in
    MarkedWords marked;                 // in the text shown: title, summary, body and advice
    double score = 0;
};

struct FacetCounts { // lessons per value, over the matching lessons (the first 1,000)
    std::map<int, std::size_t> steps;
    std::map<std::string, std::size_t> tags;
    std::map<std::string, std::size_t> partnerTypes;
    std::map<std::string, std::size_t> languages;
};

// A word of the query the index does not hold, and the word searched instead.
struct CorrectedWord {
    std::string typed;    // as the reader typed it
    std::string searched; // the index's word, as SearchResults::correctedQuery spells it
    std::size_t begin = 0; // byte range of `searched` in SearchResults::correctedQuery
    std::size_t end = 0;
};

struct SearchResults {
    std::vector<SearchHit> hits;
    std::size_t matchingLessons = 0; // Xapian's estimate
    FacetCounts facets;
    // What was searched instead of the query, when some of its words are in no lesson and the
    // index holds a word spelt nearly so: the query with each such word replaced ("" when none
    // was), and the words replaced.
    std::string correctedQuery;
    std::vector<CorrectedWord> correctedWords;
    bool relaxed = false;             // no lesson had every word: lessons with some of them
    std::vector<std::string> notices; // e.g. the query was too long and was shortened
};

class LessonSearch {
public:
    // Throws EnvironmentFailure "[partnering.lessons.no-index]" when `directory` holds no index,
    // "[partnering.lessons.index-unusable]" when it is corrupt.
    static LessonSearch openLocal(const std::filesystem::path& directory);
    // A database served by xapian-tcpsrv. Throws "[partnering.lessons.remote-unreachable]". A
    // connection the server closed (idle, restarted) is made again once, at the next call.
    // `timeout` bounds making the first connection; each network exchange (the server's
    // greeting included) and each later connection is bounded by kRemoteOperationTimeout, so
    // a call on a server gone silent ends within that time: a search in progress is what a
    // closing sidebar waits for.
    static LessonSearch openRemote(const std::string& host, unsigned port,
                                   std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));
    static constexpr std::chrono::milliseconds kRemoteOperationTimeout{5000};

    ~LessonSearch();
    LessonSearch(LessonSearch&&) noexcept;
    LessonSearch& operator=(LessonSearch&&) noexcept;

    // Thread-safe. Bad filters are InvalidInput ("[partnering.lessons.unknown-step]",
    // "[partnering.l10n.bad-language-tag]"); any query text is accepted. This and the calls
    // below throw EnvironmentFailure "[partnering.lessons.index-busy]" when writers keep changing
    // the index, "[partnering.lessons.index-unusable]" for documents the indexer did not write,
    // "[partnering.lessons.remote-unreachable]" and "[partnering.lessons.search-failed]".
    SearchResults search(const SearchRequest& request) const;

    // The whole lesson, every language, for a preview; nullopt for an unknown id.
    std::optional<Lesson> lesson(const std::string& id) const;

    std::size_t lessonCount() const;

    // Served by xapian-tcpsrv: each call may wait on the network.
    bool remote() const noexcept;

private:
    struct Impl;
    explicit LessonSearch(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace partnering::lessons
