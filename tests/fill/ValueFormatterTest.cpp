#include "fill/ValueFormatter.hpp"

#include "l10n/Catalogs.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <ostream>

using nlohmann::json;
using partnering::fill::ChoiceLabels;
using partnering::fill::ValueFormatter;

namespace {

const ChoiceLabels kKinds{{"cash", "Cash"}, {"in-kind", "In kind"}};

struct AnswerCase {
    const char* what;
    json value;
    std::string text;
    const ChoiceLabels* labels = nullptr;
};

void PrintTo(const AnswerCase& row, std::ostream* os)
{
    *os << row.what;
}

const AnswerCase kAnswers[] = {
    {"a date", "2027-01-15", "January 15, 2027"},
    {"no date the calendar has", "2025-02-30", "2025-02-30"},
    {"text", "Phnom Penh", "Phnom Penh"},
    {"a choice's value", "in-kind", "In kind", &kKinds},
    {"a value no choice has", "loan", "loan", &kKinds},
    {"a choice's value with no labels", "in-kind", "in-kind"},
    {"yes", true, "yes"},
    {"no", false, "no"},
    {"a number", 1234.5, "1,234.5"},
    {"an amount", json{{"amount", 1500}, {"currency", "USD"}}, "$1,500.00"},
    {"null", nullptr, ""},
    {"a list", json::array({"a", "b"}), ""},
    {"another object", json{{"name", "x"}}, ""},
};

class ValueFormatterAnswer : public ::testing::TestWithParam<AnswerCase> {};

const partnering::l10n::Translator kSource; // English as the messages are written

TEST_P(ValueFormatterAnswer, IsWrittenTheWayTheAgreementWritesIt)
{
    EXPECT_EQ(ValueFormatter::forLanguage("en").answer(GetParam().value, kSource, GetParam().labels), GetParam().text);
}

INSTANTIATE_TEST_SUITE_P(Table, ValueFormatterAnswer, ::testing::ValuesIn(kAnswers));

struct AnswersCase {
    const char* what;
    std::string language;
    json values; // an array: each item one answer
    std::string text;
};

void PrintTo(const AnswersCase& row, std::ostream* os)
{
    *os << row.what;
}

const AnswersCase kLists[] = {
    {"three in English", "en", {"A", "B", "C"}, "A, B, and C"},
    {"three in French", "fr", {"A", "B", "C"}, "A, B et C"},
    {"blanks are left out", "en", {"A", "", nullptr, json::array(), "B"}, "A and B"},
    {"one", "en", {"A"}, "A"},
    {"each item as answer() writes it", "en", {"2027-01-15", true, 3}, "January 15, 2027, yes, and 3"},
    {"none", "en", json::array(), ""},
    {"only blanks", "en", {"", nullptr}, ""},
};

class ValueFormatterAnswers : public ::testing::TestWithParam<AnswersCase> {};

TEST_P(ValueFormatterAnswers, AreOneListInTheAgreementsLanguage)
{
    std::vector<const json*> values;
    for (const auto& value : GetParam().values)
        values.push_back(&value);
    EXPECT_EQ(ValueFormatter::forLanguage(GetParam().language).answers(values, kSource), GetParam().text);
}

INSTANTIATE_TEST_SUITE_P(Table, ValueFormatterAnswers, ::testing::ValuesIn(kLists));

TEST(ValueFormatterAnswers, ShowChoicesByTheirLabels)
{
    const json cash = "cash", kind = "in-kind";
    EXPECT_EQ(ValueFormatter::forLanguage("en").answers({&cash, &kind}, kSource, &kKinds), "Cash and In kind");
}

} // namespace
