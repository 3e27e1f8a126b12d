#include "lessons/SearchQuery.hpp"

#include "error/Error.hpp"
#include "journey/Journey.hpp"
#include "l10n/Catalogs.hpp"
#include "lessons/GlossarySynonyms.hpp"
#include "lessons/IndexSchema.hpp"
#include "lessons/IndexedText.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <span>

namespace partnering::lessons {
namespace {

constexpr std::size_t kMaxSynonymWords = 5;
constexpr double kSynonymWeight = 0.6;

std::string primaryOf(const std::string& tag)
{
    return tag.substr(0, tag.find('-'));
}

Xapian::Query anyOf(std::string_view prefix, const std::vector<std::string>& values)
{
    std::vector<Xapian::Query> terms;
    for (const auto& value : values)
        terms.emplace_back(std::string(prefix) + value);
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

} // namespace

std::set<std::string> formsOf(const Token& token)
{
    std::set<std::string> forms{token.term};
    if (!token.folded.empty())
        forms.insert(token.folded);
    return forms;
}

SearchQuery::Stemmers SearchQuery::stemmersOf(const Xapian::Database& db)
{
    Stemmers stemmers;
    const std::string languages = db.get_metadata(std::string(schema::kStemmersKey));
    std::size_t start = 0;
    while (start < languages.size()) {
        auto end = languages.find(' ', start);
        if (end == std::string::npos)
            end = languages.size();
        const std::string language = languages.substr(start, end - start);
        try {
            stemmers.emplace_back(language, Xapian::Stem(language));
        } catch (const Xapian::Error&) {
            // A language this Xapian has no stemmer for (the index was built by a newer one).
        }
        start = end + 1;
    }
    return stemmers;
}

// Every form of a word the index may hold: as written, folded, and its stems in the languages
// of `stems`. `into` collects them, to mark them in the results.
Xapian::Query SearchQuery::wordGroup(const Token& token, const Stemmers& stems, TermSet& into) const
{
    std::set<std::string> all = formsOf(token);
    for (const auto& form : formsOf(token)) {
        into.words.insert(form);
        for (const auto& entry : stems) {
            std::string stemmed = std::string(schema::kStem) + entry.second(form);
            into.stems.insert(stemmed);
            all.insert(std::move(stemmed));
        }
    }
    return Xapian::Query(Xapian::Query::OP_SYNONYM, all.begin(), all.end());
}

std::optional<SearchQuery::GlossaryEntry> SearchQuery::readEntry(const std::string& synonym) const
{
    const auto colon = synonym.find(schema::kSynonymLanguageSeparator);
    if (colon == std::string::npos)
        return std::nullopt;
    GlossaryEntry entry;
    entry.language = synonym.substr(0, colon);
    try {
        entry.tokens = analyzer_(entry.language).tokenize(synonym.substr(colon + 1));
    } catch (const Error&) {
        return std::nullopt; // a language tag this build cannot analyse
    }
    if (entry.tokens.empty())
        return std::nullopt;
    return entry;
}

// A glossary term in its own language as a query: its words and their stems in a text of that
// language, or its words as written, in order, in a text of any language. Stems are only
// compared within a language: across languages they collide (the English "exit" and the
// Spanish "exitosa" share the stem "exit").
Xapian::Query SearchQuery::glossaryTerm(const GlossaryEntry& entry, QueryTerms& terms) const
{
    const std::string primary = primaryOf(entry.language);
    Stemmers stems;
    for (const auto& stemmer : stemmers_)
        if (stemmer.first == primary)
            stems.push_back(stemmer);
    std::vector<Xapian::Query> groups, exact;
    for (const auto& token : entry.tokens) {
        groups.push_back(wordGroup(token, stems, terms.glossary[primary]));
        const std::set<std::string> forms = formsOf(token);
        exact.emplace_back(Xapian::Query::OP_OR, forms.begin(), forms.end());
    }
    const Xapian::Query inItsLanguage(Xapian::Query::OP_FILTER,
                                      Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end()),
                                      Xapian::Query(std::string(schema::kLanguage) + primary));
    const Xapian::Query asWritten = exact.size() == 1
                                        ? exact.front()
                                        : Xapian::Query(Xapian::Query::OP_PHRASE, exact.begin(), exact.end(), exact.size());
    return Xapian::Query(Xapian::Query::OP_OR, inItsLanguage, asWritten);
}

std::vector<SearchQuery::GlossaryEntry> SearchQuery::entriesOf(const std::string& key) const
{
    std::vector<GlossaryEntry> entries;
    for (auto synonym = db_.synonyms_begin(key); synonym != db_.synonyms_end(key); ++synonym)
        if (auto entry = readEntry(*synonym))
            entries.push_back(std::move(*entry));
    return entries;
}

// The words from `first` on that the longest run a glossary term knows covers, as one query:
// the words as typed, and every term of the concept. The typed term itself is among its
// concept's terms, to be stemmed in its own language only; the synonym table lists a term's
// other terms, so it is found among those of one of them.
Xapian::Query SearchQuery::glossaryRun(const std::vector<Token>& words, std::size_t first, std::size_t& span,
                                       QueryTerms& terms, TermSet& typed) const
{
    std::string key;
    std::vector<GlossaryEntry> entries;
    span = 0;
    for (std::size_t length = std::min(kMaxSynonymWords, words.size() - first); length > 0 && entries.empty(); --length) {
        key = synonymKey(std::span(words).subspan(first, length));
        entries = entriesOf(key);
        span = entries.empty() ? 0 : length;
    }
    if (entries.empty())
        return Xapian::Query();
    std::vector<Xapian::Query> own, others;
    for (const auto& entry : entriesOf(synonymKey(entries.front().tokens)))
        if (synonymKey(entry.tokens) == key)
            own.push_back(glossaryTerm(entry, terms));
    for (const auto& entry : entries)
        (synonymKey(entry.tokens) == key ? own : others).push_back(glossaryTerm(entry, terms));
    std::vector<Xapian::Query> groups;
    for (std::size_t k = first; k < first + span; ++k) {
        terms.understood[k] = true;
        groups.push_back(own.empty() ? wordGroup(words[k], stemmers_, typed) : wordGroup(words[k], {}, typed));
    }
    own.emplace_back(Xapian::Query::OP_AND, groups.begin(), groups.end());
    Xapian::Query unit(Xapian::Query::OP_OR, own.begin(), own.end());
    if (others.empty())
        return unit;
    return Xapian::Query(Xapian::Query::OP_OR, unit,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                       Xapian::Query(Xapian::Query::OP_OR, others.begin(), others.end()), kSynonymWeight));
}

