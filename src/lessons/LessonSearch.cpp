#include "lessons/LessonSearch.hpp"
#include "xml/XmlDocument.hpp"

#include "error/Error.hpp"
#include "l10n/Catalogs.hpp"
#include "lessons/IndexSchema.hpp"
#include "lessons/IndexedText.hpp"
#include "lessons/QueryMatch.hpp"
#include "lessons/SearchQuery.hpp"
#include "lessons/SnippetWindow.hpp"
#include "lessons/ShownText.hpp"
#include "lessons/TextAnalyzer.hpp"

#include <xapian.h>

#include <algorithm>
#include <functional>
#include <map>
#include <mutex>

namespace partnering::lessons {

namespace {

constexpr std::size_t kMaxQueryBytes = 1024;
constexpr std::size_t kMaxQueryWords = 32;
constexpr std::size_t kFacetDepth = 1000;

} // namespace

std::string Snippet::markup() const
{
    std::string out;
    std::size_t at = 0;
    for (const auto& [begin, end] : hits) {
        out += xml::escape(std::string_view(text).substr(at, begin - at));
        out += "<mark>";
        out += xml::escape(std::string_view(text).substr(begin, end - begin));
        out += "</mark>";
        at = end;
    }
    out += xml::escape(std::string_view(text).substr(at));
    return out;
}

struct LessonSearch::Impl {
    std::string name; // for errors: the folder or host:port
    mutable Xapian::Database db; // reopen() moves it to the newest revision
    std::function<Xapian::Database()> connect; // a remote one's connection, to make again
    mutable std::mutex mutex;
    mutable AnalyzerCache analyzer;
    SearchQuery::Stemmers stemmers; // of the index's languages

    void loadStemmers()
    {
        stemmers.clear();
        std::string languages = db.get_metadata(std::string(schema::kStemmersKey));
        std::size_t start = 0;
        while (start < languages.size()) {
            auto end = languages.find(' ', start);
            if (end == std::string::npos)
                end = languages.size();
            const std::string language = languages.substr(start, end - start);
            try {
                stemmers.emplace_back(language, Xapian::Stem(language));
            } catch (const Xapian::Error&) {
            }
            start = end + 1;
        }
    }

    // Which of `text`'s words (in `language`) the query matches.
    TextMatch matchText(const std::string& text, const std::string& language, const QueryTerms& terms) const
    {
        TextMatch match;
        match.text = text;
        TextAnalyzer& textAnalyzer = analyzer(language);
        match.tokens = textAnalyzer.tokenize(match.text);
        match.matched.assign(match.tokens.size(), false);
        match.common.assign(match.tokens.size(), false);
        const auto common = commonIn(language);
        for (std::size_t i = 0; i < match.tokens.size(); ++i) {
            const Token& token = match.tokens[i];
            match.matched[i] = matchesAny(token, stemsOf(token, textAnalyzer), terms.words, terms.stems);
            if (match.matched[i])
                match.common[i] = common(token);
        }
        return match;
    }

    // Whether a word is common in `language`: in more than half its texts (a stopword, for
    // search purposes).
    std::function<bool(const Token&)> commonIn(const std::string& language) const
    {
        const Xapian::doccount languageTexts = db.get_termfreq(std::string(schema::kLanguage) + language);
        const Xapian::doccount commonFrequency = std::max<Xapian::doccount>(2, languageTexts / 2);
        return [this, commonFrequency](const Token& token) {
            return std::max(db.get_termfreq(token.term), token.folded.empty() ? 0 : db.get_termfreq(token.folded))
                   > commonFrequency;
        };
    }

    static std::string bodyOf(const LessonText& text)
    {
        std::string body = text.summary;
        for (const auto& paragraph : text.paragraphs)
            body += (body.empty() ? "" : " ") + paragraph;
        return body;
    }

