#include "journey/AnswerPath.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using partnering::InvalidInput;
using partnering::journey::AnswerPath;
using partnering::journey::RepeatScope;
using partnering::journey::ResolvedAnswer;
using nlohmann::json;
using Placement = AnswerPath::Placement;

namespace {

// Answers shaped like the schema's, small enough to read in a test.
const json& answers()
{
    static const json document = json::parse(R"({
        "language": "en",
        "partnership": {"name": "Clean water", "stakeholders": [{"name": "Ministry"}, {"name": "Villages", "sector": "civil-society"}]},
        "partners": [{"name": "UNICEF", "lead": true, "contributions": [{"kind": "cash"}, {"kind": "in-kind"}]},
                     {"name": "Ministry", "lead": false}],
        "purpose": {"values": ["Trust", "Openness"]}
    })");
    return document;
}

std::vector<json> copies(const std::vector<const json*>& values)
{
    std::vector<json> out;
    for (const json* value : values)
        out.push_back(*value);
    return out;
}

// --- parse: both the wizard's and the templates' paths, and what is no path

struct ParseCase {
    std::string text;
    std::optional<std::string> written; // text() of the parsed path; nullopt: not a path
    std::string keys = {};
};

class AnswerPathParse : public ::testing::TestWithParam<ParseCase> {};

TEST_P(AnswerPathParse, ReadsThePathOrRefusesIt)
{
    const auto& c = GetParam();
    const auto parsed = AnswerPath::tryParse(c.text);
    ASSERT_EQ(parsed.has_value(), c.written.has_value()) << c.text;
    if (!parsed) {
        try {
            AnswerPath::parse(c.text);
            ADD_FAILURE() << "parsed " << c.text;
        } catch (const InvalidInput& e) {
            EXPECT_EQ(e.id(), "partnering.journey.bad-path");
        }
        return;
    }
    EXPECT_EQ(parsed->text(), *c.written);
    EXPECT_EQ(parsed->keys(), c.keys);
    EXPECT_EQ(AnswerPath::parse(parsed->text()), *parsed) << "text() reads back as the same path";
}

INSTANTIATE_TEST_SUITE_P(
    Paths, AnswerPathParse,
    ::testing::Values(ParseCase{"partnership.name", "partnership.name", "partnership.name"},
                      ParseCase{"partners[1].contributions[0].kind", "partners[1].contributions[0].kind",
                                "partners.contributions.kind"},
                      ParseCase{"partners[].focal_point.name", "partners[].focal_point.name", "partners.focal_point.name"},
                      ParseCase{"purpose.values[]", "purpose.values[]", "purpose.values"},
                      ParseCase{"$.partners[1].sector", "partners[1].sector", "partners.sector"},
                      ParseCase{"$", "$", ""},
                      ParseCase{"$[0]", "[0]", ""},
                      ParseCase{"[2].name", "[2].name", "name"},
                      ParseCase{"grid[0][1].x", "grid[0][1].x", "grid.x"},
                      ParseCase{"a[007]", "a[7]", "a"},
                      ParseCase{"short_name2", "short_name2", "short_name2"},
                      ParseCase{"", std::nullopt},
                      ParseCase{".", std::nullopt},
                      ParseCase{"$.", std::nullopt},
                      ParseCase{"$x", std::nullopt},
                      ParseCase{"name.", std::nullopt},
                      ParseCase{".name", std::nullopt},
                      ParseCase{"partnership..name[", std::nullopt},
                      ParseCase{"partners[", std::nullopt},
                      ParseCase{"partners]", std::nullopt},
                      ParseCase{"partners[x]", std::nullopt},
                      ParseCase{"partners[-1]", std::nullopt},
                      ParseCase{"partners[ 1]", std::nullopt},
                      ParseCase{"partners[0]name", std::nullopt},
                      ParseCase{"partners.[0]", std::nullopt},
                      ParseCase{"partners[1234567890]", std::nullopt},
                      ParseCase{"focal point", std::nullopt},
                      ParseCase{"decision-making", std::nullopt},
                      ParseCase{"partners[].name|count", std::nullopt}));

