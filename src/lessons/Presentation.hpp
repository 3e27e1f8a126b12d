// How lessons are shown to a reader outside the command line (the Writer sidebar): result
// lines that start at their first match, filter labels, the marked preview.
#pragma once

#include "lessons/FittedLines.hpp"
#include "lessons/Lesson.hpp"
#include "lessons/LessonSearch.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace partnering::lessons {

// A result's snippet as one line of a list: from its first match on ("…" in front when that is
// not where the snippet starts), the marks left out: a list cannot show bold, and brackets or
// guillemets around words read as quotation marks, in French above all.
std::string fromFirstMatch(const Snippet& snippet);

// One row of a result list that cannot show bold nor scroll sideways, and the hit it is of.
struct ResultRow {
    std::string text;
    std::size_t hit = 0; // index in the hits the rows were made from
};

// The rows of `hits` for a list whose rows may be `width` wide as `measure` counts: each
// result's title on a bullet ("• "), on two rows at most (a third "   " row is never made: the
// second ends in "…"), then its line from the first match (fromFirstMatch), indented, on one
// row. That line is the snippet of what the source says; when only the advice matched, it is
// the advice's, after `adviceMark` ("Our advice:", in the UI language) so that it never passes
// for the source's. A `width` of 0 or less (not laid out yet) leaves every row whole.
std::vector<ResultRow> resultRows(const std::vector<SearchHit>& hits, long width, const TextWidth& measure,
                                  std::string_view adviceMark = "Our advice:");

// What the search looked for instead of the query as typed (SearchResults::correctedQuery), the
// corrected words as its `hits`, to show them marked; empty when nothing was corrected.
Snippet searchedInstead(const SearchResults& results);

// A filter choice with its count: "un (17)".
std::string facetLabel(std::string_view value, std::size_t count);

// The name of language `tag` in the language `inLanguage` (ICU's display names: "chinois
// (simplifié)" for zh-Hans in French, "Chinese (Simplified)" in English); `tag` itself when
// either tag is malformed.
std::string languageName(std::string_view tag, std::string_view inLanguage);

// The text of `lesson` a reader of `language` sees: textIn(language), else the first text.
// Throws InvalidInput "[partnering.lessons.no-text]" for a lesson without any text.
const LessonText& displayedText(const Lesson& lesson, std::string_view language);

// The byte ranges of `text`, written in `language`, to mark for a search hit's `marked` words:
// each marked word, and a common one only beside another (see MarkedWords); neighbours with
// only spaces between form one range.
std::vector<std::pair<std::size_t, std::size_t>> markedRanges(std::string_view text, std::string_view language,
                                                               const MarkedWords& marked);

// Labels of the preview's lines, in the UI language (the core has no UI catalog), and the UI
// language itself, in which the lesson's languages are named.
struct PreviewLabels {
    std::string source = "Source:";
    std::string steps = "Journey steps:";
    std::string tags = "Tags:";
    std::string partnerTypes = "Partner types:";
    std::string languages = "Languages:";
    std::string advice = "Our advice (not from the source)";
    std::string uiLanguage = "en";
};

struct PreviewParagraph {
    enum class Role { Source, Title, Summary, Body, AdviceHeading, Advice, Detail };
    Role role = Role::Body;
    Snippet text; // `hits`: the ranges to show in bold
};

// The whole lesson for a preview: a heading line with its source (when it has one), the title,
// the summary, the body paragraphs, the advice under its own heading (`labels.advice`: the
// library's, not the source's) when the text has any, then one line per known detail (journey
// steps, tags, partner types, languages by name). The words of `marked` are marked wherever
// they occur in the lesson's text, advice included; nothing is marked in the source, the
// advice's heading and the details.
std::vector<PreviewParagraph> preview(const Lesson& lesson, std::string_view language, const MarkedWords& marked,
                                      const PreviewLabels& labels = {});

} // namespace partnering::lessons
