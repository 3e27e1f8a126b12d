#include "journey/FieldText.hpp"

#include "error/Error.hpp"
#include "journey/JourneyForm.hpp"

#include <gtest/gtest.h>

using partnering::InvalidInput;
using partnering::journey::calendarDate;
using partnering::journey::choicePosition;
using partnering::journey::choiceText;
using partnering::journey::isoDate;
using partnering::journey::moneyParts;
using partnering::journey::moneyText;
using partnering::journey::Journey;
using partnering::journey::JourneyForm;
using partnering::journey::Question;

namespace {

Question choiceQuestion()
{
    Question question;
    question.type = Question::Type::Choice;
    question.label = "Kind";
    question.choices = {{"cash", "In cash"}, {"in-kind", "In kind"}};
    return question;
}

Question ofType(Question::Type type)
{
    Question question;
    question.type = type;
    question.label = "Field";
    return question;
}

// The journey's own question at `path` (searched through every list), as the wizard gets it.
const Question& journeyQuestion(const std::string& path)
{
    static const auto steps = Journey::standard().steps(partnering::l10n::Translator());
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

TEST(FieldText, AChoicesPositionCountsFromOneAndZeroIsNoAnswer)
{
    const auto kind = choiceQuestion();
    EXPECT_EQ(choicePosition(kind, "cash"), 1);
    EXPECT_EQ(choicePosition(kind, "in-kind"), 2);
    EXPECT_EQ(choicePosition(kind, " in-kind "), 2);
    EXPECT_EQ(choicePosition(kind, ""), 0);
    EXPECT_EQ(choicePosition(kind, "In kind"), 0); // the label is not the value
    EXPECT_EQ(choicePosition(kind, "loan"), 0);
    EXPECT_EQ(choiceText(kind, 1), "cash");
    EXPECT_EQ(choiceText(kind, 2), "in-kind");
    EXPECT_EQ(choiceText(kind, 0), "");
    EXPECT_EQ(choiceText(kind, 3), "");
    EXPECT_EQ(choiceText(kind, -1), "");
}

TEST(FieldText, ALevelsPositionIsTheLevel)
{
    const auto level = ofType(Question::Type::Level);
    for (int position = 1; position <= 5; ++position) {
        EXPECT_EQ(choiceText(level, position), std::to_string(position));
        EXPECT_EQ(choicePosition(level, std::to_string(position)), position);
    }
    EXPECT_EQ(choicePosition(level, "0"), 0);
    EXPECT_EQ(choicePosition(level, "6"), 0);
    EXPECT_EQ(choicePosition(level, "12"), 0);
    EXPECT_EQ(choiceText(level, 6), "");
    EXPECT_EQ(choicePosition(ofType(Question::Type::Text), "1"), 0);
    EXPECT_EQ(choiceText(ofType(Question::Type::Text), 1), "");
}

TEST(FieldText, EveryChoiceOfTheJourneyGoesRoundTrip)
{
    const auto& sector = journeyQuestion("sector");
    ASSERT_GE(sector.choices.size(), 7u);
    for (std::size_t i = 0; i < sector.choices.size(); ++i) {
        const int position = static_cast<int>(i) + 1;
        EXPECT_EQ(choicePosition(sector, choiceText(sector, position)), position);
    }
    EXPECT_EQ(choiceText(sector, static_cast<int>(sector.choices.size()) + 1), "");
}

TEST(FieldText, CalendarDatesAreStrictAndKnowLeapYears)
{
    const auto date = calendarDate("2025-01-31");
    ASSERT_TRUE(date);
    EXPECT_EQ(date->year, 2025);
    EXPECT_EQ(date->month, 1);
    EXPECT_EQ(date->day, 31);
    EXPECT_TRUE(calendarDate("2024-02-29"));
    EXPECT_TRUE(calendarDate("2000-02-29"));
    EXPECT_FALSE(calendarDate("1900-02-29"));
    EXPECT_FALSE(calendarDate("2025-02-29"));
    EXPECT_FALSE(calendarDate("2025-02-30"));
    EXPECT_FALSE(calendarDate("2025-04-31"));
    EXPECT_FALSE(calendarDate("2025-13-01"));
    EXPECT_FALSE(calendarDate("2025-00-10"));
    EXPECT_FALSE(calendarDate("2025-01-00"));
    EXPECT_FALSE(calendarDate("0000-01-01"));
    EXPECT_FALSE(calendarDate("2025-1-31"));
    EXPECT_FALSE(calendarDate(" 2025-01-31"));
    EXPECT_FALSE(calendarDate("2025-01-31T00:00"));
    EXPECT_FALSE(calendarDate("2025/01/31"));
    EXPECT_FALSE(calendarDate("+025-01-31"));
    EXPECT_FALSE(calendarDate(""));
}

TEST(FieldText, IsoDatesArePaddedAndRefuseNoDates)
{
    EXPECT_EQ(isoDate({2025, 1, 5}), "2025-01-05");
    EXPECT_EQ(isoDate({987, 12, 31}), "0987-12-31");
    EXPECT_EQ(isoDate(*calendarDate("2024-02-29")), "2024-02-29");
    try {
        isoDate({2025, 2, 30});
        FAIL() << "2025-02-30 was accepted";
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.id(), "partnering.journey.bad-date");
    }
    EXPECT_THROW(isoDate({10000, 1, 1}), InvalidInput);
    EXPECT_THROW(isoDate({2025, 0, 1}), InvalidInput);
}

TEST(FieldText, MoneyPartsReadWhatPeopleType)
{
    auto parts = moneyParts("120000 USD");
    EXPECT_EQ(parts.amount, 120000.0);
    EXPECT_EQ(parts.currency, "USD");
    parts = moneyParts("  1,500.50 eur ");
    EXPECT_EQ(parts.amount, 1500.5);
    EXPECT_EQ(parts.currency, "EUR");
    parts = moneyParts("2 400 000 KHR");
    EXPECT_EQ(parts.amount, 2400000.0);
    EXPECT_EQ(parts.currency, "KHR");
    parts = moneyParts("   ");
    EXPECT_FALSE(parts.amount);
    EXPECT_EQ(parts.currency, "");
    for (const char* bad : {"USD", "120000", "-5 USD", ".5 USD", "1.2.3 USD", "12 US", "12 US1", "12 dollars", "1e5 USD"}) {
        try {
            moneyParts(bad);
            ADD_FAILURE() << bad << " was accepted";
        } catch (const InvalidInput& e) {
            EXPECT_EQ(e.id(), "partnering.journey.bad-money") << bad;
        }
    }
}

TEST(FieldText, MoneyTextIsWhatTheFormPrintsAndReadsBack)
{
    EXPECT_EQ(moneyText(120000.0, "USD"), "120000 USD");
    EXPECT_EQ(moneyText(1500.5, "EUR"), "1500.5 EUR");
    EXPECT_EQ(moneyText(0.1, "EUR"), "0.1 EUR");
    EXPECT_EQ(moneyText(std::nullopt, "USD"), "");
    EXPECT_EQ(moneyText(12.0, ""), "12");
    EXPECT_THROW(moneyText(std::nan(""), "USD"), InvalidInput);
    for (const double amount : {0.0, 7.0, 0.1, 1234567.89, 999999999999999.0, 1e17}) {
        const auto parts = moneyParts(moneyText(amount, "XOF"));
        EXPECT_EQ(parts.amount, amount);
        EXPECT_EQ(parts.currency, "XOF");
    }
}

TEST(FieldText, TheFormUsesTheSameRules)
{
    JourneyForm form("en");
    const auto& start = journeyQuestion("governance.start");
    EXPECT_THROW(form.setText(start, "governance.start", "2025-02-30"), InvalidInput);
    form.setText(start, "governance.start", "2024-02-29");
    EXPECT_EQ(calendarDate(form.text("governance.start"))->day, 29);

    form.addItem(journeyQuestion("partners"), "partners", {{"name", "UNICEF"}});
    form.addItem(journeyQuestion("contributions"), "partners[0].contributions",
                 {{"kind", choiceText(journeyQuestion("kind"), 2)},
                  {"description", "Two specialists seconded"},
                  {"value", moneyText(1500.5, "usd")}});
    EXPECT_EQ(form.json()["partners"][0]["contributions"][0]["value"],
              nlohmann::json({{"amount", 1500.5}, {"currency", "USD"}}));
    const auto texts = form.itemTexts(journeyQuestion("contributions"), "partners[0].contributions", 0);
    EXPECT_EQ(texts.at("value"), "1500.5 USD");
    EXPECT_EQ(choicePosition(journeyQuestion("kind"), texts.at("kind")), 2);
    form.setText(journeyQuestion("value"), "partners[0].contributions[0].value", "120,000 usd");
    EXPECT_EQ(form.json()["partners"][0]["contributions"][0]["value"], nlohmann::json({{"amount", 120000}, {"currency", "USD"}}));
    EXPECT_EQ(form.text("partners[0].contributions[0].value"), "120000 USD");
}

} // namespace
