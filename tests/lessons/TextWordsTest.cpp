#include "lessons/IndexSchema.hpp"
#include "lessons/IndexedText.hpp"
#include "lessons/TextWords.hpp"

#include <gtest/gtest.h>

#include "LessonLibrary.hpp"

namespace partnering::lessons {
namespace {

// What a test compares of a token: everything a hit reads of it.
std::vector<std::tuple<std::string, std::string, std::size_t, std::size_t>> seen(const std::vector<Token>& tokens)
{
    std::vector<std::tuple<std::string, std::string, std::size_t, std::size_t>> out;
    for (const auto& token : tokens)
        out.emplace_back(token.term, token.folded, token.begin, token.end);
    return out;
}

void expectSameWords(const TextWords& kept, const TextWords& segmented, const std::string& what)
{
    EXPECT_EQ(kept.body, segmented.body) << what;
    EXPECT_EQ(seen(kept.titleTokens), seen(segmented.titleTokens)) << what;
    EXPECT_EQ(seen(kept.bodyTokens), seen(segmented.bodyTokens)) << what;
    EXPECT_EQ(seen(kept.adviceTokens), seen(segmented.adviceTokens)) << what;
}

// The spans the indexer keeps with `text` (of `lesson`), as a search reads them back.
std::string keptSpans(const Lesson& lesson, const LessonText& text, TextAnalyzer& analyzer)
{
    return readStoredText(prepareText(lesson, text, analyzer).document).wordSpans;
}

Lesson lessonOf(LessonText text)
{
    Lesson lesson;
    lesson.id = "spans";
    lesson.steps = {1};
    lesson.source = "test";
    lesson.texts = {std::move(text)};
    return lesson;
}

TEST(TextWords, TheIndexKeepsTheWordsOfEveryShippedTextSegmentedByDictionary)
{
    std::size_t texts = 0;
    for (const auto& [path, lesson] : fixtures::shippedLessons()) {
        for (const auto& text : lesson.texts) {
            TextAnalyzer analyzer(text.language);
            const std::string spans = keptSpans(lesson, text, analyzer);
            EXPECT_EQ(spans.empty(), !analyzer.segmentsByDictionary()) << lesson.id << " " << text.language;
            if (spans.empty())
                continue;
            expectSameWords(wordsOf(text, analyzer, spans), wordsOf(text, analyzer), lesson.id + " " + text.language);
            ++texts;
        }
    }
    EXPECT_GE(texts, 100u); // Chinese and Khmer of every lesson
}

TEST(TextWords, KeptWordsReadAsSegmentedOnesInEveryDictionaryScriptAndLayout)
{
    const std::vector<LessonText> texts{
        {"ja", "相互説明責任", "", {"パートナーシップの出口戦略を、最初から合意する。", "", "東京 2024 年"}, {"助言：", "定期的に見直す。"}},
        {"th", "ความรับผิดชอบร่วมกัน", "สรุป", {"หุ้นส่วนตกลงกลยุทธ์การออกตั้งแต่เริ่มต้น"}, {}},
        {"zh-Hans", "共同问责", "摘要。", {"", "伙伴关系的退出战略 exit strategy 从一开始就商定。"}, {"建议"}},
        {"km", "គណនេយ្យភាព", "", {}, {"ដៃគូ​យល់ព្រម​លើ​យុទ្ធសាស្ត្រ​ចាកចេញ"}},
        {"ja", "", "", {}, {}}};
    for (const auto& text : texts) {
        TextAnalyzer analyzer(text.language);
        const std::string spans = keptSpans(lessonOf(text), text, analyzer);
        ASSERT_FALSE(spans.empty()) << text.language;
        expectSameWords(wordsOf(text, analyzer, spans), wordsOf(text, analyzer), text.language + " " + text.title);
    }
}

TEST(TextWords, SpansThatDoNotFitTheTextAreSegmentedAgain)
{
    const LessonText text{"zh-Hans", "共同问责", "摘要。", {"伙伴关系的退出战略从一开始就商定。"}, {}};
    TextAnalyzer analyzer(text.language);
    const TextWords segmented = wordsOf(text, analyzer);
    const std::string good = keptSpans(lessonOf(text), text, analyzer);
    LessonText longer = text;
    longer.paragraphs.front() += "再加一句。";
    const std::string ofAnotherText = keptSpans(lessonOf(longer), longer, analyzer);
    for (const std::string& damaged : {good.substr(0, good.size() - 1), good + "\x01", std::string("\xff\xff\xff"),
                                       std::string(1, '\0'), ofAnotherText}) {
        expectSameWords(wordsOf(text, analyzer, damaged), segmented, "damaged spans");
    }
    // The spans of another text fit only when they stay inside this one: never past its end.
    EXPECT_NE(good, ofAnotherText);
}

TEST(TextWords, TheSpansAreAFractionOfTheText)
{
    const LessonText text{"zh-Hans", "共同问责", "伙伴关系的退出战略从一开始就商定。", {"各方定期审查进展，并公开报告结果。"}, {}};
    TextAnalyzer analyzer(text.language);
    const std::string spans = keptSpans(lessonOf(text), text, analyzer);
    EXPECT_LT(spans.size() * 2, text.title.size() + text.summary.size() + text.paragraphs.front().size());
}

} // namespace
} // namespace partnering::lessons
