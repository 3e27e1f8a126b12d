#include "lessons/SearchHits.hpp"

#include "lessons/IndexSchema.hpp"
#include "lessons/ShownText.hpp"
#include "lessons/SnippetWindow.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace partnering::lessons {

SearchHit HitReader::hitOf(const Xapian::Document& matched, const ReaderLanguages& languages,
                           const QueryTerms& terms) const
{
    HitText shown = shownStoredText(matched, languages, terms);
    const StoredText& stored = shown.stored;
    const std::string& language = stored.text.language;
    SearchHit hit;
    hit.id = stored.lessonId;
    hit.language = language;
    hit.title = stored.text.title;
    hit.summary = stored.text.summary;
    // What the source says (the summary and the body) and the library's own advice: two
    // snippets, so that no line of advice passes for the source's.
    TextWords& words = shown.words;
    const TextMatch body = matchText(std::move(words.body), std::move(words.bodyTokens), language, terms);
    hit.snippet = snippetOf(body);
    collectMarkedWords(matchText(std::move(words.title), std::move(words.titleTokens), language, terms), hit.marked);
    collectMarkedWords(body, hit.marked);
    if (!stored.text.advice.empty()) {
        const TextMatch advice = matchText(std::move(words.advice), std::move(words.adviceTokens), language, terms);
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

// Each text's words are tokenized once: to count the typed words it holds, and then, for the
// text shown, to cut its snippets and find its marks (half the search's work on Chinese).
HitReader::HitText HitReader::shownStoredText(const Xapian::Document& matched, const ReaderLanguages& languages,
                                                const QueryTerms& terms) const
{
    const auto withWords = [this](StoredText stored) {
        TextWords words = wordsOf(stored.text, analyzers_(stored.text.language), stored.wordSpans);
        return HitText{std::move(stored), std::move(words)};
    };
    StoredText stored = readStoredText(matched);
    if (stored.languages.size() < 2)
        return withWords(std::move(stored));
    const bool readerDecides = (terms.typed.empty() || languages.readerFirst) && languages.only.empty();
    if (readerDecides && stored.text.language == languages.reader)
        return withWords(std::move(stored));
    std::vector<StoredText> texts = readLessonTexts(db_, stored.lessonId);
    if (texts.empty())
        return withWords(std::move(stored));
    std::vector<TextWords> words(texts.size()); // tokenized only when there are typed words to count
    std::vector<TextCandidate> candidates;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string& language = texts[i].text.language;
        TextCandidate candidate{language, 0};
        if (!terms.typed.empty()) {
            words[i] = wordsOf(texts[i].text, analyzers_(language), texts[i].wordSpans);
            candidate.typedWords = typedWordsIn(words[i], terms, commonIn(language));
        }
        candidates.push_back(std::move(candidate));
    }
    const std::size_t chosen = shownText(candidates, languages.reader, languages.only, languages.readerFirst);
    if (terms.typed.empty())
        return withWords(std::move(texts[chosen]));
    return HitText{std::move(texts[chosen]), std::move(words[chosen])};
}

// Which of `text`'s words (`tokens`, in `language`) the query matches.
TextMatch HitReader::matchText(std::string text, std::vector<Token> tokens, const std::string& language,
                               const QueryTerms& terms) const
{
    TextMatch match;
    match.text = std::move(text);
    TextAnalyzer& textAnalyzer = analyzers_(language);
    match.tokens = std::move(tokens);
    match.matched.assign(match.tokens.size(), false);
    match.common.assign(match.tokens.size(), false);
    const auto common = commonIn(language);
    // A text says most of its words many times: each is stemmed and looked up once (a token's
    // folded form follows from its term).
    std::unordered_map<std::string_view, bool> matchedWords;
    for (std::size_t i = 0; i < match.tokens.size(); ++i) {
        const Token& token = match.tokens[i];
        auto [known, added] = matchedWords.try_emplace(token.term, false);
        if (added)
            known->second = matchesQuery(token, stemsOf(token, textAnalyzer), terms, language);
        match.matched[i] = known->second;
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
