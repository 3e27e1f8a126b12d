#include "lessons/ShownText.hpp"

#include <gtest/gtest.h>

using namespace partnering::lessons;

namespace {

std::vector<TextCandidate> texts(std::initializer_list<std::pair<const char*, std::size_t>> languages)
{
    std::vector<TextCandidate> out;
    for (const auto& [language, typedWords] : languages)
        out.push_back({language, typedWords});
    return out;
}

TEST(ShownText, TheLanguageHoldingTheMostTypedWordsWins)
{
    // "stratégie de sortie" typed by an English reader: French holds two words, English none.
    EXPECT_EQ(shownText(texts({{"en", 0}, {"fr", 2}, {"es", 0}}), "en"), 1u);
    EXPECT_EQ(shownText(texts({{"en", 1}, {"fr", 2}, {"es", 1}}), "es"), 1u);
    EXPECT_EQ(shownText(texts({{"en", 2}, {"zh-Hans", 0}}), "zh-Hans"), 0u);
}

TEST(ShownText, AmongEqualsTheReadersLanguage)
{
    EXPECT_EQ(shownText(texts({{"en", 1}, {"fr", 1}, {"es", 0}}), "fr"), 1u);
    EXPECT_EQ(shownText(texts({{"en", 1}, {"fr", 1}, {"es", 0}}), "fr-CA"), 1u); // the same primary language
    EXPECT_EQ(shownText(texts({{"en", 1}, {"fr", 1}, {"es", 0}}), "es"), 0u);    // Spanish holds fewer: the first
}

TEST(ShownText, NoTypedWordMeansTheReadersLanguageThenTheFirstText)
{
    EXPECT_EQ(shownText(texts({{"en", 0}, {"fr", 0}, {"km", 0}}), "km"), 2u);
    EXPECT_EQ(shownText(texts({{"en", 0}, {"zh-Hans", 0}}), "zh-CN"), 1u);
    EXPECT_EQ(shownText(texts({{"fr", 0}, {"en", 0}}), "ar"), 0u);
    EXPECT_EQ(shownText(texts({{"fr", 0}, {"en", 0}}), ""), 0u);
    EXPECT_EQ(shownText(texts({{"en-GB", 0}, {"en-US", 0}}), "en-US"), 1u); // the exact tag first
}

TEST(ShownText, ALanguageFilterKeepsTheTextInItsLanguage)
{
    // Found through English words, filtered to Chinese: the Chinese text.
    EXPECT_EQ(shownText(texts({{"en", 2}, {"zh-Hans", 0}}), "en", {"zh-Hans"}), 1u);
    EXPECT_EQ(shownText(texts({{"en", 2}, {"fr", 1}, {"es", 0}}), "en", {"fr", "es"}), 1u);
    // A filter the lesson has no text for (it cannot pass one) changes nothing.
    EXPECT_EQ(shownText(texts({{"en", 0}, {"fr", 1}}), "en", {"km"}), 1u);
}

TEST(ShownText, TheReaderFirstShowsTheReadersLanguageWheneverTheLessonHasIt)
{
    // `partnering search --lang en stratégie de sortie`: the English text, as the CLI's contract says.
    EXPECT_EQ(shownText(texts({{"en", 0}, {"fr", 2}}), "en", {}, true), 0u);
    EXPECT_EQ(shownText(texts({{"en", 0}, {"fr", 2}}), "en-GB", {}, true), 0u);
    // A lesson without the reader's language: the query's words decide, as without it.
    EXPECT_EQ(shownText(texts({{"es", 0}, {"fr", 2}}), "en", {}, true), 1u);
    // A language filter still comes first.
    EXPECT_EQ(shownText(texts({{"en", 0}, {"fr", 2}}), "en", {"fr"}, true), 1u);
}

} // namespace
