#include "lessons/Citation.hpp"

#include "lessons/Presentation.hpp"

#include <boost/algorithm/string/trim.hpp>

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace partnering::lessons {
namespace {

// Where the first of `marks` occurs in `text`, or npos.
std::size_t firstOf(std::string_view text, std::initializer_list<std::string_view> marks)
{
    std::size_t first = std::string_view::npos;
    for (const auto mark : marks)
        first = std::min(first, text.find(mark));
    return first;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::string yearIn(std::string_view text)
{
    for (std::size_t at = 0; at + 4 <= text.size(); ++at) {
        const bool century = (text[at] == '1' && text[at + 1] == '9') || (text[at] == '2' && text[at + 1] == '0');
        if (!century || !isDigit(text[at + 2]) || !isDigit(text[at + 3]))
            continue;
        const bool standsAlone = (at == 0 || (!isDigit(text[at - 1]) && text[at - 1] != '-' && text[at - 1] != '/'))
                                 && (at + 4 == text.size() || (!isDigit(text[at + 4]) && text[at + 4] != '-'));
        if (standsAlone)
            return std::string(text.substr(at, 4));
    }
    return {};
}

std::string urlIn(std::string_view text)
{
    const std::size_t begin = firstOf(text, {"https://", "http://"});
    if (begin == std::string_view::npos)
        return {};
    std::size_t end = begin;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])))
        ++end;
    std::string url(text.substr(begin, end - begin));
    // Punctuation closing the sentence around the address is not part of it.
    while (!url.empty() && std::string_view(".,;:)]").find(url.back()) != std::string_view::npos)
        url.pop_back();
    return url;
}

} // namespace

BibliographyEntry bibliographyEntry(const Lesson& lesson, std::string_view language)
{
    const LessonText& text = displayedText(lesson, language);
    BibliographyEntry entry;
    entry.identifier = lesson.id;
    entry.language = text.language;
    entry.title = text.title;
    entry.note = lesson.source;
    entry.url = urlIn(lesson.source);
    const std::string_view source(lesson.source);
    const std::string_view first = source.substr(0, source.find(';'));
    const std::string author = boost::algorithm::trim_copy(std::string(first.substr(0, firstOf(first, {",", "(", ":", "“", "«", "„", "\"", "「", "http"}))));
    entry.author = author;
    entry.year = yearIn(first);
    return entry;
}

std::string quotation(const Lesson& lesson, std::string_view language)
{
    const LessonText& text = displayedText(lesson, language);
    if (!text.summary.empty())
        return text.summary;
    if (!text.paragraphs.empty())
        return text.paragraphs.front();
    return text.title;
}

std::string CitedAdvice::paragraph() const
{
    return advice.empty() ? std::string() : mark + " " + advice;
}

CitedAdvice citedAdvice(const Lesson& lesson, std::string_view language, std::string_view mark)
{
    const LessonText& text = displayedText(lesson, language);
    CitedAdvice cited{std::string(mark), {}};
    for (const auto& paragraph : text.advice)
        cited.advice += (cited.advice.empty() ? "" : " ") + paragraph;
    return cited;
}

} // namespace partnering::lessons
