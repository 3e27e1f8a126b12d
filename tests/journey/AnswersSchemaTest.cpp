#include "journey/AnswersSchema.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

using partnering::InvalidInput;
using partnering::journey::AnswerPath;
using partnering::journey::AnswersSchema;
using nlohmann::json;

namespace {

const AnswersSchema& schema()
{
    return AnswersSchema::standard();
}

const json& definition(const char* name)
{
    return schema().document()["definitions"][name];
}

enum class Walk { AsWritten, Gathered };

struct NodeCase {
    const char* path;
    Walk walk;
    std::optional<json> expected; // the schema node, its $ref followed; nullopt: no such answer
};

class AnswersSchemaAt : public ::testing::TestWithParam<NodeCase> {};

TEST_P(AnswersSchemaAt, FindsTheSchemaOfAnAnswer)
{
    const auto& c = GetParam();
    const auto path = AnswerPath::parse(c.path);
    const json* node = c.walk == Walk::AsWritten ? schema().at(path) : schema().gatheredAt(path);
    ASSERT_EQ(node != nullptr, c.expected.has_value()) << c.path;
    if (node != nullptr) {
        EXPECT_EQ(*node, *c.expected) << c.path;
    }
}

INSTANTIATE_TEST_SUITE_P(
    StandardSchema, AnswersSchemaAt,
    ::testing::Values(
        NodeCase{"partnership.name", Walk::AsWritten, definition("name")},
        NodeCase{"$.partners[1].sector", Walk::AsWritten, definition("sector")},
        NodeCase{"partners[].representative.name", Walk::AsWritten, definition("name")},
        NodeCase{"partners[0].focal_point.email", Walk::AsWritten, json({{"type", "string"}, {"maxLength", 300}})},
        NodeCase{"partners[].contributions[].value", Walk::AsWritten, definition("money")},
        NodeCase{"purpose.values[3]", Walk::AsWritten, definition("name")},
        NodeCase{"signing.date", Walk::AsWritten, definition("date")},
        NodeCase{"partnership.stakeholders[].interest", Walk::AsWritten, definition("level")},
        NodeCase{"$", Walk::AsWritten, schema().document()},
        NodeCase{"partners.name", Walk::AsWritten, std::nullopt}, // the list's items have it, not the list
        NodeCase{"partnership.colour", Walk::AsWritten, std::nullopt},
        NodeCase{"language.code", Walk::AsWritten, std::nullopt},
        NodeCase{"partnership[0]", Walk::AsWritten, std::nullopt},
        NodeCase{"definitions.name", Walk::AsWritten, std::nullopt}, // the schema's own parts are no answers
        NodeCase{"partners.name", Walk::Gathered, definition("name")},
        NodeCase{"partners.contributions.kind", Walk::Gathered, json({{"enum", {"cash", "in-kind"}}})},
        NodeCase{"objectives.activities.start", Walk::Gathered, definition("date")},
        NodeCase{"partners[].representative.title", Walk::Gathered, definition("name")},
        NodeCase{"governance.risks.owner", Walk::Gathered, definition("name")},
        NodeCase{"partners.colour", Walk::Gathered, std::nullopt},
        NodeCase{"purpose.values.text", Walk::Gathered, std::nullopt}));

TEST(AnswersSchema, SaysWhichAnswersAreListsAndWhatTheirItemsAre)
{
    const struct {
        const char* path;
        bool list;
        std::optional<json> items;
    } cases[] = {
        {"partners", true, schema().document()["properties"]["partners"]["items"]},
        {"purpose.values", true, definition("name")},
        {"partners[].contributions", true,
         schema().document()["properties"]["partners"]["items"]["properties"]["contributions"]["items"]},
        {"partners[0]", false, std::nullopt},
        {"partnership", false, std::nullopt},
        {"partnership.name", false, std::nullopt},
        {"$", false, std::nullopt},
    };
    for (const auto& c : cases) {
        const json* node = schema().at(AnswerPath::parse(c.path));
        ASSERT_NE(node, nullptr) << c.path;
        EXPECT_EQ(schema().isList(node), c.list) << c.path;
        const json* items = schema().itemSchema(node);
        ASSERT_EQ(items != nullptr, c.items.has_value()) << c.path;
        if (items != nullptr) {
            EXPECT_EQ(*items, *c.items) << c.path;
        }
    }
    EXPECT_FALSE(schema().isList(nullptr));
    EXPECT_EQ(schema().itemSchema(nullptr), nullptr);
}

TEST(AnswersSchema, WalksOnFromTheSchemaOfAnItem)
{
    const json* stakeholder = schema().itemSchema(schema().at(AnswerPath::parse("partnership.stakeholders")));
    ASSERT_NE(stakeholder, nullptr);
    EXPECT_EQ(schema().at(AnswerPath::parse("sector"), stakeholder), &definition("sector"));
    EXPECT_EQ(schema().at(AnswerPath(), stakeholder), stakeholder);
    EXPECT_EQ(schema().at(AnswerPath::parse("partnership"), stakeholder), nullptr);
}

TEST(AnswersSchema, FollowsReferencesToDefinitionsOnly)
{
    const AnswersSchema small(json::parse(R"({
        "definitions": {
            "word": {"type": "string"},
            "alias": {"$ref": "#/definitions/word"},
            "loop": {"$ref": "#/definitions/loop"},
            "words": {"type": "array", "items": {"$ref": "#/definitions/alias"}}
        },
        "properties": {
            "title": {"$ref": "#/definitions/alias"},
            "tags": {"$ref": "#/definitions/words"},
            "looped": {"$ref": "#/definitions/loop"},
            "elsewhere": {"$ref": "other.json#/word"},
            "missing": {"$ref": "#/definitions/none"},
            "bad": {"$ref": 5}
        }
    })"));
    const json word = {{"type", "string"}};
    const auto at = [&](const char* path) { return small.at(AnswerPath::parse(path)); };
    ASSERT_NE(at("title"), nullptr);
    EXPECT_EQ(*at("title"), word);
    EXPECT_TRUE(small.isList(at("tags")));
    ASSERT_NE(at("tags[]"), nullptr);
    EXPECT_EQ(*at("tags[]"), word);
    EXPECT_EQ(at("looped"), nullptr);
    EXPECT_EQ(at("elsewhere"), nullptr);
    EXPECT_EQ(at("missing"), nullptr);
    EXPECT_EQ(at("bad"), nullptr);
    EXPECT_EQ(at("title.more"), nullptr);
}

TEST(AnswersSchema, RefusesADocumentThatIsNoSchema)
{
    try {
        AnswersSchema(json::array());
        ADD_FAILURE() << "accepted an array";
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.id(), "partnering.journey.bad-schema");
    }
}

} // namespace
