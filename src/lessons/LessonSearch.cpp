#include "lessons/LessonSearch.hpp"

#include "error/Error.hpp"
#include "l10n/Catalogs.hpp"
#include "lessons/IndexSchema.hpp"
#include "lessons/IndexedText.hpp"
#include "lessons/QueryMatch.hpp"
#include "lessons/QuerySpelling.hpp"
#include "lessons/SearchHits.hpp"
#include "lessons/SearchQuery.hpp"
#include "lessons/ShardedBuild.hpp"
#include "lessons/TextAnalyzer.hpp"
#include "xml/XmlDocument.hpp"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace partnering::lessons {

namespace {

constexpr std::size_t kMaxQueryBytes = 1024;
constexpr std::size_t kMaxQueryWords = 32;
constexpr std::size_t kFacetDepth = 1000;

// The query cut to kMaxQueryBytes, at a character's start, saying so in `notices`.
std::string boundedQuery(std::string query, std::vector<std::string>& notices)
{
    if (query.size() <= kMaxQueryBytes)
        return query;
    std::size_t cut = kMaxQueryBytes;
    while (cut > 0 && (static_cast<unsigned char>(query[cut]) & 0xC0) == 0x80)
        --cut;
    query.resize(cut);
    notices.push_back("the query was shortened to its first " + std::to_string(cut) + " bytes");
    return query;
}

void countFacets(const Xapian::Document& document, FacetCounts& counts)
{
    const Facets facets = unpackFacets(document.get_value(schema::kFacetsSlot));
    for (int step : facets.steps)
        ++counts.steps[step];
    for (const auto& tag : facets.tags)
        ++counts.tags[tag];
    for (const auto& partner : facets.partnerTypes)
        ++counts.partnerTypes[partner];
    for (const auto& language : facets.languages)
        ++counts.languages[language];
}

// A first build moves its database into the index folder with a few renames (moveDatabaseOver).
// A reader that opens the folder in between finds no database there, but tables: it looks again,
// for at most half a second, instead of telling the user that there is no index. (Whether the
// move is still under way cannot decide it: it may have ended since the failed look.)
constexpr int kLooksDuringAMove = 100;
constexpr auto kBetweenLooks = std::chrono::milliseconds(5);

template <class Open>
auto openedPastAMove(const std::filesystem::path& directory, Open&& open) -> decltype(open())
{
    for (int look = 1;; ++look) {
        try {
            return open();
        } catch (const Xapian::DatabaseOpeningError&) {
            if (look >= kLooksDuringAMove || !holdsTables(directory))
                throw;
        }
        std::this_thread::sleep_for(kBetweenLooks);
    }
}

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
    std::string name; // the folder (also for errors), or host:port
    mutable Xapian::Database db; // reopen() moves it to the newest revision
    std::function<Xapian::Database()> connect; // a remote one's connection, to make again
    mutable std::mutex mutex;
    mutable AnalyzerCache analyzer;
    SearchQuery::Stemmers stemmers; // of the index's languages

    SearchResults run(const SearchRequest& request) const
    {
        SearchResults results;
        const std::string query = boundedQuery(request.query, results.notices);
        ReaderLanguages languages;
        languages.reader = request.readerLanguage.empty() ? std::string() : l10n::canonicalLanguageTag(request.readerLanguage);
        languages.readerFirst = request.readerLanguageFirst;
        const std::string& reader = languages.reader;
        std::vector<Token> words = analyzer(reader.empty() ? "en" : reader).tokenize(query);
        if (words.size() > kMaxQueryWords) {
            words.resize(kMaxQueryWords);
            results.notices.push_back("only the first " + std::to_string(kMaxQueryWords) + " words were searched");
        }
        const SearchQuery searchQuery(db, stemmers, analyzer);
        const Xapian::Query filter = searchQuery.filter(request);
        for (const auto& language : request.languages)
            languages.only.push_back(l10n::canonicalLanguageTag(language));

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
        // Each word no lesson holds is searched as the index's nearest word, even when the
        // others found lessons: "stakeholdr mapping" is about stakeholders, not any mapping.
        const SpelledQuery spelled = words.empty() ? SpelledQuery{} : correctSpelling(db, query, words, terms, stemmers,
                                                                     [&](const std::string& term) { return mset.get_termfreq(term); });
        bool corrected = false;
        if (!spelled.query.empty()) {
            std::vector<Token> correctedWords = analyzer(reader.empty() ? "en" : reader).tokenize(spelled.query);
            QueryTerms correctedTerms;
            Xapian::MSet correctedSet;
            attempt(correctedWords, true, correctedTerms, correctedSet, 0, depth);
            // The corrected words are searched when they find lessons, or when nothing does.
            if (!correctedSet.empty() || mset.empty()) {
                corrected = true;
                terms = std::move(correctedTerms);
                mset = std::move(correctedSet);
                words = std::move(correctedWords);
            }
        }
        if (mset.empty() && words.size() > 1) {
            QueryTerms someTerms;
            attempt(words, false, someTerms, mset, 0, depth);
            results.relaxed = !mset.empty();
            terms = std::move(someTerms);
        }
        if (corrected && !mset.empty()) {
            results.correctedQuery = spelled.query;
            results.correctedWords = spelled.corrected;
        }

        results.matchingLessons = mset.get_matches_estimated();
        const HitReader hits(db, analyzer);
        std::size_t rank = 0;
        for (auto item = mset.begin(); item != mset.end(); ++item, ++rank) {
            const Xapian::Document document = item.get_document();
            if (request.facets)
                countFacets(document, results.facets);
            if (rank < request.offset || rank >= request.offset + request.limit)
                continue;
            SearchHit hit = hits.hitOf(document, languages, terms);
            hit.score = item.get_weight();
            results.hits.push_back(std::move(hit));
        }
        return results;
    }

    template <class Call>
    auto guarded(Call&& call) const -> decltype(call())
    {
        std::lock_guard lock(mutex);
        bool reconnected = false, modified = false;
        for (int attempt = 0;; ++attempt) {
            try {
                // A local index rebuilt since the last call (partnering index build, the panel's
                // folder library) is read at its newest revision: a reader left at an older one
                // would keep answering from it until a second commit.
                if (!connect)
                    openedPastAMove(name, [this] { return db.reopen(); });
                else if (modified)
                    db.reopen();
                return call();
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt >= 3)
                    throw EnvironmentFailure("partnering.lessons.index-busy",
                                             name + ": the index keeps changing under the search; try again");
                modified = true; // a writer committed: read its new revision
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
        impl->db = openedPastAMove(directory, [&directory] { return Xapian::Database(directory.string()); });
        impl->stemmers = SearchQuery::stemmersOf(impl->db);
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
        // A constant, read by the lambda below without being captured.
        constexpr auto operation = static_cast<unsigned>(kRemoteOperationTimeout.count());
        // Connecting again happens inside a search, whose caller may be waiting for it to end.
        impl->connect = [host, port] { return Xapian::Remote::open(host, port, operation, operation); };
        impl->db = Xapian::Remote::open(host, port, operation, static_cast<unsigned>(timeout.count()));
        impl->stemmers = SearchQuery::stemmersOf(impl->db);
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
        std::vector<StoredText> texts = readLessonTexts(impl_->db, id);
        if (texts.empty())
            return std::nullopt;
        Lesson lesson;
        lesson.id = texts.front().lessonId;
        lesson.steps = texts.front().steps;
        lesson.source = texts.front().source;
        lesson.tags = texts.front().tags;
        lesson.partnerTypes = texts.front().partnerTypes;
        for (auto& stored : texts)
            lesson.texts.push_back(std::move(stored.text));
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
