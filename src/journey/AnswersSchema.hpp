// The answers schema (answers.schema.json) as a map of the answers: the schema of the answer
// at a path, whether it is a list, the schema of its items.
#pragma once

#include "journey/AnswerPath.hpp"

#include <nlohmann/json.hpp>

namespace partnering::journey {

// Nodes are JSON Schema objects inside document(); every node this class gives has its
// "$ref" followed (only "#/definitions/NAME" references, which is all the schema uses).
class AnswersSchema {
public:
    // The schema built into the library, parsed once.
    static const AnswersSchema& standard();

    // Throws InvalidInput "[partnering.journey.bad-schema]" for a document that is not a
    // JSON Schema object.
    explicit AnswersSchema(nlohmann::json document);

    const nlohmann::json& document() const noexcept { return document_; }
    const nlohmann::json& root() const noexcept { return document_; } // the schema of the whole answers

    // `node` with its "$ref"s followed; nullptr for nullptr and for a reference to nothing.
    const nlohmann::json* resolved(const nlohmann::json* node) const;

    // The schema of the answer at `path` below `from` (the root when nullptr), as the path is
    // written: a key steps into "properties", [N] and [] into a list's "items". nullptr when
    // the schema has no such answer.
    const nlohmann::json* at(const AnswerPath& path, const nlohmann::json* from = nullptr) const;

    // The same, with lists on the way walked as AnswerPath::gather() walks the answers: a key
    // met at a list is a key of its items ("partners.name" is the schema of a partner's name).
    const nlohmann::json* gatheredAt(const AnswerPath& path, const nlohmann::json* from = nullptr) const;

    bool isList(const nlohmann::json* node) const; // its "type" is "array"
    const nlohmann::json* itemSchema(const nlohmann::json* list) const; // nullptr when not a list

private:
    const nlohmann::json* walk(const AnswerPath& path, const nlohmann::json* from, bool keysWalkLists) const;
    nlohmann::json document_;
};

} // namespace partnering::journey
