#include "lessons/ShownText.hpp"

#include <algorithm>
#include <optional>

namespace partnering::lessons {
namespace {

std::string_view primaryOf(std::string_view tag)
{
    return tag.substr(0, tag.find('-'));
}

bool sameLanguage(std::string_view text, std::string_view wanted)
{
    return text == wanted || primaryOf(text) == primaryOf(wanted);
}

// The first of `candidates` in the reader's language (the exact tag, then the same primary language).
std::optional<std::size_t> inReaderLanguage(const std::vector<TextCandidate>& texts,
                                            const std::vector<std::size_t>& candidates, std::string_view readerLanguage)
{
    if (readerLanguage.empty())
        return std::nullopt;
    for (std::size_t i : candidates)
        if (texts[i].language == readerLanguage)
            return i;
    for (std::size_t i : candidates)
        if (sameLanguage(texts[i].language, readerLanguage))
            return i;
    return std::nullopt;
}

} // namespace

std::size_t shownText(const std::vector<TextCandidate>& texts, std::string_view readerLanguage,
                      const std::vector<std::string>& onlyLanguages, bool readerFirst)
{
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (std::any_of(onlyLanguages.begin(), onlyLanguages.end(),
                        [&](const std::string& language) { return sameLanguage(texts[i].language, language); }))
            candidates.push_back(i);
    }
    if (candidates.empty()) {
        for (std::size_t i = 0; i < texts.size(); ++i)
            candidates.push_back(i);
    }
    if (readerFirst) {
        if (const auto reader = inReaderLanguage(texts, candidates, readerLanguage))
            return *reader;
    }
    std::size_t most = 0;
    for (std::size_t i : candidates)
        most = std::max(most, texts[i].typedWords);
    candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                    [&](std::size_t i) { return texts[i].typedWords != most; }),
                     candidates.end());
    if (candidates.empty())
        return 0;
    return inReaderLanguage(texts, candidates, readerLanguage).value_or(candidates.front());
}

} // namespace partnering::lessons
