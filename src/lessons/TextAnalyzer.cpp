#include "lessons/TextAnalyzer.hpp"

#include "error/Error.hpp"
#include "l10n/Catalogs.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>
#include <string>

namespace partnering::lessons {

namespace {

// Terms longer than this are noise (and Xapian caps terms at 245 bytes).
constexpr std::size_t kMaxTermBytes = 64;

const icu::Normalizer2& nfkcCasefold()
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status))
        throw EnvironmentFailure("partnering.l10n.icu",
                                 std::string("ICU NFKC_Casefold is unavailable: ") + u_errorName(status));
    return *normalizer;
}

const icu::Normalizer2& nfd()
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status))
        throw EnvironmentFailure("partnering.l10n.icu",
                                 std::string("ICU NFD is unavailable: ") + u_errorName(status));
    return *normalizer;
}

const icu::Normalizer2& nfc()
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status))
        throw EnvironmentFailure("partnering.l10n.icu",
                                 std::string("ICU NFC is unavailable: ") + u_errorName(status));
    return *normalizer;
}

std::string toUtf8(const icu::UnicodeString& text)
{
    std::string out;
    text.toUTF8String(out);
    return out;
}

bool isAscii(std::string_view text)
{
    for (unsigned char c : text)
        if (c >= 0x80)
            return false;
    return true;
}

UScriptCode scriptOf(const icu::UnicodeString& word)
{
    for (int32_t i = 0; i < word.length();) {
        const UChar32 c = word.char32At(i);
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        if (U_SUCCESS(status) && script != USCRIPT_COMMON && script != USCRIPT_INHERITED)
            return script;
        i += U16_LENGTH(c);
    }
    return USCRIPT_COMMON;
}

// A word without its accents: NFD, no non-spacing marks, NFC.
icu::UnicodeString withoutMarks(const icu::UnicodeString& word)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString decomposed = nfd().normalize(word, status);
    icu::UnicodeString stripped;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        if (u_charType(c) != U_NON_SPACING_MARK)
            stripped.append(c);
        i += U16_LENGTH(c);
    }
    icu::UnicodeString composed = nfc().normalize(stripped, status);
    return U_SUCCESS(status) ? composed : word;
}

// Folding that search users expect per script: accents off Latin/Greek/Cyrillic letters
// ("stratégie" -> "strategie"); harakat, tatweel and hamza-carrying alefs in Arabic; the
// two spellings of the subscript DA/TA in Khmer (ដ្ដ/ដ្ត are written both ways).
icu::UnicodeString foldScript(const icu::UnicodeString& word)
{
    switch (scriptOf(word)) {
    case USCRIPT_LATIN:
    case USCRIPT_GREEK:
    case USCRIPT_CYRILLIC:
        return withoutMarks(word);
    case USCRIPT_ARABIC: {
        icu::UnicodeString out;
        for (int32_t i = 0; i < word.length(); ++i) {
            const char16_t c = word.charAt(i);
            if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640)
                continue;
            if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671)
                out.append(char16_t(0x0627));
            else if (c == 0x0649)
                out.append(char16_t(0x064A));
            else
                out.append(c);
        }
        // Clitics before the article (Larkey's light stemming): وال بال كال فال -> ال, لل -> ال,
        // so "والمساءلة" (and accountability) meets "المساءلة".
        static const icu::UnicodeString article(u"\u0627\u0644");
        if (out.length() > 4 && out.indexOf(article) == 1
            && (out[0] == u'\u0648' || out[0] == u'\u0628' || out[0] == u'\u0643' || out[0] == u'\u0641'))
            out.remove(0, 1);
        else if (out.length() > 4 && out.startsWith(icu::UnicodeString(u"\u0644\u0644")))
            out.replace(0, 2, article);
        return out;
    }
    case USCRIPT_KHMER: {
        icu::UnicodeString out(word);
        out.findAndReplace(icu::UnicodeString(u"\u17D2\u178A"), icu::UnicodeString(u"\u17D2\u178F"));
        return out;
    }
    default:
        return word;
    }
}

// Digits of every script read as ASCII digits ("២០១០" and "٢٠١٠" find "2010").
icu::UnicodeString foldWord(const icu::UnicodeString& word)
{
    icu::UnicodeString folded = foldScript(word);
    bool hasForeignDigit = false;
    for (int32_t i = 0; i < folded.length() && !hasForeignDigit; ++i)
        hasForeignDigit = folded.charAt(i) > 0x7F && u_charType(folded.charAt(i)) == U_DECIMAL_DIGIT_NUMBER;
    if (!hasForeignDigit)
        return folded;
    icu::UnicodeString out;
    for (int32_t i = 0; i < folded.length();) {
        const UChar32 c = folded.char32At(i);
        out.append(u_charType(c) == U_DECIMAL_DIGIT_NUMBER ? UChar32('0' + u_charDigitValue(c)) : c);
        i += U16_LENGTH(c);
    }
    return out;
}

