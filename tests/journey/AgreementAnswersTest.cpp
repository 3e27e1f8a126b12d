#include "journey/AgreementAnswers.hpp"

#include "error/Error.hpp"
#include "journey/AnswersSchema.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

using partnering::InvalidInput;
using partnering::journey::AgreementAnswers;
using partnering::journey::AnswerPath;
using partnering::journey::AnswersSchema;
using partnering::journey::firstIncompleteStep;
using partnering::journey::Journey;
using partnering::journey::Question;
using nlohmann::json;

namespace {

std::string example(const std::string& name)
{
    std::ifstream in(std::string(PARTNERING_SOURCE_DIR) + "/examples/" + name);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string errorOf(const std::string& text)
{
    try {
        AgreementAnswers::parse(text, "answers.json");
    } catch (const InvalidInput& e) {
        return e.what();
    }
    return "no error";
}

TEST(AgreementAnswers, BothWorkedExamplesAreValidAndComplete)
{
    for (const char* name : {"small.json", "large.json"}) {
        const auto answers = AgreementAnswers::parse(example(name), name);
        const auto steps = partnering::journey::progress(Journey::standard(), answers, partnering::l10n::Translator());
        ASSERT_EQ(steps.size(), 7u);
        for (const auto& step : steps)
            EXPECT_TRUE(step.complete()) << name << " step " << step.number << ": "
                                         << (step.missing.empty() ? "" : step.missing.front().path);
    }
}

// The small example with four problems: a sector, a currency, an answer the schema does not
// have, and a date.
json withFourProblems()
{
    auto answers = json::parse(example("small.json"));
    answers["partners"][0]["sector"] = "ngo";
    answers["partners"][1]["contributions"][0]["value"]["currency"] = "dollars";
    answers["governance"]["colour"] = "blue";
    answers["signing"]["date"] = "23/11/2026";
    return answers;
}

TEST(AgreementAnswers, EveryProblemIsReportedWithItsJsonPath)
{
    const std::string error = errorOf(withFourProblems().dump());
    EXPECT_NE(error.find("[partnering.answers.invalid] 4 problems"), std::string::npos) << error;
    EXPECT_NE(error.find("answers.json: $.partners[0].sector:"), std::string::npos) << error;
    EXPECT_NE(error.find("answers.json: $.partners[1].contributions[0].value.currency:"), std::string::npos) << error;
    EXPECT_NE(error.find("answers.json: $.governance"), std::string::npos) << error;
    EXPECT_NE(error.find("colour"), std::string::npos) << error;
    EXPECT_NE(error.find("answers.json: $.signing.date:"), std::string::npos) << error;
}

// The schema's refusals in words an official reads: the kind, the choices, the form or the
// bound the answer must have, never the validator's "constraint" jargon; and a refusal at the
// top stands beside one further down.
TEST(AgreementAnswers, ProblemsAreSaidInPlainWords)
{
    auto answers = withFourProblems();
    answers["partnership"]["name"] = 5;
    answers["partnership"]["stakeholders"][0]["interest"] = 9;
    answers["budget"] = 1;
    const std::string error = errorOf(answers.dump());
    for (const char* said : {
             "$.partners[0].sector: \"ngo\" is not one of: civil-society, academia, business, united-nations, government, "
             "donor, foundation\n",
             "$.partners[1].contributions[0].value.currency: \"dollars\" is not a currency code of three capital letters",
             "$.governance: \"colour\" is not an answer here (the answers here are: ",
             "$.signing.date: \"23/11/2026\" is not a date written YYYY-MM-DD\n",
             "$.partnership.name: must be text, not a whole number\n",
             "$.partnership.stakeholders[0].interest: must be at most 5, not 9\n",
             "answers.json: $: \"budget\" is not an answer here (the answers here are: governance, language, ",
         })
        EXPECT_NE(error.find(said), std::string::npos) << said << "\nin:\n" << error;
    EXPECT_NE(error.find("[partnering.answers.invalid] 7 problems"), std::string::npos) << error;
    EXPECT_EQ(error.find("constraint"), std::string::npos) << error;
}

TEST(AgreementAnswers, TextThatIsNotJsonGetsLineAndColumn)
{
    const std::string error = errorOf("{\n  \"language\": \"en\",\n  \"vision\": {\"statement\": \"x\",}\n}");
    EXPECT_NE(error.find("[partnering.answers.not-json] answers.json:3:"), std::string::npos) << error;
}

TEST(AgreementAnswers, ANumberBeyondADoubleIsNotJsonWithItsPlace)
{
    // nlohmann refuses it with out_of_range, not parse_error: it escaped as an internal error.
    const std::string error = errorOf("{\n  \"language\": \"en\",\n  \"partners\": [{\"n\": 5e308}]\n}");
    EXPECT_EQ(error.rfind("[partnering.answers.not-json] answers.json:3:", 0), 0u) << error;
    EXPECT_NE(error.find("number overflow parsing '5e308'"), std::string::npos) << error;
}

TEST(AgreementAnswers, TheLanguageIsRequiredAndMustBeATag)
{
    EXPECT_NE(errorOf("{}").find("$"), std::string::npos);
    EXPECT_NE(errorOf(R"({"language": "english please"})").find("$.language"), std::string::npos);
    EXPECT_EQ(AgreementAnswers::parse(R"({"language": "zh_CN"})", "a.json").language(), "zh-CN");
}

TEST(AgreementAnswers, ProgressSaysWhatEachStepStillNeeds)
{
    auto answers = json::parse(example("small.json"));
    answers["partners"][1].erase("focal_point");
    answers["partners"].erase(0);
    answers.erase("vision");
    const auto steps = partnering::journey::progress(
        Journey::standard(), AgreementAnswers::fromJson(answers, "a.json"), partnering::l10n::Translator());
    EXPECT_TRUE(steps[0].complete());
    ASSERT_FALSE(steps[1].complete());
    EXPECT_EQ(steps[1].missing.front().path, "$.vision.statement");
    ASSERT_FALSE(steps[4].complete());
    std::vector<std::string> paths;
    for (const auto& missing : steps[4].missing)
        paths.push_back(missing.path);
    EXPECT_EQ(paths, (std::vector<std::string>{"$.partners", "$.partners[0].focal_point.name"}));
    EXPECT_EQ(steps[4].missing.front().reason, "Partners: at least 2 are needed, 1 so far.");
}

TEST(AgreementAnswers, AnEmptyDraftIsValidButNoStepIsComplete)
{
    const auto answers = AgreementAnswers::parse(R"({"language": "fr"})", "a.json");
    for (const auto& step : partnering::journey::progress(Journey::standard(), answers, partnering::l10n::Translator()))
        EXPECT_FALSE(step.complete()) << step.number;
}

// Every question of the journey asks for an answer the schema has: the wizard and the
// filler can never disagree about where an answer lives.
void expectInSchema(const std::vector<Question>& questions, const json* schemaNode, const std::string& where)
{
    const auto& schema = AnswersSchema::standard();
    for (const auto& question : questions) {
        const json* node = schema.at(AnswerPath::parse(question.path), schemaNode);
        ASSERT_NE(node, nullptr) << where << "." << question.path;
        if (question.type == Question::Type::List) {
            ASSERT_TRUE(schema.isList(node)) << where << "." << question.path;
            expectInSchema(question.items, schema.itemSchema(node), where + "." + question.path + "[]");
        }
        for (const auto& choice : question.choices) {
            ASSERT_TRUE(node->contains("enum")) << question.path;
            EXPECT_NE(std::find((*node)["enum"].begin(), (*node)["enum"].end(), choice.value), (*node)["enum"].end())
                << question.path << " = " << choice.value;
        }
    }
}

TEST(AgreementAnswers, EveryQuestionOfTheJourneyIsAnAnswerOfTheSchema)
{
    for (const auto& step : Journey::standard().steps(partnering::l10n::Translator()))
        expectInSchema(step.questions, nullptr, "$");
}

TEST(FirstIncompleteStep, NoStoredAnswersStartAtTheFirstStep)
{
    EXPECT_EQ(firstIncompleteStep(""), 1);
    EXPECT_EQ(firstIncompleteStep("  \n"), 1);
}

TEST(FirstIncompleteStep, UnreadableAnswersStartAtTheFirstStep)
{
    EXPECT_EQ(firstIncompleteStep("{not json"), 1);
    EXPECT_EQ(firstIncompleteStep(R"({"language": 5})"), 1);
}

TEST(FirstIncompleteStep, IsTheFirstStepStillNeedingAnswers)
{
    auto answers = json::parse(example("small.json"));
    answers.erase("governance");
    EXPECT_EQ(firstIncompleteStep(answers.dump()), 6);
    answers.erase("vision");
    EXPECT_EQ(firstIncompleteStep(answers.dump()), 2);
    EXPECT_EQ(firstIncompleteStep(R"({"language": "en"})"), 1);
}

TEST(FirstIncompleteStep, CompleteAnswersGoOnAtTheLastStep)
{
    EXPECT_EQ(firstIncompleteStep(example("small.json")), 7);
}

TEST(Journey, EveryStepHasGuidanceAndQuestions)
{
    for (const auto& step : Journey::standard().steps(partnering::l10n::Translator())) {
        EXPECT_GE(step.guidance.size(), 2u) << step.number;
        EXPECT_FALSE(step.questions.empty()) << step.number;
        for (const auto& paragraph : step.guidance)
            EXPECT_EQ(paragraph.find("GUIDANCE"), std::string::npos) << step.number;
    }
}

} // namespace

namespace {

const partnering::journey::AnswerProblem& problemAt(const std::vector<partnering::journey::StepProgress>& steps,
                                                    const std::string& path)
{
    for (const auto& step : steps) {
        for (const auto& problem : step.missing) {
            if (problem.path == path)
                return problem;
        }
    }
    throw std::logic_error("nothing missing at " + path);
}

TEST(AgreementAnswers, MissingAnswersHaveTheirPartsAndAPlainReason)
{
    using Kind = partnering::journey::AnswerProblem::Kind;
    const auto answers = AgreementAnswers::parse(R"({"language": "en"})", "a.json");
    const auto steps = partnering::journey::progress(Journey::standard(), answers, partnering::l10n::Translator());

    const auto& name = problemAt(steps, "$.partnership.name");
    EXPECT_EQ(name.kind, Kind::Required);
    EXPECT_EQ(name.label, "Name of the partnership");
    EXPECT_EQ(name.reason, "Name of the partnership: not answered yet.");

    const auto& stakeholders = problemAt(steps, "$.partnership.stakeholders");
    EXPECT_EQ(stakeholders.kind, Kind::TooFew);
    EXPECT_EQ(stakeholders.label, "Stakeholders");
    EXPECT_EQ(stakeholders.min, 2);
    EXPECT_EQ(stakeholders.count, 0u);
    EXPECT_EQ(stakeholders.reason, "Stakeholders: at least 2 are needed, 0 so far.");
    // English's plural rule follows the number needed.
    EXPECT_EQ(problemAt(steps, "$.objectives").reason, "Objectives: at least 1 is needed, 0 so far.");
}

TEST(AgreementAnswers, MissingAnswersAreSaidInTheTranslatorsLanguage)
{
    const partnering::l10n::Catalogs catalogs(PARTNERING_TEST_LOCALE_DIR, "journey");
    const auto answers = AgreementAnswers::parse(R"({"language": "en"})", "a.json");
    const auto in = [&](const char* language, const std::string& path) {
        return problemAt(partnering::journey::progress(Journey::standard(), answers, catalogs.translatorFor(language)), path);
    };
    EXPECT_EQ(in("fr", "$.partnership.name").reason, "Nom du partenariat : pas encore de réponse.");
    EXPECT_EQ(in("fr", "$.partnership.name").label, "Nom du partenariat");
    EXPECT_EQ(in("fr", "$.partnership.stakeholders").reason,
              "Parties prenantes : il en faut au moins 2, 0 pour l'instant.");
    EXPECT_EQ(in("es", "$.objectives").reason, "Objetivos: se necesita al menos 1, por ahora hay 0.");
    EXPECT_EQ(in("es", "$.partnership.stakeholders").reason,
              "Partes interesadas: se necesitan al menos 2, por ahora hay 0.");
    EXPECT_EQ(in("zh-CN", "$.partnership.stakeholders").reason, "利益攸关方：至少需要 2 项，目前有 0 项。");
    EXPECT_EQ(in("ar", "$.partnership.stakeholders").reason, "أصحاب المصلحة: المطلوب 2 على الأقل، وما أُدخل حتى الآن 0.");
    EXPECT_EQ(in("km", "$.partnership.name").reason, "ឈ្មោះភាពជាដៃគូ៖ មិនទាន់មានចម្លើយនៅឡើយទេ។");
}

TEST(AgreementAnswers, SchemaProblemsAreOfTheInvalidKind)
{
    const auto problems = AgreementAnswers::validate(json{{"language", "en"}, {"partnership", {{"spectrum", "merge"}}}});
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].kind, partnering::journey::AnswerProblem::Kind::Invalid);
    EXPECT_EQ(problems[0].path, "$.partnership.spectrum");
    EXPECT_FALSE(problems[0].reason.empty());
}

} // namespace

