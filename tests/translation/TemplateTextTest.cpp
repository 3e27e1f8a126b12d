#include "translation/TemplateText.hpp"
#include "translation/TranslationCheck.hpp"
#include "translation/TranslationFile.hpp"

#include "error/Error.hpp"
#include "odf/FlatOdf.hpp"

#include <gtest/gtest.h>

#include "support/ScratchDir.hpp"

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using partnering::InvalidInput;
using partnering::l10n::TemplateText;
using partnering::l10n::TextUnit;
using partnering::l10n::TranslationFile;
using partnering::odf::OdfPackage;

namespace {

const std::string kHead = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta/><office:styles><style:default-style style:family="paragraph"><style:paragraph-properties fo:text-align="left"/><style:text-properties fo:language="en" fo:country="GB"/></style:default-style></office:styles>
<office:master-styles><style:master-page style:name="Standard"><style:footer><text:p>Page <text:page-number/> of <text:page-count/></text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>)";
const std::string kTail = "</office:text></office:body></office:document>";
const std::string kField = "<text:placeholder text:placeholder-type=\"text\">&lt;partnership.name&gt;</text:placeholder>";

class TemplateTextTest : public partnering::testing::ScratchDirTest {
protected:
    OdfPackage package(const std::string& body)
    {
        partnering::odf::writePackageFromFlat(kHead + body + kTail, "t.fodt", dir_ / "t.ott",
                                              partnering::odf::kTextTemplateMimetype);
        return OdfPackage::open(dir_ / "t.ott");
    }

    void write(const std::string& name, const std::string& text)
    {
        std::ofstream(dir_ / name, std::ios::binary) << text;
    }

    std::string readTranslationError(const std::string& name)
    {
        try {
            partnering::l10n::readTranslation(dir_ / name);
        } catch (const InvalidInput& e) {
            return e.what();
        }
        return "no error";
    }

};

TEST_F(TemplateTextTest, OneUnitPerParagraphWithFormattingAndFieldsAsCodes)
{
    const auto templatePackage = package(
        "<text:h>Vision</text:h>"
        "<text:p>The   partners of <text:span text:style-name=\"Strong\">the " + kField + "</text:span> agree{on} this.</text:p>"
        "<text:p>  " + kField + " </text:p>"
        "<text:p>Line one<text:line-break/>line two<text:tab/>end<text:s text:c=\"2\"/>x</text:p>"
        "<text:section text:name=\"if:governance.logos\"><text:p>Logos may be used.</text:p></text:section>");
    const auto text = TemplateText::extract(templatePackage);
    std::vector<std::string> sources;
    for (const auto& unit : text.units())
        sources.push_back(unit.source);
    EXPECT_EQ(sources, (std::vector<std::string>{"Vision", "The partners of {1}the {2/}{/1} agree{{on} this.",
                                                 "Line one\nline two\tend  x", "Logos may be used.", "Page {1/} of {2/}"}));
    const TextUnit& unit = text.units()[1];
    ASSERT_EQ(unit.codes.size(), 2u);
    EXPECT_TRUE(unit.codes[0].paired);
    EXPECT_EQ(unit.codes[0].meaning, "formatting (Strong)");
    EXPECT_EQ(unit.codes[1].meaning, "field <partnership.name>");
    EXPECT_EQ(unit.context, "under \"Vision\"");
    EXPECT_EQ(text.units()[3].context, "under \"Vision\", in section if:governance.logos");
    EXPECT_EQ(text.units()[4].id.substr(0, 10), "styles.xml");
    EXPECT_EQ(partnering::l10n::wordCount(unit.source), 7);
    EXPECT_GE(partnering::l10n::wordCount("សូមស្វាគមន៍មកកាន់"), 2) << "Khmer has no spaces: ICU finds its words";
}

