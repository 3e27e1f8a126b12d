#include "fill/TemplateFiller.hpp"

#include "error/Error.hpp"
#include "fill/ValueFormatter.hpp"
#include "odf/FlatOdf.hpp"
#include "xml/XmlDocument.hpp"

#include <gtest/gtest.h>

#include "fill/TestTemplates.hpp"
#include "support/ScratchDir.hpp"

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using partnering::InvalidInput;
using partnering::fill::TemplateFiller;
using partnering::journey::AgreementAnswers;
using nlohmann::json;

using partnering::testing::bookmarked;
using partnering::testing::field;
using partnering::testing::kHead;
using partnering::testing::kTail;

namespace {

class TemplateFillerTest : public partnering::testing::ScratchDirTest {
protected:
    TemplateFiller templateOf(const std::string& body, const std::string& name = "t.ott")
    {
        return partnering::testing::templateOf(body, dir_ / name);
    }

    std::string errorOf(const std::string& body)
    {
        try {
            templateOf(body);
        } catch (const InvalidInput& e) {
            return e.what();
        }
        return "no error";
    }

    // The filled text of the body: markup-free, for asserting what a reader sees.
    static std::string textOf(const std::string& content)
    {
        const auto doc = partnering::xml::parse(content, "content.xml");
        return partnering::xml::textOf(xmlDocGetRootElement(doc.get()));
    }