Xapian::Query SearchQuery::words(const std::vector<Token>& words, bool all, QueryTerms& terms) const
{
    std::vector<Xapian::Query> units;
    terms.understood.assign(words.size(), false);
    for (const auto& word : words) {
        const std::set<std::string> forms = formsOf(word);
        terms.typed.push_back(TypedWord{{forms.begin(), forms.end()}});
    }
    TermSet typed;
    for (std::size_t i = 0; i < words.size();) {
        std::size_t span = 0;
        Xapian::Query unit = glossaryRun(words, i, span, terms, typed);
        if (span == 0) {
            unit = wordGroup(words[i], stemmers_, typed);
            span = 1;
        }
        units.push_back(std::move(unit));
        i += span;
    }
    terms.words.merge(typed.words);
    terms.stems.merge(typed.stems);
    return Xapian::Query(all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR, units.begin(), units.end());
}

Xapian::Query SearchQuery::filter(const SearchRequest& request) const
{
    std::vector<Xapian::Query> filters;
    if (!request.steps.empty()) {
        const int stepCount = journey::Journey::standard().stepCount();
        std::vector<std::string> steps;
        for (int step : request.steps) {
            if (step < 1 || step > stepCount)
                throw InvalidInput("partnering.lessons.unknown-step",
                                   "there is no step " + std::to_string(step) + "; the journey has steps 1 to "
                                       + std::to_string(stepCount));
            steps.push_back(std::to_string(step));
        }
        filters.push_back(anyOf(schema::kStep, steps));
    }
    if (!request.tags.empty())
        filters.push_back(anyOf(schema::kTag, request.tags));
    if (!request.partnerTypes.empty())
        filters.push_back(anyOf(schema::kPartnerType, request.partnerTypes));
    if (!request.languages.empty())
        filters.push_back(lessonsWrittenIn(request.languages));
    return Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
}

// The lessons with a text in one of `languages`, whichever of their texts the query matches:
// the language facet counts lessons so (a lesson found through its English text counts for
// Chinese when it also has a Chinese text), and choosing a count's language must give that
// many lessons. Every text of a lesson carries the lesson's I term.
Xapian::Query SearchQuery::lessonsWrittenIn(const std::vector<std::string>& languages) const
{
    std::vector<std::string> tags;
    for (const auto& language : languages)
        tags.push_back(l10n::canonicalLanguageTag(language));
    Xapian::Enquire enquire(db_);
    enquire.set_query(anyOf(schema::kLanguage, tags));
    enquire.set_collapse_key(schema::kLessonIdSlot);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::MSet written = enquire.get_mset(0, db_.get_doccount());
    std::vector<Xapian::Query> lessons;
    for (auto item = written.begin(); item != written.end(); ++item)
        lessons.emplace_back(schema::lessonTerm(item.get_collapse_key()));
    if (lessons.empty())
        return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_OR, lessons.begin(), lessons.end());
}

} // namespace partnering::lessons