// The letters of the small alphabets (Latin, Greek, Cyrillic: all below U+0500) without their
// marks, each made once by withoutMarks itself. A letter's marks never reach its neighbours
// (NFC composes a letter only with marks, and the marks are gone), so a word of these letters
// folds as its letters do, without a trip through UTF-16 and two normalisations.
constexpr UChar32 kSmallAlphabetsEnd = 0x500;

const std::array<std::string, kSmallAlphabetsEnd>& lettersWithoutMarks()
{
    static const std::array<std::string, kSmallAlphabetsEnd> letters = [] {
        std::array<std::string, kSmallAlphabetsEnd> made;
        for (UChar32 c = 0; c < kSmallAlphabetsEnd; ++c)
            made[static_cast<std::size_t>(c)] = toUtf8(withoutMarks(icu::UnicodeString(c)));
        return made;
    }();
    return letters;
}

// The folded form of a normalised term, or "" when folding changes nothing. Most words never
// reach UTF-16: those of the small alphabets fold a letter at a time, and those of scripts that
// folding leaves alone (Chinese, Japanese, Thai...) without foreign digits stay as they are.
std::string foldedTerm(std::string_view term)
{
    UScriptCode script = USCRIPT_COMMON;
    bool small = true;
    bool foreignDigit = false;
    const auto length = static_cast<int32_t>(term.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(term.data(), i, length, c);
        if (c < 0) {
            small = false;
            foreignDigit = true; // not UTF-8: foldWord decides, as it always did
            break;
        }
        if (script == USCRIPT_COMMON) {
            UErrorCode status = U_ZERO_ERROR;
            const UScriptCode own = uscript_getScript(c, &status);
            if (U_SUCCESS(status) && own != USCRIPT_COMMON && own != USCRIPT_INHERITED)
                script = own;
        }
        small = small && c < kSmallAlphabetsEnd;
        // foldWord reads digits a UTF-16 unit at a time: beyond the BMP there are none.
        foreignDigit = foreignDigit || (c > 0x7F && c <= 0xFFFF && u_charType(c) == U_DECIMAL_DIGIT_NUMBER);
    }
    const bool smallAlphabet = script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_CYRILLIC;
    if (smallAlphabet && small) {
        const auto& letters = lettersWithoutMarks();
        std::string folded;
        folded.reserve(term.size());
        for (int32_t i = 0; i < length;) {
            UChar32 c = 0;
            U8_NEXT(term.data(), i, length, c);
            folded += letters[static_cast<std::size_t>(c)];
        }
        return folded == term ? std::string() : folded;
    }
    if (!smallAlphabet && script != USCRIPT_ARABIC && script != USCRIPT_KHMER && !foreignDigit)
        return {};
    const icu::UnicodeString word = icu::UnicodeString::fromUTF8(icu::StringPiece(term.data(), length));
    const icu::UnicodeString folded = foldWord(word);
    return folded == word ? std::string() : toUtf8(folded);
}

// French, Italian and Catalan elision: "l’accord" is the word "accord".
std::size_t elisionLength(std::string_view term)
{
    static constexpr std::string_view kApostrophes[] = {"'", "\u2019"};
    static constexpr std::string_view kElided[] = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu",
                                                   "puisqu", "quoiqu", "presqu", "quelqu"};
    for (const auto apostrophe : kApostrophes) {
        const auto at = term.find(apostrophe);
        if (at == std::string_view::npos || at + apostrophe.size() >= term.size())
            continue;
        for (const auto elided : kElided)
            if (term.substr(0, at) == elided)
                return at + apostrophe.size();
    }
    return 0;
}

// The word of `utf8` from byte `b` to `e` as a token: normalised (by `normalizer`, NFKC_Casefold),
// folded, without an elided article; nothing when it is not a word worth a term.
std::optional<Token> wordAt(std::string_view utf8, std::size_t b, std::size_t e, const icu::Normalizer2& normalizer)
{
    const std::string_view word = utf8.substr(b, e - b);
    Token token;
    token.begin = b;
    token.end = e;
    if (isAscii(word)) {
        token.term.reserve(word.size());
        for (char c : word)
            token.term.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else {
        // Most words of a text are already in NFKC_Casefold (all of Chinese and Japanese):
        // those are checked in UTF-8 and kept as they are, without a normalised copy.
        const icu::StringPiece piece(word.data(), static_cast<int32_t>(word.size()));
        UErrorCode status = U_ZERO_ERROR;
        if (normalizer.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
            token.term.assign(word);
        } else {
            status = U_ZERO_ERROR;
            const icu::UnicodeString normalized = normalizer.normalize(icu::UnicodeString::fromUTF8(piece), status);
            if (U_FAILURE(status))
                return std::nullopt;
            token.term = toUtf8(normalized);
        }
        token.folded = foldedTerm(token.term);
    }
    if (const std::size_t elided = elisionLength(token.term); elided > 0) {
        // The elided prefix is ASCII letters and an apostrophe: as long in `word` as in the term.
        token.term.erase(0, elided);
        token.begin += elided;
        token.folded = foldedTerm(token.term);
    }
    if (token.term.empty() || token.term.size() > kMaxTermBytes)
        return std::nullopt;
    return token;
}

std::string stemmerLanguage(std::string_view tag)
{
    const auto dash = tag.find('-');
    return std::string(tag.substr(0, dash));
}

} // namespace

