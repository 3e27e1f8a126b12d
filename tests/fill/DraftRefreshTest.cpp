#include "fill/DraftRefresh.hpp"

#include "fill/TestTemplates.hpp"
#include "odf/OdfPackage.hpp"
#include "support/ScratchDir.hpp"

#include <gtest/gtest.h>

#include <optional>

namespace fs = std::filesystem;
using nlohmann::json;
using partnering::fill::DraftFields;
using partnering::fill::RefreshObstacle;
using partnering::fill::TemplateFiller;
using partnering::journey::AgreementAnswers;
using partnering::testing::field;

namespace {

// An agreement with a scalar field, a repeated row and a clause under a condition that has
// no field of its own, so that only the layout tells whether it is there.
const std::string kBody =
    "<text:p>Between " + field("partners[].name") + ".</text:p>"
    "<text:p>Vision: " + field("vision.statement") + "</text:p>"
    "<text:section text:name=\"if:governance.logos\"><text:p>Logos may be used.</text:p></text:section>"
    "<text:p>Signed at " + field("signing.place") + "</text:p>";

AgreementAnswers answers(json value)
{
    if (!value.contains("language"))
        value["language"] = "en";
    return AgreementAnswers::fromJson(std::move(value), "test answers");
}

json example()
{
    return {{"partners", {{{"name", "Ministry"}}, {{"name", "UNICEF"}}}},
            {"vision", {{"statement", "Every child\nin school"}}},
            {"governance", {{"logos", true}}},
            {"signing", {{"place", "Phnom Penh"}}}};
}

// The bookmarks of a draft as a document would report them.
std::map<std::string, std::string> bookmarksOf(const DraftFields& draft)
{
    std::map<std::string, std::string> fields;
    for (const auto& f : draft.fields)
        fields[f.bookmark] = f.text;
    return fields;
}

class DraftRefreshTest : public partnering::testing::ScratchDirTest {
protected:
    void SetUp() override
    {
        ScratchDirTest::SetUp();
        filler_.emplace(partnering::testing::templateOf(kBody, dir_ / "agreement.ott"));
    }

