#include "lessons/TextAnalyzer.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

using partnering::lessons::TextAnalyzer;

namespace {

std::vector<std::string> termsOf(const char* language, const std::string& text)
{
    std::vector<std::string> terms;
    for (const auto& token : TextAnalyzer(language).tokenize(text))
        terms.push_back(token.term);
    return terms;
}

struct SegmentationCase {
    const char* language;
    std::string text;
    std::vector<std::string> words;
};

class Segmentation : public testing::TestWithParam<SegmentationCase> {};

TEST_P(Segmentation, SplitsTextIntoNormalisedWords)
{
    EXPECT_EQ(termsOf(GetParam().language, GetParam().text), GetParam().words);
}

INSTANTIATE_TEST_SUITE_P(
    Languages, Segmentation,
    testing::Values(
        SegmentationCase{"en", "Multi-stakeholder PARTNERSHIPS' exit strategy, 2030!", {"multi", "stakeholder", "partnerships", "exit", "strategy", "2030"}},
        SegmentationCase{"en", "Don't sign: it's e-mail", {"don't", "sign", "it's", "e", "mail"}},
        SegmentationCase{"fr", "L’accord de partenariat d'entreprise, jusqu’à l'UNICEF", {"accord", "de", "partenariat", "entreprise", "à", "unicef"}},
        SegmentationCase{"fr", "Stratégie de sortie : « redevabilité »", {"stratégie", "de", "sortie", "redevabilité"}},
        SegmentationCase{"es", "¿La contribución en especie?", {"la", "contribución", "en", "especie"}},
        SegmentationCase{"ar", "الشراكة والمساءلة، ٢٠١٠.", {"الشراكة", "والمساءلة", "٢٠١٠"}},
        // Khmer and Chinese are written without spaces between words: ICU's dictionaries find them.
        SegmentationCase{"km", "ដៃគូនិងគណនេយ្យភាពរួម", {"ដៃគូ", "និង", "គណនេយ្យ", "ភាព", "រួម"}},
        SegmentationCase{"zh-Hans", "伙伴关系的退出战略和协调人", {"伙伴", "关系", "的", "退出", "战略", "和", "协调", "人"}},
        SegmentationCase{"ja", "パートナーシップの戦略", {"パートナーシップ", "の", "戦略"}},
        SegmentationCase{"th", "ความร่วมมือ", {"ความ", "ร่วม", "มือ"}},
        SegmentationCase{"ru", "Стратегия выхода", {"стратегия", "выхода"}},
        SegmentationCase{"en", "   ,;!  ", {}},
        SegmentationCase{"en", "", {}}));

TEST(TextAnalyzer, OffsetsPointAtTheWordInTheOriginalText)
{
    const std::string text = "Voir l’Accord — ភាពជាដៃគូ 伙伴关系";
    for (const auto& token : TextAnalyzer("fr").tokenize(text)) {
        const std::string original = text.substr(token.begin, token.end - token.begin);
        EXPECT_EQ(TextAnalyzer::normalize(original), token.term) << original;
    }
}

struct FoldCase {
    const char* language;
    std::string text;
    std::string folded; // "" when folding changes nothing
};

class Folding : public testing::TestWithParam<FoldCase> {};

TEST_P(Folding, FoldsWhatReadersTypeWithoutThinking)
{
    const auto tokens = TextAnalyzer(GetParam().language).tokenize(GetParam().text);
    ASSERT_EQ(tokens.size(), 1u) << GetParam().text;
    EXPECT_EQ(tokens[0].folded, GetParam().folded) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Scripts, Folding,
    testing::Values(FoldCase{"fr", "Stratégie", "strategie"}, FoldCase{"es", "contribución", "contribucion"},
                    FoldCase{"de", "Übergabe", "ubergabe"}, FoldCase{"en", "strategy", ""},
                    FoldCase{"fr", "ŒUVRE", ""}, // NFKC case folding: œuvre, no accent to drop
                    FoldCase{"ar", "المُساءَلة", "المساءلة"},  // harakat off
                    FoldCase{"ar", "أهداف", "اهداف"},          // hamza on alef
                    FoldCase{"ar", "والمساءلة", "المساءلة"},     // conjunction before the article
                    FoldCase{"ar", "للشراكة", "الشراكة"},
                    FoldCase{"km", "ប្ដេជ្ញា", "ប្តេជ្ញា"},          // subscript DA written as TA
                    FoldCase{"km", "២០១០", "2010"}, FoldCase{"ar", "٢٠١٠", "2010"},
                    FoldCase{"en", "ﬁnance", ""})); // NFKC already made the ligature "finance"

// What folding a word of Latin, Greek or Cyrillic letters means, done here with ICU alone: NFD,
// no non-spacing marks, NFC.
std::string withoutMarks(const icu::UnicodeString& word)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString decomposed = icu::Normalizer2::getNFDInstance(status)->normalize(word, status);
    icu::UnicodeString stripped;
    for (int32_t i = 0; i < decomposed.length(); i += U16_LENGTH(decomposed.char32At(i)))
        if (u_charType(decomposed.char32At(i)) != U_NON_SPACING_MARK)
            stripped.append(decomposed.char32At(i));
    std::string out;
    icu::Normalizer2::getNFCInstance(status)->normalize(stripped, status).toUTF8String(out);
    EXPECT_TRUE(U_SUCCESS(status));
    return out;
}

