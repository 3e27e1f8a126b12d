// Turning text in any language into search terms: ICU word segmentation (real words for
// Khmer, Thai, Chinese, Japanese), NFKC case folding, accent folding, Snowball stemming.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace partnering::lessons {

struct Token {
    std::string term;   // the word, NFKC-normalised and case-folded
    std::string folded; // the same without accents (Latin, Greek, Cyrillic), harakat (Arabic) or
                        // spelling variants (Khmer); empty when that changes nothing
    std::size_t begin = 0; // byte offsets of the word in the analysed text
    std::size_t end = 0;
};

// Where a word stands in a text: its first byte and the byte after its last.
using WordSpan = std::pair<std::size_t, std::size_t>;

// Analyses text of one language. Not thread-safe: use one per thread (AnalyzerCache keeps one
// per language).
class TextAnalyzer {
public:
    // `language` is a BCP 47 tag; it picks the word-break rules and the stemmer. An unknown
    // language still gets Unicode word segmentation and no stemming. Throws InvalidInput
    // "[partnering.l10n.bad-language-tag]" for a malformed tag, EnvironmentFailure
    // "[partnering.l10n.icu]" when ICU lacks its data.
    explicit TextAnalyzer(std::string_view language);
    ~TextAnalyzer();
    TextAnalyzer(TextAnalyzer&&) noexcept;
    TextAnalyzer& operator=(TextAnalyzer&&) noexcept;

    const std::string& language() const noexcept;
    bool hasStemmer() const noexcept;

    // Words of `utf8` in order. Invalid UTF-8 is read as U+FFFD and never fails.
    std::vector<Token> tokenize(std::string_view utf8) const;

    // The words of `utf8` at `words` (the spans of an earlier tokenize() of the same text), as
    // tokenize() gives them, without segmenting the text again. Spans outside `utf8` are skipped.
    std::vector<Token> tokenizeAt(std::string_view utf8, const std::vector<WordSpan>& words) const;

    // Whether ICU segments this language's text with a dictionary (Chinese, Japanese, Thai,
    // Khmer, Lao, Burmese): the texts worth keeping their word spans for (tokenizeAt).
    bool segmentsByDictionary() const noexcept;

    // The Snowball stem of a normalised term, or "" when the language has no stemmer.
    std::string stem(const std::string& term) const;

    // Normalises one word as tokenize() would (case folding, NFKC) and folds it.
    static std::string normalize(std::string_view utf8);
    static std::string fold(std::string_view normalizedUtf8);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Text analyzers by language, each made on first use: making one loads ICU's rules. Not
// thread-safe: the search holds its lock while it uses one, and each indexing thread has its own.
class AnalyzerCache {
public:
    // Throws what the TextAnalyzer constructor throws.
    TextAnalyzer& operator()(const std::string& language);

private:
    std::map<std::string, TextAnalyzer> analyzers_;
};

} // namespace partnering::lessons
