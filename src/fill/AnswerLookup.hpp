// PRIVATE to src/fill (not part of the core's interface): where the filler finds answers, in
// the answers schema when it compiles a template and in the answers when it fills one.
// A stand-in kept self-contained until journey/AnswerPath and journey/AnswersSchema replace it.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace partnering::fill::lookup {

// Paths are dotted keys ("partnership.name"); a key that meets a list goes into every item.

// ---- The answers schema (src/journey/answers.schema.json), to refuse at load time a template
// that asks for answers nobody gives.

const nlohmann::json& answersSchema(); // parsed once

// `node` with its "$ref"s to "#/definitions/..." followed; null when one leads nowhere.
const nlohmann::json* deref(const nlohmann::json* node);

bool isArraySchema(const nlohmann::json* node);

// The schema of `path` below `node`; null when `node` has no such answer.
const nlohmann::json* schemaAt(const nlohmann::json* node, std::string_view path);

// ---- The answers.

// A list being walked: the item a path inside it is read from.
struct Frame {
    std::string list;    // the list it walks, as the template names it ("" for the root)
    std::string absPath; // where that list is in the answers, without indexes
    const nlohmann::json* value;
};

// What a path reads.
struct Resolved {
    std::vector<const nlohmann::json*> values;
    bool mapped = false; // the path went through a list: every item's value
    std::string absPath;
};

// "a" + "b" as a path: "a.b".
std::string joined(const std::string& a, const std::string& b);

// `path` read from `frame`'s item.
Resolved resolveIn(const Frame& frame, const std::string& path);

// A plain path is read from the innermost frame whose item has its first key.
Resolved resolve(const std::vector<Frame>& frames, const std::string& path);

// Whether an answer counts as given: not null, false, 0, blank text or an empty list or object.
bool truthy(const nlohmann::json& value);

} // namespace partnering::fill::lookup
