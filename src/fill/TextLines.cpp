#include "fill/TextLines.hpp"

#include "error/Error.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>

namespace partnering::fill {

namespace {

double emsOf(UChar32 c)
{
    const auto category = u_charType(c);
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR)
        return 0;
    const auto width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    if (width == U_EA_WIDE || width == U_EA_FULLWIDTH)
        return 1;
    return 0.6;
}

double widthOf(const icu::UnicodeString& text, int32_t start, int32_t end, double fontSize)
{
    double ems = 0;
    for (int32_t i = start; i < end; i = text.moveIndex32(i, 1))
        ems += emsOf(text.char32At(i));
    return ems * fontSize;
}

std::string utf8(const icu::UnicodeString& text, int32_t start, int32_t end)
{
    std::string out;
    icu::UnicodeString line = text.tempSubStringBetween(start, end);
    line.trim();
    return line.toUTF8String(out);
}

} // namespace

double estimatedWidth(std::string_view text, double fontSize)
{
    const auto unicode = icu::UnicodeString::fromUTF8(text);
    return widthOf(unicode, 0, unicode.length(), fontSize);
}

std::vector<std::string> wrappedLines(std::string_view text, double maxWidth, double fontSize)
{
    const auto unicode = icu::UnicodeString::fromUTF8(text);
    std::vector<std::string> lines;
    if (widthOf(unicode, 0, unicode.length(), fontSize) <= maxWidth) {
        lines.push_back(utf8(unicode, 0, unicode.length()));
        return lines;
    }
    // One line breaker per thread, kept: building one costs more than wrapping a name.
    UErrorCode status = U_ZERO_ERROR;
    thread_local const std::unique_ptr<icu::BreakIterator> lineBreaks(
        icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !lineBreaks)
        throw EnvironmentFailure("partnering.fill.icu", std::string("ICU has no line breaking: ") + u_errorName(status));
    icu::BreakIterator* breaks = lineBreaks.get();
    breaks->setText(unicode);

    int32_t lineStart = 0;
    int32_t lastFit = 0; // the last break opportunity after lineStart where the line still fits
    for (int32_t next = breaks->following(0); next != icu::BreakIterator::DONE; next = breaks->next()) {
        if (widthOf(unicode, lineStart, next, fontSize) <= maxWidth) {
            lastFit = next;
            continue;
        }
        if (lastFit > lineStart) {
            if (auto line = utf8(unicode, lineStart, lastFit); !line.empty())
                lines.push_back(std::move(line));
            lineStart = lastFit;
        }
        // What is left of this word may still be wider than a line: cut it between characters.
        while (widthOf(unicode, lineStart, next, fontSize) > maxWidth) {
            int32_t end = unicode.moveIndex32(lineStart, 1);
            while (end < next && widthOf(unicode, lineStart, unicode.moveIndex32(end, 1), fontSize) <= maxWidth)
                end = unicode.moveIndex32(end, 1);
            // Keep a base character with the marks that follow it (Khmer vowels, Arabic harakat).
            while (end < next && emsOf(unicode.char32At(end)) == 0)
                end = unicode.moveIndex32(end, 1);
            lines.push_back(utf8(unicode, lineStart, end));
            lineStart = end;
        }
        lastFit = next;
    }
    if (auto line = utf8(unicode, lineStart, unicode.length()); !line.empty())
        lines.push_back(std::move(line));
    return lines;
}

} // namespace partnering::fill
