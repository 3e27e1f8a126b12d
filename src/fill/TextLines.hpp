// PRIVATE to src/fill (not part of the core's interface): how wide a text drawn in a picture is,
// roughly, and where it wraps, for the SVG pictures the filler draws (the stakeholder map).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace partnering::fill {

// An estimate of the width of `text` (UTF-8) at font size `fontSize`, in the same unit as the
// size: East Asian wide characters count one em, combining marks nothing, the rest 0.6 em
// (generous for Latin, Arabic and Khmer in DejaVu and Noto, so an estimate rarely falls short).
double estimatedWidth(std::string_view text, double fontSize);

// `text` broken into lines no wider than `maxWidth` (by estimatedWidth), at the places ICU's
// line breaking allows (between words, and between Chinese or Khmer words as its dictionaries
// find them); a word wider than a line alone is broken between characters. Nothing is left out.
std::vector<std::string> wrappedLines(std::string_view text, double maxWidth, double fontSize);

} // namespace partnering::fill
