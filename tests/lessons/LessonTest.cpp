#include "lessons/Lesson.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>

#include "LessonLibrary.hpp"


using partnering::InvalidInput;
using partnering::lessons::parseLesson;

namespace {

const std::string kGood = R"(<?xml version="1.0" encoding="UTF-8"?>
<lesson xmlns="urn:x-partnering:lesson:1" id="exit-strategy" steps="7 6">
  <source>Workshop, Colombo</source>
  <tag>exit-strategy</tag>
  <partner-type>un</partner-type>
  <text xml:lang="en">
    <title>Define a clear
       exit strategy</title>
    <summary>Plan the end.</summary>
    <body><p>First paragraph.</p><p>Second paragraph.</p></body>
  </text>
  <text xml:lang="FR">
    <title>Définir une stratégie de sortie</title>
    <body><p>Paragraphe.</p></body>
  </text>
</lesson>
)";

// The error `bytes` is rejected with (or fails the test).
InvalidInput rejection(const std::string& bytes)
{
    try {
        parseLesson(bytes, "lesson.xml");
    } catch (const InvalidInput& e) {
        return e;
    }
    ADD_FAILURE() << "accepted:\n" << bytes;
    return InvalidInput("none", "none");
}

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

TEST(Lesson, ReadsEveryField)
{
    const auto lesson = parseLesson(kGood, "good.xml");
    EXPECT_EQ(lesson.id, "exit-strategy");
    EXPECT_EQ(lesson.steps, (std::vector<int>{6, 7}));
    EXPECT_EQ(lesson.source, "Workshop, Colombo");
    EXPECT_EQ(lesson.tags, std::vector<std::string>{"exit-strategy"});
    EXPECT_EQ(lesson.partnerTypes, std::vector<std::string>{"un"});
    ASSERT_EQ(lesson.texts.size(), 2u);
    EXPECT_EQ(lesson.texts[0].title, "Define a clear exit strategy"); // white space collapsed
    EXPECT_EQ(lesson.texts[0].summary, "Plan the end.");
    EXPECT_EQ(lesson.texts[0].paragraphs, (std::vector<std::string>{"First paragraph.", "Second paragraph."}));
    EXPECT_EQ(lesson.texts[1].language, "fr"); // canonical BCP 47
    EXPECT_EQ(lesson.textIn("fr-CA"), &lesson.texts[1]);
    EXPECT_EQ(lesson.textIn("km"), nullptr);
}

const std::string kEnglishBody = "<body><p>First paragraph.</p><p>Second paragraph.</p></body>";

TEST(Lesson, ReadsTheAdviceApartFromWhatTheSourceSays)
{
    const auto lesson = parseLesson(replaced(kGood, kEnglishBody,
                                             kEnglishBody + "\n    <advice><p>Before signing, agree\n the exit.</p>"
                                                            "<p>Review it yearly.</p></advice>"),
                                    "advice.xml");
    EXPECT_EQ(lesson.texts[0].paragraphs, (std::vector<std::string>{"First paragraph.", "Second paragraph."}));
    EXPECT_EQ(lesson.texts[0].advice, (std::vector<std::string>{"Before signing, agree the exit.", "Review it yearly."}));
    EXPECT_TRUE(lesson.texts[1].advice.empty()) << "advice is optional, text by text";
    EXPECT_TRUE(parseLesson(kGood, "good.xml").texts[0].advice.empty());
}

TEST(Lesson, StepsRunFromOneToTheJourneysLast)
{
    EXPECT_EQ(parseLesson(replaced(kGood, R"(steps="7 6")", R"(steps=" 1  7 1 ")"), "x.xml").steps,
              (std::vector<int>{1, 7}));
    const auto error = rejection(replaced(kGood, R"(steps="7 6")", R"(steps="8")"));
    EXPECT_NE(std::string(error.what()).find("(steps are 1 to 7)"), std::string::npos) << error.what();
}

TEST(Lesson, StepsMayBeAbsent)
{
    EXPECT_TRUE(parseLesson(replaced(kGood, R"( steps="7 6")", ""), "x.xml").steps.empty());
}

TEST(Lesson, EveryShippedLessonIsValid)
{
    const auto shipped = partnering::lessons::fixtures::shippedLessons();
    for (const auto& [path, lesson] : shipped) {
        EXPECT_EQ(lesson.id + ".xml", path.filename().string());
        EXPECT_NE(lesson.textIn("en"), nullptr) << lesson.id << " has no English text";
    }
    EXPECT_GE(shipped.size(), 60u);
}

struct BadCase {
    const char* name;
    std::string bytes;
    std::string id;       // expected error id
    std::string location; // expected "lesson.xml:<line>"
};

class BadLesson : public testing::TestWithParam<BadCase> {};

