// How lessons are shown to a reader outside the command line (the Writer sidebar): result
// lines with marked hits, facet labels, the whole-lesson preview, citations, suggested step.
#pragma once

#include "lessons/Lesson.hpp"
#include "lessons/LessonSearch.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace partnering::lessons {

inline constexpr std::string_view kHitOpen = "«";
inline constexpr std::string_view kHitClose = "»";

// The snippet with each matched word range between `open` and `close`; ranges that overlap,
// are out of order or fall outside the text are skipped rather than trusted.
std::string markedSnippet(const Snippet& snippet, std::string_view open = kHitOpen,
                          std::string_view close = kHitClose);

// The snippet from about `lead` bytes before its first hit (cut at a space, "…" in front),
// so a narrow list that clips long lines still shows the matched words.
Snippet nearFirstHit(const Snippet& snippet, std::size_t lead);

// One result as two lines of a plain list: "[fr] Title" and the marked snippet, indented,
// starting near its first hit.
struct ResultLines {
    std::string heading;
    std::string snippet;
};
ResultLines resultLines(const SearchHit& hit);

// A filter choice with its count: "un (17)".
std::string facetLabel(std::string_view value, std::size_t count);

// The text of `lesson` a reader of `language` sees: textIn(language), else the first text.
// Throws InvalidInput "[partnering.lessons.no-text]" for a lesson without any text.
const LessonText& displayedText(const Lesson& lesson, std::string_view language);

// Labels of the preview's closing lines, in the UI language (the core has no UI catalog).
struct PreviewLabels {
    std::string source = "Source:";
    std::string steps = "Journey steps:";
    std::string tags = "Tags:";
    std::string partnerTypes = "Partner types:";
    std::string languages = "Languages:";
};

// The whole lesson as plain text for a read-only preview: title, summary, body paragraphs
// separated by blank lines, then one line per known detail.
std::string previewText(const Lesson& lesson, std::string_view language, const PreviewLabels& labels = {});

// The paragraphs a citation of `lesson` inserts: title, summary, and "<sourceLabel> <source>".
// A lesson without a summary is cited with its first body paragraph, so the citation still
// says what the lesson is; a lesson without a source gets no source line.
std::vector<std::string> citationParagraphs(const Lesson& lesson, std::string_view language,
                                            std::string_view sourceLabel = "Source:");

// The journey step whose lessons to suggest for a document whose custom property holds
// `storedAnswers` (JSON, possibly empty): the first step not yet complete; the last step
// when all are; step 1 when there are no answers or they cannot be read.
int suggestedStep(std::string_view storedAnswers);

} // namespace partnering::lessons
