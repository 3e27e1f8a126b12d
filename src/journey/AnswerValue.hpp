// What counts as an answer: the one rule behind the journey's progress (is the question
// answered?) and the templates' conditions (does the answer say yes?).
#pragma once

#include <nlohmann/json.hpp>

namespace partnering::journey {

// Whether `value` answers its question: anything but null, blank text ("", spaces, line
// breaks) and an empty list or object. false and 0 are answers: "no" and "none" were said.
bool answered(const nlohmann::json& value);

// Whether an answer says yes, as a template's "if:" section asks: answered, and neither
// false nor zero.
bool affirmative(const nlohmann::json& value);

} // namespace partnering::journey
