#include "lessons/SearchHits.hpp"

#include "lessons/IndexSchema.hpp"
#include "lessons/ShownText.hpp"
#include "lessons/SnippetWindow.hpp"

#include <algorithm>

namespace partnering::lessons {

namespace {

// Paragraphs as one text to cut a snippet from.
std::string joined(std::string text, const std::vector<std::string>& paragraphs)
{
    for (const auto& paragraph : paragraphs)
        text += (text.empty() ? "" : " ") + paragraph;
    return text;
}

} // namespace

SearchHit HitReader::hitOf(const Xapian::Document& matched, const ReaderLanguages& languages,
                           const QueryTerms& terms) const
{
    const StoredText stored = shownStoredText(matched, languages, terms);
    SearchHit hit;
    hit.id = stored.lessonId;
    hit.language = stored.text.language;
    hit.title = stored.text.title;
    hit.summary = stored.text.summary;
    // What the source says (the summary and the body) and the library's own advice: two
    // snippets, so that no line of advice passes for the source's.
    const TextMatch body = matchText(joined(stored.text.summary, stored.text.paragraphs), stored.text.language, terms);
    hit.snippet = snippetOf(body);
    collectMarkedWords(matchText(stored.text.title, stored.text.language, terms), hit.marked);
    collectMarkedWords(body, hit.marked);
    if (!stored.text.advice.empty()) {
        const TextMatch advice = matchText(joined({}, stored.text.advice), stored.text.language, terms);
        hit.adviceSnippet = snippetOf(advice);
        collectMarkedWords(advice, hit.marked);
    }
    hit.source = stored.source;
    hit.steps = stored.steps;
    hit.tags = stored.tags;
    hit.partnerTypes = stored.partnerTypes;
    hit.languages = stored.languages;
    return hit;
}

StoredText HitReader::shownStoredText(const Xapian::Document& matched, const ReaderLanguages& languages,
                                      const QueryTerms& terms) const
{
    StoredText stored = readStoredText(matched);
    if (stored.languages.size() < 2)
        return stored;
    const bool readerDecides = (terms.typed.empty() || languages.readerFirst) && languages.only.empty();
    if (readerDecides && stored.text.language == languages.reader)
        return stored;
    std::vector<StoredText> texts = readLessonTexts(db_, stored.lessonId);
    std::vector<TextCandidate> candidates;
    for (const auto& text : texts) {
        TextCandidate candidate{text.text.language, 0};
        if (!terms.typed.empty())
            candidate.typedWords =
                typedWordsIn(text.text, analyzers_(text.text.language), terms, commonIn(text.text.language));
        candidates.push_back(std::move(candidate));
    }
    if (candidates.empty())
        return stored;
    return std::move(texts[shownText(candidates, languages.reader, languages.only, languages.readerFirst)]);
}

// Which of `text`'s words (in `language`) the query matches.
TextMatch HitReader::matchText(const std::string& text, const std::string& language, const QueryTerms& terms) const
{
    TextMatch match;
    match.text = text;
    TextAnalyzer& textAnalyzer = analyzers_(language);
    match.tokens = textAnalyzer.tokenize(match.text);
    match.matched.assign(match.tokens.size(), false);
    match.common.assign(match.tokens.size(), false);
    const auto common = commonIn(language);
    for (std::size_t i = 0; i < match.tokens.size(); ++i) {
        const Token& token = match.tokens[i];
        match.matched[i] = matchesQuery(token, stemsOf(token, textAnalyzer), terms, language);
        if (match.matched[i])
            match.common[i] = common(token);
    }
    return match;
}

// Whether a word is common in `language`: in more than half its texts (a stopword, for
// search purposes).
std::function<bool(const Token&)> HitReader::commonIn(const std::string& language) const
{
    const Xapian::doccount languageTexts = db_.get_termfreq(std::string(schema::kLanguage) + language);
    const Xapian::doccount commonFrequency = std::max<Xapian::doccount>(2, languageTexts / 2);
    return [this, commonFrequency](const Token& token) {
        return std::max(db_.get_termfreq(token.term), token.folded.empty() ? 0 : db_.get_termfreq(token.folded))
               > commonFrequency;
    };
}

} // namespace partnering::lessons