// A damaged <text:s/> count is refused naming the part and its line, never an internal error
// (std::stoi) or a gigabyte of spaces.
TEST_F(TemplateTextTest, ASpaceCountThatIsNoCountIsRefusedWhereItIs)
{
    for (const std::string count : {"abc", "2x", "-1", "99999999999999999999", "2000000000"}) {
        const auto templatePackage = package("<text:p>Between<text:s text:c=\"" + count + "\"/>us.</text:p>");
        try {
            TemplateText::extract(templatePackage);
            ADD_FAILURE() << count << ": extracted";
        } catch (const InvalidInput& e) {
            EXPECT_EQ(e.id(), "partnering.l10n.bad-space-count") << e.what();
            EXPECT_NE(std::string(e.what()).find("t.ott: content.xml:2: <text:s text:c=\"" + count + "\"/>"), std::string::npos)
                << e.what();
        }
    }
    const auto threeSpaces = TemplateText::extract(package("<text:p>Between<text:s text:c=\"3\"/>us.</text:p>"));
    ASSERT_FALSE(threeSpaces.units().empty());
    EXPECT_EQ(threeSpaces.units()[0].id, "content.xml/p1");
    EXPECT_EQ(threeSpaces.units()[0].source, "Between   us.");
}

// The styles are read on a second thread: a problem there reaches the caller as one in the
// content does, and when both parts have one, the content's (the first part) is told.
TEST_F(TemplateTextTest, AProblemInTheStylesIsToldAsOneInTheContent)
{
    std::string head = kHead;
    head.replace(head.find("Page <text:page-number/>"), 5, "Page<text:s text:c=\"x\"/>");
    const auto extractError = [&](const std::string& body) {
        partnering::odf::writePackageFromFlat(head + body + kTail, "t.fodt", dir_ / "t.ott",
                                              partnering::odf::kTextTemplateMimetype);
        try {
            TemplateText::extract(OdfPackage::open(dir_ / "t.ott"));
        } catch (const InvalidInput& e) {
            return e.id() + " " + e.what();
        }
        return std::string("no error");
    };
    const std::string styles = extractError("<text:p>Fine.</text:p>");
    EXPECT_NE(styles.find("partnering.l10n.bad-space-count"), std::string::npos) << styles;
    EXPECT_NE(styles.find("t.ott: styles.xml:"), std::string::npos) << styles;
    const std::string both = extractError("<text:p>Not<text:s text:c=\"y\"/>fine.</text:p>");
    EXPECT_NE(both.find("t.ott: content.xml:"), std::string::npos) << both;
}

TEST_F(TemplateTextTest, CodesMustComeBackExactlyOnce)
{
    const auto templatePackage = package("<text:p>Between <text:span text:style-name=\"S\">" + kField + "</text:span> and us.</text:p>");
    const auto text = TemplateText::extract(templatePackage);
    const TextUnit& unit = text.units().front();
    ASSERT_EQ(unit.source, "Between {1}{2/}{/1} and us.");
    EXPECT_EQ(partnering::l10n::codeProblem(unit, "Entre {1}{2/}{/1} et nous."), "");
    EXPECT_EQ(partnering::l10n::codeProblem(unit, "Entre nous et {1}{2/}{/1}."), "");
    EXPECT_NE(partnering::l10n::codeProblem(unit, "Entre {1}{/1} et nous.").find("drops {2/} (field <partnership.name>)"), std::string::npos);
    EXPECT_NE(partnering::l10n::codeProblem(unit, "Entre {1}{2/}{2/}{/1}.").find("repeats"), std::string::npos);
    EXPECT_NE(partnering::l10n::codeProblem(unit, "Entre {1}{2/}{/1} {3/}.").find("invents {3/}"), std::string::npos);
    EXPECT_NE(partnering::l10n::codeProblem(unit, "Entre {1}{2}{/1} et nous.").find("not written as in the source"), std::string::npos);
    EXPECT_NE(partnering::l10n::codeProblem(unit, "Entre {/1}{2/}{1}.").find("closes"), std::string::npos);
    EXPECT_EQ(partnering::l10n::codeProblem(unit, "Entre {1}{2/}{/1} et {{nous}."), "") << "an escaped brace is text";
}

