// What a draft says where the journey is not finished: placeholders for unanswered questions,
// the clause library's wordings, conditions through lists and counts in words.
#include "error/Error.hpp"
#include "fill/DraftPlaceholders.hpp"
#include "fill/TemplateFiller.hpp"
#include "fill/ValueFormatter.hpp"
#include "journey/AnswerPath.hpp"
#include "journey/ClauseLibrary.hpp"
#include "journey/Journey.hpp"
#include "odf/OdfPackage.hpp"
#include "xml/XmlDocument.hpp"

#include <gtest/gtest.h>

#include "fill/TestTemplates.hpp"
#include "support/ScratchDir.hpp"

#include <regex>

using nlohmann::json;
using partnering::fill::TemplateFiller;
using partnering::journey::AgreementAnswers;
using partnering::journey::ClauseLibrary;
using partnering::testing::field;

namespace {

class DraftGapsTest : public partnering::testing::ScratchDirTest {
protected:
    TemplateFiller templateOf(const std::string& body) { return partnering::testing::templateOf(body, dir_ / "t.ott"); }

    static AgreementAnswers answers(json value)
    {
        if (!value.contains("language"))
            value["language"] = "en";
        return AgreementAnswers::fromJson(std::move(value), "test answers");
    }

    static std::string textOf(const std::string& content)
    {
        const auto doc = partnering::xml::parse(content, "content.xml");
        return partnering::xml::textOf(xmlDocGetRootElement(doc.get()));
    }