TEST(AnswerPath, PartsJoinAndSplitAtTheFirstEveryItem)
{
    const auto path = AnswerPath::parse("partners[].contributions[].kind");
    EXPECT_TRUE(path.repeats());
    EXPECT_FALSE(AnswerPath::parse("partners[0].name").repeats());
    const auto split = path.splitAtEveryItem();
    ASSERT_TRUE(split);
    EXPECT_EQ(split->list.text(), "partners");
    EXPECT_EQ(split->inItem.text(), "contributions[].kind");
    const auto atTheEnd = AnswerPath::parse("purpose.values[]").splitAtEveryItem();
    ASSERT_TRUE(atTheEnd);
    EXPECT_EQ(atTheEnd->list.text(), "purpose.values");
    EXPECT_TRUE(atTheEnd->inItem.empty());
    EXPECT_FALSE(AnswerPath::parse("partners[0].name").splitAtEveryItem());
    EXPECT_EQ(split->list.then(AnswerPath::parse("[1]")).then(split->inItem).text(), "partners[1].contributions[].kind");
    EXPECT_EQ(AnswerPath().then(AnswerPath()).text(), "$");
}

// --- find: the one value at a path, as the form reads a field

TEST(AnswerPath, FindsTheOneValueAtAPath)
{
    const struct {
        const char* path;
        std::optional<json> expected; // nullopt: nothing there
    } cases[] = {
        {"partnership.name", json("Clean water")},
        {"$.partnership.stakeholders[1].sector", json("civil-society")},
        {"partners[0].contributions[1].kind", json("in-kind")},
        {"partners[1].lead", json(false)},
        {"purpose.values[1]", json("Openness")},
        {"purpose.values", json({"Trust", "Openness"})},
        {"$", answers()},
        {"partners[2].name", std::nullopt},
        {"partners.name", std::nullopt},   // a key of a list's items needs the item
        {"partners[].name", std::nullopt}, // every item is no one value
        {"language.code", std::nullopt},
        {"partnership[0]", std::nullopt},
        {"vision.statement", std::nullopt},
    };
    for (const auto& c : cases) {
        const json* found = AnswerPath::parse(c.path).find(answers());
        ASSERT_EQ(found != nullptr, c.expected.has_value()) << c.path;
        if (found != nullptr) {
            EXPECT_EQ(*found, *c.expected) << c.path;
        }
    }
}

TEST(AnswerPath, FindsAValueToChangeInPlace)
{
    json document = answers();
    json* name = AnswerPath::parse("partners[1].name").find(document);
    ASSERT_NE(name, nullptr);
    *name = "Ministry of Rural Development";
    EXPECT_EQ(document["partners"][1]["name"], "Ministry of Rural Development");
}

// --- place: the form's changes

TEST(AnswerPath, PlacesAValueOrSaysWhyNot)
{
    const struct {
        const char* before;
        const char* path;
        json value;
        Placement outcome;
        const char* after; // nullptr: unchanged
    } cases[] = {
        {"{}", "governance.start", "2025-01-31", Placement::Placed, R"({"governance": {"start": "2025-01-31"}})"},
        {R"({"governance": {"start": "x"}})", "governance.start", "y", Placement::Placed, R"({"governance": {"start": "y"}})"},
        {R"({"governance": {"start": "x", "end": "z"}})", "governance.start", nullptr, Placement::Placed,
         R"({"governance": {"end": "z"}})"},
        {"{}", "governance.start", nullptr, Placement::Placed, nullptr},            // nothing to remove, nothing made
        {"{}", "partners[0].contributions", nullptr, Placement::Placed, nullptr},   // no more than before
        {R"({"partners": [{}]})", "partners[0].contributions", json::array(), Placement::Placed,
         R"({"partners": [{"contributions": []}]})"},
        {R"({"partners": [{"name": "A"}]})", "$.partners[0].representative.name", "B", Placement::Placed,
         R"({"partners": [{"name": "A", "representative": {"name": "B"}}]})"},
        {R"({"partners": []})", "partners[0].contributions", json::array(), Placement::MissingItem, nullptr},
        {"{}", "partners[0].contributions", json::array(), Placement::MissingItem, nullptr},
        {"{}", "governance.risks[0].owner", "A", Placement::MissingItem, nullptr},
        {R"({"language": "en"})", "language.code", "en", Placement::NotAField, nullptr},
        {R"({"language": "en"})", "language.code.more", "en", Placement::NotAField, nullptr},
        {R"({"partners": [{}]})", "partners[0]", json::object(), Placement::NotAField, nullptr},
        {R"({"partners": [{}]})", "partners[].name", "A", Placement::NotAField, nullptr},
        {R"({"partners": {}})", "partners[0].name", "A", Placement::MissingItem, nullptr},
        {"{}", "$", 1, Placement::NotAField, nullptr},
    };
    for (const auto& c : cases) {
        json document = json::parse(c.before);
        EXPECT_EQ(AnswerPath::parse(c.path).place(document, c.value), c.outcome) << c.before << " " << c.path;
        EXPECT_EQ(document, json::parse(c.after != nullptr ? c.after : c.before)) << c.before << " " << c.path;
    }
}