TEST_F(TemplateTextTest, PoAndXliffCarryUnitsBothWays)
{
    const auto templatePackage = package("<text:p>Dear <text:span text:style-name=\"S\">" + kField + "</text:span> &amp; co {x}.</text:p>");
    const auto text = TemplateText::extract(templatePackage);
    for (const char* name : {"t.po", "t.xlf"}) {
        TranslationFile file;
        file.original = "t.ott";
        file.targetLanguage = "fr";
        file.units = text.units();
        file.units.front().target = "Cher {1}{2/}{/1} & cie {{x}.";
        partnering::l10n::writeTranslation(file, dir_ / name);
        const auto read = partnering::l10n::readTranslation(dir_ / name);
        EXPECT_EQ(read.targetLanguage, "fr") << name;
        ASSERT_EQ(read.units.size(), 2u) << name; // the paragraph and the page footer
        EXPECT_EQ(read.units.front().id, text.units().front().id) << name;
        EXPECT_EQ(read.units.front().source, text.units().front().source) << name;
        EXPECT_EQ(read.units.front().target, "Cher {1}{2/}{/1} & cie {{x}.") << name;
    }
    std::ifstream xliff(dir_ / "t.xlf");
    std::stringstream bytes;
    bytes << xliff.rdbuf();
    EXPECT_NE(bytes.str().find("<pc id=\"1\" dataRefStart=\"d1s\" dataRefEnd=\"d1e\""), std::string::npos) << bytes.str();
    EXPECT_NE(bytes.str().find("<ph id=\"2\" dataRef=\"d2\" disp=\"field &lt;partnership.name&gt;\"/>"), std::string::npos);
    EXPECT_NE(bytes.str().find("<data id=\"d2\">&lt;text:placeholder"), std::string::npos);
}

TEST_F(TemplateTextTest, MergedTemplateHasTheTranslationTheCodesAndTheLanguage)
{
    const auto templatePackage = package("<text:h>Vision</text:h><text:p>We, " + kField + ", agree.</text:p><text:p>Untouched.</text:p>");
    const auto text = TemplateText::extract(templatePackage);
    auto units = text.units();
    units[0].target = "الرؤية";
    units[1].target = "نحن، {1/}، نوافق.";
    units[2].target.clear();
    const auto report = text.merge(units, "ar", dir_ / "ar.ott");
    EXPECT_EQ(report.translated, 3 - 1 + 0);
    EXPECT_EQ(report.untranslated.size(), 2u); // the paragraph left in English and the footer
    const auto merged = OdfPackage::open(dir_ / "ar.ott");
    EXPECT_EQ(merged.mimetype(), partnering::odf::kTextTemplateMimetype);
    const std::string content = merged.read("content.xml");
    EXPECT_NE(content.find("<text:p>نحن، " + kField + "، نوافق.</text:p>"), std::string::npos) << content;
    EXPECT_NE(content.find("Untouched."), std::string::npos);
    const std::string styles = merged.read("styles.xml");
    EXPECT_NE(styles.find("style:language-complex=\"ar\""), std::string::npos) << styles;
    EXPECT_NE(styles.find("style:writing-mode=\"rl-tb\""), std::string::npos);
    EXPECT_NE(styles.find("fo:text-align=\"start\""), std::string::npos) << "left alignment mirrored";
    EXPECT_NE(merged.read("meta.xml").find("<dc:language>ar</dc:language>"), std::string::npos);
    // the merged template extracts to the same units, now in Arabic
    const auto again = TemplateText::extract(merged);
    EXPECT_EQ(again.units()[1].source, "نحن، {1/}، نوافق.");
}

