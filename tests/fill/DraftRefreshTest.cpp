#include "fill/DraftRefresh.hpp"

#include "fill/TestTemplates.hpp"
#include "odf/OdfPackage.hpp"
#include "support/ScratchDir.hpp"

#include <gtest/gtest.h>

#include <optional>

namespace fs = std::filesystem;
using nlohmann::json;
using partnering::fill::DraftFields;
using partnering::fill::FieldInDocument;
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

// The bookmarks of a draft as Writer reports them after opening it: a placeholder as the
// label its field shows, text as text.
std::map<std::string, FieldInDocument> bookmarksOf(const DraftFields& draft)
{
    std::map<std::string, FieldInDocument> fields;
    for (const auto& f : draft.fields)
        fields[f.bookmark] = {f.text, f.placeholder};
    return fields;
}

const partnering::fill::DraftField* fieldNamed(const std::vector<partnering::fill::DraftField>& fields,
                                               const std::string& bookmark)
{
    for (const auto& f : fields)
        if (f.bookmark == bookmark)
            return &f;
    return nullptr;
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
    inDocument["partnering-3-vision-statement"] = {"typed over", false};
    const auto plan = partnering::fill::planRefresh(draft.layout, inDocument, draft);
    ASSERT_EQ(plan.changes.size(), 1u);
    EXPECT_EQ(plan.changes[0].text, "Every child\nin school");
}

TEST_F(DraftRefreshTest, AnAnswerTakenAwayBecomesAPlaceholderShowingItsQuestion)
{
    const DraftFields before = filler_->draftFields(answers(example()));
    json withoutPlace = example();
    withoutPlace["signing"].erase("place");
    const DraftFields next = filler_->draftFields(answers(withoutPlace));
    const auto plan = partnering::fill::planRefresh(before.layout, bookmarksOf(before), next);
    EXPECT_EQ(plan.obstacle, RefreshObstacle::None);
    ASSERT_EQ(plan.changes.size(), 1u);
    EXPECT_EQ(plan.changes[0].bookmark, "partnering-4-signing-place");
    EXPECT_TRUE(plan.changes[0].placeholder);
    EXPECT_EQ(plan.changes[0].text, "Place of signature");
    EXPECT_FALSE(plan.changes[0].description.empty()) << "the placeholder's tooltip";
}

TEST_F(DraftRefreshTest, APlaceholderThatGetsAnAnswerBecomesText)
{
    json withoutPlace = example();
    withoutPlace["signing"].erase("place");
    const DraftFields before = filler_->draftFields(answers(withoutPlace));
    const auto* gap = fieldNamed(before.fields, "partnering-4-signing-place");
    ASSERT_NE(gap, nullptr);
    ASSERT_TRUE(gap->placeholder);

    const auto plan = partnering::fill::planRefresh(before.layout, bookmarksOf(before), filler_->draftFields(answers(example())));
    EXPECT_EQ(plan.obstacle, RefreshObstacle::None);
    ASSERT_EQ(plan.changes.size(), 1u);
    EXPECT_EQ(plan.changes[0].bookmark, "partnering-4-signing-place");
    EXPECT_FALSE(plan.changes[0].placeholder);
    EXPECT_EQ(plan.changes[0].text, "Phnom Penh");
}

TEST_F(DraftRefreshTest, APlaceholderStillUnansweredIsLeftAsItIs)
{
    json withoutPlace = example();
    withoutPlace["signing"].erase("place");
    const DraftFields draft = filler_->draftFields(answers(withoutPlace));
    EXPECT_TRUE(partnering::fill::planRefresh(draft.layout, bookmarksOf(draft), draft).changes.empty());
}

TEST_F(DraftRefreshTest, APlaceholderIsComparedAsAPlaceholderNotAsItsText)
{
    json withoutPlace = example();
    withoutPlace["signing"].erase("place");
    const DraftFields gaps = filler_->draftFields(answers(withoutPlace));
    const std::string bookmark = "partnering-4-signing-place";

    // The user typed the label's words over the placeholder: text, where a placeholder belongs.
    auto typedLabel = bookmarksOf(gaps);
    typedLabel[bookmark] = {"Place of signature", false};
    auto plan = partnering::fill::planRefresh(gaps.layout, typedLabel, gaps);
    ASSERT_EQ(plan.changes.size(), 1u);
    EXPECT_TRUE(plan.changes[0].placeholder);

    // A placeholder whose label happens to be the answer's text is still a gap: it becomes text.
    json placeIsLabel = example();
    placeIsLabel["signing"]["place"] = "Place of signature";
    plan = partnering::fill::planRefresh(gaps.layout, bookmarksOf(gaps), filler_->draftFields(answers(placeIsLabel)));
    ASSERT_EQ(plan.changes.size(), 1u);
    EXPECT_FALSE(plan.changes[0].placeholder);
    EXPECT_EQ(plan.changes[0].text, "Place of signature");

    // A placeholder showing another label (an author's, or an older question's) takes the new one.
    auto otherLabel = bookmarksOf(gaps);
    otherLabel[bookmark] = {"Where signed", true};
    plan = partnering::fill::planRefresh(gaps.layout, otherLabel, gaps);
    ASSERT_EQ(plan.changes.size(), 1u);
    EXPECT_TRUE(plan.changes[0].placeholder);
    EXPECT_EQ(plan.changes[0].text, "Place of signature");
}

TEST_F(DraftRefreshTest, AGapTheUserFilledInWriterStaysWhileTheAnswersLeaveItOpen)
{
    json withoutPlace = example();
    withoutPlace["signing"].erase("place");
    const DraftFields made = filler_->draftFields(answers(withoutPlace));
    const std::string bookmark = "partnering-4-signing-place";
    auto inDocument = bookmarksOf(made);
    inDocument[bookmark] = {"Kampot", false}; // typed over the placeholder

    // Refreshed with answers that still leave it open (the vision changed): the typing stays.
    json visionChanged = withoutPlace;
    visionChanged["vision"]["statement"] = "Every child learning";
    auto plan = partnering::fill::planRefresh(made.layout, inDocument, filler_->draftFields(answers(visionChanged)), &made);
    ASSERT_EQ(plan.changes.size(), 1u);
    EXPECT_EQ(plan.changes[0].bookmark, "partnering-3-vision-statement");

    // Answered now: the answer takes the field, as for any field edited by hand.
    plan = partnering::fill::planRefresh(made.layout, inDocument, filler_->draftFields(answers(example())), &made);
    ASSERT_EQ(plan.changes.size(), 1u);
    EXPECT_EQ(plan.changes[0].bookmark, bookmark);
    EXPECT_EQ(plan.changes[0].text, "Phnom Penh");

    // A field the user emptied is a gap again, placeholder and all.
    inDocument[bookmark] = {"", false};
    plan = partnering::fill::planRefresh(made.layout, inDocument, made, &made);
    ASSERT_EQ(plan.changes.size(), 1u);
    EXPECT_TRUE(plan.changes[0].placeholder);

    // Text in a field that was answered when the draft was made is the old answer, taken away
    // since: it becomes a placeholder.
    const DraftFields answered = filler_->draftFields(answers(example()));
    plan = partnering::fill::planRefresh(answered.layout, bookmarksOf(answered), made, &answered);
    ASSERT_EQ(plan.changes.size(), 1u);
    EXPECT_EQ(plan.changes[0].bookmark, bookmark);
    EXPECT_TRUE(plan.changes[0].placeholder);
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
