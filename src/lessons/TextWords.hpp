// A lesson text's words as the index keeps them and a hit reads them: the title, the body and
// the advice each joined and tokenized once, and the spans of those words packed to be stored.
#pragma once

#include "lessons/Lesson.hpp"
#include "lessons/TextAnalyzer.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace partnering::lessons {

// The parts of a text shown as one (the summary and the paragraphs, or the advice), each after
// a space once the text has begun, and where each part starts in the joined text.
struct JoinedParts {
    std::string text;
    std::vector<std::size_t> starts; // one per part, empty parts included
};
JoinedParts joinParts(const std::vector<const std::string*>& parts);

// The parts of a text's body (its summary, then its paragraphs) and of its advice.
std::vector<const std::string*> bodyParts(const LessonText& text);
std::vector<const std::string*> adviceParts(const LessonText& text);

// A text's words as a hit reads them, each part tokenized once: the title, the summary and the
// paragraphs as one text, the advice as one.
struct TextWords {
    std::string title, body, advice;
    std::vector<Token> titleTokens, bodyTokens, adviceTokens;
};

// The words of `text`, tokenized by `analyzer` (for the text's language); at the spans
// `packedSpans` holds (packWordSpans) when it is the packing of this text's words, which spares
// segmenting Chinese, Japanese, Thai or Khmer again.
TextWords wordsOf(const LessonText& text, TextAnalyzer& analyzer, std::string_view packedSpans = {});

// The spans of a text's words in its title, body and advice (as TextWords joins them), packed
// small: per part a count, then per word its distance from the last word's end and its length,
// each a base-128 number.
std::string packWordSpans(const std::vector<WordSpan>& title, const std::vector<WordSpan>& body,
                          const std::vector<WordSpan>& advice);

} // namespace partnering::lessons