    // The text of the lesson of `matched` (one of its texts) that a result shows: see shownText().
    StoredText shownStoredText(const Xapian::Document& matched, const std::string& readerLanguage, bool readerFirst,
                               const std::vector<std::string>& onlyLanguages, const QueryTerms& terms) const
    {
        StoredText stored = readStoredText(matched);
        if (stored.languages.size() < 2)
            return stored;
        const bool readerDecides = (terms.typed.empty() || readerFirst) && onlyLanguages.empty();
        if (readerDecides && stored.text.language == readerLanguage)
            return stored;
        std::vector<StoredText> texts;
        const std::string lessonTerm = schema::lessonTerm(stored.lessonId);
        for (auto posting = db.postlist_begin(lessonTerm); posting != db.postlist_end(lessonTerm); ++posting)
            texts.push_back(*posting == matched.get_docid() ? stored : readStoredText(db.get_document(*posting)));
        // In the order of the lesson file: its first text is the last resort.
        std::stable_sort(texts.begin(), texts.end(), [&](const StoredText& a, const StoredText& b) {
            return std::find(stored.languages.begin(), stored.languages.end(), a.text.language)
                   < std::find(stored.languages.begin(), stored.languages.end(), b.text.language);
        });
        std::vector<TextCandidate> candidates;
        for (const auto& text : texts) {
            TextCandidate candidate{text.text.language, 0};
            if (!terms.typed.empty())
                candidate.typedWords =
                    typedWordsIn(text.text, analyzer(text.text.language), terms, commonIn(text.text.language));
            candidates.push_back(std::move(candidate));
        }
        if (candidates.empty())
            return stored;
        return std::move(texts[shownText(candidates, readerLanguage, onlyLanguages, readerFirst)]);
    }

    SearchHit hitOf(const StoredText& stored, const QueryTerms& terms) const
    {
        SearchHit hit;
        hit.id = stored.lessonId;
        hit.language = stored.text.language;
        hit.title = stored.text.title;
        hit.summary = stored.text.summary;
        const TextMatch body = matchText(bodyOf(stored.text), stored.text.language, terms);
        hit.snippet = snippetOf(body);
        collectMarkedWords(matchText(stored.text.title, stored.text.language, terms), hit.marked);
        collectMarkedWords(body, hit.marked);
        hit.source = stored.source;
        hit.steps = stored.steps;
        hit.tags = stored.tags;
        hit.partnerTypes = stored.partnerTypes;
        hit.languages = stored.languages;
        return hit;
    }

