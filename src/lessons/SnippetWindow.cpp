#include "lessons/SnippetWindow.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace partnering::lessons {

Snippet snippetOf(const TextMatch& match)
{
    const auto& tokens = match.tokens;
    const std::string& text = match.text;
    const std::vector<bool> lit = litWords(match);
    // Characters (not bytes: Khmer and Chinese take three a character) before each byte offset.
    std::vector<std::size_t> charsBefore(text.size() + 1, 0);
    for (std::size_t at = 0; at < text.size(); ++at)
        charsBefore[at + 1] = charsBefore[at] + ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80 ? 1 : 0);
    auto span = [&](std::size_t fromToken, std::size_t toToken) {
        return charsBefore[tokens[toToken].end] - charsBefore[tokens[fromToken].begin];
    };
    // The window of at most kSnippetChars with the most lit words, from its first to its last lit word.
    std::size_t bestFirst = 0, bestLast = 0, bestCount = 0;
    for (std::size_t first = 0, last = 0, count = 0; last < tokens.size(); ++last) {
        count += lit[last] ? 1 : 0;
        while (span(first, last) > kSnippetChars) {
            count -= lit[first] ? 1 : 0;
            ++first;
        }
        if (lit[last] && count > bestCount) {
            bestCount = count;
            bestLast = last;
            bestFirst = first;
            while (!lit[bestFirst])
                ++bestFirst;
        }
    }
    Snippet snippet;
    if (tokens.empty()) {
        snippet.text = text.substr(0, std::min(text.size(), kSnippetChars)); // no words: punctuation only
        return snippet;
    }
    if (bestCount > 0) { // context before the first lit word, up to half the room left
        const std::size_t room = kSnippetChars - span(bestFirst, bestLast);
        std::size_t back = bestFirst;
        while (back > 0 && charsBefore[tokens[bestFirst].begin] - charsBefore[tokens[back - 1].begin] <= room / 2)
            --back;
        bestFirst = back;
    }
    const std::size_t begin = bestFirst == 0 ? 0 : tokens[bestFirst].begin;
    std::size_t lastToken = bestFirst;
    while (lastToken + 1 < tokens.size() && charsBefore[tokens[lastToken + 1].end] - charsBefore[begin] <= kSnippetChars)
        ++lastToken;
    const std::size_t end = lastToken + 1 == tokens.size() ? text.size() : tokens[lastToken].end;
    const std::string prefix = begin > 0 ? "… " : "";
    snippet.text = prefix + text.substr(begin, end - begin) + (end < text.size() ? " …" : "");
    for (const auto& [hitBegin, hitEnd] : litRanges(match, lit, bestFirst, lastToken))
        snippet.hits.emplace_back(prefix.size() + hitBegin - begin, prefix.size() + hitEnd - begin);
    return snippet;
}

} // namespace partnering::lessons
