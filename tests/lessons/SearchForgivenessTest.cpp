// Per-word spelling correction, glossary terms stemmed only within their own language, and a
// glossary concept found from each of the six languages in lessons written in each of them.
#include "lessons/LessonIndex.hpp"
#include "lessons/LessonSearch.hpp"
#include "lessons/Presentation.hpp"

#include "LessonLibrary.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

using namespace partnering::lessons;

namespace {

const std::filesystem::path kGlossary = PARTNERING_SOURCE_DIR "/index/glossary.tbx";

SearchResults find(const LessonSearch& search, const std::string& query, const std::string& language = "en")
{
    SearchRequest request;
    request.query = query;
    request.readerLanguage = language;
    request.limit = 50;
    return search.search(request);
}

std::set<std::string> idsOf(const SearchResults& results)
{
    std::set<std::string> ids;
    for (const auto& hit : results.hits)
        ids.insert(hit.id);
    return ids;
}

// A small library in which a few words are held by a known number of texts.
class Spelling : public ::testing::Test {
protected:
    void SetUp() override
    {
        library_.write("mapping", {{"en", "Stakeholder mapping", "Plot every stakeholder on a grid of interest and influence."}});
        library_.write("trust", {{"en", "Build trust early", "Trust grows when partners keep their word."}});
        library_.write("accountability-a", {{"ar", "المساءلة المشتركة", "يتحمل الشركاء المساءلة معا."}});
        library_.write("accountability-b", {{"ar", "المساءلة والشفافية", "تتطلب المساءلة الشفافية."}});
        library_.write("issues", {{"ar", "المسائل المالية", "تناقش المسائل المالية في كل اجتماع."}});
        LessonIndex(library_.index()).build({library_.lessons()}, kGlossary);
    }
    LessonSearch search() const { return LessonSearch::openLocal(library_.index()); }

    fixtures::LessonLibrary library_;
};

TEST_F(Spelling, AWordNoTextHoldsIsCorrectedAndMarked)
{
    const auto results = find(search(), "stakeholdr mapping");
    EXPECT_EQ(results.correctedQuery, "stakeholder mapping");
    ASSERT_EQ(results.correctedWords.size(), 1u);
    EXPECT_EQ(results.correctedWords[0].typed, "stakeholdr");
    EXPECT_EQ(results.correctedWords[0].searched, "stakeholder");
    EXPECT_EQ(searchedInstead(results).markup(), "<mark>stakeholder</mark> mapping");
    EXPECT_EQ(idsOf(results), std::set<std::string>{"mapping"});
    EXPECT_FALSE(results.relaxed);
}

TEST_F(Spelling, SeveralMisspelledWordsAreEachCorrected)
{
    const auto results = find(search(), "Stakeholdr  mappinng");
    EXPECT_EQ(results.correctedQuery, "stakeholder  mapping"); // the index's words, the rest as typed
    ASSERT_EQ(results.correctedWords.size(), 2u);
    EXPECT_EQ(searchedInstead(results).markup(), "<mark>stakeholder</mark>  <mark>mapping</mark>");
    EXPECT_EQ(idsOf(results), std::set<std::string>{"mapping"});
}

TEST_F(Spelling, AMisspelledWordIsCorrectedWhenTheOtherWordsMatchAlone)
{
    // No lesson has "grid" and "trust": the lessons with some of the words, the misspelled one
    // searched as corrected (as typed, it finds nothing and would only have been dropped).
    const auto results = find(search(), "trsut grid");
    EXPECT_TRUE(results.relaxed);
    EXPECT_EQ(results.correctedQuery, "trust grid");
    EXPECT_EQ(idsOf(results), (std::set<std::string>{"mapping", "trust"}));
    // A word with no near word in the index stays as typed; the corrected one is still reported.
    const auto unknown = find(search(), "trsut xylophone");
    EXPECT_EQ(unknown.correctedQuery, "trust xylophone");
    EXPECT_EQ(idsOf(unknown), std::set<std::string>{"trust"});
}

TEST_F(Spelling, WordsAsTypedAreNotCorrected)
{
    const auto results = find(search(), "stakeholder mapping");
    EXPECT_EQ(results.correctedQuery, "");
    EXPECT_TRUE(results.correctedWords.empty());
    // An inflection the stem finds ("stakeholders") is no misspelling.
    EXPECT_EQ(find(search(), "stakeholders").correctedQuery, "");
    // A glossary term no text holds (the Spanish abbreviation of memorandum of understanding)
    // is understood, not corrected.
    EXPECT_EQ(find(search(), "MdE", "es").correctedQuery, "");
}

TEST_F(Spelling, AMisspellingThatSharesAStemWithARarerWordIsCorrected)
{
    // "المسائلة" (hamza misplaced) stems as "المسائل" (issues), which one text holds; two hold
    // "المساءلة" (accountability), one edit away.
    const auto results = find(search(), "المسائلة", "ar");
    EXPECT_EQ(results.correctedQuery, "المساءلة");
    EXPECT_EQ(idsOf(results), (std::set<std::string>{"accountability-a", "accountability-b"}));
}

// The exit-strategy concept in a lesson of each language, inflected where the language inflects,
// and Spanish lessons that share stems with the English terms ("exitosa": exit; "plan").
class ExitStrategy : public ::testing::Test {
protected:
    void SetUp() override
    {
        library_.write("en", {{"en", "Agree exit strategies early", "Partners agree when and how the partnership ends."}});
        library_.write("fr", {{"fr", "Convenir tôt des stratégies de sortie", "Les partenaires conviennent de la fin du partenariat."}});
        library_.write("es", {{"es", "Acordar las estrategias de salida", "Los socios acuerdan cuándo termina la alianza."}});
        library_.write("ar", {{"ar", "الاتفاق على استراتيجية الخروج", "يتفق الشركاء على موعد انتهاء الشراكة."}});
        library_.write("km", {{"km", "ព្រមព្រៀងលើយុទ្ធសាស្ត្រចាកចេញ", "ដៃគូព្រមព្រៀងគ្នាអំពីការបញ្ចប់ភាពជាដៃគូ។"}});
        library_.write("zh", {{"zh-Hans", "尽早商定退出战略", "伙伴商定伙伴关系何时以何种方式结束。"}});
        library_.write("exitosa", {{"es", "Una alianza exitosa", "Una alianza exitosa necesita un plan de trabajo."}});
        LessonIndex(library_.index()).build({library_.lessons()}, kGlossary);
    }
    LessonSearch search() const { return LessonSearch::openLocal(library_.index()); }