    SearchResults run(const SearchRequest& request) const
    {
        SearchResults results;
        std::string query = request.query;
        if (query.size() > kMaxQueryBytes) {
            std::size_t cut = kMaxQueryBytes;
            while (cut > 0 && (static_cast<unsigned char>(query[cut]) & 0xC0) == 0x80)
                --cut;
            query.resize(cut);
            results.notices.push_back("the query was shortened to its first " + std::to_string(cut) + " bytes");
        }
        const std::string reader = request.readerLanguage.empty() ? std::string() : l10n::canonicalLanguageTag(request.readerLanguage);
        std::vector<Token> words = analyzer(reader.empty() ? "en" : reader).tokenize(query);
        if (words.size() > kMaxQueryWords) {
            words.resize(kMaxQueryWords);
            results.notices.push_back("only the first " + std::to_string(kMaxQueryWords) + " words were searched");
        }
        const SearchQuery searchQuery(db, stemmers, analyzer);
        const Xapian::Query filter = searchQuery.filter(request);
        std::vector<std::string> onlyLanguages;
        for (const auto& language : request.languages)
            onlyLanguages.push_back(l10n::canonicalLanguageTag(language));

        auto attempt = [&](const std::vector<Token>& queryWords, bool all, QueryTerms& terms, Xapian::MSet& mset,
                           std::size_t first, std::size_t count) {
            Xapian::Query main = queryWords.empty() ? Xapian::Query::MatchAll : searchQuery.words(queryWords, all, terms);
            if (!filter.empty())
                main = Xapian::Query(Xapian::Query::OP_FILTER, main, filter);
            Xapian::Enquire enquire(db);
            enquire.set_query(main);
            enquire.set_collapse_key(schema::kLessonIdSlot);
            if (queryWords.empty())
                enquire.set_docid_order(Xapian::Enquire::ASCENDING);
            mset = enquire.get_mset(static_cast<Xapian::doccount>(first), static_cast<Xapian::doccount>(count));
        };

        const std::size_t depth = request.facets ? std::max(kFacetDepth, request.offset + request.limit) : request.offset + request.limit;
        QueryTerms terms;
        Xapian::MSet mset;
        attempt(words, true, terms, mset, 0, depth);
        if (mset.empty() && !words.empty()) {
            const std::string corrected = searchQuery.spellingCorrection(query, words);
            if (!corrected.empty()) {
                std::vector<Token> correctedWords = analyzer(reader.empty() ? "en" : reader).tokenize(corrected);
                QueryTerms correctedTerms;
                Xapian::MSet correctedSet;
                attempt(correctedWords, true, correctedTerms, correctedSet, 0, depth);
                if (!correctedSet.empty()) {
                    results.correctedQuery = corrected;
                    terms = std::move(correctedTerms);
                    mset = std::move(correctedSet);
                    words = std::move(correctedWords);
                }
            }
        }
        if (mset.empty() && words.size() > 1) {
            QueryTerms someTerms;
            attempt(words, false, someTerms, mset, 0, depth);
            results.relaxed = !mset.empty();
            terms = std::move(someTerms);
        }

        results.matchingLessons = mset.get_matches_estimated();
        std::size_t rank = 0;
        for (auto item = mset.begin(); item != mset.end(); ++item, ++rank) {
            const Xapian::Document document = item.get_document();
            if (request.facets) {
                const Facets facets = unpackFacets(document.get_value(schema::kFacetsSlot));
                for (int step : facets.steps)
                    ++results.facets.steps[step];
                for (const auto& tag : facets.tags)
                    ++results.facets.tags[tag];
                for (const auto& partner : facets.partnerTypes)
                    ++results.facets.partnerTypes[partner];
                for (const auto& language : facets.languages)
                    ++results.facets.languages[language];
            }
            if (rank < request.offset || rank >= request.offset + request.limit)
                continue;
            SearchHit hit = hitOf(shownStoredText(document, reader, request.readerLanguageFirst, onlyLanguages, terms), terms);
            hit.score = item.get_weight();
            results.hits.push_back(std::move(hit));
        }
        return results;
    }

    template <class Call>
    auto guarded(Call&& call) const -> decltype(call())
    {
        std::lock_guard lock(mutex);
        bool reconnected = false;
        for (int attempt = 0;; ++attempt) {
            try {
                return call();
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt >= 3)
                    throw EnvironmentFailure("partnering.lessons.index-busy",
                                             name + ": the index keeps changing under the search; try again");
                db.reopen(); // a writer committed: read its new revision
                continue;
            } catch (const Xapian::NetworkTimeoutError& e) {
                throw EnvironmentFailure("partnering.lessons.remote-unreachable", name + ": " + e.get_description());
            } catch (const Xapian::NetworkError& e) {
                if (!connect || reconnected)
                    throw EnvironmentFailure("partnering.lessons.remote-unreachable", name + ": " + e.get_description());
            } catch (const Xapian::Error& e) {
                throw EnvironmentFailure("partnering.lessons.search-failed", name + ": " + e.get_description());
            }
            // xapian-tcpsrv closes a connection left idle for a minute (its --idle-timeout), and
            // a server restarts: connect again, once.
            reconnected = true;
            try {
                db = connect();
            } catch (const Xapian::Error& e) {
                throw EnvironmentFailure("partnering.lessons.remote-unreachable", name + ": " + e.get_description());
            }
        }
    }
};

