#include "l10n/Catalogs.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using partnering::l10n::Catalogs;
using partnering::l10n::canonicalLanguageTag;
using partnering::l10n::languageAutonym;

namespace {

// The catalogs compiled from locales/journey/*.po by the build.
const Catalogs& journeyCatalogs()
{
    static const Catalogs catalogs(PARTNERING_TEST_LOCALE_DIR, "journey");
    return catalogs;
}

TEST(LanguageTag, CanonicalisesValidTags)
{
    EXPECT_EQ(canonicalLanguageTag("fr"), "fr");
    EXPECT_EQ(canonicalLanguageTag("FR-ca"), "fr-CA");
    EXPECT_EQ(canonicalLanguageTag("zh-hans"), "zh-Hans");
    EXPECT_EQ(canonicalLanguageTag("fr_FR"), "fr-FR"); // POSIX style, as LibreOffice users type it
    EXPECT_EQ(canonicalLanguageTag("km-KH"), "km-KH");
}

TEST(LanguageTag, RejectsMalformedTags)
{
    for (const char* bad : {"", "x!", "-", "12", "fr--CA", "this-is-not-a-language-tag-at-all"}) {
        try {
            canonicalLanguageTag(bad);
            ADD_FAILURE() << "accepted \"" << bad << "\"";
        } catch (const partnering::InvalidInput& e) {
            EXPECT_EQ(e.id(), "partnering.l10n.bad-language-tag");
        }
    }
}

TEST(Catalogs, ListsEveryShippedLanguageSourceFirst)
{
    const auto languages = journeyCatalogs().languages();
    ASSERT_FALSE(languages.empty());
    EXPECT_EQ(languages.front(), "en");
    for (const char* expected : {"fr", "es", "ar", "km", "zh-CN"})
        EXPECT_NE(std::find(languages.begin(), languages.end(), expected), languages.end()) << expected;
}

struct MatchCase {
    const char* requested;
    const char* served;
};

class CatalogMatching : public testing::TestWithParam<MatchCase> {};

TEST_P(CatalogMatching, ServesTheClosestLanguage)
{
    EXPECT_EQ(journeyCatalogs().translatorFor(GetParam().requested).language(), GetParam().served);
}

INSTANTIATE_TEST_SUITE_P(Requests, CatalogMatching,
                         testing::Values(MatchCase{"fr", "fr"}, MatchCase{"fr-CA", "fr"}, MatchCase{"fr_BE", "fr"},
                                         MatchCase{"es-419", "es"}, MatchCase{"ar-EG", "ar"},
                                         MatchCase{"km", "km"}, MatchCase{"zh-Hans", "zh-CN"},
                                         MatchCase{"zh-SG", "zh-CN"}, MatchCase{"zh", "zh-CN"},
                                         MatchCase{"en-GB", "en"}, MatchCase{"de", "en"},
                                         MatchCase{"sw", "en"}));

TEST(Translator, TranslatesKnownMessagesAndKeepsUnknownOnes)
{
    const auto french = journeyCatalogs().translatorFor("fr");
    EXPECT_EQ(french.translate("Structure the partnership"), "Structurer le partenariat");
    EXPECT_EQ(french.translate("A message nobody translated"), "A message nobody translated");
    const auto khmer = journeyCatalogs().translatorFor("km");
    EXPECT_EQ(khmer.translate("Sign the partnership agreement"), "ចុះហត្ថលេខាលើកិច្ចព្រមព្រៀងភាពជាដៃគូ");
}

TEST(Translator, SourceLanguageReturnsMessagesAsWritten)
{
    const partnering::l10n::Translator english;
    EXPECT_EQ(english.language(), "en");
    EXPECT_EQ(english.translate("Structure the partnership"), "Structure the partnership");
}

TEST(Catalogs, MalformedRequestIsInvalidInput)
{
    EXPECT_THROW(journeyCatalogs().translatorFor("not a tag"), partnering::InvalidInput);
}

TEST(Catalogs, EmptyFolderServesTheSourceLanguage)
{
    const auto empty = std::filesystem::temp_directory_path() / "partnering-empty-locale";
    std::filesystem::create_directories(empty);
    const Catalogs none(empty, "journey");
    EXPECT_EQ(none.languages(), std::vector<std::string>{"en"});
    EXPECT_EQ(none.translatorFor("fr").language(), "en");
    std::filesystem::remove(empty);
}

TEST(Catalogs, MissingFolderIsABrokenInstallation)
{
    try {
        const Catalogs missing("/nonexistent-partnering-locale", "journey");
        FAIL() << "a missing folder was accepted";
    } catch (const partnering::EnvironmentFailure& e) {
        EXPECT_EQ(e.id(), "partnering.l10n.no-catalogs");
        EXPECT_NE(std::string(e.what()).find("/nonexistent-partnering-locale"), std::string::npos);
    }
}

TEST(LanguageAutonym, EachLanguageNamesItselfInItsOwnScript)
{
    EXPECT_EQ(languageAutonym("fr"), "français");
    EXPECT_EQ(languageAutonym("es"), "español");
    EXPECT_EQ(languageAutonym("ar"), "العربية");
    EXPECT_EQ(languageAutonym("km"), "ខ្មែរ");
    EXPECT_EQ(languageAutonym("zh_CN"), "中文（中国）");
    EXPECT_THROW(languageAutonym("not a tag"), partnering::InvalidInput);
}

} // namespace

namespace {

TEST(FormatMessage, PutsTheArgumentsWhereTheTranslationSays)
{
    using partnering::l10n::formatMessage;
    EXPECT_EQ(formatMessage("{1}: at least {2} are needed, {3} so far.", {"Partners", "2", "1"}),
              "Partners: at least 2 are needed, 1 so far.");
    EXPECT_EQ(formatMessage("{3} of {2} for {1}", {"a", "b", "c"}), "c of b for a"); // a translation may reorder
    EXPECT_EQ(formatMessage("{{literal}} {1}", {"x"}), "{literal} x");
    EXPECT_EQ(formatMessage("{1}", {}), ""); // a placeholder with no argument is left out, not an error
}

TEST(TranslatePlural, FollowsEachLanguagesPluralRule)
{
    const partnering::l10n::Translator english;
    const char* one = "{1}: at least {2} is needed, {3} so far.";
    const char* many = "{1}: at least {2} are needed, {3} so far.";
    EXPECT_EQ(english.translatePlural(one, many, 1), one);
    EXPECT_EQ(english.translatePlural(one, many, 0), many);
    EXPECT_EQ(english.translatePlural(one, many, 2), many);
    const auto spanish = journeyCatalogs().translatorFor("es");
    EXPECT_EQ(spanish.translatePlural(one, many, 1), "{1}: se necesita al menos {2}, por ahora hay {3}.");
    EXPECT_EQ(spanish.translatePlural(one, many, 3), "{1}: se necesitan al menos {2}, por ahora hay {3}.");
    const auto khmer = journeyCatalogs().translatorFor("km");
    EXPECT_EQ(khmer.translatePlural(one, many, 1), khmer.translatePlural(one, many, 5)); // one form only
    EXPECT_NE(khmer.translatePlural(one, many, 1), one);
}

} // namespace
