#include "journey/JourneyForm.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <sstream>

using partnering::InvalidInput;
using partnering::journey::AgreementAnswers;
using partnering::journey::GridQuadrant;
using partnering::journey::ItemTexts;
using partnering::journey::Journey;
using partnering::journey::JourneyForm;
using partnering::journey::Question;
using nlohmann::json;

namespace {

const partnering::l10n::Translator english;

// The question (or list) of the journey at `path`, searched through every step and list.
const Question& question(const std::string& path)
{
    static const auto steps = Journey::standard().steps(english);
    struct Search {
        static const Question* in(const std::vector<Question>& questions, const std::string& path)
        {
            for (const auto& q : questions) {
                if (q.path == path)
                    return &q;
                if (const auto* found = in(q.items, path))
                    return found;
            }
            return nullptr;
        }
    };
    for (const auto& step : steps) {
        if (const auto* found = Search::in(step.questions, path))
            return *found;
    }
    throw std::logic_error("no question " + path);
}

AgreementAnswers smallExample()
{
    std::ifstream in(std::string(PARTNERING_SOURCE_DIR) + "/examples/small.json");
    std::ostringstream text;
    text << in.rdbuf();
    return AgreementAnswers::parse(text.str(), "small.json");
}

std::string reasonOf(const std::function<void()>& call)
{
    try {
        call();
    } catch (const InvalidInput& e) {
        return e.what();
    }
    return "no error";
}

std::string joined(const std::vector<partnering::journey::AnswerProblem>& problems)
{
    std::string text;
    for (const auto& problem : problems)
        text += problem.path + " " + problem.reason + "\n";
    return text;
}

TEST(JourneyForm, StartsEmptyInItsLanguageWithEveryStepIncomplete)
{
    const JourneyForm form("fr-FR");
    EXPECT_EQ(form.json(), json({{"language", "fr-FR"}}));
    EXPECT_EQ(form.completeSteps(), std::vector<bool>(7, false));
    EXPECT_THROW(JourneyForm("not a tag!"), InvalidInput);
}

TEST(JourneyForm, StepOneSaysWhatIsMissingUntilItIsAnswered)
{
    JourneyForm form("en");
    const auto missing = joined(form.missing(1, english));
    EXPECT_NE(missing.find("$.partnership.name Name of the partnership: not answered yet."), std::string::npos) << missing;
    EXPECT_NE(missing.find("$.partnership.issue The issue the partnership takes on: not answered yet."), std::string::npos);
    EXPECT_NE(missing.find("$.partnership.stakeholders Stakeholders: at least 2 are needed, 0 so far."), std::string::npos);

    form.setText(question("partnership.name"), "partnership.name", "Clean water for Kandal");
    form.setText(question("partnership.issue"), "partnership.issue", "Villages lack safe water.");
    const auto& stakeholders = question("partnership.stakeholders");
    form.addItem(stakeholders, "partnership.stakeholders",
                 {{"name", "Ministry of Rural Development"}, {"sector", "government"}, {"interest", "4"}, {"influence", "5"}});
    EXPECT_EQ(joined(form.missing(1, english)), "$.partnership.stakeholders Stakeholders: at least 2 are needed, 1 so far.\n");
    form.addItem(stakeholders, "partnership.stakeholders", {{"name", "Water users' associations"}, {"notes", "Villages"}});
    const auto stillMissing = joined(form.missing(1, english));
    EXPECT_NE(stillMissing.find("$.partnership.stakeholders[1].sector Stakeholders no. 2, Sector: not answered yet."), std::string::npos) << stillMissing;
    form.updateItem(stakeholders, "partnership.stakeholders", 1,
                    {{"name", "Water users' associations"}, {"sector", "civil-society"}, {"interest", "5"}, {"influence", "2"}});
    EXPECT_TRUE(form.missing(1, english).empty()) << joined(form.missing(1, english));
    EXPECT_TRUE(form.completeSteps()[0]);
    EXPECT_FALSE(form.completeSteps()[1]);
}

TEST(JourneyForm, FieldTextsBecomeTypedAnswersAndBack)
{
    JourneyForm form("en");
    form.setText(question("governance.logos"), "governance.logos", "false");
    form.setText(question("governance.start"), "governance.start", "2025-01-31");
    form.setText(question("governance.decision_making"), "governance.decision_making", "consensus");
    EXPECT_EQ(form.json()["governance"], json({{"logos", false}, {"start", "2025-01-31"}, {"decision_making", "consensus"}}));
    EXPECT_EQ(form.text("governance.logos"), "false");
    EXPECT_EQ(form.text("governance.start"), "2025-01-31");
    EXPECT_EQ(form.text("governance.end"), "");

    // A blank text removes the answer.
    form.setText(question("governance.start"), "governance.start", "  ");
    EXPECT_FALSE(form.json()["governance"].contains("start"));

    const auto& partners = question("partners");
    form.addItem(partners, "partners", {{"name", "UNICEF"}, {"representative.name", "Ms. Lindqvist"}});
    form.addItem(question("contributions"), "partners[0].contributions",
                 {{"kind", "cash"}, {"description", "Grant"}, {"value", "350,000 usd"}});
    EXPECT_EQ(form.json()["partners"][0]["contributions"][0]["value"], json({{"amount", 350000}, {"currency", "USD"}}));
    EXPECT_EQ(form.itemTexts(question("contributions"), "partners[0].contributions", 0).at("value"), "350000 USD");
    EXPECT_EQ(form.itemTexts(partners, "partners", 0).at("representative.name"), "Ms. Lindqvist");
    EXPECT_EQ(form.itemSummary(partners, "partners", 0), "1. UNICEF");
}

TEST(JourneyForm, RefusesBadTextsAndKeepsTheAnswers)
{
    JourneyForm form("en");
    const auto before = form.json();
    EXPECT_NE(reasonOf([&] { form.setText(question("governance.start"), "governance.start", "31/01/2025"); })
                  .find("[partnering.form.bad-date] Start date: write the date as YYYY-MM-DD"),
              std::string::npos);
    EXPECT_NE(reasonOf([&] { form.setText(question("partnership.spectrum"), "partnership.spectrum", "vote"); })
                  .find("[partnering.form.bad-choice]"),
              std::string::npos);
    EXPECT_NE(reasonOf([&] {
                  form.addItem(question("partnership.stakeholders"), "partnership.stakeholders",
                               {{"name", "X"}, {"interest", "9"}});
              }).find("[partnering.form.bad-level]"),
              std::string::npos);
    EXPECT_NE(reasonOf([&] {
                  form.addItem(question("contributions"), "partners[0].contributions", {{"value", "lots"}});
              }).find("[partnering.form.no-item]"),
              std::string::npos);
    // The schema has the last word: a stakeholder needs a name.
    EXPECT_NE(reasonOf([&] {
                  form.addItem(question("partnership.stakeholders"), "partnership.stakeholders", {{"sector", "donor"}});
              }).find("[partnering.form.invalid] $.partnership.stakeholders[0]"),
              std::string::npos);
    EXPECT_NE(reasonOf([&] { form.addItem(question("partnership.stakeholders"), "partnership.stakeholders", {}); })
                  .find("[partnering.form.empty-item]"),
              std::string::npos);
    EXPECT_EQ(form.json(), before);
}

TEST(JourneyForm, UpdatingAnItemKeepsItsNestedListAndRemovingShifts)
{
    JourneyForm form(smallExample());
    const auto& objectives = question("objectives");
    form.updateItem(objectives, "objectives", 0, {{"title", "Integrated registration"}});
    EXPECT_EQ(form.json()["objectives"][0]["title"], "Integrated registration");
    EXPECT_FALSE(form.json()["objectives"][0].contains("indicator"));
    EXPECT_EQ(form.itemCount("objectives[0].activities"), 2u);

    form.removeItem("objectives", 0);
    EXPECT_EQ(form.itemCount("objectives"), 1u);
    EXPECT_EQ(form.json()["objectives"][0]["title"], "Timely and accessible cash transfer payments");
    EXPECT_THROW(form.removeItem("objectives", 5), InvalidInput);

    // A list of plain values takes its one text.
    const auto& values = question("purpose.values");
    const auto index = form.addItem(values, "purpose.values", {{"", "Mutual benefit"}});
    EXPECT_EQ(index, 4u);
    EXPECT_EQ(form.itemSummary(values, "purpose.values", 4), "5. Mutual benefit");
}

TEST(JourneyForm, TheSmallExampleCompletesEveryStepAndRoundTrips)
{
    const auto example = smallExample();
    const JourneyForm form(example);
    EXPECT_EQ(form.completeSteps(), std::vector<bool>(7, true));
    EXPECT_EQ(form.answers().json(), example.json());
    EXPECT_EQ(form.language(), "en");
}

TEST(JourneyForm, PlacesStakeholdersOnTheInterestInfluenceGrid)
{
    JourneyForm form(smallExample());
    const auto grid = form.stakeholderGrid();
    ASSERT_EQ(grid.size(), 4u);
    EXPECT_EQ(grid[0].quadrant, GridQuadrant::ManageClosely);
    EXPECT_EQ(grid[3].name, "Commune councils in the pilot provinces");
    EXPECT_EQ(grid[3].quadrant, GridQuadrant::KeepInformed);

    form.addItem(question("partnership.stakeholders"), "partnership.stakeholders",
                 {{"name", "Provincial treasury"}, {"interest", "1"}, {"influence", "4"}});
    form.addItem(question("partnership.stakeholders"), "partnership.stakeholders",
                 {{"name", "Local media"}, {"interest", "2"}, {"influence", "1"}});
    form.addItem(question("partnership.stakeholders"), "partnership.stakeholders", {{"name", "Not yet rated"}});
    const auto more = form.stakeholderGrid();
    ASSERT_EQ(more.size(), 6u); // the unrated one is left off
    EXPECT_EQ(more[4].quadrant, GridQuadrant::KeepSatisfied);
    EXPECT_EQ(more[5].quadrant, GridQuadrant::Monitor);
    EXPECT_EQ(more[5].index, 5u);
}

TEST(JourneyForm, RejectsPathsThatAreNotPaths)
{
    JourneyForm form("en");
    EXPECT_THROW(form.setText(question("partnership.name"), "partnership..name[", "x"), InvalidInput);
    EXPECT_THROW(form.setText(question("partnership.name"), "", "x"), InvalidInput);
    EXPECT_THROW(form.missing(8, english), InvalidInput);
}

} // namespace