LessonSearch::LessonSearch(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LessonSearch::~LessonSearch() = default;
LessonSearch::LessonSearch(LessonSearch&&) noexcept = default;
LessonSearch& LessonSearch::operator=(LessonSearch&&) noexcept = default;

LessonSearch LessonSearch::openLocal(const std::filesystem::path& directory)
{
    auto impl = std::make_unique<Impl>();
    impl->name = directory.string();
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec))
        throw EnvironmentFailure("partnering.lessons.no-index",
                                 directory.string() + ": no lessons index here (build one with 'partnering index build')");
    try {
        impl->db = Xapian::Database(directory.string());
        impl->loadStemmers();
    } catch (const Xapian::DatabaseNotFoundError&) {
        throw EnvironmentFailure("partnering.lessons.no-index",
                                 directory.string() + ": no lessons index here (build one with 'partnering index build')");
    } catch (const Xapian::Error& e) {
        throw EnvironmentFailure("partnering.lessons.index-unusable",
                                 directory.string() + ": the lessons index cannot be read: " + e.get_description());
    }
    return LessonSearch(std::move(impl));
}

LessonSearch LessonSearch::openRemote(const std::string& host, unsigned port, std::chrono::milliseconds timeout)
{
    auto impl = std::make_unique<Impl>();
    impl->name = host + ":" + std::to_string(port);
    try {
        const auto operation = static_cast<unsigned>(kRemoteOperationTimeout.count());
        // Connecting again happens inside a search, whose caller may be waiting for it to end.
        impl->connect = [host, port, operation] { return Xapian::Remote::open(host, port, operation, operation); };
        impl->db = Xapian::Remote::open(host, port, operation, static_cast<unsigned>(timeout.count()));
        impl->loadStemmers();
    } catch (const Xapian::Error& e) {
        throw EnvironmentFailure("partnering.lessons.remote-unreachable",
                                 impl->name + ": cannot reach the lessons database: " + e.get_description());
    }
    return LessonSearch(std::move(impl));
}

SearchResults LessonSearch::search(const SearchRequest& request) const
{
    return impl_->guarded([&] { return impl_->run(request); });
}

std::optional<Lesson> LessonSearch::lesson(const std::string& id) const
{
    return impl_->guarded([&]() -> std::optional<Lesson> {
        const std::string term = schema::lessonTerm(id);
        std::optional<Lesson> lesson;
        for (auto posting = impl_->db.postlist_begin(term); posting != impl_->db.postlist_end(term); ++posting) {
            StoredText stored = readStoredText(impl_->db.get_document(*posting));
            if (!lesson) {
                lesson.emplace();
                lesson->id = stored.lessonId;
                lesson->steps = stored.steps;
                lesson->source = stored.source;
                lesson->tags = stored.tags;
                lesson->partnerTypes = stored.partnerTypes;
            }
            lesson->texts.push_back(std::move(stored.text));
        }
        if (lesson) { // in the order the lesson file gives
            const StoredText any = readStoredText(impl_->db.get_document(*impl_->db.postlist_begin(term)));
            std::stable_sort(lesson->texts.begin(), lesson->texts.end(), [&](const LessonText& a, const LessonText& b) {
                const auto pa = std::find(any.languages.begin(), any.languages.end(), a.language);
                const auto pb = std::find(any.languages.begin(), any.languages.end(), b.language);
                return pa < pb;
            });
        }
        return lesson;
    });
}

bool LessonSearch::remote() const noexcept
{
    return static_cast<bool>(impl_->connect);
}

std::size_t LessonSearch::lessonCount() const
{
    return impl_->guarded([&] {
        std::size_t count = 0;
        const std::string prefix(schema::kLesson);
        for (auto term = impl_->db.allterms_begin(prefix); term != impl_->db.allterms_end(prefix); ++term)
            ++count;
        return count;
    });
}

} // namespace partnering::lessons
