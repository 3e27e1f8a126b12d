#include "lessons/SearchQuery.hpp"

#include "error/Error.hpp"
#include "journey/Journey.hpp"
#include "l10n/Catalogs.hpp"
#include "lessons/GlossarySynonyms.hpp"
#include "lessons/IndexSchema.hpp"
#include "lessons/IndexedText.hpp"

#include <algorithm>
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

// A glossary term in its own language ("fr:stratégie de sortie") as a query: its words and
// their stems in a text of that language, or its words as written, in order, in a text of any
// language. Stems are only compared within a language: across languages they collide (the
// English "exit" and the Spanish "exitosa" share the stem "exit").
Xapian::Query SearchQuery::glossaryTerm(const std::string& synonym, QueryTerms& terms) const
{
    const auto colon = synonym.find(schema::kSynonymLanguageSeparator);
    if (colon == std::string::npos)
        return Xapian::Query();
    const std::string language = synonym.substr(0, colon);
    const std::string primary = primaryOf(language);
    Stemmers stems;
    for (const auto& entry : stemmers_)
        if (entry.first == primary)
            stems.push_back(entry);
    std::vector<Token> tokens;
    try {
        tokens = analyzer_(language).tokenize(synonym.substr(colon + 1));
    } catch (const Error&) {
        return Xapian::Query();
    }
    if (tokens.empty())
        return Xapian::Query();
    std::vector<Xapian::Query> groups, exact;
    for (const auto& token : tokens) {
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
        std::vector<Xapian::Query> expansions;
        for (std::size_t length = std::min(kMaxSynonymWords, words.size() - i); length > 0 && span == 0; --length) {
            const std::string key = synonymKey(std::span(words).subspan(i, length));
            for (auto synonym = db_.synonyms_begin(key); synonym != db_.synonyms_end(key); ++synonym) {
                Xapian::Query expansion = glossaryTerm(*synonym, terms);
                if (!expansion.empty())
                    expansions.push_back(std::move(expansion));
            }
            if (!expansions.empty())
                span = length;
        }
        const bool understood = span > 0;
        if (span == 0)
            span = 1;
        std::vector<Xapian::Query> groups;
        for (std::size_t k = i; k < i + span; ++k) {
            groups.push_back(wordGroup(words[k], stemmers_, typed));
            terms.understood[k] = understood;
        }
        Xapian::Query unit(Xapian::Query::OP_AND, groups.begin(), groups.end());
        if (!expansions.empty()) {
            Xapian::Query others(Xapian::Query::OP_OR, expansions.begin(), expansions.end());
            unit = Xapian::Query(Xapian::Query::OP_OR, unit, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, others, kSynonymWeight));
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
