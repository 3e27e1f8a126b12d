// The snippet a search result shows: the window of a text holding the most of the words a query
// matched, counted in characters (not bytes) so Khmer and Chinese get as much as English.
#pragma once

#include "lessons/LessonSearch.hpp"
#include "lessons/QueryMatch.hpp"

#include <cstddef>

namespace partnering::lessons {

// The most characters a snippet shows of its text, "…" aside: about two lines of a result list.
inline constexpr std::size_t kSnippetChars = 170;

// The window of at most kSnippetChars characters of `match.text` holding the most lit words
// (litWords()), cut at word boundaries, with up to half the room left as context before its
// first lit word, and "…" where the text goes on. Without a lit word: the text's start. The
// snippet's hits are the byte ranges of the lit words in the snippet's own text.
Snippet snippetOf(const TextMatch& match);

} // namespace partnering::lessons
