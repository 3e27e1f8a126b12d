#include "fill/TemplateProgram.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>

#include "fill/TestTemplates.hpp"

#include <cstdio>
#include <ostream>

using partnering::InvalidInput;
using partnering::fill::Op;
using partnering::fill::TemplateProgram;
using partnering::testing::field;
using partnering::testing::kHead;
using partnering::testing::kTail;

namespace {

const std::string kSource = "t.ott: content.xml";

TemplateProgram compiled(const std::string& content)
{
    return TemplateProgram::compile(content, kSource);
}

// The ops that are not literals, as "field(partners[].name)", "if(!path=value)[…]",
// "each(list)[…]", "map(10x5)".
std::string describe(const std::vector<Op>& ops)
{
    std::string out;
    for (const Op& op : ops) {
        std::string one;
        switch (op.type) {
        case Op::Type::Literal:
            continue;
        case Op::Type::Field:
            one = "field(" + op.field.written + ")";
            break;
        case Op::Type::If:
            one = "if(" + std::string(op.negate ? "!" : "") + op.path + (op.equals ? "=" + *op.equals : "") + ")["
                + describe(op.body) + "]";
            break;
        case Op::Type::Each:
            one = "each(" + op.path + ")[" + describe(op.body) + "]";
            break;
        case Op::Type::Map: {
            char size[32];
            std::snprintf(size, sizeof size, "map(%gx%g)", op.widthCm, op.heightCm);
            one = size;
            break;
        }
        }
        out += (out.empty() ? "" : " ") + one;
    }
    return out;
}

struct Compiles {
    const char* what;
    std::string body;
    std::string ops;
};

const Compiles kCompiles[] = {
    {"nothing special", "<text:p>Hello <text:placeholder>free text</text:placeholder></text:p>", ""},
    {"a scalar field", "<text:p>" + field("partnership.name") + "</text:p>", "field(partnership.name)"},
    {"spaces inside the brackets", "<text:p>" + field(" partnership.name ") + "</text:p>", "field( partnership.name )"},
    {"a count", "<text:p>" + field("partners|count") + "</text:p>", "field(partners|count)"},
    {"a paragraph repeats",
     "<text:p>" + field("partners[].name") + ", " + field("partners[].sector") + "</text:p>",
     "each(partners)[field(partners[].name) field(partners[].sector)]"},
    {"a row repeats, not its cell",
     "<table:table><table:table-row><table:table-cell><text:p>" + field("partners[].name")
         + "</text:p></table:table-cell></table:table-row></table:table>",
     "each(partners)[field(partners[].name)]"},
    {"a list item repeats",
     "<text:list><text:list-item><text:p>" + field("purpose.values[]") + "</text:p></text:list-item></text:list>",
     "each(purpose.values)[field(purpose.values[])]"},
    {"conditions",
     "<text:section text:name=\"if:governance.logos\"><text:p>x</text:p></text:section>"
     "<text:section text:name=\"if:!governance.logos\"><text:p>x</text:p></text:section>"
     "<text:section text:name=\"if:governance.decision_making=majority#2\"><text:p>x</text:p></text:section>",
     "if(governance.logos)[] if(!governance.logos)[] if(governance.decision_making=majority)[]"},
    {"an each: section walks the list its fields repeat",
     "<text:section text:name=\"each:partners\"><text:p>" + field("name") + " " + field("partners[].short_name")
         + "</text:p><text:p>" + field("contributions[].description") + "</text:p></text:section>",
     "each(partners)[field(name) field(partners[].short_name) each(contributions)[field(contributions[].description)]]"},
    {"a field in a condition",
     "<text:section text:name=\"if:vision\"><text:p>" + field("vision.statement") + "</text:p></text:section>",
     "if(vision)[field(vision.statement)]"},
    {"the map replaces the image and its fallback",
     "<text:p><draw:frame draw:name=\"stakeholder-map\" svg:width=\"100mm\" svg:height=\"2in\"><draw:image/>"
     "<draw:image/></draw:frame></text:p>",
     "map(10x5.08)"},
    {"the map's size falls back to 16 x 12 cm",
     "<text:p><draw:frame draw:name=\"stakeholder-map\" svg:width=\"wide\"><draw:image/></draw:frame></text:p>",
     "map(16x12)"},
    {"another frame is copied", "<text:p><draw:frame draw:name=\"logo\"><draw:image/></draw:frame></text:p>", ""},
};

void PrintTo(const Compiles& row, std::ostream* os)
{
    *os << row.what;
}

class TemplateProgramCompiles : public ::testing::TestWithParam<Compiles> {};

TEST_P(TemplateProgramCompiles, IntoTheseOps)
{
    const auto program = compiled(kHead + GetParam().body + kTail);
    EXPECT_EQ(describe(program.ops), GetParam().ops);
    EXPECT_EQ(program.map.has_value(), GetParam().ops.find("map(") != std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Table, TemplateProgramCompiles, ::testing::ValuesIn(kCompiles));

struct Refused {
    const char* what;
    std::string body;
    std::string id;
    std::string reason;
};

const Refused kRefused[] = {
    {"an unknown filter", "<text:p>" + field("partners|upper") + "</text:p>", "partnering.fill.bad-field",
     "<partners|upper>: unknown filter \"upper\" (known: count)"},
    {"[] not followed by a dot", "<text:p>" + field("partners[]name") + "</text:p>", "partnering.fill.bad-field",
     "\"[]\" must be followed by \".\" or end the path"},
    {"two [] in a field", "<text:p>" + field("partners[].contributions[].kind") + "</text:p>", "partnering.fill.bad-field",
     "one \"[]\" per field"},
    {"not a path", "<text:p>" + field("partnership..name") + "</text:p>", "partnering.fill.bad-field",
     "<partnership..name>: not a path of the answers"},
    {"a repeat with nothing to repeat", field("partners[].name"), "partnering.fill.bad-field",
     "repeats but is in no paragraph, row or list item"},
    {"two lists in one paragraph", "<text:p>" + field("partners[].name") + field("objectives[].title") + "</text:p>",
     "partnering.fill.mixed-repeat", "repeat the same row, item or paragraph over different lists"},
    {"an unknown answer", "<text:p>" + field("partnership.nmae") + "</text:p>", "partnering.fill.unknown-field",
     "<partnership.nmae>: partnership.nmae is not an answer"},
    {"an unknown member of an item", "<text:p>" + field("partners[].nmae") + "</text:p>", "partnering.fill.unknown-field",
     "<partners[].nmae>: the items of partners have no nmae"},
    {"a repeat over an answer that is no list", "<text:p>" + field("vision[].statement") + "</text:p>",
     "partnering.fill.unknown-field", "vision is not a list of the answers"},
    {"each: over an answer that is no list", "<text:section text:name=\"each:vision\"><text:p>x</text:p></text:section>",
     "partnering.fill.unknown-field", "vision is not a list of the answers"},
    {"each: over no answer", "<text:section text:name=\"each:friends\"><text:p>x</text:p></text:section>",
     "partnering.fill.unknown-field", "friends is not a list of the answers (src/journey/answers.schema.json)"},
    {"a condition on no answer", "<text:section text:name=\"if:governance.colour\"><text:p>x</text:p></text:section>",
     "partnering.fill.unknown-field", "<if:governance.colour>: governance.colour is not an answer"},
    {"a condition that is no path", "<text:section text:name=\"if:!\"><text:p>x</text:p></text:section>",
     "partnering.fill.bad-section", "section \"if:!\": not a condition on an answer"},
    {"each: that is no path", "<text:section text:name=\"each:a..b\"><text:p>x</text:p></text:section>",
     "partnering.fill.bad-section", "section \"each:a..b\": not a list of the answers"},
    {"a map with no picture", "<text:p><draw:frame draw:name=\"stakeholder-map\"><draw:text-box/></draw:frame></text:p>",
     "partnering.fill.bad-map", "the frame named stakeholder-map holds no image to replace"},
    {"not XML", "<text:p>", "partnering.xml.malformed", "content.xml:3: Opening and ending tag mismatch"},
    {"a placeholder holding a comment with a reference that names no character",
     "<text:p><text:placeholder text:placeholder-type=\"text\">&lt;partnership.name&gt;<!-- &#x; --></text:placeholder></text:p>",
     "partnering.fill.bad-field", "<partnership.name><!-- &#x; -->: not a path of the answers"},
};

void PrintTo(const Refused& row, std::ostream* os)
{
    *os << row.what;
}

class TemplateProgramRefuses : public ::testing::TestWithParam<Refused> {};

TEST_P(TemplateProgramRefuses, WithTheIdAndTheReason)
{
    try {
        compiled(kHead + GetParam().body + kTail);
        FAIL() << "compiled";
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.id(), GetParam().id) << e.what();
        EXPECT_NE(e.reason().find(GetParam().reason), std::string::npos) << e.what();
        EXPECT_EQ(e.reason().rfind(kSource + ":", 0), 0u) << "names the source first: " << e.what();
    }
}

INSTANTIATE_TEST_SUITE_P(Table, TemplateProgramRefuses, ::testing::ValuesIn(kRefused));

TEST(TemplateProgramOps, LiteralsCoverTheBytesAroundWhatIsFilled)
{
    const std::string content = kHead + "<text:p>A " + field("partnership.name") + " B</text:p>" + kTail;
    const auto program = compiled(content);
    ASSERT_EQ(program.ops.size(), 3u);
    const Op& before = program.ops[0];
    const Op& after = program.ops[2];
    EXPECT_EQ(before.begin, 0u);
    EXPECT_EQ(content.substr(before.end, after.begin - before.end), field("partnership.name"));
    EXPECT_EQ(after.end, content.size());
    EXPECT_EQ(program.ops[1].field.bookmarkStem, "partnership-name");
}

TEST(TemplateProgramOps, ATemplateWithoutFieldsIsOneLiteral)
{
    const std::string content = kHead + "<text:p>Nothing to fill</text:p>" + kTail;
    const auto program = compiled(content);
    ASSERT_EQ(program.ops.size(), 1u);
    EXPECT_EQ(program.ops[0].begin, 0u);
    EXPECT_EQ(program.ops[0].end, content.size());
    EXPECT_TRUE(program.fields.empty());
}

TEST(TemplateProgramOps, FieldsAreListedAsWrittenInDocumentOrderWithTheirBookmarkStems)
{
    const auto program = compiled(kHead + "<text:p>" + field("partners[].name") + "</text:p><text:p>" + field("partners|count")
                                  + field("purpose.values[]") + "</text:p>" + kTail);
    EXPECT_EQ(program.fields, (std::vector<std::string>{"partners[].name", "partners|count", "purpose.values[]"}));
    const auto stems = [&] {
        std::vector<std::string> out;
        const auto walk = [&](const auto& self, const std::vector<Op>& ops) -> void {
            for (const Op& op : ops) {
                if (op.type == Op::Type::Field)
                    out.push_back(op.field.bookmarkStem);
                self(self, op.body);
            }
        };
        walk(walk, program.ops);
        return out;
    }();
    EXPECT_EQ(stems, (std::vector<std::string>{"partners-name", "partners-count", "purpose-values"}));
}

} // namespace
