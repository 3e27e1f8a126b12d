#include "lessons/Presentation.hpp"

#include "error/Error.hpp"
#include "lessons/TextAnalyzer.hpp"

#include <gtest/gtest.h>

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
    lesson.texts = {{"en", "Plan the exit", "Agree how the partnership ends.", {"First paragraph.", "Second paragraph."}, {}},
                    {"fr", "Prévoir la sortie", "", {"Premier paragraphe.", "Second paragraphe."}, {}}};
    return lesson;
}

TEST(Presentation, AResultLineStartsAtItsFirstMatchWithoutMarks)
{
    const std::string text = "… one two three target word and target";
    const std::size_t target = text.find("target");
    const Snippet snippet{text, {{target, target + 6}, {text.rfind("target"), text.size()}}};
    EXPECT_EQ(fromFirstMatch(snippet), "…target word and target");
    const Snippet atStart{"target first", {{0, 6}}};
    EXPECT_EQ(fromFirstMatch(atStart), "target first");
    const Snippet cutBefore{"… target first", {{std::string("… ").size(), std::string("… target").size()}}};
    EXPECT_EQ(fromFirstMatch(cutBefore), "… target first");
    EXPECT_EQ(fromFirstMatch(Snippet{"no match here", {}}), "no match here");
    const std::string chinese = "各伙伴共同问责";
    const std::size_t hit = chinese.find("共同");
    EXPECT_EQ(fromFirstMatch(Snippet{chinese, {{hit, chinese.size()}}}), "…共同问责");
}

TEST(Presentation, ResultRowsFitTheListWithTitleAndLineFromTheMatch)
{
    // Ten units a character, as a fixed-width font would measure.
    const TextWidth measure = [](std::string_view text) {
        long characters = 0;
        for (char c : text)
            characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
        return characters * 10;
    };
    SearchHit exit;
    exit.title = "Set a lifespan and a clear exit strategy for the whole partnership";
    const std::string text = "Some partnerships linger; a clear exit strategy avoids it.";
    exit.snippet = Snippet{text, {{text.find("exit strategy"), text.find(" avoids")}}};
    SearchHit bare;
    bare.title = "Short";
    const auto rows = resultRows({exit, bare}, 300, measure);
    std::vector<std::pair<std::string, std::size_t>> seen;
    for (const auto& row : rows) {
        EXPECT_LE(measure(row.text), 300) << row.text;
        seen.emplace_back(row.text, row.hit);
    }
    EXPECT_EQ(seen, (std::vector<std::pair<std::string, std::size_t>>{
                        {"• Set a lifespan and a clear", 0},
                        {"   exit strategy for the…", 0},
                        {"      …exit strategy avoids…", 0},
                        {"• Short", 1}}));
    // Not laid out yet: whole rows.
    const auto whole = resultRows({exit}, 0, nullptr);
    ASSERT_EQ(whole.size(), 2u);
    EXPECT_EQ(whole[0].text, "• " + exit.title);
}

TEST(Presentation, AResultFoundOnlyThroughItsAdviceShowsTheAdvicesLineMarkedAsOurs)
{
    SearchHit hit;
    hit.title = "Plan the exit";
    hit.snippet = Snippet{"Agree how the partnership ends.", {}};
    const std::string advice = "Before signing, rehearse the handover.";
    hit.adviceSnippet = Snippet{advice, {{advice.find("rehearse"), advice.find(" the handover")}}};
    auto rows = resultRows({hit}, 0, nullptr, "Notre conseil :");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].text, "      Notre conseil : …rehearse the handover.");
    // A match in what the source says: its line, as before.
    hit.snippet.hits = {{0, 5}};
    rows = resultRows({hit}, 0, nullptr, "Notre conseil :");
    EXPECT_EQ(rows[1].text, "      Agree how the partnership ends.");
}

TEST(Presentation, FacetLabelCarriesTheCount)
{
    EXPECT_EQ(facetLabel("civil-society", 8), "civil-society (8)");
    EXPECT_EQ(facetLabel("3", 0), "3 (0)");
}

