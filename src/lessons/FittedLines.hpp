// Text in any script broken into lines no wider than a given width, for a list that must
// never scroll sideways (the sidebar's results): ICU's line breaking, an ellipsis where cut.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace partnering::lessons {

// The width of a piece of UTF-8 text as the caller's display measures it (pixels).
using TextWidth = std::function<long(std::string_view)>;

// `text` as at most `maxLines` lines, each no wider than `width`: broken where the script
// allows a line break (after spaces, between words in Chinese, Khmer or Thai, never inside a
// character or a combining sequence), a word wider than a line cut between characters, and
// the last line ending in "…" when the rest does not fit. Spaces around breaks are dropped.
// An empty text gives no line; a width too small for one character still gives one character
// (and "…") a line, so nothing is lost silently.
std::vector<std::string> fitLines(std::string_view text, long width, std::size_t maxLines, const TextWidth& measure);

} // namespace partnering::lessons