    std::optional<TemplateFiller> filler_;
};

TEST_F(DraftRefreshTest, EveryFilledValueIsBookmarkedInDocumentOrder)
{
    const DraftFields draft = filler_->draftFields(answers(example()));
    ASSERT_EQ(draft.fields.size(), 4u);
    EXPECT_EQ(draft.fields[0].bookmark, "partnering-1-partners-name");
    EXPECT_EQ(draft.fields[0].text, "Ministry");
    EXPECT_EQ(draft.fields[1].bookmark, "partnering-2-partners-name");
    EXPECT_EQ(draft.fields[1].text, "UNICEF");
    EXPECT_EQ(draft.fields[2].bookmark, "partnering-3-vision-statement");
    EXPECT_EQ(draft.fields[2].text, "Every child\nin school");
    EXPECT_EQ(draft.fields[3].bookmark, "partnering-4-signing-place");
    EXPECT_EQ(json::parse(draft.layout), (json{{"template", "agreement"}, {"language", "en"}, {"shape", "2,1"}}));
    EXPECT_FALSE(draft.stakeholderMapSvg.has_value());

    const std::string content = filler_->fillContent(answers(example()));
    for (const auto& f : draft.fields)
        EXPECT_NE(content.find("<text:bookmark-start text:name=\"" + f.bookmark + "\"/>"), std::string::npos) << f.bookmark;
}

TEST_F(DraftRefreshTest, TheDraftRecordsItsLayoutBesideTheAnswers)
{
    filler_->fill(answers(example()), dir_ / "draft.odt");
    const std::string meta = partnering::odf::OdfPackage::open(dir_ / "draft.odt").read("meta.xml");
    const auto at = meta.find("meta:name=\"partnering-layout\"");
    ASSERT_NE(at, std::string::npos) << meta;
    EXPECT_NE(meta.find("{&quot;language&quot;:&quot;en&quot;,&quot;shape&quot;:&quot;2,1&quot;,&quot;template&quot;:&quot;agreement&quot;}", at),
              std::string::npos)
        << meta;
    EXPECT_NE(meta.find("meta:name=\"partnering-answers\""), std::string::npos);

    // Filling a draft again (a template saved from a draft) keeps one of each property.
    const auto again = TemplateFiller::open(dir_ / "draft.odt");
    again.fill(answers(example()), dir_ / "again.odt");
    const std::string metaAgain = partnering::odf::OdfPackage::open(dir_ / "again.odt").read("meta.xml");
    EXPECT_EQ(metaAgain.find("partnering-layout"), metaAgain.rfind("partnering-layout"));
    EXPECT_EQ(metaAgain.find("partnering-answers"), metaAgain.rfind("partnering-answers"));
}

TEST_F(DraftRefreshTest, OnlyTheFieldsWhoseAnswerChangedAreRewritten)
{
    const DraftFields before = filler_->draftFields(answers(example()));
    json changed = example();
    changed["signing"]["place"] = "Battambang";
    const auto plan = partnering::fill::planRefresh(before.layout, bookmarksOf(before), filler_->draftFields(answers(changed)));
    EXPECT_EQ(plan.obstacle, RefreshObstacle::None);
    ASSERT_EQ(plan.changes.size(), 1u);
    EXPECT_EQ(plan.changes[0].bookmark, "partnering-4-signing-place");
    EXPECT_EQ(plan.changes[0].text, "Battambang");
}

TEST_F(DraftRefreshTest, AFieldTheUserRetypedTakesTheAnswerAgain)
{
    const DraftFields draft = filler_->draftFields(answers(example()));
    auto inDocument = bookmarksOf(draft);
    inDocument["partnering-3-vision-statement"] = "typed over";
    const auto plan = partnering::fill::planRefresh(draft.layout, inDocument, draft);
    ASSERT_EQ(plan.changes.size(), 1u);
    EXPECT_EQ(plan.changes[0].text, "Every child\nin school");
}

TEST_F(DraftRefreshTest, WhatCannotBeRefreshedInPlaceIsNamed)
{
    const DraftFields draft = filler_->draftFields(answers(example()));
    const auto fields = bookmarksOf(draft);
    using partnering::fill::planRefresh;

    EXPECT_EQ(planRefresh("", fields, draft).obstacle, RefreshObstacle::NoLayout);
    EXPECT_EQ(planRefresh("not json", fields, draft).obstacle, RefreshObstacle::NoLayout);

    json added = example();
    added["partners"].push_back({{"name", "WFP"}});
    EXPECT_EQ(planRefresh(draft.layout, fields, filler_->draftFields(answers(added))).obstacle, RefreshObstacle::OtherLayout);

    json noLogos = example();
    noLogos["governance"]["logos"] = false;
    const DraftFields withoutClause = filler_->draftFields(answers(noLogos));
    EXPECT_EQ(bookmarksOf(withoutClause).size(), fields.size()) << "the same fields: only the layout differs";
    EXPECT_EQ(planRefresh(draft.layout, fields, withoutClause).obstacle, RefreshObstacle::OtherLayout);

    json french = example();
    french["language"] = "fr";
    const auto otherLanguage = planRefresh(draft.layout, fields, filler_->draftFields(answers(french)));
    EXPECT_EQ(otherLanguage.obstacle, RefreshObstacle::OtherLanguage);
    EXPECT_EQ(otherLanguage.detail, "en");

    const auto mou = partnering::testing::templateOf(kBody, dir_ / "mou.ott");
    const auto otherTemplate = planRefresh(draft.layout, fields, mou.draftFields(answers(example())));
    EXPECT_EQ(otherTemplate.obstacle, RefreshObstacle::OtherTemplate);
    EXPECT_EQ(otherTemplate.detail, "agreement");

    auto deleted = fields;
    deleted.erase("partnering-2-partners-name");
    const auto removed = planRefresh(draft.layout, deleted, draft);
    EXPECT_EQ(removed.obstacle, RefreshObstacle::FieldRemoved);
    EXPECT_EQ(removed.detail, "partnering-2-partners-name");
    EXPECT_TRUE(removed.changes.empty());
}

} // namespace