TEST(Presentation, LanguagesAreNamedInTheUiLanguage)
{
    EXPECT_EQ(languageName("zh-Hans", "fr"), "chinois (simplifié)");
    EXPECT_EQ(languageName("zh-Hans", "en-US"), "Chinese (Simplified)");
    EXPECT_EQ(languageName("fr", "en"), "French");
    EXPECT_EQ(languageName("km", "fr"), "khmer");
    EXPECT_EQ(languageName("ar", "es"), "árabe");
    EXPECT_EQ(languageName("en", "zh-CN"), "英语");
    EXPECT_EQ(languageName("x!", "fr"), "x!");
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

TEST(Presentation, MarkedRangesFollowTheHitsWords)
{
    MarkedWords marked;
    marked.words = {"stratégie", "sortie"};
    marked.commonWords = {"de"};
    const std::string text = "Une stratégie de sortie claire, et de la clarté à la sortie.";
    const auto ranges = markedRanges(text, "fr", marked);
    ASSERT_EQ(ranges.size(), 2u);
    EXPECT_EQ(text.substr(ranges[0].first, ranges[0].second - ranges[0].first), "stratégie de sortie");
    EXPECT_EQ(text.substr(ranges[1].first, ranges[1].second - ranges[1].first), "sortie");
    // A common word alone is not marked; nor is anything when no word is.
    EXPECT_TRUE(markedRanges("et de la clarté", "fr", marked).empty());
    EXPECT_TRUE(markedRanges(text, "fr", MarkedWords{}).empty());
}

TEST(Presentation, MarkedRangesInUnspacedScripts)
{
    // The words as the analyzer cuts them (问责 may come in two pieces): what a search collects.
    MarkedWords marked;
    for (const auto& token : TextAnalyzer("zh-Hans").tokenize("共同问责"))
        marked.words.push_back(token.term);
    const std::string text = "形成“共同问责”，由各伙伴负责。";
    const auto ranges = markedRanges(text, "zh-Hans", marked);
    ASSERT_EQ(ranges.size(), 1u);
    EXPECT_EQ(text.substr(ranges[0].first, ranges[0].second - ranges[0].first), "共同问责");
}

TEST(Presentation, PreviewOpensWithTheSourceAndMarksTheLessonsText)
{
    PreviewLabels labels;
    labels.source = "Source :";
    labels.uiLanguage = "fr";
    MarkedWords marked;
    marked.words = {"exit", "paragraph"};
    const auto paragraphs = preview(exitLesson(), "en", marked, labels);
    using Role = PreviewParagraph::Role;
    std::vector<std::pair<Role, std::string>> seen;
    for (const auto& paragraph : paragraphs)
        seen.emplace_back(paragraph.role, paragraph.text.text);
    EXPECT_EQ(seen, (std::vector<std::pair<Role, std::string>>{
                        {Role::Source, "Source : UNICEF Executive Board, 2012"},
                        {Role::Title, "Plan the exit"},
                        {Role::Summary, "Agree how the partnership ends."},
                        {Role::Body, "First paragraph."},
                        {Role::Body, "Second paragraph."},
                        {Role::Detail, "Journey steps: 6, 7"},
                        {Role::Detail, "Tags: exit-strategy, review"},
                        {Role::Detail, "Partner types: un"},
                        {Role::Detail, "Languages: anglais, français"}}));
    EXPECT_EQ(paragraphs[1].text.hits, (std::vector<std::pair<std::size_t, std::size_t>>{{9, 13}}));
    EXPECT_EQ(paragraphs[3].text.hits, (std::vector<std::pair<std::size_t, std::size_t>>{{6, 15}}));
    EXPECT_TRUE(paragraphs[2].text.hits.empty());
    EXPECT_TRUE(paragraphs[6].text.hits.empty()) << "details are not marked: 'exit-strategy' is a tag";
}

TEST(Presentation, PreviewShowsTheAdviceUnderItsOwnHeadingAfterWhatTheSourceSays)
{
    auto lesson = exitLesson();
    lesson.texts[0].advice = {"Rehearse the handover.", "Review it yearly."};
    PreviewLabels labels;
    labels.advice = "Notre conseil (ne vient pas de la source)";
    MarkedWords marked;
    marked.words = {"handover", "paragraph"};
    const auto paragraphs = preview(lesson, "en", marked, labels);
    using Role = PreviewParagraph::Role;
    std::vector<std::pair<Role, std::string>> seen;
    for (const auto& paragraph : paragraphs)
        seen.emplace_back(paragraph.role, paragraph.text.text);
    ASSERT_EQ(seen.size(), 12u);
    EXPECT_EQ(std::vector(seen.begin() + 3, seen.begin() + 8),
              (std::vector<std::pair<Role, std::string>>{{Role::Body, "First paragraph."},
                                                         {Role::Body, "Second paragraph."},
                                                         {Role::AdviceHeading, "Notre conseil (ne vient pas de la source)"},
                                                         {Role::Advice, "Rehearse the handover."},
                                                         {Role::Advice, "Review it yearly."}}));
    EXPECT_EQ(seen[8].first, Role::Detail);
    EXPECT_EQ(paragraphs[6].text.hits, (std::vector<std::pair<std::size_t, std::size_t>>{{13, 21}}))
        << "the advice's words are marked as the body's";
    EXPECT_TRUE(paragraphs[5].text.hits.empty());
    // The French text has no advice: no heading either.
    for (const auto& paragraph : preview(lesson, "fr", marked, labels))
        EXPECT_NE(paragraph.role, Role::AdviceHeading);
}

TEST(Presentation, PreviewLeavesOutDetailsTheLessonLacks)
{
    Lesson lesson;
    lesson.id = "bare";
    lesson.texts = {{"en", "Bare", "", {"Only paragraph."}, {}}};
    const auto paragraphs = preview(lesson, "en", {});
    ASSERT_EQ(paragraphs.size(), 3u);
    EXPECT_EQ(paragraphs[0].role, PreviewParagraph::Role::Title);
    EXPECT_EQ(paragraphs[1].text.text, "Only paragraph.");
    EXPECT_EQ(paragraphs[2].text.text, "Languages: English");
}

} // namespace
