#include "journey/Journey.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>

using partnering::journey::Journey;

namespace {

const partnering::l10n::Catalogs& journeyCatalogs()
{
    static const partnering::l10n::Catalogs catalogs(PARTNERING_TEST_LOCALE_DIR, "journey");
    return catalogs;
}

TEST(Journey, HasTheSevenStepsOfTheWorkshopInOrder)
{
    const auto steps = Journey::standard().steps(partnering::l10n::Translator());
    ASSERT_EQ(steps.size(), 7u);
    const char* ids[] = {"context", "vision", "purpose", "objectives", "resources", "structure", "agreement"};
    for (int i = 0; i < 7; ++i) {
        EXPECT_EQ(steps[static_cast<std::size_t>(i)].number, i + 1);
        EXPECT_EQ(steps[static_cast<std::size_t>(i)].id, ids[i]);
    }
    EXPECT_EQ(steps[1].title, "Agree an overarching vision");
    EXPECT_EQ(steps[6].title, "Sign the partnership agreement");
}

TEST(Journey, EveryShippedLanguageTranslatesEveryTitle)
{
    const auto english = Journey::standard().steps(partnering::l10n::Translator());
    for (const auto& language : journeyCatalogs().languages()) {
        if (language == "en")
            continue;
        const auto steps = Journey::standard().steps(journeyCatalogs().translatorFor(language));
        for (std::size_t i = 0; i < steps.size(); ++i)
            EXPECT_NE(steps[i].title, english[i].title) << language << " step " << i + 1;
    }
}

TEST(Journey, StepByNumberIsTranslated)
{
    const auto step = Journey::standard().step(6, journeyCatalogs().translatorFor("es"));
    EXPECT_EQ(step.id, "structure");
    EXPECT_EQ(step.title, "Estructurar la alianza");
    EXPECT_EQ(Journey::standard().step(7, journeyCatalogs().translatorFor("ar")).title, "توقيع اتفاق الشراكة");
}

TEST(Journey, GroupsTitleTheirQuestionsOnThePageAndLeaveTheAnswersAlone)
{
    const auto structure = Journey::standard().step(6, partnering::l10n::Translator());
    std::vector<std::string> groups;
    for (const auto& question : structure.questions) {
        EXPECT_FALSE(question.group.empty()) << question.path << " of step 6 has no group";
        if (groups.empty() || groups.back() != question.group)
            groups.push_back(question.group);
        EXPECT_EQ(question.path.rfind("governance.", 0), 0u) << question.path;
    }
    EXPECT_EQ(groups, (std::vector<std::string>{"Governance and decision making", "Accountability, reporting and risk",
                                                "Communication and legal matters", "Duration, change and exit"}));
    EXPECT_TRUE(Journey::standard().step(2, partnering::l10n::Translator()).questions.at(0).group.empty());
}

TEST(Journey, UnknownStepIsInvalidInput)
{
    for (int number : {0, 8, -1, 1000}) {
        try {
            Journey::standard().step(number, partnering::l10n::Translator());
            ADD_FAILURE() << "accepted step " << number;
        } catch (const partnering::InvalidInput& e) {
            EXPECT_EQ(e.id(), "partnering.journey.unknown-step");
            EXPECT_NE(std::string(e.what()).find(std::to_string(number)), std::string::npos);
        }
    }
}

TEST(Journey, BrokenDefinitionsAreRejectedWithTheirLine)
{
    const std::string ns = "urn:x-partnering:journey:1";
    struct Case {
        std::string xml;
        std::string expected;
    } cases[] = {
        {"<journey xmlns='" + ns + "'/>", "no steps"},
        {"<journey xmlns='" + ns + "'>\n<step number='2' id='a'><title>T</title></step></journey>", "def.xml:2:"},
        {"<journey xmlns='" + ns + "'><step number='1'><title>T</title></step></journey>", "no id"},
        {"<journey xmlns='" + ns + "'><step number='1' id='a'/></journey>", "no title"},
        {"<other/>", "root element"},
        {"<journey xmlns='" + ns + "'><step number='1' id='a'><title>T</title><group>"
         "<question path='x' type='text'><label>X</label></question></group></step></journey>", "group of step 1 has no title"},
        {"<journey xmlns='" + ns + "'><step number='1' id='a'><title>T</title>"
         "<question path='partners[0].name' type='text'><label>X</label></question></step></journey>",
         "the path \"partners[0].name\" is not keys joined by \".\""},
    };
    for (const auto& c : cases) {
        try {
            Journey::fromDefinition(c.xml, "def.xml");
            ADD_FAILURE() << "accepted " << c.xml;
        } catch (const partnering::InvalidInput& e) {
            EXPECT_EQ(e.id(), "partnering.journey.bad-definition");
            EXPECT_NE(std::string(e.what()).find(c.expected), std::string::npos) << e.what();
        }
    }
}

} // namespace