TEST_F(TemplateTextTest, FootnotesAndTextBoxesAreTranslatedInUnitsOfTheirOwn)
{
    const auto templatePackage = package(
        "<text:h>Duration</text:h>"
        "<text:p>The term is three years.<text:note text:id=\"n1\" text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
        "<text:note-body><text:p>Renewable once by " + kField + ".</text:p></text:note-body></text:note> It ends early<text:span "
        "text:style-name=\"S\"> by notice<text:note text:id=\"n2\" text:note-class=\"endnote\"><text:note-citation>i</text:note-citation>"
        "<text:note-body><text:p>Three months' notice.</text:p></text:note-body></text:note></text:span>.</text:p>"
        "<text:p><draw:frame draw:name=\"box\" svg:width=\"5cm\" svg:height=\"2cm\"><draw:text-box><text:p>Key dates</text:p>"
        "</draw:text-box></draw:frame></text:p>"
        "<text:p>Signed.<office:annotation><dc:creator>Editor</dc:creator><text:p>Check with legal</text:p></office:annotation></text:p>");
    const auto text = TemplateText::extract(templatePackage);
    std::vector<std::string> sources;
    for (const auto& unit : text.units())
        sources.push_back(unit.source);
    EXPECT_EQ(sources, (std::vector<std::string>{"Duration", "The term is three years.{1/} It ends early{2} by notice{3/}{/2}.",
                                                 "Renewable once by {1/}.", "Three months' notice.", "Key dates", "Signed.{1/}",
                                                 "Page {1/} of {2/}"}))
        << "the comment is not text of the template";
    const auto& units = text.units();
    EXPECT_EQ(units[1].codes[0].meaning, "footnote, whose text is translated in units of its own");
    EXPECT_EQ(units[1].codes[2].meaning, "endnote, whose text is translated in units of its own");
    EXPECT_EQ(units[2].context, "in the footnote of unit " + units[1].id + ", under \"Duration\"");
    EXPECT_EQ(units[3].context, "in the endnote of unit " + units[1].id + ", under \"Duration\"");
    EXPECT_EQ(units[4].context, "in a text box, under \"Duration\"") << "the paragraph holding it has no words: no unit";
    EXPECT_EQ(units[4].id, "content.xml/p6") << "but it is counted, so ids stay stable when it gets words";

    auto translated = units;
    translated[1].target = "La durée est de trois ans.{1/} Elle prend fin plus tôt{2} par préavis{3/}{/2}.";
    translated[2].target = "Renouvelable une fois par {1/}.";
    translated[3].target = "Préavis de trois mois.";
    translated[4].target = "Dates clés";
    const auto report = text.merge(translated, "fr", dir_ / "fr.ott");
    EXPECT_EQ(report.untranslated, (std::vector<std::string>{units[0].id, units[5].id, units[6].id})) << "in document order";
    const std::string content = OdfPackage::open(dir_ / "fr.ott").read("content.xml");
    EXPECT_NE(content.find("<text:p>La durée est de trois ans.<text:note text:id=\"n1\" text:note-class=\"footnote\"><text:note-citation>1"
                           "</text:note-citation><text:note-body><text:p>Renouvelable une fois par " + kField + ".</text:p>"),
              std::string::npos) << content;
    EXPECT_NE(content.find("par préavis<text:note text:id=\"n2\" text:note-class=\"endnote\"><text:note-citation>i</text:note-citation>"
                           "<text:note-body><text:p>Préavis de trois mois.</text:p></text:note-body></text:note></text:span>.</text:p>"),
              std::string::npos) << content;
    EXPECT_NE(content.find("<draw:text-box><text:p>Dates clés</text:p></draw:text-box>"), std::string::npos) << content;
    EXPECT_NE(content.find("<text:p>Check with legal</text:p>"), std::string::npos) << "the comment stays as it was";

    translated[2].target = "Renouvelable une fois.";
    try {
        text.merge(translated, "fr", dir_ / "fr2.ott");
        FAIL() << "a footnote's field dropped must be refused";
    } catch (const InvalidInput& e) {
        EXPECT_NE(std::string(e.what()).find("unit " + units[2].id), std::string::npos) << e.what();
    }
    EXPECT_FALSE(fs::exists(dir_ / "fr2.ott"));
}

TEST_F(TemplateTextTest, ABadTranslationIsRefusedNamingTheUnitAndNothingIsWritten)
{
    const auto templatePackage = package("<text:p>We, " + kField + ", agree.</text:p><text:p>Second.</text:p>");
    const auto text = TemplateText::extract(templatePackage);
    auto units = text.units();
    units[0].target = "Nous sommes d'accord.";        // the field deleted
    units[1].target = "Deuxième {7/}.";               // a code invented
    try {
        text.merge(units, "fr", dir_ / "fr.ott");
        FAIL() << "merged";
    } catch (const InvalidInput& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("[partnering.l10n.bad-codes] 2 units cannot be merged"), std::string::npos) << message;
        EXPECT_NE(message.find("unit content.xml/p1 (\"We, {1/}, agree.\"): the translation drops {1/} (field <partnership.name>)"),
                  std::string::npos) << message;
        EXPECT_NE(message.find("unit content.xml/p2"), std::string::npos) << message;
    }
    EXPECT_FALSE(fs::exists(dir_ / "fr.ott"));
    TextUnit stranger;
    stranger.id = "content.xml/p99";
    stranger.target = "x";
    EXPECT_THROW(text.merge({stranger}, "fr", dir_ / "fr.ott"), InvalidInput);
    EXPECT_FALSE(fs::exists(dir_ / "fr.ott"));

    TranslationFile file;
    file.targetLanguage = "fr";
    file.units = units;
    const auto check = partnering::l10n::checkTranslation(text, file, nullptr);
    EXPECT_FALSE(check.mergeable());
    EXPECT_EQ(check.translated, 2);
    EXPECT_EQ(check.units, 3); // and the page footer
}