// The analyzer folds these words a letter at a time: every letter below U+0500 after a Latin,
// a Greek and a Cyrillic letter, and then beside each non-spacing mark of that range, must fold
// as the whole word does.
TEST(TextAnalyzer, FoldsWordsOfTheSmallAlphabetsAsTheWholeWordFolds)
{
    std::vector<UChar32> marks;
    for (UChar32 c = 0x80; c < 0x500; ++c)
        if (u_charType(c) == U_NON_SPACING_MARK)
            marks.push_back(c);
    ASSERT_GT(marks.size(), 100u);
    std::size_t checked = 0;
    for (const UChar32 first : {UChar32(u'a'), UChar32(u'\u03B1'), UChar32(u'\u0434')}) {
        for (UChar32 c = 0x80; c < 0x500; ++c) {
            std::vector<icu::UnicodeString> words{icu::UnicodeString(first).append(c)};
            if (first == u'a')
                for (const UChar32 mark : marks) {
                    words.push_back(icu::UnicodeString(first).append(c).append(mark));
                    words.push_back(icu::UnicodeString(first).append(mark).append(c));
                }
            for (const auto& word : words) {
                std::string utf8;
                word.toUTF8String(utf8);
                ASSERT_EQ(TextAnalyzer::fold(utf8), withoutMarks(word)) << "U+" << std::hex << c;
                ++checked;
            }
        }
    }
    EXPECT_GT(checked, 100000u);
}

TEST(TextAnalyzer, NfkcAndCaseFolding)
{
    EXPECT_EQ(termsOf("en", "ﬁnance ＵＮＩＣＥＦ"), (std::vector<std::string>{"finance", "unicef"}));
    EXPECT_EQ(termsOf("de", "STRASSE Straße"), (std::vector<std::string>{"strasse", "strasse"}));
    // Words already in NFKC_Casefold are kept byte for byte; the others are normalised.
    EXPECT_EQ(termsOf("ja", "ｶﾀｶﾅ"), (std::vector<std::string>{"カタカナ"}));
    EXPECT_EQ(termsOf("fr", "coopération Coopération"), (std::vector<std::string>{"coopération", "coopération"}));
    EXPECT_EQ(termsOf("fr", "coope\u0301ration"), (std::vector<std::string>{"coopération"})); // a combining accent
}

TEST(TextAnalyzer, StemsWithTheTextsOwnLanguage)
{
    EXPECT_EQ(TextAnalyzer("en").stem("partnerships"), TextAnalyzer("en").stem("partnership"));
    EXPECT_EQ(TextAnalyzer("en").stem("negotiating"), TextAnalyzer("en").stem("negotiation").substr(0, 7));
    EXPECT_EQ(TextAnalyzer("fr").stem("évaluations"), TextAnalyzer("fr").stem("évaluation"));
    EXPECT_EQ(TextAnalyzer("es").stem("socios"), TextAnalyzer("es").stem("socio"));
    EXPECT_EQ(TextAnalyzer("ar").stem("الشراكات"), TextAnalyzer("ar").stem("شراكة"));
    EXPECT_TRUE(TextAnalyzer("fr-CA").hasStemmer());
    EXPECT_FALSE(TextAnalyzer("km").hasStemmer());
    EXPECT_FALSE(TextAnalyzer("zh-Hans").hasStemmer());
    EXPECT_EQ(TextAnalyzer("km").stem("ដៃគូ"), "");
}

TEST(TextAnalyzer, InvalidUtf8NeverFails)
{
    const auto tokens = TextAnalyzer("en").tokenize("good \xC3\x28 bad \xFF\xFE words");
    ASSERT_FALSE(tokens.empty());
    EXPECT_EQ(tokens.front().term, "good");
    EXPECT_EQ(tokens.back().term, "words");
}

TEST(TextAnalyzer, DropsAbsurdlyLongWords)
{
    EXPECT_TRUE(termsOf("en", std::string(500, 'a')).empty());
}

TEST(TextAnalyzer, RejectsMalformedLanguageTag)
{
    EXPECT_THROW(TextAnalyzer("not a tag"), partnering::InvalidInput);
}

} // namespace
