#include "journey/ClauseLibrary.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

using partnering::journey::Clause;
using partnering::journey::ClauseLibrary;

namespace {

const partnering::l10n::Translator english;

const Clause& confidentiality()
{
    const Clause* clause = ClauseLibrary::standard().find("governance.confidentiality");
    if (clause == nullptr)
        throw std::logic_error("no confidentiality clause");
    return *clause;
}

const std::string& wordingOf(const Clause& clause, const std::string& id)
{
    return clause.option(id)->wording;
}

const partnering::l10n::Catalogs& clauseCatalogs()
{
    static const partnering::l10n::Catalogs catalogs(PARTNERING_TEST_LOCALE_DIR, "clauses");
    return catalogs;
}

} // namespace

TEST(ClauseAnswer, AnOptionsWordingIsThatOptionsId)
{
    for (const Clause& clause : ClauseLibrary::standard().clauses()) {
        for (const auto& option : clause.options)
            EXPECT_EQ(ClauseLibrary::answerFor(clause, option.wording, english), option.id) << clause.path;
    }
}

TEST(ClauseAnswer, SpacesAndLineBreaksDoNotMakeAWordingTheUsersOwn)
{
    const Clause& clause = confidentiality();
    std::string wrapped = "  " + wordingOf(clause, "strict") + "\n";
    const auto space = wrapped.find(' ', 10);
    wrapped.replace(space, 1, "\r\n  ");
    EXPECT_EQ(ClauseLibrary::answerFor(clause, wrapped, english), "strict");
}

TEST(ClauseAnswer, AnEditedWordingIsTheUsersOwnAsWritten)
{
    const Clause& clause = confidentiality();
    const std::string edited = wordingOf(clause, "standard") + " The Partners may agree otherwise in writing. ";
    EXPECT_EQ(ClauseLibrary::answerFor(clause, edited, english), edited);
    // Its picked option is none: the draft prints it as written.
    const nlohmann::json answer = edited;
    EXPECT_EQ(ClauseLibrary::picked(clause, &answer), nullptr);
    EXPECT_EQ(ClauseLibrary::wording(clause, &answer, english), edited);
    // A wording cut short is no longer the option's.
    const std::string cut = wordingOf(clause, "standard").substr(0, 40);
    EXPECT_EQ(ClauseLibrary::answerFor(clause, cut, english), cut);
}

TEST(ClauseAnswer, ABlankTextIsNoAnswer)
{
    EXPECT_EQ(ClauseLibrary::answerFor(confidentiality(), "", english), "");
    EXPECT_EQ(ClauseLibrary::answerFor(confidentiality(), " \n\t", english), "");
}

TEST(ClauseAnswer, AWordingIsRecognisedInTheLanguageItIsShownIn)
{
    const Clause& clause = confidentiality();
    const auto french = clauseCatalogs().translatorFor("fr");
    const std::string strict = french.translate(wordingOf(clause, "strict"));
    if (strict == wordingOf(clause, "strict"))
        GTEST_SKIP() << "the clause library has no French catalog yet";
    EXPECT_EQ(ClauseLibrary::answerFor(clause, strict, french), "strict");
    EXPECT_EQ(ClauseLibrary::wording(clause, nullptr, french), french.translate(wordingOf(clause, "standard")));
    // The English wording in a French draft is the user's own: the draft prints it as written.
    EXPECT_EQ(ClauseLibrary::answerFor(clause, wordingOf(clause, "strict"), french), wordingOf(clause, "strict"));
}