// Hostile answers (a draft's stored answers are anybody's text): refused or reported in a few
// lines, quickly, however many megabytes they hold.
TEST(AgreementAnswers, AMessageQuotesNoMoreThanAFewShortLines)
{
    using partnering::journey::kListedProblems;
    using partnering::journey::kShownCharacters;
    json hostile = {{"language", "en"}, {std::string(3'000'000, 'k'), 1},
                    {"partnership", {{"stakeholders", json::array()}}}};
    for (int i = 0; i < 50000; ++i)
        hostile["partnership"]["stakeholders"].push_back(i);
    const auto started = std::chrono::steady_clock::now();
    const std::string error = errorOf(hostile.dump());
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
    EXPECT_EQ(error.rfind("[partnering.answers.invalid] ", 0), 0u) << error.substr(0, 300);
    EXPECT_NE(error.find("$.partnership.stakeholders"), std::string::npos) << error.substr(0, 300);
    EXPECT_NE(error.find(" more)"), std::string::npos) << error.substr(0, 300);
    EXPECT_LE(std::count(error.begin(), error.end(), '\n'), static_cast<long>(kListedProblems + 1));
    EXPECT_LT(error.size(), (kListedProblems + 2) * (2 * kShownCharacters + 40)) << error.substr(0, 300);
}

