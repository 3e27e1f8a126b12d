// Plain words for what the answers schema refuses: an official reads "\"2026-13-45\" is not a
// date written YYYY-MM-DD", not a JSON Schema validator's "Failed to match regex". Private.
#pragma once

#include "journey/AnswerPath.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace partnering::journey {

// The reason valijson gave (`description`) for the answer at `place` of `answers`, in plain
// words from the answers schema (its types, choices, forms, answers and bounds); the
// description itself when it is plain already or the place is not one the schema knows.
std::string plainReason(const std::string& description, const AnswerPath& place, const nlohmann::json& answers);

} // namespace partnering::journey
