#include "lessons/Citation.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>

using namespace partnering::lessons;

namespace {

Lesson lessonWithSource(std::string source)
{
    Lesson lesson;
    lesson.id = "set-a-lifespan-and-exit-strategy";
    lesson.source = std::move(source);
    lesson.texts = {{"en", "Set a lifespan and a clear exit strategy", "Some partnerships outlive their use.", {"Body."}, {}},
                    {"fr", "Fixer une durée de vie", "", {"Premier paragraphe.", "Second."}, {}}};
    return lesson;
}

TEST(Citation, TheEntryCarriesTheLessonAndWhatItsSourceSays)
{
    const auto entry = bibliographyEntry(
        lessonWithSource("UNICEF Executive Board, second regular session 2012, Report on the implementation of the "
                         "strategic framework for partnerships, para. 60 (“Need for clear exit strategies”)"),
        "en");
    EXPECT_EQ(entry.identifier, "set-a-lifespan-and-exit-strategy");
    EXPECT_EQ(entry.language, "en");
    EXPECT_EQ(entry.title, "Set a lifespan and a clear exit strategy");
    EXPECT_EQ(entry.author, "UNICEF Executive Board");
    EXPECT_EQ(entry.year, "2012");
    EXPECT_EQ(entry.url, "");
    EXPECT_NE(entry.note.find("para. 60"), std::string::npos);
}

TEST(Citation, TheEntryIsInTheLanguageOfTheTextShown)
{
    const auto entry = bibliographyEntry(lessonWithSource("Partnering workshop notes, Colombo, 26 June 2023"), "fr-CA");
    EXPECT_EQ(entry.language, "fr");
    EXPECT_EQ(entry.title, "Fixer une durée de vie");
    EXPECT_EQ(entry.author, "Partnering workshop notes");
    EXPECT_EQ(entry.year, "2023");
}

TEST(Citation, OnlyTheFirstSourceGivesTheAuthorAndYear)
{
    const auto entry = bibliographyEntry(
        lessonWithSource("World Vision and Business Fights Poverty online discussion “Getting Intentional: … within the "
                         "post-2015 framework?”, proposed target T4; UNICEF Executive Board, second regular session 2012"),
        "en");
    EXPECT_EQ(entry.author, "World Vision and Business Fights Poverty online discussion");
    EXPECT_EQ(entry.year, "") << "post-2015 is not a year of publication, and 2012 belongs to the second source";
}

TEST(Citation, AWebAddressInTheSourceBecomesTheUrl)
{
    const auto entry = bibliographyEntry(
        lessonWithSource("Royal Government of Cambodia (2019), see https://cdc.gov.kh/partnerships/principles.pdf."), "en");
    EXPECT_EQ(entry.author, "Royal Government of Cambodia");
    EXPECT_EQ(entry.year, "2019");
    EXPECT_EQ(entry.url, "https://cdc.gov.kh/partnerships/principles.pdf");
    EXPECT_EQ(bibliographyEntry(lessonWithSource("https://example.org/lessons"), "en").author, "");
}

TEST(Citation, ALessonWithoutSourceHasAnEntryWithoutAuthor)
{
    const auto entry = bibliographyEntry(lessonWithSource(""), "en");
    EXPECT_EQ(entry.author, "");
    EXPECT_EQ(entry.year, "");
    EXPECT_EQ(entry.note, "");
    EXPECT_EQ(entry.title, "Set a lifespan and a clear exit strategy");
}

TEST(Citation, TheQuotationIsTheSummaryElseTheFirstParagraphElseTheTitle)
{
    auto lesson = lessonWithSource("");
    EXPECT_EQ(quotation(lesson, "en"), "Some partnerships outlive their use.");
    EXPECT_EQ(quotation(lesson, "fr"), "Premier paragraphe.");
    lesson.texts[1].paragraphs.clear();
    EXPECT_EQ(quotation(lesson, "fr"), "Fixer une durée de vie");
    Lesson empty;
    empty.id = "empty";
    EXPECT_THROW(quotation(empty, "en"), partnering::InvalidInput);
}

TEST(Citation, TheAdviceFollowsTheQuotationMarkedAsTheLibrarysNeverInsideIt)
{
    auto lesson = lessonWithSource("UNICEF Executive Board, 2012");
    lesson.texts[0].advice = {"Agree the exit before signing.", "Review it every year."};
    lesson.texts[1].advice = {"Convenez de la sortie avant la signature."};
    lesson.texts[1].paragraphs = {"Premier paragraphe."};
    EXPECT_EQ(quotation(lesson, "en"), "Some partnerships outlive their use.");
    const auto advice = citedAdvice(lesson, "en", "Advice from the Partnering Journey library, not from the source:");
    EXPECT_EQ(advice.mark, "Advice from the Partnering Journey library, not from the source:");
    EXPECT_EQ(advice.advice, "Agree the exit before signing. Review it every year.");
    EXPECT_EQ(advice.paragraph(), "Advice from the Partnering Journey library, not from the source: Agree the exit "
                                  "before signing. Review it every year.");
    // Without a summary the first body paragraph is quoted, never the advice; the advice is the
    // cited text's, in its language.
    EXPECT_EQ(quotation(lesson, "fr-CA"), "Premier paragraphe.");
    EXPECT_EQ(citedAdvice(lesson, "fr-CA", "Conseil de la bibliothèque Partnering Journey, ne provenant pas de la source :")
                  .paragraph(),
              "Conseil de la bibliothèque Partnering Journey, ne provenant pas de la source : Convenez de la sortie avant "
              "la signature.");
}

TEST(Citation, ALessonWithoutAdviceAddsNothingAfterTheQuotation)
{
    const auto advice = citedAdvice(lessonWithSource(""), "en", "Advice from the Partnering Journey library, not from the source:");
    EXPECT_EQ(advice.advice, "");
    EXPECT_EQ(advice.paragraph(), "");
}

} // namespace
