#include "lessons/Presentation.hpp"

#include "error/Error.hpp"
#include "lessons/QueryMatch.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <optional>
#include <unordered_set>

namespace partnering::lessons {
namespace {

std::string joined(const std::vector<std::string>& values)
{
    std::string out;
    for (const auto& value : values) {
        if (!out.empty())
            out += ", ";
        out += value;
    }
    return out;
}

void addDetail(std::vector<PreviewParagraph>& out, const std::string& label, const std::string& value)
{
    if (!value.empty())
        out.push_back({PreviewParagraph::Role::Detail, {label + " " + value, {}}});
}

std::optional<icu::Locale> localeOf(std::string_view tag)
{
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(icu::StringPiece(tag.data(), static_cast<int32_t>(tag.size())), status);
    if (U_FAILURE(status) || locale.isBogus())
        return std::nullopt;
    return locale;
}

std::vector<std::pair<std::size_t, std::size_t>> rangesIn(const std::string& text, const TextAnalyzer& analyzer,
                                                          const std::unordered_set<std::string>& words,
                                                          const std::unordered_set<std::string>& commonWords)
{
    TextMatch match;
    match.text = text;
    match.tokens = analyzer.tokenize(text);
    for (const auto& token : match.tokens) {
        const bool common = commonWords.count(token.term) > 0;
        match.matched.push_back(common || words.count(token.term) > 0);
        match.common.push_back(common);
    }
    if (match.tokens.empty())
        return {};
    return litRanges(match, litWords(match), 0, match.tokens.size() - 1);
}

} // namespace

std::string fromFirstMatch(const Snippet& snippet)
{
    if (snippet.hits.empty())
        return snippet.text;
    const std::size_t first = snippet.hits.front().first;
    if (first == 0 || first > snippet.text.size())
        return snippet.text;
    constexpr std::string_view ellipsis = "…";
    if (snippet.text.compare(0, ellipsis.size(), ellipsis) == 0
        && snippet.text.find_first_not_of(' ', ellipsis.size()) == first)
        return snippet.text; // the snippet already starts at the match
    return std::string(ellipsis) + snippet.text.substr(first);
}

std::vector<ResultRow> resultRows(const std::vector<SearchHit>& hits, long width, const TextWidth& measure,
                                  std::string_view adviceMark)
{
    constexpr std::string_view bullet = "• ", titleContinued = "   ", snippetIndent = "      ";
    constexpr std::size_t titleRows = 2;
    const TextWidth whole = [](std::string_view) { return 0L; };
    const TextWidth& fit = width > 0 ? measure : whole;
    const long titleWidth = width - std::max(fit(bullet), fit(titleContinued));
    const long snippetWidth = width - fit(snippetIndent);
    std::vector<ResultRow> rows;
    for (std::size_t hit = 0; hit < hits.size(); ++hit) {
        const auto title = fitLines(hits[hit].title, titleWidth, titleRows, fit);
        for (std::size_t row = 0; row < title.size(); ++row)
            rows.push_back({std::string(row == 0 ? bullet : titleContinued) + title[row], hit});
        const Snippet& body = hits[hit].snippet;
        const Snippet& advice = hits[hit].adviceSnippet;
        const std::string matchLine = body.hits.empty() && !advice.hits.empty()
                                          ? std::string(adviceMark) + " " + fromFirstMatch(advice)
                                          : fromFirstMatch(body);
        for (const auto& line : fitLines(matchLine, snippetWidth, 1, fit))
            rows.push_back({std::string(snippetIndent) + line, hit});
    }
    return rows;
}

Snippet searchedInstead(const SearchResults& results)
{
    Snippet query;
    query.text = results.correctedQuery;
    for (const auto& word : results.correctedWords)
        query.hits.emplace_back(word.begin, word.end);
    return query;
}

std::string facetLabel(std::string_view value, std::size_t count)
{
    return std::string(value) + " (" + std::to_string(count) + ")";
}

std::string languageName(std::string_view tag, std::string_view inLanguage)
{
    const auto language = localeOf(tag);
    const auto reader = localeOf(inLanguage);
    if (!language || !reader)
        return std::string(tag);
    icu::UnicodeString name;
    language->getDisplayName(*reader, name);
    std::string utf8;
    name.toUTF8String(utf8);
    return utf8.empty() ? std::string(tag) : utf8;
}

const LessonText& displayedText(const Lesson& lesson, std::string_view language)
{
    if (const LessonText* text = lesson.textIn(language))
        return *text;
    if (lesson.texts.empty())
        throw InvalidInput("partnering.lessons.no-text", "the lesson \"" + lesson.id + "\" has no text");
    return lesson.texts.front();
}

std::vector<std::pair<std::size_t, std::size_t>> markedRanges(std::string_view text, std::string_view language,
                                                               const MarkedWords& marked)
{
    const TextAnalyzer analyzer(language);
    return rangesIn(std::string(text), analyzer, {marked.words.begin(), marked.words.end()},
                    {marked.commonWords.begin(), marked.commonWords.end()});
}

std::vector<PreviewParagraph> preview(const Lesson& lesson, std::string_view language, const MarkedWords& marked,
                                      const PreviewLabels& labels)
{
    using Role = PreviewParagraph::Role;
    const LessonText& text = displayedText(lesson, language);
    const TextAnalyzer analyzer(text.language);
    const std::unordered_set<std::string> words(marked.words.begin(), marked.words.end());
    const std::unordered_set<std::string> commonWords(marked.commonWords.begin(), marked.commonWords.end());
    auto markedParagraph = [&](Role role, const std::string& paragraph) {
        return PreviewParagraph{role, {paragraph, rangesIn(paragraph, analyzer, words, commonWords)}};
    };

    std::vector<PreviewParagraph> out;
    if (!lesson.source.empty())
        out.push_back({Role::Source, {labels.source + " " + lesson.source, {}}});
    out.push_back(markedParagraph(Role::Title, text.title));
    if (!text.summary.empty())
        out.push_back(markedParagraph(Role::Summary, text.summary));
    for (const auto& paragraph : text.paragraphs)
        out.push_back(markedParagraph(Role::Body, paragraph));
    if (!text.advice.empty())
        out.push_back({Role::AdviceHeading, {labels.advice, {}}});
    for (const auto& paragraph : text.advice)
        out.push_back(markedParagraph(Role::Advice, paragraph));
    std::vector<std::string> steps;
    for (int step : lesson.steps)
        steps.push_back(std::to_string(step));
    addDetail(out, labels.steps, joined(steps));
    addDetail(out, labels.tags, joined(lesson.tags));
    addDetail(out, labels.partnerTypes, joined(lesson.partnerTypes));
    std::vector<std::string> languages;
    for (const auto& each : lesson.texts)
        languages.push_back(languageName(each.language, labels.uiLanguage));
    addDetail(out, labels.languages, joined(languages));
    return out;
}

} // namespace partnering::lessons