    // The labels of the placeholders in a filled content.xml, in order.
    static std::vector<std::string> placeholders(const std::string& content)
    {
        static const std::regex placeholder(R"(<text:placeholder text:placeholder-type="text" text:description="[^"]*">&lt;([^&]*)&gt;</text:placeholder>)");
        std::vector<std::string> labels;
        for (auto it = std::sregex_iterator(content.begin(), content.end(), placeholder); it != std::sregex_iterator(); ++it)
            labels.push_back((*it)[1]);
        return labels;
    }
};

TEST_F(DraftGapsTest, EveryConstructWithItsAnswerMissingGivesAPlaceholder)
{
    const auto filler = templateOf(
        "<text:p>A: " + field("partnership.name") + "</text:p>"                     // a field
        "<text:p>B: " + field("partners.name") + "</text:p>"                        // a list's values as one list
        "<text:p>C: " + field("partners|count") + "</text:p>"                       // a count
        "<text:p>D: " + field("purpose.values[]") + "</text:p>"                     // a repeated paragraph
        "<table:table table:name=\"T\"><table:table-column/><table:table-row><table:table-cell><text:p>"
        + field("signing.signatories[].name") + "</text:p></table:table-cell></table:table-row></table:table>" // a repeated row
        "<text:section text:name=\"each:partners\"><text:p>E: " + field("name") + " / " + field("representative.title")
        + "</text:p><table:table table:name=\"U\"><table:table-column/><table:table-row><table:table-cell><text:p>"
        + field("contributions[].description") + "</text:p></table:table-cell></table:table-row></table:table>"
        "<text:section text:name=\"if:lead\"><text:p>lead</text:p></text:section></text:section>"  // an each: section, nested
        "<text:p>F: " + field("governance.start") + "</text:p>"                    // a date
        "<text:section text:name=\"if:partnership.short_name\"><text:p>G: " + field("partnership.short_name") + "</text:p></text:section>");
    const std::string content = filler.fillContent(answers({}));
    EXPECT_EQ(placeholders(content),
              (std::vector<std::string>{"Name of the partnership", "Partner", "Partners", "Values and principles", "Name",
                                        "Partner", "Representative's title", "Contribution", "Start date"}))
        << content;
    const std::string text = textOf(content);
    EXPECT_EQ(text.find("lead"), std::string::npos) << "a condition on a missing answer does not hold";
    EXPECT_EQ(text.find("G:"), std::string::npos);
    // Answered, the same template has no placeholder at all.
    const std::string answered = filler.fillContent(answers(
        {{"partnership", {{"name", "P"}, {"short_name", "S"}}},
         {"partners", {{{"name", "M"}, {"representative", {{"title", "Minister"}}}, {"contributions", {{{"kind", "cash"}, {"description", "money"}}}}}}},
         {"purpose", {{"values", {"equity"}}}},
         {"signing", {{"signatories", {{{"name", "A"}}}}}},
         {"governance", {{"start", "2027-01-01"}}}}));
    EXPECT_TRUE(placeholders(answered).empty()) << answered;
    EXPECT_EQ(answered.find("<text:placeholder"), std::string::npos);
}

TEST_F(DraftGapsTest, APlaceholderShowsTheLabelInTheDraftsLanguageWithItsHintAsTooltip)
{
    const auto filler = templateOf("<text:p>" + field("partnership.issue") + "</text:p>");
    const std::string content = filler.fillContent(answers({}));
    const auto* question = partnering::journey::Journey::standard().questionAt("partnership.issue");
    ASSERT_NE(question, nullptr);
    EXPECT_NE(content.find("text:description=\"" + question->hint + "\""), std::string::npos) << content;
    EXPECT_NE(content.find("&lt;" + question->label + "&gt;"), std::string::npos) << content;
}

TEST_F(DraftGapsTest, EachClauseOptionGivesItsWordingAndOwnWordingStaysAsWritten)
{
    for (const auto& clause : ClauseLibrary::standard().clauses()) {
        const auto filler = templateOf("<text:p>" + field(clause.path) + "</text:p>");
        const auto path = partnering::journey::AnswerPath::parse(clause.path);
        for (const auto& option : clause.options) {
            json value = json::object();
            ASSERT_EQ(path.place(value, option.id), partnering::journey::AnswerPath::Placement::Placed);
            EXPECT_EQ(textOf(filler.fillContent(answers(value))), option.wording) << clause.path << " " << option.id;
        }
        // Unanswered: the default's wording, never a placeholder.
        const std::string unanswered = filler.fillContent(answers({}));
        EXPECT_EQ(textOf(unanswered), clause.option(clause.defaultOption)->wording) << clause.path;
        EXPECT_EQ(unanswered.find("<text:placeholder"), std::string::npos);
        // The partners' own wording.
        json own = json::object();
        ASSERT_EQ(path.place(own, "Our own words & terms."), partnering::journey::AnswerPath::Placement::Placed);
        EXPECT_EQ(textOf(filler.fillContent(answers(own))), "Our own words & terms.") << clause.path;
    }
}

TEST_F(DraftGapsTest, EveryClauseQuestionHasItsClauseAndEveryClauseItsQuestion)
{
    const auto& journey = partnering::journey::Journey::standard();
    for (const auto& clause : ClauseLibrary::standard().clauses()) {
        const auto* question = journey.questionAt(clause.path);
        ASSERT_NE(question, nullptr) << clause.path;
        EXPECT_EQ(question->type, partnering::journey::Question::Type::Clause) << clause.path;
        EXPECT_FALSE(question->required) << clause.path << ": its default answers it";
    }
    for (const auto& step : journey.steps(partnering::l10n::Translator())) {
        for (const auto& question : step.questions) {
            if (question.type == partnering::journey::Question::Type::Clause) {
                EXPECT_NE(ClauseLibrary::standard().find(question.path), nullptr) << question.path;
            }
        }
    }
}

TEST_F(DraftGapsTest, ConditionsThroughAListHoldWhenAnyItemHolds)
{
    const auto filler = templateOf(
        "<text:section text:name=\"if:partners.sector=united-nations\"><text:p>P&amp;I</text:p></text:section>"
        "<text:section text:name=\"if:partners.contributions.kind=cash\"><text:p>Audit</text:p></text:section>"
        "<text:section text:name=\"if:partners\"><text:p>some</text:p></text:section>"
        "<text:section text:name=\"if:!partners\"><text:p>none</text:p></text:section>");
    EXPECT_EQ(textOf(filler.fillContent(answers({}))), "none");
    EXPECT_EQ(textOf(filler.fillContent(answers(
                  {{"partners", {{{"name", "M"}, {"sector", "government"}, {"contributions", {{{"kind", "in-kind"}, {"description", "d"}}}}}}}}))),
              "some");
    EXPECT_EQ(textOf(filler.fillContent(answers(
                  {{"partners",
                    {{{"name", "M"}, {"sector", "government"}, {"contributions", {{{"kind", "in-kind"}, {"description", "d"}}}}},
                     {{"name", "U"}, {"sector", "united-nations"}, {"contributions", {{{"kind", "cash"}, {"description", "d"}}}}}}}}))),
              "P&IAuditsome");
}

TEST_F(DraftGapsTest, CountsReadAsWordsWhereTheLanguageDoesAndKhmerUsesKhmerDigits)
{
    using partnering::fill::ValueFormatter;
    EXPECT_EQ(ValueFormatter::forLanguage("en").count(2), "two");
    EXPECT_EQ(ValueFormatter::forLanguage("fr").count(3), "trois");
    EXPECT_EQ(ValueFormatter::forLanguage("es").count(10), "diez");
    EXPECT_EQ(ValueFormatter::forLanguage("ar").count(2), "٢");
    EXPECT_EQ(ValueFormatter::forLanguage("zh-Hans").count(2), "2");
    EXPECT_EQ(ValueFormatter::forLanguage("km").count(12), "១២");
    EXPECT_EQ(ValueFormatter::forLanguage("km").date(2027, 1, 15).find("2027"), std::string::npos);
    EXPECT_NE(ValueFormatter::forLanguage("km").date(2027, 1, 15).find("២០២៧"), std::string::npos);
    EXPECT_NE(ValueFormatter::forLanguage("km").money(1500, "USD").find("១"), std::string::npos);
    EXPECT_EQ(ValueFormatter::forLanguage("fr").date(2026, 3, 1), "1er mars 2026");
    EXPECT_EQ(ValueFormatter::forLanguage("fr").date(2026, 3, 2), "2 mars 2026");
}

TEST_F(DraftGapsTest, AFieldNoQuestionAsksForIsATemplateError)
{
    try {
        templateOf("<text:p>" + field("language") + "</text:p>");
        FAIL() << "a field without a question compiled";
    } catch (const partnering::InvalidInput& e) { // NOLINT
        EXPECT_NE(std::string(e.what()).find("[partnering.fill.unasked-field]"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("<language>"), std::string::npos) << e.what();
    }
}

TEST_F(DraftGapsTest, TheDraftListsItsPlaceholdersWithTheirBookmarks)
{
    const auto filler = templateOf("<text:p>" + field("partnership.name") + " / " + field("vision.statement") + "</text:p>");
    const auto draft = dir_ / "d.odt";
    filler.fill(answers({{"vision", {{"statement", "A world."}}}}), draft);
    const auto found = partnering::fill::placeholdersIn(partnering::odf::OdfPackage::open(draft));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].label, "Name of the partnership");
    EXPECT_EQ(found[0].bookmark, "partnering-1-partnership-name");
    EXPECT_GT(found[0].line, 0);
}

TEST_F(DraftGapsTest, EveryWordADraftAddsIsInTheDraftsLanguage)
{
    // Placeholders' labels (journey), clause wordings (clauses), yes/no and the map (fill).
    const auto filler = templateOf(
        "<text:p>" + field("partnership.name") + "|" + field("governance.logos") + "|" + field("governance.decision_making")
        + "</text:p><text:p><draw:frame draw:name=\"stakeholder-map\" svg:width=\"10cm\" svg:height=\"8cm\"><draw:image>"
          "<office:binary-data>iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==</office:binary-data>"
          "</draw:image></draw:frame></text:p>");
    const partnering::fill::FillOptions french{PARTNERING_TEST_LOCALE_DIR};
    const auto draft = filler.draftFields(answers({{"language", "fr"}, {"governance", {{"logos", false}, {"decision_making", "majority"}}}}), french);
    ASSERT_EQ(draft.fields.size(), 3u);
    EXPECT_TRUE(draft.fields[0].placeholder);
    EXPECT_EQ(draft.fields[0].text, partnering::l10n::Catalogs(PARTNERING_TEST_LOCALE_DIR, "journey").translatorFor("fr").translate("Name of the partnership"));
    EXPECT_NE(draft.fields[0].text, "Name of the partnership");
    EXPECT_EQ(draft.fields[1].text, "non");
    const auto majority = ClauseLibrary::standard().find("governance.decision_making")->option("majority");
    EXPECT_EQ(draft.fields[2].text,
              partnering::l10n::Catalogs(PARTNERING_TEST_LOCALE_DIR, "clauses").translatorFor("fr").translate(majority->wording));
    EXPECT_NE(draft.fields[2].text, majority->wording);
    ASSERT_TRUE(draft.stakeholderMapSvg);
    // ("Influence" is French too.)
    for (const char* english : {"Keep satisfied", "Manage closely", "Monitor", "Keep informed", "Interest"})
        EXPECT_EQ(draft.stakeholderMapSvg->find(std::string(">") + english), std::string::npos) << english;
    EXPECT_EQ(draft.stakeholderMapSvg->find("…"), std::string::npos);
}

} // namespace