TEST(AgreementAnswers, AnUnterminatedStringOfMegabytesIsNotQuotedWhole)
{
    const std::string error = errorOf("{\"language\": \"en\", \"vision\": \"" + std::string(5'000'000, 'y'));
    EXPECT_EQ(error.rfind("[partnering.answers.not-json] answers.json:1:", 0), 0u) << error.substr(0, 300);
    EXPECT_NE(error.find("missing closing quote"), std::string::npos) << error.substr(0, 300);
    EXPECT_LT(error.size(), 600u);
}

TEST(AgreementAnswers, AnswersBeyondTheLimitsAreRefusedUnread)
{
    using partnering::journey::kMaxAnswersBytes;
    using partnering::journey::kMaxAnswersDepth;
    using partnering::journey::kMaxAnswerValues;
    EXPECT_EQ(errorOf(std::string(kMaxAnswersBytes + 1, ' ')).rfind("[partnering.answers.too-large] answers.json: ", 0), 0u);
    std::string deep = "{\"language\": \"en\", \"vision\": ";
    deep += std::string(kMaxAnswersDepth + 5, '[') + std::string(kMaxAnswersDepth + 5, ']') + "}";
    EXPECT_NE(errorOf(deep).find("nested more than"), std::string::npos) << errorOf(deep);
    std::string many = "{\"language\": \"en\", \"vision\": [0";
    for (std::size_t i = 0; i < kMaxAnswerValues; ++i)
        many += ",0";
    many += "]}";
    EXPECT_NE(errorOf(many).find("[partnering.answers.too-large] answers.json: the answers hold more than"),
              std::string::npos);
    // A value of twelve megabytes is read, and refused by the schema's limit for a text.
    auto answers = json::parse(example("small.json"));
    answers["vision"]["statement"] = std::string(12'000'000, 'v');
    const std::string error = errorOf(answers.dump());
    EXPECT_NE(error.find("[partnering.answers.invalid] 1 problem\nanswers.json: $.vision.statement: "), std::string::npos)
        << error.substr(0, 300);
}