struct TextAnalyzer::Impl {
    std::string language;
    std::unique_ptr<icu::BreakIterator> words;
    Xapian::Stem stemmer;
    bool hasStemmer = false;
};

TextAnalyzer::TextAnalyzer(std::string_view language) : impl_(std::make_unique<Impl>())
{
    impl_->language = l10n::canonicalLanguageTag(language);
    UErrorCode status = U_ZERO_ERROR;
    impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::forLanguageTag(impl_->language, status), status));
    if (U_FAILURE(status) || !impl_->words)
        throw EnvironmentFailure("partnering.l10n.icu", std::string("ICU word break iterator: ") + u_errorName(status));
    try {
        impl_->stemmer = Xapian::Stem(stemmerLanguage(impl_->language));
        impl_->hasStemmer = true;
    } catch (const Xapian::InvalidArgumentError&) {
        impl_->hasStemmer = false; // Khmer, Chinese...: no Snowball stemmer
    }
}

TextAnalyzer::~TextAnalyzer() = default;
TextAnalyzer::TextAnalyzer(TextAnalyzer&&) noexcept = default;
TextAnalyzer& TextAnalyzer::operator=(TextAnalyzer&&) noexcept = default;

const std::string& TextAnalyzer::language() const noexcept
{
    return impl_->language;
}

bool TextAnalyzer::hasStemmer() const noexcept
{
    return impl_->hasStemmer;
}

std::vector<Token> TextAnalyzer::tokenize(std::string_view utf8) const
{
    std::vector<Token> tokens;
    UErrorCode status = U_ZERO_ERROR;
    UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    if (U_FAILURE(status))
        return tokens;
    icu::BreakIterator& words = *impl_->words;
    words.setText(text, status);
    if (U_FAILURE(status)) {
        utext_close(text);
        return tokens;
    }
    const icu::Normalizer2& normalizer = nfkcCasefold();
    int32_t begin = words.first();
    for (int32_t end = words.next(); end != icu::BreakIterator::DONE; begin = end, end = words.next()) {
        if (words.getRuleStatus() < UBRK_WORD_NONE_LIMIT)
            continue; // spaces and punctuation
        // With UTF-8 UText the iterator's offsets are byte offsets into `utf8`.
        if (auto token = wordAt(utf8, static_cast<std::size_t>(begin), static_cast<std::size_t>(end), normalizer))
            tokens.push_back(std::move(*token));
    }
    utext_close(text);
    return tokens;
}

std::vector<Token> TextAnalyzer::tokenizeAt(std::string_view utf8, const std::vector<WordSpan>& words) const
{
    std::vector<Token> tokens;
    tokens.reserve(words.size());
    const icu::Normalizer2& normalizer = nfkcCasefold();
    for (const auto& [begin, end] : words)
        if (begin < end && end <= utf8.size())
            if (auto token = wordAt(utf8, begin, end, normalizer))
                tokens.push_back(std::move(*token));
    return tokens;
}

bool TextAnalyzer::segmentsByDictionary() const noexcept
{
    // ICU finds the words of these scripts in a dictionary, not by rules: the costly part.
    static constexpr std::string_view kDictionaryLanguages[] = {"zh", "ja", "th", "km", "lo", "my"};
    const std::string_view primary = std::string_view(impl_->language).substr(0, impl_->language.find('-'));
    return std::find(std::begin(kDictionaryLanguages), std::end(kDictionaryLanguages), primary)
           != std::end(kDictionaryLanguages);
}

std::string TextAnalyzer::stem(const std::string& term) const
{
    if (!impl_->hasStemmer)
        return {};
    return impl_->stemmer(term);
}

std::string TextAnalyzer::normalize(std::string_view utf8)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString normalized = nfkcCasefold().normalize(
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))), status);
    return U_SUCCESS(status) ? toUtf8(normalized) : std::string(utf8);
}

std::string TextAnalyzer::fold(std::string_view normalizedUtf8)
{
    if (isAscii(normalizedUtf8))
        return std::string(normalizedUtf8);
    std::string folded = foldedTerm(normalizedUtf8);
    return folded.empty() ? std::string(normalizedUtf8) : folded;
}

TextAnalyzer& AnalyzerCache::operator()(const std::string& language)
{
    auto found = analyzers_.find(language);
    if (found == analyzers_.end())
        found = analyzers_.emplace(language, TextAnalyzer(language)).first;
    return found->second;
}

} // namespace partnering::lessons