    static AgreementAnswers answers(json value)
    {
        if (!value.contains("language"))
            value["language"] = "en";
        return AgreementAnswers::fromJson(std::move(value), "test answers");
    }

};

TEST_F(TemplateFillerTest, ScalarFieldsAreFilledAndAnswersCannotInjectMarkup)
{
    const auto filler = templateOf("<text:p>Partnership: " + field("partnership.name") + ".</text:p>");
    const std::string content = filler.fillContent(answers({{"partnership", {{"name", "<text:p>A & B</text:p>\"]]>"}}}}));
    EXPECT_NE(content.find("<text:p>Partnership: "
                           + bookmarked("partnering-1-partnership-name", "&lt;text:p&gt;A &amp; B&lt;/text:p&gt;\"]]&gt;")
                           + ".</text:p>"),
              std::string::npos)
        << content;
    EXPECT_EQ(textOf(content), "Partnership: <text:p>A & B</text:p>\"]]>.");
}

TEST_F(TemplateFillerTest, LineBreaksTabsAndRunsOfSpacesSurvive)
{
    const auto filler = templateOf("<text:p>" + field("vision.statement") + "</text:p>");
    const std::string content = filler.fillContent(answers({{"vision", {{"statement", "one\ntwo\tthree   four\x01"}}}}));
    EXPECT_NE(content.find(bookmarked("partnering-1-vision-statement",
                                      "one<text:line-break/>two<text:tab/>three <text:s text:c=\"2\"/>four")),
              std::string::npos)
        << content;
}

TEST_F(TemplateFillerTest, EverythingOutsideTheFieldsIsCopiedByteForByte)
{
    const std::string body = "<text:p>Before <text:span>kept &amp; exact</text:span> " + field("partnership.name")
                           + " after</text:p><text:p>tail &#233;</text:p>";
    const auto filler = templateOf(body);
    partnering::odf::writePackageFromFlat(kHead + body + kTail, "t.fodt", dir_ / "copy.ott", partnering::odf::kTextTemplateMimetype);
    const std::string templateContent = partnering::odf::OdfPackage::open(dir_ / "copy.ott").read("content.xml");
    const std::string content = filler.fillContent(answers({{"partnership", {{"name", "NAME"}}}}));
    const auto at = templateContent.find("<text:placeholder");
    const auto after = templateContent.find("</text:placeholder>") + std::string("</text:placeholder>").size();
    EXPECT_EQ(content, templateContent.substr(0, at) + bookmarked("partnering-1-partnership-name", "NAME")
                           + templateContent.substr(after));
}

TEST_F(TemplateFillerTest, ConditionalSectionsKeepOrDropTheirClause)
{
    const auto filler = templateOf(
        "<text:section text:name=\"if:governance.logos\"><text:p>LOGOS-YES</text:p></text:section>"
        "<text:section text:name=\"if:!governance.logos\"><text:p>LOGOS-NO</text:p></text:section>"
        "<text:section text:name=\"if:governance.decision_making=consensus\"><text:p>CONSENSUS</text:p></text:section>"
        "<text:section text:name=\"if:governance.decision_making=majority#2\"><text:p>MAJORITY</text:p></text:section>"
        "<text:section text:name=\"Ordinary\"><text:p>ALWAYS</text:p></text:section>");
    const std::string yes = filler.fillContent(answers({{"governance", {{"logos", true}, {"decision_making", "consensus"}}}}));
    EXPECT_EQ(textOf(yes), "LOGOS-YESCONSENSUSALWAYS");
    EXPECT_EQ(yes.find("if:governance"), std::string::npos) << "the condition's own section is removed";
    EXPECT_NE(yes.find("text:name=\"Ordinary\""), std::string::npos);
    EXPECT_EQ(textOf(filler.fillContent(answers({{"governance", {{"decision_making", "majority"}}}}))), "LOGOS-NOMAJORITYALWAYS");
}

TEST_F(TemplateFillerTest, RowsListItemsAndParagraphsRepeatOncePerItem)
{
    const auto filler = templateOf(
        "<table:table table:name=\"Partners\"><table:table-column/>"
        "<table:table-row><table:table-cell><text:p>Name</text:p></table:table-cell></table:table-row>"
        "<table:table-row><table:table-cell><text:p>" + field("partners[].name") + "</text:p></table:table-cell>"
        "<table:table-cell><text:p>" + field("partners[].sector") + "</text:p></table:table-cell></table:table-row></table:table>"
        "<text:list><text:list-item><text:p>" + field("purpose.values[]") + "</text:p></text:list-item></text:list>"
        "<text:p>Signed by " + field("signing.signatories[].name") + ";</text:p>");
    const std::string content = filler.fillContent(answers(
        {{"partners", {{{"name", "Ministry"}, {"sector", "government"}}, {{"name", "UNICEF"}, {"sector", "united-nations"}}}},
         {"purpose", {{"values", {"equity", "transparency", "mutual benefit"}}}},
         {"signing", {{"signatories", {{{"name", "A"}}, {{"name", "B"}}}}}}}));
    EXPECT_EQ(textOf(content), "NameMinistryGovernmentUNICEFUnited Nationsequitytransparencymutual benefitSigned by A;Signed by B;");
    EXPECT_EQ(std::count(content.begin(), content.end(), '\n'), std::count(kHead.begin(), kHead.end(), '\n') + 0)
        << "nothing but the repeated elements is added";
}

TEST_F(TemplateFillerTest, EachSectionsNestListsInsideLists)
{
    const auto filler = templateOf(
        "<text:section text:name=\"each:partners\"><text:h>" + field("name") + " (" + field("partners[].short_name") + ")</text:h>"
        "<table:table table:name=\"C\"><table:table-column/><table:table-row><table:table-cell><text:p>"
        + field("contributions[].description") + ": " + field("contributions[].value") + " for " + field("partnership.name")
        + "</text:p></table:table-cell></table:table-row></table:table></text:section>"
        "<text:p>Total partners: " + field("partners|count") + "</text:p>");
    const std::string text = textOf(filler.fillContent(answers(
        {{"partnership", {{"name", "P"}}},
         {"partners",
          {{{"name", "Ministry"}, {"short_name", "M"},
            {"contributions", {{{"kind", "cash"}, {"description", "funds"}, {"value", {{"amount", 1500}, {"currency", "USD"}}}},
                               {{"kind", "in-kind"}, {"description", "staff"}}}}},
           {{"name", "UNICEF"}, {"short_name", "U"},
            {"contributions", {{{"kind", "cash"}, {"description", "grant"}, {"value", {{"amount", 2.5}, {"currency", "EUR"}}}}}}}}}})));
    // An unanswered value is a placeholder with its question's label; a count reads as a word.
    EXPECT_EQ(text, "Ministry (M)funds: $1,500.00 for Pstaff: <Value> for PUNICEF (U)grant: €2.50 for PTotal partners: two");
}

TEST_F(TemplateFillerTest, ValuesAreWrittenTheWayTheAgreementsLanguageWritesThem)
{
    const auto filler = templateOf("<text:p>" + field("partners.name") + "|" + field("governance.start") + "|"
                                   + field("partners[].contributions") + "</text:p>");
    json value = {{"partners", {{{"name", "Ministère"}}, {{"name", "UNICEF"}}, {{"name", "PNUD"}}}},
                  {"governance", {{"start", "2027-01-15"}}}};
    value["language"] = "fr";
    EXPECT_NE(textOf(filler.fillContent(answers(value))).find("Ministère, UNICEF et PNUD|15 janvier 2027"), std::string::npos);
    value["language"] = "en";
    EXPECT_NE(textOf(filler.fillContent(answers(value))).find("Ministère, UNICEF, and PNUD|January 15, 2027"), std::string::npos);
    value["language"] = "es";
    EXPECT_NE(textOf(filler.fillContent(answers(value))).find("Ministère, UNICEF y PNUD|15 de enero de 2027"), std::string::npos);
    const auto& arabic = partnering::fill::ValueFormatter::forLanguage("ar");
    EXPECT_EQ(arabic.number(1234.5), "١٬٢٣٤٫٥");
    EXPECT_NE(partnering::fill::ValueFormatter::forLanguage("fr").money(250000, "EUR").find("250"), std::string::npos);
    EXPECT_EQ(partnering::fill::ValueFormatter::forLanguage("km").list({"ក", "ខ"}).find("ក"), 0u);
}

TEST_F(TemplateFillerTest, ChoiceValuesAreShownByTheirLabels)
{
    const auto filler = templateOf("<text:p>" + field("partnership.spectrum") + "/</text:p>"
                                   "<text:section text:name=\"each:partners\"><text:p>" + field("sector") + "</text:p></text:section>");
    const std::string text = textOf(filler.fillContent(
        answers({{"partnership", {{"spectrum", "transform"}}}, {"partners", {{{"name", "x"}, {"sector", "civil-society"}}}}})));
    EXPECT_NE(text.find("Transform the system/"), std::string::npos) << text;
    EXPECT_NE(text.find("Civil society"), std::string::npos) << text;
}

TEST_F(TemplateFillerTest, TemplateMistakesNameTheTemplateTheLineAndTheField)
{
    auto error = errorOf("<text:p>\n" + field("partners[].nmae") + "</text:p>");
    EXPECT_NE(error.find("t.ott: content.xml:3: <partners[].nmae>: the items of partners have no nmae"), std::string::npos) << error;
    EXPECT_NE(error.find("<partners[].nmae>"), std::string::npos) << error;
    error = errorOf("<text:p>" + field("partnership.nmae") + "</text:p>");
    EXPECT_NE(error.find("[partnering.fill.unknown-field]"), std::string::npos) << error;
    error = errorOf("<text:p>" + field("partners|upper") + "</text:p>");
    EXPECT_NE(error.find("[partnering.fill.bad-field]"), std::string::npos) << error;
    error = errorOf("<text:p>" + field("partners[].name") + field("objectives[].title") + "</text:p>");
    EXPECT_NE(error.find("[partnering.fill.mixed-repeat]"), std::string::npos) << error;
    error = errorOf("<text:section text:name=\"each:vision\"><text:p>x</text:p></text:section>");
    EXPECT_NE(error.find("not a list"), std::string::npos) << error;
    error = errorOf("<text:section text:name=\"if:governance.colour\"><text:p>x</text:p></text:section>");
    EXPECT_NE(error.find("[partnering.fill.unknown-field]"), std::string::npos) << error;
    error = errorOf("<text:p>&lt;x&gt;</text:p><!DOCTYPE x>");
    EXPECT_NE(error.find("[partnering.xml.malformed]"), std::string::npos) << error;
    EXPECT_NE(errorOf("<text:p>Not a field: <text:placeholder>free text</text:placeholder></text:p>"), "x")
        << "an ordinary placeholder is left alone";
}

TEST_F(TemplateFillerTest, TheDraftIsAnOdtWithTheAnswersAndTheStakeholderMap)
{
    const auto filler = templateOf(
        "<text:p>" + field("partnership.name") + "</text:p><text:p><draw:frame draw:name=\"stakeholder-map\" svg:width=\"10cm\" "
        "svg:height=\"5cm\"><draw:image><office:binary-data>iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==</office:binary-data></draw:image></draw:frame></text:p>");
    const json value = {{"language", "en"},
                        {"partnership", {{"name", "Alliance"}, {"stakeholders", {{{"name", "Farmers <& co>"}, {"sector", "civil-society"}, {"interest", 5}, {"influence", 2}}}}}}};
    filler.fill(answers(value), dir_ / "draft.odt");
    const auto draft = partnering::odf::OdfPackage::open(dir_ / "draft.odt");
    EXPECT_EQ(draft.mimetype(), partnering::odf::kTextMimetype);
    EXPECT_EQ(draft.entryNames().front(), "mimetype");
    const std::string manifest = draft.read("META-INF/manifest.xml");
    EXPECT_NE(manifest.find("manifest:media-type=\"application/vnd.oasis.opendocument.text\""), std::string::npos);
    EXPECT_NE(manifest.find("Pictures/stakeholder-map.svg\" manifest:media-type=\"image/svg+xml\""), std::string::npos);
    const std::string svg = draft.read("Pictures/stakeholder-map.svg");
    EXPECT_NE(svg.find("Farmers &lt;&amp; co&gt;"), std::string::npos);
    EXPECT_NE(svg.find("width=\"10.0cm\" height=\"5.0cm\""), std::string::npos);
    partnering::xml::parse(svg, "map.svg");
    EXPECT_NE(draft.read("content.xml").find("xlink:href=\"Pictures/stakeholder-map.svg\""), std::string::npos);
    const auto stored = partnering::fill::storedAnswers(draft);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->json(), value);
    EXPECT_NE(draft.read("meta.xml").find("<meta:generator>test</meta:generator>"), std::string::npos);
}

