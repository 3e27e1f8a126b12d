#include "journey/AnswerValue.hpp"

#include <gtest/gtest.h>

using partnering::journey::affirmative;
using partnering::journey::answered;
using nlohmann::json;

namespace {

// One table for both rules: the journey's progress asks answered(), a template's "if:"
// section asks affirmative(); they differ only on false and zero.
TEST(AnswerValue, SaysWhatCountsAsAnAnswerAndAsAYes)
{
    const struct {
        json value;
        bool answered;
        bool affirmative;
    } cases[] = {
        {nullptr, false, false},
        {"", false, false},
        {" \t\r\n", false, false},
        {"x", true, true},
        {"  no  ", true, true},
        {true, true, true},
        {false, true, false},
        {0, true, false},
        {0.0, true, false},
        {3, true, true},
        {-1.5, true, true},
        {json::array(), false, false},
        {json::array({""}), true, true},
        {json::object(), false, false},
        {json({{"amount", 0}, {"currency", "USD"}}), true, true},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(answered(c.value), c.answered) << c.value;
        EXPECT_EQ(affirmative(c.value), c.affirmative) << c.value;
    }
}

} // namespace
