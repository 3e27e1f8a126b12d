#include "translation/UnitCodes.hpp"

#include "error/Error.hpp"
#include "translation/TemplateText.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string_view>

namespace partnering::l10n {

namespace {

std::string describe(const InlineCode& code)
{
    const std::string id = std::to_string(code.id);
    return (code.paired ? "{" + id + "}...{/" + id + "}" : "{" + id + "/}") + " (" + code.meaning + ")";
}

} // namespace

std::vector<Piece> piecesOf(const std::string& text)
{
    std::vector<Piece> pieces;
    const auto addText = [&](std::string_view run) {
        if (pieces.empty() || pieces.back().type != Piece::Type::Text)
            pieces.push_back({});
        pieces.back().text.append(run);
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '{') { // the run up to the next brace, in one go
            const std::size_t brace = std::min(text.find('{', i), text.size());
            addText(std::string_view(text).substr(i, brace - i));
            i = brace - 1;
            continue;
        }
        if (i + 1 < text.size() && text[i + 1] == '{') {
            addText("{");
            ++i;
            continue;
        }
        const bool closing = i + 1 < text.size() && text[i + 1] == '/';
        std::size_t j = i + (closing ? 2 : 1);
        const std::size_t digits = j;
        while (j < text.size() && text[j] >= '0' && text[j] <= '9')
            ++j;
        const bool standalone = !closing && j + 1 < text.size() && text[j] == '/' && text[j + 1] == '}';
        const std::size_t end = standalone ? j + 1 : j;
        if (j == digits || end >= text.size() || text[end] != '}' || j - digits > 6) {
            addText("{"); // not a code: a brace the translator typed
            continue;
        }
        Piece piece;
        piece.type = closing ? Piece::Type::Close : standalone ? Piece::Type::Standalone : Piece::Type::Open;
        piece.id = std::stoi(text.substr(digits, j - digits));
        pieces.push_back(piece);
        i = end;
    }
    return pieces;
}

std::string codeProblem(const TextUnit& unit, const std::string& target)
{
    std::map<int, int> seen;
    std::vector<int> open;
    for (const auto& piece : piecesOf(target)) {
        if (piece.type == Piece::Type::Text)
            continue;
        const auto code = std::find_if(unit.codes.begin(), unit.codes.end(), [&](const InlineCode& c) { return c.id == piece.id; });
        const std::string written = piece.type == Piece::Type::Close ? "{/" + std::to_string(piece.id) + "}"
                                  : piece.type == Piece::Type::Open  ? "{" + std::to_string(piece.id) + "}"
                                                                     : "{" + std::to_string(piece.id) + "/}";
        if (code == unit.codes.end())
            return "the translation invents " + written + ", which the source does not have";
        if (code->paired == (piece.type == Piece::Type::Standalone))
            return written + " is not written as in the source: " + describe(*code);
        if (piece.type == Piece::Type::Close) {
            if (open.empty() || open.back() != piece.id)
                return written + " closes a code that is not the last one opened";
            open.pop_back();
            continue;
        }
        if (++seen[piece.id] > 1)
            return "the translation repeats " + describe(*code);
        if (piece.type == Piece::Type::Open)
            open.push_back(piece.id);
    }
    if (!open.empty())
        return "{" + std::to_string(open.back()) + "} is never closed";
    for (const auto& code : unit.codes) {
        if (seen[code.id] == 0)
            return "the translation drops " + describe(code);
    }
    return {};
}

int wordCount(const std::string& unitText)
{
    std::string plain;
    for (const auto& piece : piecesOf(unitText)) {
        if (piece.type == Piece::Type::Text)
            plain += piece.text;
        else
            plain += ' ';
    }
    UErrorCode status = U_ZERO_ERROR;
    thread_local std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !words)
        throw EnvironmentFailure("partnering.l10n.icu", "no ICU word break iterator");
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(plain);
    words->setText(text);
    int count = 0;
    for (int32_t end = words->next(); end != icu::BreakIterator::DONE; end = words->next()) {
        if (words->getRuleStatus() != UBRK_WORD_NONE)
            ++count;
    }
    return count;
}

} // namespace partnering::l10n
