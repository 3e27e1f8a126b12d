#include "translation/TranslationFile.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>

#include "support/ScratchDir.hpp"

#include <fstream>

using partnering::InvalidInput;
using partnering::l10n::readTranslation;

namespace {

const std::string kOpen = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"fr\">\n"
                          " <file id=\"f1\" original=\"agreement.ott\">\n";
const std::string kClose = " </file>\n</xliff>\n";

class XliffReaderTest : public partnering::testing::ScratchDirTest {
protected:
    std::filesystem::path write(const std::string& units)
    {
        const auto path = dir_ / "t.xlf";
        std::ofstream(path, std::ios::binary) << kOpen << units << kClose;
        return path;
    }

    std::string refusal(const std::string& units)
    {
        try {
            readTranslation(write(units));
        } catch (const InvalidInput& e) {
            return e.what();
        }
        return "(read without an error)";
    }
};

// What a translation tool may write back: nested paired codes, standalone codes, annotations,
// CDATA, references, notes and original data (which are not the translation's text).
TEST_F(XliffReaderTest, ReadsUnitTextAsTranslationToolsWriteIt)
{
    const auto file = readTranslation(write(
        "  <unit id=\"content.xml/p1 &amp; more\">\n"
        "   <notes><note category=\"codes\">{1} = bold</note></notes>\n"
        "   <originalData><data id=\"d1\">&lt;text:span&gt;</data></originalData>\n"
        "   <segment state=\"translated\">\n"
        "    <source>We <pc id=\"1\">agree <ph id=\"2\"/></pc> {now}</source>\n"
        "    <target>Nous <pc id=\"1\"><mrk id=\"m\" type=\"term\">sommes</mrk> d&#8217;accord <ph id=\"2\">x</ph></pc>"
        " <![CDATA[<{maintenant}>]]> &amp; &#123;</target>\n"
        "   </segment>\n"
        "  </unit>\n"
        "  <unit id=\"content.xml/p2\"><segment><source> spaced  out </source></segment></unit>\n"));
    EXPECT_EQ(file.sourceLanguage, "en");
    EXPECT_EQ(file.targetLanguage, "fr");
    EXPECT_EQ(file.original, "agreement.ott");
    ASSERT_EQ(file.units.size(), 2u);
    EXPECT_EQ(file.units[0].id, "content.xml/p1 & more");
    EXPECT_EQ(file.units[0].source, "We {1}agree {2/}{/1} {{now}");
    EXPECT_EQ(file.units[0].target, "Nous {1}sommes d\u2019accord {2/}{/1} <{{maintenant}> & {{");
    EXPECT_EQ(file.units[1].source, " spaced  out ");
    EXPECT_EQ(file.units[1].target, "");
}

TEST_F(XliffReaderTest, RefusesWhatThisToolDoesNotWriteNamingTheLine)
{
    const std::string noId = refusal("  <unit>\n   <segment><source>a</source></segment>\n  </unit>\n");
    EXPECT_NE(noId.find("[partnering.l10n.bad-xliff]"), std::string::npos) << noId;
    EXPECT_NE(noId.find("t.xlf:4: a unit has no id"), std::string::npos) << noId;

    const std::string split = refusal("  <unit id=\"u\">\n   <segment><source>a</source></segment>\n"
                                      "   <segment><source>b</source></segment>\n  </unit>\n");
    EXPECT_NE(split.find("t.xlf:6: unit u: one segment per unit"), std::string::npos) << split;

    const std::string inline12 = refusal("  <unit id=\"u\"><segment><source>a <g id=\"1\">b</g></source></segment></unit>\n");
    EXPECT_NE(inline12.find("t.xlf:4: unit u: <g> is not an inline element this tool writes"), std::string::npos)
        << inline12;

    // The first problem in the document is the one told.
    const std::string first = refusal("  <unit id=\"u\"><segment><source><x/></source></segment></unit>\n  <unit/>\n");
    EXPECT_NE(first.find("<x> is not an inline element"), std::string::npos) << first;

    // Not well-formed XML is told as such, before what the reader found on the way.
    const std::string broken = refusal("  <unit><segment><source>a</source></segment></unit>\n <oops>\n");
    EXPECT_NE(broken.find("[partnering.xml.malformed]"), std::string::npos) << broken;
}

} // namespace
