#include "lessons/LessonSearch.hpp"
#include "xml/XmlDocument.hpp"

#include "error/Error.hpp"
#include "l10n/Catalogs.hpp"
#include "lessons/IndexSchema.hpp"
#include "lessons/IndexedText.hpp"
#include "lessons/TextAnalyzer.hpp"

#include <xapian.h>

#include <algorithm>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <unordered_set>

namespace partnering::lessons {

namespace {

constexpr std::size_t kMaxQueryBytes = 1024;
constexpr std::size_t kMaxQueryWords = 32;
constexpr std::size_t kMaxSynonymWords = 5;
constexpr std::size_t kFacetDepth = 1000;
constexpr std::size_t kSnippetChars = 170;
constexpr double kSynonymWeight = 0.6;

std::string primaryOf(const std::string& tag)
{
    return tag.substr(0, tag.find('-'));
}

// The terms a query can match, for choosing the text to show and highlighting it.
struct QueryTerms {
    std::unordered_set<std::string> words;       // unprefixed terms and folded forms
    std::unordered_set<std::string> stems;       // Z-prefixed
    std::unordered_set<std::string> directWords; // of the words as typed (not glossary synonyms)
    std::unordered_set<std::string> directStems;
    bool expanding = false; // collecting a synonym's terms
};

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
    mutable std::map<std::string, TextAnalyzer> analyzers;
    std::vector<std::pair<std::string, Xapian::Stem>> stemmers; // of the index's languages

    TextAnalyzer& analyzer(const std::string& language) const
    {
        auto found = analyzers.find(language);
        if (found == analyzers.end())
            found = analyzers.emplace(language, TextAnalyzer(language)).first;
        return found->second;
    }

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

    // Every form of a word the index may hold: as written, folded, and its stems in the
    // index's languages (a reader may type in any of them).
    Xapian::Query wordGroup(const Token& token, QueryTerms& terms, const std::vector<std::pair<std::string, Xapian::Stem>>& stems) const
    {
        std::set<std::string> forms{token.term};
        if (!token.folded.empty())
            forms.insert(token.folded);
        std::set<std::string> all(forms.begin(), forms.end());
        for (const auto& form : forms) {
            terms.words.insert(form);
            if (!terms.expanding)
                terms.directWords.insert(form);
            for (const auto& [language, stem] : stems) {
                std::string stemmed = std::string(schema::kStem) + stem(form);
                terms.stems.insert(stemmed);
                if (!terms.expanding)
                    terms.directStems.insert(stemmed);
                all.insert(std::move(stemmed));
            }
        }
        return Xapian::Query(Xapian::Query::OP_SYNONYM, all.begin(), all.end());
    }

    // A glossary term in its own language ("fr:stratégie de sortie") as a query.
    Xapian::Query termQuery(const std::string& synonym, QueryTerms& terms) const
    {
        const auto colon = synonym.find(schema::kSynonymLanguageSeparator);
        if (colon == std::string::npos)
            return Xapian::Query();
        const std::string language = synonym.substr(0, colon);
        std::vector<std::pair<std::string, Xapian::Stem>> stems;
        for (const auto& entry : stemmers)
            if (entry.first == primaryOf(language))
                stems.push_back(entry);
        std::vector<Xapian::Query> groups;
        TextAnalyzer* textAnalyzer = nullptr;
        try {
            textAnalyzer = &analyzer(language);
        } catch (const Error&) {
            return Xapian::Query();
        }
        for (const auto& token : textAnalyzer->tokenize(synonym.substr(colon + 1)))
            groups.push_back(wordGroup(token, terms, stems));
        return Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end());
    }