    fixtures::LessonLibrary library_;
    const std::set<std::string> everyLanguage_{"en", "fr", "es", "ar", "km", "zh"};
};

TEST_F(ExitStrategy, AGlossaryTermIsStemmedOnlyInItsOwnLanguage)
{
    // The English synonyms "exit strategy" and "exit plan" must not find "exitosa" and "plan"
    // through Spanish stems.
    const auto results = find(search(), "退出战略", "zh-Hans");
    EXPECT_EQ(idsOf(results).count("exitosa"), 0u);
    EXPECT_EQ(idsOf(find(search(), "exit plan")).count("exitosa"), 0u);
}

TEST_F(ExitStrategy, OnlyTheWordsOfTheTermsLanguageAreMarked)
{
    library_.write("both", {{"es", "Una estrategia de salida exitosa", "Una estrategia de salida exitosa necesita un plan."}});
    LessonIndex(library_.index()).build({library_.lessons()}, kGlossary);
    const auto results = find(search(), "退出战略", "zh-Hans");
    const auto hit = std::find_if(results.hits.begin(), results.hits.end(), [](const SearchHit& h) { return h.id == "both"; });
    ASSERT_NE(hit, results.hits.end());
    const auto& words = hit->marked.words;
    EXPECT_NE(std::find(words.begin(), words.end(), "salida"), words.end());
    EXPECT_EQ(std::find(words.begin(), words.end(), "exitosa"), words.end());
    EXPECT_EQ(std::find(words.begin(), words.end(), "plan"), words.end());
}

TEST_F(ExitStrategy, EachLanguagesTermFindsTheLessonsOfEveryLanguage)
{
    const LessonSearch lessons = search();
    for (const auto& [term, language] : {std::pair{"exit strategy", "en"}, std::pair{"stratégie de sortie", "fr"},
                                         std::pair{"estrategia de salida", "es"}, std::pair{"استراتيجية الخروج", "ar"},
                                         std::pair{"យុទ្ធសាស្ត្រចាកចេញ", "km"}, std::pair{"退出战略", "zh-Hans"},
                                         std::pair{"exit plan", "en"}, std::pair{"退出策略", "zh-Hans"}}) {
        const auto results = find(lessons, term, language);
        EXPECT_EQ(idsOf(results), everyLanguage_) << term;
        EXPECT_FALSE(results.relaxed) << term;
    }
}

} // namespace
