#include "lessons/TextWords.hpp"

#include <array>
#include <cstdint>

namespace partnering::lessons {
namespace {

void packNumber(std::string& out, std::size_t number)
{
    while (number >= 0x80) {
        out.push_back(static_cast<char>((number & 0x7F) | 0x80));
        number >>= 7;
    }
    out.push_back(static_cast<char>(number));
}

// The next number of `packed` from `at`; nothing when the packing ends early or is absurd.
std::optional<std::size_t> unpackNumber(std::string_view packed, std::size_t& at)
{
    std::size_t number = 0;
    for (unsigned shift = 0; at < packed.size() && shift < 64; shift += 7) {
        const auto byte = static_cast<unsigned char>(packed[at++]);
        number |= static_cast<std::size_t>(byte & 0x7F) << shift;
        if (byte < 0x80)
            return number;
    }
    return std::nullopt;
}

// The spans of the three parts in `packed`, each within its part's `sizes`; nothing when
// `packed` is not the packing of a text of these sizes (a damaged index, or another text).
std::optional<std::array<std::vector<WordSpan>, 3>> unpackWordSpans(std::string_view packed,
                                                                    const std::array<std::size_t, 3>& sizes)
{
    std::array<std::vector<WordSpan>, 3> parts;
    std::size_t at = 0;
    for (std::size_t part = 0; part < parts.size(); ++part) {
        const auto count = unpackNumber(packed, at);
        if (!count || *count > sizes[part])
            return std::nullopt;
        parts[part].reserve(*count);
        std::size_t end = 0;
        for (std::size_t i = 0; i < *count; ++i) {
            const auto gap = unpackNumber(packed, at);
            const auto length = gap ? unpackNumber(packed, at) : std::nullopt;
            if (!length || *gap > sizes[part] - end || *length == 0 || *length > sizes[part] - end - *gap)
                return std::nullopt;
            const std::size_t begin = end + *gap;
            end = begin + *length;
            parts[part].emplace_back(begin, end);
        }
    }
    if (at != packed.size())
        return std::nullopt;
    return parts;
}

void packPart(std::string& out, const std::vector<WordSpan>& spans)
{
    packNumber(out, spans.size());
    std::size_t end = 0;
    for (const auto& [begin, stop] : spans) {
        packNumber(out, begin - end);
        packNumber(out, stop - begin);
        end = stop;
    }
}

} // namespace

JoinedParts joinParts(const std::vector<const std::string*>& parts)
{
    JoinedParts joined;
    for (const std::string* part : parts) {
        if (!joined.text.empty())
            joined.text.push_back(' ');
        joined.starts.push_back(joined.text.size());
        joined.text += *part;
    }
    return joined;
}

std::vector<const std::string*> bodyParts(const LessonText& text)
{
    std::vector<const std::string*> parts{&text.summary};
    for (const auto& paragraph : text.paragraphs)
        parts.push_back(&paragraph);
    return parts;
}

std::vector<const std::string*> adviceParts(const LessonText& text)
{
    std::vector<const std::string*> parts;
    for (const auto& paragraph : text.advice)
        parts.push_back(&paragraph);
    return parts;
}

TextWords wordsOf(const LessonText& text, TextAnalyzer& analyzer, std::string_view packedSpans)
{
    TextWords words;
    words.title = text.title;
    words.body = joinParts(bodyParts(text)).text;
    words.advice = joinParts(adviceParts(text)).text;
    const auto spans = packedSpans.empty()
                           ? std::nullopt
                           : unpackWordSpans(packedSpans, {words.title.size(), words.body.size(), words.advice.size()});
    words.titleTokens = spans ? analyzer.tokenizeAt(words.title, (*spans)[0]) : analyzer.tokenize(words.title);
    words.bodyTokens = spans ? analyzer.tokenizeAt(words.body, (*spans)[1]) : analyzer.tokenize(words.body);
    words.adviceTokens = spans ? analyzer.tokenizeAt(words.advice, (*spans)[2]) : analyzer.tokenize(words.advice);
    return words;
}

std::string packWordSpans(const std::vector<WordSpan>& title, const std::vector<WordSpan>& body,
                          const std::vector<WordSpan>& advice)
{
    std::string packed;
    packPart(packed, title);
    packPart(packed, body);
    packPart(packed, advice);
    return packed;
}

} // namespace partnering::lessons