TEST_F(TemplateTextTest, BrokenTranslationFilesGetAClearError)
{
    write("latin1.po", "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n\nmsgctxt \"content.xml/p1\"\nmsgid \"We\"\nmsgstr \"Nous \xe9t\xe9\"\n");
    EXPECT_NE(readTranslationError("latin1.po").find("[partnering.l10n.bad-charset]"), std::string::npos);
    EXPECT_NE(readTranslationError("latin1.po").find("iso-8859-1"), std::string::npos);
    write("syntax.po", "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgid \"We\nmsgstr \"x\"\n");
    const auto syntax = readTranslationError("syntax.po");
    EXPECT_NE(syntax.find("[partnering.l10n.bad-po]"), std::string::npos) << syntax;
    EXPECT_NE(syntax.find("syntax.po:6"), std::string::npos) << syntax;
    write("invalid.po", "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgctxt \"content.xml/p1\"\nmsgid \"We\"\nmsgstr \"Nous \xe9t\xe9\"\n");
    const auto invalid = readTranslationError("invalid.po");
    EXPECT_NE(invalid.find("[partnering.l10n.bad-charset]"), std::string::npos) << invalid;
    EXPECT_NE(invalid.find("unit content.xml/p1 is not valid UTF-8"), std::string::npos) << invalid;
    write("xxe.xlf", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                     "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\">&e;</xliff>");
    EXPECT_NE(readTranslationError("xxe.xlf").find("[partnering.xml.entity-declared]"), std::string::npos);
    write("broken.xlf", "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\"><file><unit id=\"a\">");
    EXPECT_NE(readTranslationError("broken.xlf").find("[partnering.xml.malformed]"), std::string::npos);
    write("old.xlf", "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"/>");
    EXPECT_NE(readTranslationError("old.xlf").find("[partnering.l10n.bad-xliff]"), std::string::npos);
    write("t.docx", "x");
    EXPECT_NE(readTranslationError("t.docx").find("[partnering.l10n.unknown-format]"), std::string::npos);
}

// libgettextpo reads our UTF-8 files byte by byte (TranslationFile.cpp): every script's text
// comes back as written, escapes and all, and the setting does not outlive the read.
TEST_F(TemplateTextTest, PoFilesInEveryScriptReadBackAsWritten)
{
    const std::vector<std::string> texts{"Nous, les Partenaires, sommes d\u2019accord : \u00ab\u00a0oui\u00a0\u00bb",
                                         "\u0646\u062d\u0646 \u0627\u0644\u0634\u0631\u0643\u0627\u0621",
                                         "\u1799\u17be\u1784\u1787\u17b6\u178a\u17c3\u1782\u17bc",
                                         "\u6211\u4eec\uff0c\u5408\u4f5c\u4f19\u4f34\uff0c\u540c\u610f\u3002",
                                         "tab\there, a \"quote\" and a back\\slash, \U0001F91D"};
    std::string po = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Language: fr\\n\"\n";
    for (std::size_t i = 0; i < texts.size(); ++i) {
        std::string escaped;
        for (char c : texts[i])
            escaped += c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\t' ? "\\t" : std::string(1, c);
        po += "\nmsgctxt \"content.xml/p" + std::to_string(i) + "\"\nmsgid \"source " + std::to_string(i) + "\"\nmsgstr \"" + escaped + "\"\n";
    }
    write("scripts.po", po);
    const auto file = partnering::l10n::readTranslation(dir_ / "scripts.po");
    ASSERT_EQ(file.units.size(), texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i)
        EXPECT_EQ(file.units[i].target, texts[i]) << i;
    EXPECT_EQ(std::getenv("OLD_PO_FILE_INPUT"), nullptr);
}

} // namespace
