#include "translation/DocumentLanguage.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>

namespace partnering::l10n {
namespace {

struct Expected {
    const char* tag;
    const char* language;
    const char* country;
    ScriptClass scripts;
    bool rightToLeft;
};

TEST(DocumentLanguage, ScriptClassAndDirectionComeFromTheLanguagesScript)
{
    const Expected table[] = {
        {"en", "en", "US", ScriptClass::Western, false},
        {"fr-CA", "fr", "CA", ScriptClass::Western, false},
        {"ru", "ru", "RU", ScriptClass::Western, false},
        {"zh-CN", "zh", "CN", ScriptClass::Asian, false},
        {"ja", "ja", "JP", ScriptClass::Asian, false},
        {"ko", "ko", "KR", ScriptClass::Asian, false},
        {"ar", "ar", "EG", ScriptClass::Complex, true},
        {"fa", "fa", "IR", ScriptClass::Complex, true},
        {"he", "he", "IL", ScriptClass::Complex, true},
        {"ur", "ur", "PK", ScriptClass::Complex, true},
        {"km", "km", "KH", ScriptClass::Complex, false},
        {"th", "th", "TH", ScriptClass::Complex, false},
        {"hi", "hi", "IN", ScriptClass::Complex, false},
        // No list of ours names these: ICU's likely script does.
        {"syr", "syr", "IQ", ScriptClass::Complex, true},
        {"dv", "dv", "MV", ScriptClass::Complex, true},
        {"am", "am", "ET", ScriptClass::Complex, false},
    };
    for (const auto& row : table) {
        SCOPED_TRACE(row.tag);
        const auto language = DocumentLanguage::of(row.tag);
        EXPECT_EQ(language.language, row.language);
        EXPECT_EQ(language.country, row.country);
        EXPECT_EQ(language.scripts, row.scripts);
        EXPECT_EQ(language.rightToLeft, row.rightToLeft);
    }
}

TEST(DocumentLanguage, AnUnreadableTagIsTheCallersMistake)
{
    EXPECT_THROW(DocumentLanguage::of("not a tag!"), InvalidInput);
}

TEST(DocumentLanguage, RightToLeftStylesAreMirroredAndLanguageSet)
{
    const std::string styles = R"(<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
                               R"(xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" )"
                               R"(xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"><office:styles>)"
                               R"(<style:default-style style:family="paragraph"><style:text-properties fo:language="en"/></style:default-style>)"
                               R"(<style:style style:name="P"><style:paragraph-properties fo:text-align="left"/></style:style>)"
                               R"(</office:styles></office:document-styles>)";
    const std::string arabic = localisedPart(styles, "styles.xml", DocumentLanguage::of("ar"));
    EXPECT_NE(arabic.find(R"(style:language-complex="ar")"), std::string::npos) << arabic;
    EXPECT_NE(arabic.find(R"(style:country-complex="EG")"), std::string::npos) << arabic;
    EXPECT_NE(arabic.find(R"(fo:text-align="start")"), std::string::npos) << arabic;
    EXPECT_NE(arabic.find(R"(style:writing-mode="rl-tb")"), std::string::npos) << arabic;

    const std::string khmer = localisedPart(styles, "styles.xml", DocumentLanguage::of("km"));
    EXPECT_NE(khmer.find(R"(style:language-complex="km")"), std::string::npos) << khmer;
    EXPECT_EQ(khmer.find("rl-tb"), std::string::npos) << khmer;
    EXPECT_NE(khmer.find(R"(fo:text-align="left")"), std::string::npos) << khmer;
}

TEST(DocumentLanguage, OnlyTheStartTagsThatCarryLanguageOrDirectionChange)
{
    // Single quotes, spaces before "/>", a prefix of our own for fo, a comment and character
    // references: everything but the edited start tags must come back byte for byte.
    const std::string before = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               R"(<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
                               R"(xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" )"
                               R"(xmlns:x="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"><!-- &amp; kept -->)"
                               R"(<office:styles><style:default-style style:family="paragraph">)";
    const std::string defaultTag = R"(<style:text-properties x:language='en'  x:country="US" />)";
    const std::string middle = R"(</style:default-style><style:style style:name="Q&#233;"><style:text-properties x:font-size="12pt"/>)"
                               R"(<style:paragraph-properties x:text-align="right"/></style:style>)"
                               R"(<style:style style:name="T">)";
    const std::string namedTag = R"(<style:text-properties x:language="de" style:language-asian="zh"></style:text-properties>)";
    const std::string after = "</style:style></office:styles></office:document-styles>\n";
    const std::string part = before + defaultTag + middle + namedTag + after;

    const std::string french = localisedPart(part, "styles.xml", DocumentLanguage::of("fr"));
    EXPECT_EQ(french, before + R"(<style:text-properties x:language='fr'  x:country="FR" />)" + middle
                          + R"(<style:text-properties x:language="fr" style:language-asian="zh" x:country="FR"></style:text-properties>)"
                          + after);

    const std::string chinese = localisedPart(part, "styles.xml", DocumentLanguage::of("zh-CN"));
    EXPECT_EQ(chinese, before
                           + R"(<style:text-properties x:language='en'  x:country="US"  style:language-asian="zh" style:country-asian="CN"/>)"
                           + middle
                           + R"(<style:text-properties x:language="de" style:language-asian="zh" style:country-asian="CN"></style:text-properties>)"
                           + after);

    const std::string hebrew = localisedPart(part, "styles.xml", DocumentLanguage::of("he"));
    EXPECT_NE(hebrew.find(R"(<style:paragraph-properties x:text-align="end" style:writing-mode="rl-tb"/>)"), std::string::npos)
        << hebrew;
    EXPECT_NE(hebrew.find("<!-- &amp; kept -->"), std::string::npos);
    EXPECT_NE(hebrew.find(R"(style:name="Q&#233;")"), std::string::npos);
}

TEST(DocumentLanguage, ANamespaceThePartDoesNotBindIsLeftAlone)
{
    const std::string part = R"(<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
                             R"(xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"><office:styles>)"
                             R"(<style:default-style><style:text-properties/></style:default-style></office:styles></office:document-styles>)";
    EXPECT_EQ(localisedPart(part, "styles.xml", DocumentLanguage::of("fr")), part); // fo: is not bound
    EXPECT_NE(localisedPart(part, "styles.xml", DocumentLanguage::of("ar")).find(R"(<style:text-properties style:language-complex="ar" style:country-complex="EG"/>)"),
              std::string::npos);
}

} // namespace
} // namespace partnering::l10n
