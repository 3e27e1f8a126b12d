#include "lessons/FittedLines.hpp"

#include <gtest/gtest.h>

using namespace partnering::lessons;

namespace {

// Ten units per character (code point), as a fixed-width font would measure.
long tenPerCharacter(std::string_view text)
{
    long characters = 0;
    for (char c : text)
        characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return characters * 10;
}

TEST(FittedLines, TextThatFitsStaysOneLine)
{
    EXPECT_EQ(fitLines("Plan the exit", 200, 2, tenPerCharacter), (std::vector<std::string>{"Plan the exit"}));
    EXPECT_TRUE(fitLines("", 200, 2, tenPerCharacter).empty());
    EXPECT_TRUE(fitLines("   ", 200, 2, tenPerCharacter).empty());
}

TEST(FittedLines, LongTextWrapsAtSpacesAndEndsWithAnEllipsis)
{
    const std::string title = "Set a lifespan and a clear exit strategy for the partnership";
    EXPECT_EQ(fitLines(title, 200, 2, tenPerCharacter),
              (std::vector<std::string>{"Set a lifespan and a", "clear exit strategy…"}));
    EXPECT_EQ(fitLines(title, 200, 1, tenPerCharacter), (std::vector<std::string>{"Set a lifespan and…"}));
    EXPECT_EQ(fitLines(title, 200, 4, tenPerCharacter),
              (std::vector<std::string>{"Set a lifespan and a", "clear exit strategy", "for the partnership"}));
    for (const auto& line : fitLines(title, 200, 3, tenPerCharacter))
        EXPECT_LE(tenPerCharacter(line), 200) << line;
}

TEST(FittedLines, UnspacedScriptsBreakBetweenWords)
{
    // Never inside a character or a Khmer cluster.
    for (const std::string text : {"商定建立共同问责的治理结构", "ព្រមព្រៀងលើគណនេយ្យភាពរួម"}) {
        const auto lines = fitLines(text, 60, 10, tenPerCharacter);
        ASSERT_GE(lines.size(), 2u) << text;
        std::string joined;
        for (const auto& line : lines) {
            EXPECT_LE(tenPerCharacter(line), 60) << line;
            EXPECT_FALSE(line.empty());
            joined += line;
        }
        EXPECT_EQ(joined, text);
    }
    // Chinese lines may break between any two characters, as Chinese is typeset; Khmer ones
    // only between words, which ICU finds with its dictionary.
    EXPECT_EQ(fitLines("商定建立共同问责的治理结构", 60, 10, tenPerCharacter).front(), "商定建立共同");
    EXPECT_EQ(fitLines("ព្រមព្រៀងលើគណនេយ្យភាពរួម", 120, 10, tenPerCharacter).front(), "ព្រមព្រៀងលើ");
}

TEST(FittedLines, AWordWiderThanTheLineIsCutBetweenCharacters)
{
    EXPECT_EQ(fitLines("interinstitutionnalisation", 100, 2, tenPerCharacter),
              (std::vector<std::string>{"interinsti", "tutionnal…"}));
    // Too narrow for anything: still one character a line, nothing silently dropped.
    EXPECT_EQ(fitLines("abc", 5, 1, tenPerCharacter), (std::vector<std::string>{"a…"}));
}

} // namespace
