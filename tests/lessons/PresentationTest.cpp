#include "lessons/Presentation.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace partnering::lessons;

namespace {

Lesson exitLesson()
{
    Lesson lesson;
    lesson.id = "plan-exit";
    lesson.steps = {6, 7};
    lesson.source = "UNICEF Executive Board, 2012";
    lesson.tags = {"exit-strategy", "review"};
    lesson.partnerTypes = {"un"};
    lesson.texts = {{"en", "Plan the exit", "Agree how the partnership ends.", {"First paragraph.", "Second paragraph."}},
                    {"fr", "Prévoir la sortie", "", {"Premier paragraphe.", "Second paragraphe."}}};
    return lesson;
}

std::string example(const std::string& name)
{
    std::ifstream in(std::string(PARTNERING_SOURCE_DIR) + "/examples/" + name);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(Presentation, SnippetMarksEachHitInPlace)
{
    Snippet snippet{"an exit strategy for exit", {{3, 7}, {21, 25}}};
    EXPECT_EQ(markedSnippet(snippet), "an «exit» strategy for «exit»");
    EXPECT_EQ(markedSnippet(snippet, "[", "]"), "an [exit] strategy for [exit]");
}

TEST(Presentation, SnippetMarksMultibyteWordsByByteRange)
{
    const std::string text = "la stratégie de sortie";
    Snippet snippet{text, {{3, text.find(" de")}}};
    EXPECT_EQ(markedSnippet(snippet), "la «stratégie» de sortie");
}

TEST(Presentation, SnippetSkipsHitsThatAreOutOfOrderOverlappingOrOutside)
{
    Snippet snippet{"one two three", {{4, 7}, {5, 9}, {0, 3}, {8, 99}, {6, 6}}};
    EXPECT_EQ(markedSnippet(snippet), "one «two» three");
    EXPECT_EQ(markedSnippet(Snippet{"no hits", {}}), "no hits");
}

TEST(Presentation, ResultLinesShowTitleLanguageAndMarkedSnippet)
{
    SearchHit hit;
    hit.title = "Prévoir la sortie";
    hit.language = "fr";
    hit.snippet = Snippet{"une sortie claire", {{4, 10}}};
    const auto lines = resultLines(hit);
    EXPECT_EQ(lines.heading, "[fr] Prévoir la sortie");
    EXPECT_EQ(lines.snippet, "    une «sortie» claire");
}

TEST(Presentation, SnippetStartsNearItsFirstHitAtAWordBoundary)
{
    const std::string text = "… one two three four five six seven eight nine target word and target";
    const std::size_t target = text.find("target");
    const Snippet snippet{text, {{target, target + 6}, {text.rfind("target"), text.size()}}};
    const auto near = nearFirstHit(snippet, 10);
    EXPECT_EQ(near.text, "…eight nine target word and target");
    EXPECT_EQ(markedSnippet(near), "…eight nine «target» word and «target»");
    EXPECT_EQ(markedSnippet(nearFirstHit(snippet, 200)), markedSnippet(snippet)); // the start is close enough
    const Snippet noHits{text, {}};
    EXPECT_EQ(nearFirstHit(noHits, 10).text, text);
}

TEST(Presentation, FacetLabelCarriesTheCount)
{
    EXPECT_EQ(facetLabel("civil-society", 8), "civil-society (8)");
    EXPECT_EQ(facetLabel("3", 0), "3 (0)");
}

TEST(Presentation, DisplayedTextFollowsTheReaderThenFallsBackToTheFirstText)
{
    const auto lesson = exitLesson();
    EXPECT_EQ(displayedText(lesson, "fr-CA").title, "Prévoir la sortie");
    EXPECT_EQ(displayedText(lesson, "km").title, "Plan the exit");
    Lesson empty;
    empty.id = "empty";
    EXPECT_THROW(displayedText(empty, "en"), partnering::InvalidInput);
}

TEST(Presentation, PreviewHoldsTheWholeLessonAndItsDetails)
{
    PreviewLabels labels;
    labels.source = "Source :";
    EXPECT_EQ(previewText(exitLesson(), "en", labels),
              "Plan the exit\n\nAgree how the partnership ends.\n\nFirst paragraph.\n\nSecond paragraph.\n"
              "\nSource : UNICEF Executive Board, 2012"
              "\nJourney steps: 6, 7"
              "\nTags: exit-strategy, review"
              "\nPartner types: un"
              "\nLanguages: en, fr");
}

TEST(Presentation, PreviewLeavesOutDetailsTheLessonLacks)
{
    Lesson lesson;
    lesson.id = "bare";
    lesson.texts = {{"en", "Bare", "", {"Only paragraph."}}};
    EXPECT_EQ(previewText(lesson, "en"), "Bare\n\nOnly paragraph.\n\nLanguages: en");
}

TEST(Presentation, CitationIsTitleSummaryAndSource)
{
    EXPECT_EQ(citationParagraphs(exitLesson(), "en", "Source:"),
              (std::vector<std::string>{"Plan the exit", "Agree how the partnership ends.",
                                        "Source: UNICEF Executive Board, 2012"}));
}

TEST(Presentation, CitationWithoutSummaryUsesTheFirstParagraphAndWithoutSourceHasNoSourceLine)
{
    auto lesson = exitLesson();
    lesson.source.clear();
    EXPECT_EQ(citationParagraphs(lesson, "fr", "Source :"),
              (std::vector<std::string>{"Prévoir la sortie", "Premier paragraphe."}));
}

TEST(Presentation, NoStoredAnswersSuggestTheFirstStep)
{
    EXPECT_EQ(suggestedStep(""), 1);
    EXPECT_EQ(suggestedStep("  \n"), 1);
}

TEST(Presentation, UnreadableAnswersSuggestTheFirstStep)
{
    EXPECT_EQ(suggestedStep("{not json"), 1);
    EXPECT_EQ(suggestedStep(R"({"language": 5})"), 1);
}

TEST(Presentation, SuggestionIsTheFirstIncompleteStep)
{
    auto answers = nlohmann::json::parse(example("small.json"));
    answers.erase("governance");
    EXPECT_EQ(suggestedStep(answers.dump()), 6);
    answers.erase("vision");
    EXPECT_EQ(suggestedStep(answers.dump()), 2);
    EXPECT_EQ(suggestedStep(R"({"language": "en"})"), 1);
}

TEST(Presentation, CompleteAnswersSuggestTheLastStep)
{
    EXPECT_EQ(suggestedStep(example("small.json")), 7);
}

} // namespace
