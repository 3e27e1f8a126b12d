#include "journey/ClauseLibrary.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using partnering::journey::ClauseLibrary;

namespace {

std::string reasonOf(const std::string& body)
{
    try {
        ClauseLibrary::fromDefinition("<clauses xmlns=\"urn:x-partnering:clauses:1\">\n" + body + "\n</clauses>", "c.xml");
    } catch (const partnering::InvalidInput& e) {
        return e.what();
    }
    return "no error";
}

const std::string kOption = "<option id=\"a\"><label>A</label><wording>Wording A.</wording></option>";
const std::string kOtherOption = "<option id=\"b\"><label>B</label><wording>Wording B.</wording></option>";

TEST(ClauseLibrary, ADefinitionMistakeNamesTheFileAndLine)
{
    EXPECT_NE(reasonOf("<clause path=\"governance.x\" default=\"a\">" + kOption + "</clause>")
                  .find("[partnering.journey.bad-clauses] c.xml:2: the clause governance.x offers fewer than two options"),
              std::string::npos);
    EXPECT_NE(reasonOf("<clause path=\"governance.x\" default=\"z\">" + kOption + kOtherOption + "</clause>")
                  .find("has no option \"z\" to take by default"),
              std::string::npos);
    EXPECT_NE(reasonOf("<clause path=\"governance.x\" default=\"a\">" + kOption + kOption + "</clause>").find("used twice"),
              std::string::npos);
    EXPECT_NE(reasonOf("<clause path=\"governance[0]\" default=\"a\">" + kOption + kOtherOption + "</clause>")
                  .find("is not keys joined by"),
              std::string::npos);
    EXPECT_NE(reasonOf("<clause path=\"governance.x\" default=\"a\"><option id=\"a\"><label>A</label></option>" + kOtherOption
                       + "</clause>")
                  .find("needs an id, a label and a wording"),
              std::string::npos);
}

TEST(ClauseLibrary, AnAnswerPicksAnOptionOrIsTheUsersOwnWording)
{
    const auto library = ClauseLibrary::fromDefinition(
        "<clauses xmlns=\"urn:x-partnering:clauses:1\"><clause path=\"governance.x\" default=\"b\">\n  " + kOption + kOtherOption
            + "</clause></clauses>",
        "c.xml");
    const auto* clause = library.find("governance.x");
    ASSERT_NE(clause, nullptr);
    EXPECT_EQ(library.find("governance.y"), nullptr);
    const partnering::l10n::Translator english;
    const nlohmann::json a = "a", own = "Our words.", blank = "  ", number = 3;
    EXPECT_EQ(ClauseLibrary::wording(*clause, &a, english), "Wording A.");
    EXPECT_EQ(ClauseLibrary::wording(*clause, nullptr, english), "Wording B.") << "unanswered: the default";
    EXPECT_EQ(ClauseLibrary::wording(*clause, &blank, english), "Wording B.");
    EXPECT_EQ(ClauseLibrary::wording(*clause, &own, english), "Our words.");
    EXPECT_EQ(ClauseLibrary::picked(*clause, &own), nullptr);
    EXPECT_EQ(ClauseLibrary::wording(*clause, &number, english), "");
}

TEST(ClauseLibrary, TheStandardLibraryOffersTwoToFourOptionsPerClause)
{
    const auto& clauses = ClauseLibrary::standard().clauses();
    EXPECT_EQ(clauses.size(), 18u);
    for (const auto& clause : clauses) {
        EXPECT_GE(clause.options.size(), 2u) << clause.path;
        EXPECT_LE(clause.options.size(), 4u) << clause.path;
        for (const auto& option : clause.options)
            EXPECT_EQ(option.wording.find("this Agreement"), std::string::npos) << clause.path << " " << option.id
                << ": the MoU uses the wording too";
    }
}

} // namespace
