// PRIVATE to src/fill (not part of the core's interface): a template's content.xml compiled in
// one pass into the operations a fill runs, every field checked against the answers schema.
#pragma once

#include "journey/AnswerPath.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace partnering::fill {

// A field as the template writes it, "<partners[].name>" or "<partners|count>"
// (templates/README.md).
struct Field {
    std::string written;  // as in the template, for messages and fields()
    std::string list;     // before "[]": the list whose current item the field reads
    std::string path;     // the rest (after "[]."), or the whole path
    journey::AnswerPath answer; // `path` parsed (no steps when it is empty: the item itself)
    std::string keys;     // where the answer is in the answers: "partners.name" (its question's path)
    bool count = false;   // "|count"
    std::string bookmarkStem; // "partners-name": the readable part of its bookmarks' names
};

struct Op {
    enum class Type { Literal, Field, If, Each, Map } type = Type::Literal;
    std::size_t begin = 0, end = 0; // Literal: bytes of the template
    Field field;                     // Field
    std::string path;                // If: the answer tested; Each: the list
    journey::AnswerPath answer;      // If, Each: `path` parsed
    bool negate = false;             // If: "if:!path"
    std::optional<std::string> equals; // If: "if:path=value"
    double widthCm = 16, heightCm = 12; // Map
    std::vector<Op> body;            // If, Each
};

// A tree of operations over the template's bytes: literals copy a range of the content.xml
// compiled (which the program points into and does not own), the rest fill, test or repeat.
struct TemplateProgram {
    std::vector<Op> ops;
    std::vector<std::string> fields; // as written, in document order
    std::optional<Op> map;            // the stakeholder map, when the template draws one

    // `sourceName` names the content in messages ("agreement.ott: content.xml"). Throws
    // InvalidInput with the line: "[partnering.fill.bad-field]", "[partnering.fill.unknown-field]",
    // "[partnering.fill.bad-section]", "[partnering.fill.mixed-repeat]", "[partnering.fill.bad-map]",
    // "[partnering.fill.unasked-field]" (a field no question of the journey asks for),
    // and the XML scan's "[partnering.xml.*]".
    static TemplateProgram compile(std::string_view content, const std::string& sourceName);
};

} // namespace partnering::fill