    Xapian::Query textQuery(const std::vector<Token>& words, bool all, QueryTerms& terms) const
    {
        std::vector<Xapian::Query> units;
        for (std::size_t i = 0; i < words.size();) {
            std::size_t span = 0;
            std::vector<Xapian::Query> expansions;
            for (std::size_t length = std::min(kMaxSynonymWords, words.size() - i); length > 0 && span == 0; --length) {
                std::string key;
                for (std::size_t k = i; k < i + length; ++k)
                    key += (key.empty() ? "" : " ") + (words[k].folded.empty() ? words[k].term : words[k].folded);
                for (auto synonym = db.synonyms_begin(key); synonym != db.synonyms_end(key); ++synonym) {
                    terms.expanding = true;
                    Xapian::Query expansion = termQuery(*synonym, terms);
                    terms.expanding = false;
                    if (!expansion.empty())
                        expansions.push_back(std::move(expansion));
                }
                if (!expansions.empty())
                    span = length;
            }
            if (span == 0)
                span = 1;
            std::vector<Xapian::Query> groups;
            for (std::size_t k = i; k < i + span; ++k)
                groups.push_back(wordGroup(words[k], terms, stemmers));
            Xapian::Query unit(Xapian::Query::OP_AND, groups.begin(), groups.end());
            if (!expansions.empty()) {
                Xapian::Query others(Xapian::Query::OP_OR, expansions.begin(), expansions.end());
                unit = Xapian::Query(Xapian::Query::OP_OR, unit, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, others, kSynonymWeight));
            }
            units.push_back(std::move(unit));
            i += span;
        }
        return Xapian::Query(all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR, units.begin(), units.end());
    }

    static Xapian::Query anyOf(std::string_view prefix, const std::vector<std::string>& values)
    {
        std::vector<Xapian::Query> terms;
        for (const auto& value : values)
            terms.emplace_back(std::string(prefix) + value);
        return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    }

    static Xapian::Query filterOf(const SearchRequest& request)
    {
        std::vector<Xapian::Query> filters;
        if (!request.steps.empty()) {
            std::vector<std::string> steps;
            for (int step : request.steps) {
                if (step < 1 || step > 7)
                    throw InvalidInput("partnering.lessons.unknown-step",
                                       "there is no step " + std::to_string(step) + "; the journey has steps 1 to 7");
                steps.push_back(std::to_string(step));
            }
            filters.push_back(anyOf(schema::kStep, steps));
        }
        if (!request.tags.empty())
            filters.push_back(anyOf(schema::kTag, request.tags));
        if (!request.partnerTypes.empty())
            filters.push_back(anyOf(schema::kPartnerType, request.partnerTypes));
        if (!request.languages.empty()) {
            std::vector<std::string> languages;
            for (const auto& language : request.languages)
                languages.push_back(l10n::canonicalLanguageTag(language));
            filters.push_back(anyOf(schema::kLanguage, languages));
        }
        return Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
    }

    // Which of a text's words the query matches; `direct` counts only the words as typed.
    struct TextMatch {
        std::string text; // summary and body
        std::vector<Token> tokens;
        std::vector<bool> matched;
        std::vector<bool> common;
        std::size_t direct = 0;
    };

    TextMatch matchText(const StoredText& stored, const QueryTerms& terms) const
    {
        TextMatch match;
        match.text = stored.text.summary;
        for (const auto& paragraph : stored.text.paragraphs)
            match.text += (match.text.empty() ? "" : " ") + paragraph;
        TextAnalyzer& textAnalyzer = analyzer(stored.text.language);
        match.tokens = textAnalyzer.tokenize(match.text);
        match.matched.assign(match.tokens.size(), false);
        match.common.assign(match.tokens.size(), false);
        // Common: in more than half the texts of this language (a stopword, for search purposes).
        const Xapian::doccount languageTexts = db.get_termfreq(std::string(schema::kLanguage) + stored.text.language);
        const Xapian::doccount commonFrequency = std::max<Xapian::doccount>(2, languageTexts / 2);
        for (std::size_t i = 0; i < match.tokens.size(); ++i) {
            const Token& token = match.tokens[i];
            std::vector<std::string> stems;
            if (textAnalyzer.hasStemmer()) {
                stems.push_back(std::string(schema::kStem) + textAnalyzer.stem(token.term));
                if (!token.folded.empty())
                    stems.push_back(std::string(schema::kStem) + textAnalyzer.stem(token.folded));
            }
            auto in = [&](const std::unordered_set<std::string>& words, const std::unordered_set<std::string>& stemSet) {
                if (words.count(token.term) > 0 || (!token.folded.empty() && words.count(token.folded) > 0))
                    return true;
                return std::any_of(stems.begin(), stems.end(), [&](const std::string& stem) { return stemSet.count(stem) > 0; });
            };
            match.matched[i] = in(terms.words, terms.stems);
            if (match.matched[i]) {
                match.common[i] = std::max(db.get_termfreq(token.term),
                                           token.folded.empty() ? 0 : db.get_termfreq(token.folded)) > commonFrequency;
                if (!match.common[i] && in(terms.directWords, terms.directStems))
                    ++match.direct;
            }
        }
        return match;
    }

    // The text a reader sees: in their language when the lesson has it; without a reader
    // language, the text the words as typed match best (a Khmer query shows the Khmer text).
    StoredText displayedText(const Xapian::Document& matched, const std::string& readerLanguage,
                             const QueryTerms& terms) const
    {
        StoredText stored = readStoredText(matched);
        if (stored.languages.size() < 2 || stored.text.language == readerLanguage)
            return stored;
        if (!readerLanguage.empty()) {
            std::string best;
            for (const auto& language : stored.languages) {
                if (language == readerLanguage) {
                    best = language;
                    break;
                }
                if (best.empty() && primaryOf(language) == primaryOf(readerLanguage))
                    best = language;
            }
            if (!best.empty()) {
                const std::string term = schema::uniqueIdTerm(stored.lessonId, best);
                auto posting = db.postlist_begin(term);
                if (posting != db.postlist_end(term))
                    return readStoredText(db.get_document(*posting));
            }
        }
        if (terms.directWords.empty())
            return stored;
        std::size_t bestDirect = matchText(stored, terms).direct;
        const std::string lessonTerm = schema::lessonTerm(stored.lessonId);
        for (auto posting = db.postlist_begin(lessonTerm); posting != db.postlist_end(lessonTerm); ++posting) {
            if (*posting == matched.get_docid())
                continue;
            StoredText other = readStoredText(db.get_document(*posting));
            const std::size_t direct = matchText(other, terms).direct;
            if (direct > bestDirect) {
                bestDirect = direct;
                stored = std::move(other);
            }
        }
        return stored;
    }

    Snippet snippetOf(const StoredText& stored, const QueryTerms& terms) const
    {
        TextMatch match = matchText(stored, terms);
        const auto& tokens = match.tokens;
        const std::string& text = match.text;
        // Words side by side: nothing but spaces between them (or nothing at all, in Khmer or Chinese).
        auto adjacent = [&](std::size_t left, std::size_t right) {
            for (std::size_t at = tokens[left].end; at < tokens[right].begin; ++at)
                if (text[at] != ' ')
                    return false;
            return true;
        };
        // A very common word ("de", the Khmer "-ness" ភាព) lights up only beside a rarer match.
        std::vector<bool> lit(tokens.size(), false);
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (!match.matched[i])
                continue;
            lit[i] = !match.common[i];
            for (std::size_t j = i; !lit[i] && j > 0 && match.matched[j - 1] && adjacent(j - 1, j); --j)
                lit[i] = !match.common[j - 1];
            for (std::size_t j = i; !lit[i] && j + 1 < tokens.size() && match.matched[j + 1] && adjacent(j, j + 1); ++j)
                lit[i] = !match.common[j + 1];
        }
        // Characters (not bytes: Khmer and Chinese take three a character) before each byte offset.
        std::vector<std::size_t> charsBefore(text.size() + 1, 0);
        for (std::size_t at = 0; at < text.size(); ++at)
            charsBefore[at + 1] = charsBefore[at] + ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80 ? 1 : 0);
        auto span = [&](std::size_t fromToken, std::size_t toToken) {
            return charsBefore[tokens[toToken].end] - charsBefore[tokens[fromToken].begin];
        };
        // The window of at most kSnippetChars with the most lit words, from its first to its last lit word.
        std::size_t bestFirst = 0, bestLast = 0, bestCount = 0;
        for (std::size_t first = 0, last = 0, count = 0; last < tokens.size(); ++last) {
            count += lit[last] ? 1 : 0;
            while (span(first, last) > kSnippetChars) {
                count -= lit[first] ? 1 : 0;
                ++first;
            }
            if (lit[last] && count > bestCount) {
                bestCount = count;
                bestLast = last;
                bestFirst = first;
                while (!lit[bestFirst])
                    ++bestFirst;
            }
        }
        Snippet snippet;
        if (tokens.empty()) {
            snippet.text = text.substr(0, std::min(text.size(), kSnippetChars)); // no words: punctuation only
            return snippet;
        }
        if (bestCount > 0) { // context before the first lit word, up to half the room left
            const std::size_t room = kSnippetChars - span(bestFirst, bestLast);
            std::size_t back = bestFirst;
            while (back > 0 && charsBefore[tokens[bestFirst].begin] - charsBefore[tokens[back - 1].begin] <= room / 2)
                --back;
            bestFirst = back;
        }
        const std::size_t begin = bestFirst == 0 ? 0 : tokens[bestFirst].begin;
        std::size_t lastToken = bestFirst;
        while (lastToken + 1 < tokens.size() && charsBefore[tokens[lastToken + 1].end] - charsBefore[begin] <= kSnippetChars)
            ++lastToken;
        const std::size_t end = lastToken + 1 == tokens.size() ? text.size() : tokens[lastToken].end;
        const std::string prefix = begin > 0 ? "… " : "";
        snippet.text = prefix + text.substr(begin, end - begin) + (end < text.size() ? " …" : "");
        for (std::size_t i = bestFirst; i <= lastToken; ++i) {
            if (!lit[i])
                continue;
            const std::size_t hitBegin = prefix.size() + tokens[i].begin - begin;
            const std::size_t hitEnd = prefix.size() + tokens[i].end - begin;
            if (!snippet.hits.empty() && i > bestFirst && lit[i - 1] && adjacent(i - 1, i))
                snippet.hits.back().second = hitEnd; // one mark over a phrase, or a word ICU split (问|责)
            else
                snippet.hits.emplace_back(hitBegin, hitEnd);
        }
        return snippet;
    }

    // The query with each unknown word replaced by the index's spelling suggestion, or "".
    std::string spellingCorrection(const std::string& query, const std::vector<Token>& words) const
    {
        std::string corrected;
        std::size_t at = 0;
        bool changed = false;
        for (const auto& word : words) {
            std::string replacement;
            if (worthSpelling(word.term) && db.get_termfreq(word.term) == 0
                && (word.folded.empty() || db.get_termfreq(word.folded) == 0))
                replacement = db.get_spelling_suggestion(word.term, 2);
            corrected += query.substr(at, word.begin - at);
            corrected += replacement.empty() ? query.substr(word.begin, word.end - word.begin) : replacement;
            changed = changed || !replacement.empty();
            at = word.end;
        }
        corrected += query.substr(at);
        return changed ? corrected : std::string();
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
        const Xapian::Query filter = filterOf(request);

        auto attempt = [&](const std::vector<Token>& queryWords, bool all, QueryTerms& terms, Xapian::MSet& mset,
                           std::size_t first, std::size_t count) {
            Xapian::Query main = queryWords.empty() ? Xapian::Query::MatchAll : textQuery(queryWords, all, terms);
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
            const std::string corrected = spellingCorrection(query, words);
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
            const StoredText stored = displayedText(document, reader, terms);
            SearchHit hit;
            hit.id = stored.lessonId;
            hit.language = stored.text.language;
            hit.title = stored.text.title;
            hit.summary = stored.text.summary;
            hit.snippet = snippetOf(stored, terms);
            hit.source = stored.source;
            hit.steps = stored.steps;
            hit.tags = stored.tags;
            hit.partnerTypes = stored.partnerTypes;
            hit.languages = stored.languages;
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
        const auto ms = static_cast<unsigned>(timeout.count());
        impl->connect = [host, port, ms] { return Xapian::Remote::open(host, port, ms, ms); };
        impl->db = impl->connect();
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
