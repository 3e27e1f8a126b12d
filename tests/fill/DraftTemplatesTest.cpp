#include "fill/DraftTemplates.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace fs = std::filesystem;
using partnering::fill::templateFile;
using partnering::fill::templateLanguages;

namespace {

class DraftTemplates : public ::testing::Test {
protected:
    void SetUp() override
    {
        folder = fs::temp_directory_path() / ("draft-templates-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
        fs::remove_all(folder);
        for (const char* file : {"agreement.ott", "mou.ott", "fr/agreement.ott", "zh_CN/agreement.ott", "ar/mou.ott",
                                 "not a language/agreement.ott"}) {
            fs::create_directories((folder / file).parent_path());
            std::ofstream(folder / file) << "template";
        }
    }
    void TearDown() override { fs::remove_all(folder); }
    fs::path folder;
};

TEST_F(DraftTemplates, ListsTheLanguagesATemplateComesInEnglishFirst)
{
    const auto languages = templateLanguages(folder, "agreement");
    ASSERT_EQ(languages.size(), 3u);
    EXPECT_EQ(languages[0].tag, "en");
    EXPECT_EQ(languages[0].name, "English");
    EXPECT_EQ(languages[1].tag, "fr");
    EXPECT_EQ(languages[1].name, "français");
    EXPECT_EQ(languages[2].tag, "zh-CN");
    EXPECT_EQ(templateLanguages(folder, "mou").size(), 2u);
    EXPECT_TRUE(templateLanguages(folder, "workplan").empty());
    EXPECT_TRUE(templateLanguages(folder / "missing", "agreement").empty());
}

TEST_F(DraftTemplates, FindsTheFileForALanguage)
{
    EXPECT_EQ(templateFile(folder, "agreement", "en"), folder / "agreement.ott");
    EXPECT_EQ(templateFile(folder, "agreement", "zh_CN"), folder / "zh_CN" / "agreement.ott");
    EXPECT_EQ(templateFile(folder, "mou", "ar"), folder / "ar" / "mou.ott");
    // The same language in the same script, whatever the tag names besides.
    EXPECT_EQ(templateFile(folder, "agreement", "zh-Hans"), folder / "zh_CN" / "agreement.ott");
    EXPECT_EQ(templateFile(folder, "agreement", "zh"), folder / "zh_CN" / "agreement.ott");
    EXPECT_EQ(templateFile(folder, "agreement", "fr-CA"), folder / "fr" / "agreement.ott");
    EXPECT_EQ(templateFile(folder, "agreement", "en-GB"), folder / "agreement.ott");
    EXPECT_THROW(templateFile(folder, "agreement", "zh-TW"), partnering::InvalidInput) << "Traditional Chinese is not zh_CN";
    EXPECT_THROW(templateFile(folder, "agreement", "es"), partnering::InvalidInput);
    try {
        templateFile(folder, "mou", "fr");
        FAIL() << "no French memorandum";
    } catch (const partnering::InvalidInput& e) {
        EXPECT_EQ(e.id(), "partnering.fill.no-template");
    }
}

} // namespace