// --- gather: the templates' reading, through every list on the way

TEST(AnswerPath, GathersAcrossTheListsOnTheWay)
{
    const struct {
        const char* path;
        std::vector<json> values;
        bool mapped;
    } cases[] = {
        {"partners[].name", {"UNICEF", "Ministry"}, true},
        {"partners.name", {"UNICEF", "Ministry"}, true}, // a key met at a list: each item's
        {"partners[1].name", {"Ministry"}, false},
        {"partners.contributions.kind", {"cash", "in-kind"}, true},
        {"partners[].contributions[1].kind", {"in-kind"}, true},
        {"partnership.stakeholders.sector", {"civil-society"}, true}, // items without it add nothing
        {"purpose.values", {json({"Trust", "Openness"})}, false},     // a list at the end is one value
        {"purpose.values[]", {"Trust", "Openness"}, true},
        {"partners.lead", {true, false}, true},
        {"vision.statement", {}, false},
        {"partners[5].name", {}, false},
        {"language[]", {}, false},
        {"$", {answers()}, false},
    };
    for (const auto& c : cases) {
        const auto gathered = AnswerPath::parse(c.path).gather(answers());
        EXPECT_EQ(copies(gathered.values), c.values) << c.path;
        EXPECT_EQ(gathered.mapped, c.mapped) << c.path;
    }
}

// --- resolve: a template's lookups inside the items its each: sections repeat

TEST(AnswerPath, ResolvesFromTheInnermostItemThatHasTheFirstKey)
{
    const json& partner = answers()["partners"][0];
    const json& contribution = partner["contributions"][1];
    const std::vector<RepeatScope> scopes = {{"", "", &answers()},
                                             {"partners", "partners", &partner},
                                             {"contributions", "partners.contributions", &contribution}};
    const struct {
        const char* path;
        std::vector<json> values;
        bool mapped;
        const char* keys;
    } cases[] = {
        {"kind", {"in-kind"}, false, "partners.contributions.kind"},
        {"name", {"UNICEF"}, false, "partners.name"},
        {"lead", {true}, false, "partners.lead"},
        {"partnership.name", {"Clean water"}, false, "partnership.name"},
        {"contributions.kind", {"cash", "in-kind"}, true, "partners.contributions.kind"},
        {"partners.name", {"UNICEF", "Ministry"}, true, "partners.name"},
        {"description", {}, false, "description"}, // no item has it
        {"$", {contribution}, false, "partners.contributions"},
    };
    for (const auto& c : cases) {
        const ResolvedAnswer resolved = resolve(scopes, AnswerPath::parse(c.path));
        EXPECT_EQ(copies(resolved.values), c.values) << c.path;
        EXPECT_EQ(resolved.mapped, c.mapped) << c.path;
        EXPECT_EQ(resolved.keys, c.keys) << c.path;
    }
    EXPECT_TRUE(resolve({}, AnswerPath::parse("name")).values.empty());
    EXPECT_TRUE(resolve({}, AnswerPath()).values.empty());
}

TEST(AnswerPath, ResolvesInOneScopeWhateverTheOthersHold)
{
    const RepeatScope partners{"partners", "partners", &answers()["partners"][1]};
    const auto name = resolveIn(partners, AnswerPath::parse("name"));
    EXPECT_EQ(copies(name.values), std::vector<json>{"Ministry"});
    EXPECT_EQ(name.keys, "partners.name");
    const auto item = resolveIn(partners, AnswerPath()); // "partners[]" alone: the item itself
    EXPECT_EQ(copies(item.values), std::vector<json>{answers()["partners"][1]});
    EXPECT_FALSE(item.mapped);
    EXPECT_EQ(item.keys, "partners");
    const auto root = resolveIn({"", "", &answers()}, AnswerPath::parse("partners"));
    EXPECT_EQ(root.keys, "partners");
    ASSERT_EQ(root.values.size(), 1u);
    EXPECT_TRUE(root.values.front()->is_array());
}

} // namespace
