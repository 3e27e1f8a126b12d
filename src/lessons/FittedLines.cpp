#include "lessons/FittedLines.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>

namespace partnering::lessons {
namespace {

constexpr std::string_view kEllipsis = "…";

std::string utf8Of(const icu::UnicodeString& text, int32_t begin, int32_t end)
{
    // Spaces at a break belong to neither line.
    while (end > begin && u_isUWhiteSpace(text.char32At(end - 1)))
        end = text.moveIndex32(end, -1);
    std::string out;
    text.tempSubStringBetween(begin, end).toUTF8String(out);
    return out;
}

int32_t skipSpaces(const icu::UnicodeString& text, int32_t at)
{
    while (at < text.length() && u_isUWhiteSpace(text.char32At(at)))
        at = text.moveIndex32(at, 1);
    return at;
}

// The boundaries of `iterator` after `start`, in order.
std::vector<int32_t> boundariesAfter(icu::BreakIterator& iterator, int32_t start)
{
    std::vector<int32_t> out;
    for (int32_t at = iterator.following(start); at != icu::BreakIterator::DONE; at = iterator.next())
        out.push_back(at);
    return out;
}

// The last of `ends` at which the line from `start` (with `suffix`) fits, or -1.
int32_t lastFitting(const icu::UnicodeString& text, int32_t start, const std::vector<int32_t>& ends, std::string_view suffix,
                    long width, const TextWidth& measure)
{
    // Wider with every boundary: a binary search keeps the measuring (a toolkit call) short.
    std::size_t low = 0, high = ends.size();
    while (low < high) {
        const std::size_t middle = (low + high) / 2;
        if (measure(utf8Of(text, start, ends[middle]) + std::string(suffix)) <= width)
            low = middle + 1;
        else
            high = middle;
    }
    return low == 0 ? -1 : ends[low - 1];
}

std::unique_ptr<icu::BreakIterator> breaker(bool lines, const icu::UnicodeString& text)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> iterator(lines ? icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status)
                                                       : icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !iterator)
        return nullptr;
    iterator->setText(text);
    return iterator;
}

} // namespace

std::vector<std::string> fitLines(std::string_view text, long width, std::size_t maxLines, const TextWidth& measure)
{
    const icu::UnicodeString unicode =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    const auto lineBreaks = breaker(true, unicode);
    const auto characters = breaker(false, unicode);
    std::vector<std::string> lines;
    if (!lineBreaks || !characters) { // ICU without its break rules: the text as it is
        if (!text.empty() && maxLines > 0)
            lines.emplace_back(text);
        return lines;
    }

    int32_t start = skipSpaces(unicode, 0);
    while (start < unicode.length() && lines.size() < maxLines) {
        const std::string rest = utf8Of(unicode, start, unicode.length());
        if (measure(rest) <= width) {
            lines.push_back(rest);
            break;
        }
        const bool last = lines.size() + 1 == maxLines;
        const std::string_view suffix = last ? kEllipsis : std::string_view();
        int32_t end = lastFitting(unicode, start, boundariesAfter(*lineBreaks, start), suffix, width, measure);
        if (end < 0) { // a word wider than the line: cut between characters
            const auto ends = boundariesAfter(*characters, start);
            end = lastFitting(unicode, start, ends, suffix, width, measure);
            if (end < 0)
                end = ends.empty() ? unicode.length() : ends.front();
        }
        lines.push_back(utf8Of(unicode, start, end) + std::string(suffix));
        if (last)
            break;
        start = skipSpaces(unicode, end);
    }
    return lines;
}

} // namespace partnering::lessons