TEST_F(TemplateFillerTest, AHostileTemplateIsRefusedBeforeAnythingIsRead)
{
    const auto packageWith = [&](const std::string& name, const std::string& content) {
        partnering::odf::PackageWriter writer(dir_ / name, partnering::odf::kTextTemplateMimetype);
        writer.add("content.xml", content);
        writer.commit();
        try {
            TemplateFiller::open(dir_ / name);
        } catch (const InvalidInput& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    const auto xxe = packageWith("xxe.ott", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                                            "<d>&e;</d>");
    EXPECT_NE(xxe.find("[partnering.xml.entity-declared] " + (dir_ / "xxe.ott").string() + ": content.xml"), std::string::npos) << xxe;
    std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">";
    for (char c = 'b'; c <= 'j'; ++c)
        laughs += std::string("<!ENTITY ") + c + " \"&" + static_cast<char>(c - 1) + ";&" + static_cast<char>(c - 1) + ";\">";
    laughs += "]><d>&j;</d>";
    EXPECT_NE(packageWith("laughs.ott", laughs).find("[partnering.xml.entity-declared]"), std::string::npos);
    EXPECT_NE(packageWith("html.ott", "<html><p>").find("[partnering.xml.malformed]"), std::string::npos);
}

TEST_F(TemplateFillerTest, NothingIsWrittenWhenTheTemplateIsBroken)
{
    std::ofstream(dir_ / "broken.ott") << "PK\x03\x04 not really";
    EXPECT_THROW(TemplateFiller::open(dir_ / "broken.ott"), InvalidInput);
    const auto filler = templateOf("<text:p>x</text:p>");
    EXPECT_THROW(filler.fill(answers({}), dir_ / "no-such-folder" / "draft.odt"), partnering::EnvironmentFailure);
    EXPECT_FALSE(fs::exists(dir_ / "no-such-folder"));
}

} // namespace