TEST_P(BadLesson, IsRejectedWithFileLineAndReason)
{
    const auto error = rejection(GetParam().bytes);
    EXPECT_EQ(error.id(), GetParam().id) << error.what();
    EXPECT_NE(std::string(error.what()).find(GetParam().location), std::string::npos) << error.what();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadLesson,
    testing::Values(
        BadCase{"malformed", replaced(kGood, "</summary>", "</summry>"), "partnering.xml.malformed", "lesson.xml:9:"},
        BadCase{"external_entity",
                replaced(kGood, "<lesson ", "<!DOCTYPE lesson [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<lesson "),
                "partnering.xml.entity-declared", "lesson.xml:"},
        BadCase{"entity_bomb",
                replaced(kGood, "<lesson ", "<!DOCTYPE lesson [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<lesson "),
                "partnering.xml.entity-declared", "lesson.xml:"},
        BadCase{"invalid_utf8", replaced(kGood, "Plan the end.", "Plan \xC3\x28 end."), "partnering.xml.malformed", "lesson.xml:9:"},
        BadCase{"missing_id", replaced(kGood, R"( id="exit-strategy")", ""), "partnering.lessons.missing-id", "lesson.xml:2:"},
        BadCase{"bad_id", replaced(kGood, R"(id="exit-strategy")", R"(id="Exit Strategy")"), "partnering.lessons.bad-id", "lesson.xml:2:"},
        BadCase{"unknown_step", replaced(kGood, R"(steps="7 6")", R"(steps="6 9")"), "partnering.lessons.unknown-step", "lesson.xml:2:"},
        BadCase{"step_not_a_number", replaced(kGood, R"(steps="7 6")", R"(steps="six")"), "partnering.lessons.unknown-step", "lesson.xml:2:"},
        BadCase{"step_zero", replaced(kGood, R"(steps="7 6")", R"(steps="0 6")"), "partnering.lessons.unknown-step", "lesson.xml:2:"},
        BadCase{"step_with_leading_zero", replaced(kGood, R"(steps="7 6")", R"(steps="07")"), "partnering.lessons.unknown-step", "lesson.xml:2:"},
        BadCase{"step_with_sign", replaced(kGood, R"(steps="7 6")", R"(steps="+6")"), "partnering.lessons.unknown-step", "lesson.xml:2:"},
        BadCase{"step_past_the_journey", replaced(kGood, R"(steps="7 6")", R"(steps="10")"), "partnering.lessons.unknown-step", "lesson.xml:2:"},
        BadCase{"empty_title", replaced(kGood, "Définir une stratégie de sortie", "  "), "partnering.lessons.empty-text", "lesson.xml:12:"},
        BadCase{"empty_paragraph", replaced(kGood, "<p>Paragraphe.</p>", "<p>Paragraphe.</p><p> </p>"), "partnering.lessons.empty-text", "lesson.xml:14:"},
        BadCase{"empty_advice_paragraph",
                replaced(kGood, kEnglishBody, kEnglishBody + "\n    <advice><p>Agree the exit.</p>\n      <p> \n </p></advice>"),
                "partnering.lessons.empty-text", "lesson.xml:12:"},
        BadCase{"empty_advice", replaced(kGood, kEnglishBody, kEnglishBody + "\n    <advice/>"),
                "partnering.lessons.empty-text", "lesson.xml:11:"},
        BadCase{"advice_before_body", replaced(kGood, kEnglishBody, "<advice><p>Agree the exit.</p></advice>" + kEnglishBody),
                "partnering.lessons.schema", "lesson.xml:"},
        BadCase{"empty_body", replaced(kGood, "<body><p>Paragraphe.</p></body>", "<body/>"), "partnering.lessons.empty-text", "lesson.xml:12:"},
        BadCase{"no_text", std::string(R"(<lesson xmlns="urn:x-partnering:lesson:1" id="x"/>)"), "partnering.lessons.empty-text", "lesson.xml:1:"},
        BadCase{"duplicate_language", replaced(kGood, R"(xml:lang="FR")", R"(xml:lang="en")"), "partnering.lessons.duplicate-language", "lesson.xml:12:"},
        BadCase{"bad_language", replaced(kGood, R"(xml:lang="FR")", R"(xml:lang="français!")"), "partnering.lessons.bad-language", "lesson.xml:12:"},
        BadCase{"wrong_root", std::string("<article xmlns=\"urn:x-partnering:lesson:1\"/>"), "partnering.lessons.not-a-lesson", "lesson.xml:1:"},
        BadCase{"wrong_namespace", replaced(kGood, "urn:x-partnering:lesson:1", "urn:other"), "partnering.lessons.not-a-lesson", "lesson.xml:2:"},
        BadCase{"unknown_element", replaced(kGood, "<tag>exit-strategy</tag>", "<tag>exit-strategy</tag><colour>red</colour>"),
                "partnering.lessons.schema", "lesson.xml:4:"},
        BadCase{"bad_tag", replaced(kGood, "<tag>exit-strategy</tag>", "<tag>Exit Strategy</tag>"), "partnering.lessons.bad-keyword", "lesson.xml:4:"},
        BadCase{"bad_partner_type", replaced(kGood, "<partner-type>un</partner-type>", "<partner-type>U.N.</partner-type>"), "partnering.lessons.bad-keyword", "lesson.xml:5:"},
        BadCase{"not_xml", std::string("just some text"), "partnering.xml.malformed", "lesson.xml:1:"},
        BadCase{"empty_file", std::string(), "partnering.xml.malformed", "lesson.xml:1:"}),
    [](const testing::TestParamInfo<BadCase>& param) { return std::string(param.param.name); });

} // namespace
