// PRIVATE to src/translation: unit text read as its pieces (text and inline codes), shared by
// the merge, the checks and the word counts.
#pragma once

#include <string>
#include <vector>

namespace partnering::l10n {

// A unit's text as pieces: literal text, or a code (standalone, opening or closing).
struct Piece {
    enum class Type { Text, Standalone, Open, Close } type = Type::Text;
    std::string text;
    int id = 0;
};

// A brace that opens no well-formed code is text (a translator's typo stays visible).
std::vector<Piece> piecesOf(const std::string& text);

} // namespace partnering::l10n
