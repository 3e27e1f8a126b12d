// A lesson cited in a document: the bibliography entry word processors know, its fields drawn
// from the lesson and its free-text source, and the passage of the lesson that is quoted.
#pragma once

#include "lessons/Lesson.hpp"

#include <string>
#include <string_view>

namespace partnering::lessons {

struct BibliographyEntry {
    std::string identifier; // the lesson id, which the citation mark shows
    std::string language;   // of the cited text
    std::string title;      // in that language
    std::string author;     // whom the source names first ("UNICEF Executive Board"); may be empty
    std::string year;       // of the first source, when it gives one
    std::string url;        // the first web address in the source, if any
    std::string note;       // the whole source
};

// The entry citing `lesson` in the text a reader of `language` sees (displayedText). The
// source is free text ("UNICEF Executive Board, second regular session 2012, Report on …,
// para. 60; Royal Government of Cambodia, …"): the author is the first source's words before
// its first comma, parenthesis, colon or quotation mark, the year a stand-alone 19xx or 20xx
// in the first source ("post-2015" is not one). Throws InvalidInput for a lesson without text.
BibliographyEntry bibliographyEntry(const Lesson& lesson, std::string_view language);

// The passage a citation quotes: the summary, or the first body paragraph when there is none
// (so the citation still says what the lesson is), or the title. Never the advice: that is
// the library's, not the source's.
std::string quotation(const Lesson& lesson, std::string_view language);

// The library's own advice that a citation adds after its quotation, marked as such: never
// mixed into the quotation, never passed off as the source's words.
struct CitedAdvice {
    std::string mark;   // says whose advice it is: "Advice from the Partnering Journey library, not from the source:"
    std::string advice; // the advice paragraphs of the cited text, one space between each; empty when none

    // The paragraph written after the quotation: the mark, a space, the advice; empty without advice.
    std::string paragraph() const;
};

// The advice of the text cited for a reader of `language` (displayedText), with `mark` (in that
// text's language: it stands beside the advice in the document). Throws InvalidInput for a
// lesson without text.
CitedAdvice citedAdvice(const Lesson& lesson, std::string_view language, std::string_view mark);

} // namespace partnering::lessons
