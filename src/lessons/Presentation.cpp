#include "lessons/Presentation.hpp"

#include "error/Error.hpp"
#include "journey/AgreementAnswers.hpp"
#include "journey/Journey.hpp"

#include <algorithm>

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

void addDetail(std::string& out, const std::string& label, const std::string& value)
{
    if (!value.empty())
        out += "\n" + label + " " + value;
}

} // namespace

std::string markedSnippet(const Snippet& snippet, std::string_view open, std::string_view close)
{
    std::string out;
    std::size_t copied = 0;
    for (const auto& [begin, end] : snippet.hits) {
        if (begin < copied || begin >= end || end > snippet.text.size())
            continue;
        out.append(snippet.text, copied, begin - copied);
        out += open;
        out.append(snippet.text, begin, end - begin);
        out += close;
        copied = end;
    }
    out.append(snippet.text, copied, std::string::npos);
    return out;
}

Snippet nearFirstHit(const Snippet& snippet, std::size_t lead)
{
    if (snippet.hits.empty() || snippet.hits.front().first <= lead || snippet.hits.front().first > snippet.text.size())
        return snippet;
    const std::size_t space = snippet.text.rfind(' ', snippet.hits.front().first - lead);
    if (space == std::string::npos)
        return snippet;
    const std::size_t cut = space + 1; // a space is one byte: never inside a UTF-8 sequence
    constexpr std::string_view ellipsis = "…";
    Snippet out{std::string(ellipsis) + snippet.text.substr(cut), {}};
    for (const auto& [begin, end] : snippet.hits) {
        if (begin >= cut && end >= begin)
            out.hits.emplace_back(begin - cut + ellipsis.size(), end - cut + ellipsis.size());
    }
    return out;
}

ResultLines resultLines(const SearchHit& hit)
{
    // About four words of context before the first hit fit a sidebar of minimal width.
    constexpr std::size_t kLead = 24;
    // The language first: a narrow sidebar cuts the end of a long title off.
    return {"[" + hit.language + "] " + hit.title, "    " + markedSnippet(nearFirstHit(hit.snippet, kLead))};
}

std::string facetLabel(std::string_view value, std::size_t count)
{
    return std::string(value) + " (" + std::to_string(count) + ")";
}

const LessonText& displayedText(const Lesson& lesson, std::string_view language)
{
    if (const LessonText* text = lesson.textIn(language))
        return *text;
    if (lesson.texts.empty())
        throw InvalidInput("partnering.lessons.no-text", "the lesson \"" + lesson.id + "\" has no text");
    return lesson.texts.front();
}

std::string previewText(const Lesson& lesson, std::string_view language, const PreviewLabels& labels)
{
    const LessonText& text = displayedText(lesson, language);
    std::string out = text.title;
    if (!text.summary.empty())
        out += "\n\n" + text.summary;
    for (const auto& paragraph : text.paragraphs)
        out += "\n\n" + paragraph;
    out += "\n";
    addDetail(out, labels.source, lesson.source);
    std::vector<std::string> steps;
    for (int step : lesson.steps)
        steps.push_back(std::to_string(step));
    addDetail(out, labels.steps, joined(steps));
    addDetail(out, labels.tags, joined(lesson.tags));
    addDetail(out, labels.partnerTypes, joined(lesson.partnerTypes));
    std::vector<std::string> languages;
    for (const auto& each : lesson.texts)
        languages.push_back(each.language);
    addDetail(out, labels.languages, joined(languages));
    return out;
}

std::vector<std::string> citationParagraphs(const Lesson& lesson, std::string_view language,
                                            std::string_view sourceLabel)
{
    const LessonText& text = displayedText(lesson, language);
    std::vector<std::string> paragraphs{text.title};
    if (!text.summary.empty())
        paragraphs.push_back(text.summary);
    else if (!text.paragraphs.empty())
        paragraphs.push_back(text.paragraphs.front());
    if (!lesson.source.empty())
        paragraphs.push_back(std::string(sourceLabel) + " " + lesson.source);
    return paragraphs;
}

int suggestedStep(std::string_view storedAnswers)
{
    if (storedAnswers.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return 1;
    try {
        const auto answers = journey::AgreementAnswers::parse(storedAnswers, "stored answers");
        const auto steps = journey::progress(journey::Journey::standard(), answers, l10n::Translator());
        const auto incomplete = std::find_if(steps.begin(), steps.end(),
                                             [](const journey::StepProgress& step) { return !step.complete(); });
        if (incomplete != steps.end())
            return incomplete->number;
        return steps.empty() ? 1 : steps.back().number;
    } catch (const InvalidInput&) {
        // Answers damaged by hand or by another tool: the journey's start is the honest guess.
        return 1;
    }
}

} // namespace partnering::lessons
