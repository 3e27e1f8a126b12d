// Which of a lesson's texts a search result shows: the one in the language the query's words
// were found in, else the reader's language, else the lesson's first text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace partnering::lessons {

struct TextCandidate {
    std::string language;       // BCP 47, canonical
    std::size_t typedWords = 0; // how many of the words the reader typed the text contains
};

// The index in `texts` (a lesson's texts in file order; not empty) of the text to show:
// - only texts in `onlyLanguages` when the reader filtered by language and the lesson has one;
// - with `readerFirst`, the reader's language whenever the lesson has it;
// - the text holding the most typed words, when any holds one: a lesson found through French
//   words is shown in French, whatever the reader's language;
// - among equals (or when no typed word is found, e.g. only glossary synonyms matched, or the
//   query is empty), the reader's language (exact tag, then the same primary language);
// - else the first of them.
std::size_t shownText(const std::vector<TextCandidate>& texts, std::string_view readerLanguage,
                      const std::vector<std::string>& onlyLanguages = {}, bool readerFirst = false);

} // namespace partnering::lessons
