#include "journey/AgreementAnswers.hpp"

#include "error/Error.hpp"
#include "journey/AnswerPath.hpp"
#include "journey/AnswerValue.hpp"
#include "journey/AnswersSchema.hpp"
#include "l10n/Catalogs.hpp"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <memory>

namespace partnering::journey {

std::string_view answersSchema(); // generated from answers.schema.json

namespace {

const valijson::Schema& compiledSchema()
{
    static const auto schema = [] {
        auto compiled = std::make_unique<valijson::Schema>();
        valijson::SchemaParser parser;
        parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(AnswersSchema::standard().document()), *compiled);
        return compiled;
    }();
    return *schema;
}

// valijson names places as ["<root>", "[partners]", "[0]", "[sector]"]; people read
// "$.partners[0].sector".
std::string jsonPath(const std::vector<std::string>& context)
{
    std::string path = "$";
    for (const auto& part : context) {
        if (part == "<root>" || part.size() < 2 || part.front() != '[' || part.back() != ']')
            continue;
        const std::string inner = part.substr(1, part.size() - 2);
        const bool index = !inner.empty() && std::all_of(inner.begin(), inner.end(), [](char c) { return c >= '0' && c <= '9'; });
        path += index ? "[" + inner + "]" : "." + inner;
    }
    return path;
}

// "line L, column C" of a byte offset, for JSON syntax errors.
std::string lineAndColumn(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

// The plain sentence the wizard and `partnering check` show for a missing answer.
std::string reasonOf(const AnswerProblem& problem, const l10n::Translator& translator)
{
    if (problem.kind == AnswerProblem::Kind::Required)
        // TRANSLATORS: {1} is the label of a question of the journey ("Name of the partnership").
        return l10n::formatMessage(translator.translate("{1}: not answered yet."), {problem.label});
    // TRANSLATORS: {1} is the label of a list of the journey ("Stakeholders"), {2} how many
    // items the step needs (the plural follows it), {3} how many the list has now.
    return l10n::formatMessage(translator.translatePlural("{1}: at least {2} is needed, {3} so far.",
                                                          "{1}: at least {2} are needed, {3} so far.",
                                                          static_cast<unsigned long>(problem.min)),
                               {problem.label, std::to_string(problem.min), std::to_string(problem.count)});
}

// A question's label, with the list items it is asked about ("Stakeholders no. 2, Sector").
std::string labelIn(const std::string& items, const std::string& label, const l10n::Translator& translator)
{
    // TRANSLATORS: {1} names list items ("Stakeholders no. 2"), {2} a question asked about them ("Sector").
    return items.empty() ? label : l10n::formatMessage(translator.translate("{1}, {2}"), {items, label});
}

void collectMissing(const std::vector<Question>& questions, const nlohmann::json& scope, const std::string& scopePath,
                    const std::string& items, const l10n::Translator& translator, std::vector<AnswerProblem>& missing)
{
    for (const auto& question : questions) {
        const std::string path = scopePath + "." + question.path;
        const nlohmann::json* value = AnswerPath::parse(question.path).find(scope);
        const bool given = value != nullptr && answered(*value);
        if (question.type != Question::Type::List) {
            if (question.required && !given) {
                AnswerProblem problem{.path = path, .kind = AnswerProblem::Kind::Required,
                                      .label = labelIn(items, question.label, translator)};
                problem.reason = reasonOf(problem, translator);
                missing.push_back(std::move(problem));
            }
            continue;
        }
        const std::size_t count = given && value->is_array() ? value->size() : 0;
        if (count < static_cast<std::size_t>(question.min)) {
            AnswerProblem problem{.path = path, .kind = AnswerProblem::Kind::TooFew,
                                  .label = labelIn(items, question.label, translator), .min = question.min, .count = count};
            problem.reason = reasonOf(problem, translator);
            missing.push_back(std::move(problem));
        }
        if (question.items.empty() || count == 0)
            continue;
        for (std::size_t i = 0; i < count; ++i) {
            // TRANSLATORS: {1} is the label of a list of the journey ("Stakeholders"), {2} the number of one of its items.
            const std::string item = l10n::formatMessage(translator.translate("{1} no. {2}"),
                                                         {labelIn(items, question.label, translator), std::to_string(i + 1)});
            collectMissing(question.items, (*value)[i], path + "[" + std::to_string(i) + "]", item, translator, missing);
        }
    }
}

} // namespace

std::string_view AgreementAnswers::schemaText()
{
    return answersSchema();
}

std::vector<AnswerProblem> AgreementAnswers::validate(const nlohmann::json& json)
{
    valijson::Validator validator;
    valijson::ValidationResults results;
    std::vector<AnswerProblem> problems;
    if (validator.validate(compiledSchema(), valijson::adapters::NlohmannJsonAdapter(json), &results))
        return problems;
    // valijson reports each failure at every level above it too ("Failed to validate item
    // #0 in array"); the deepest report at a place says what is actually wrong.
    std::vector<valijson::ValidationResults::Error> errors(results.begin(), results.end());
    for (const auto& error : errors) {
        const bool summary = std::any_of(errors.begin(), errors.end(), [&](const auto& other) {
            return other.context.size() > error.context.size()
                && std::equal(error.context.begin(), error.context.end(), other.context.begin());
        });
        if (summary)
            continue;
        AnswerProblem problem{.path = jsonPath(error.context), .reason = error.description};
        const bool seen = std::any_of(problems.begin(), problems.end(), [&](const AnswerProblem& p) {
            return p.path == problem.path && p.reason == problem.reason;
        });
        if (!seen)
            problems.push_back(std::move(problem));
    }
    return problems;
}

AgreementAnswers AgreementAnswers::parse(std::string_view text, const std::string& sourceName)
{
    if (text.size() > kMaxBytes)
        throw InvalidInput("partnering.answers.too-large", sourceName + ": " + std::to_string(text.size())
                                                               + " bytes of answers, over the limit of "
                                                               + std::to_string(kMaxBytes) + " (8 MiB)");
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        std::string reason = e.what();
        if (const auto colon = reason.rfind(": "); colon != std::string::npos)
            reason = reason.substr(colon + 2);
        throw InvalidInput("partnering.answers.not-json",
                           sourceName + ":" + lineAndColumn(text, e.byte > 0 ? e.byte - 1 : 0) + ": " + reason);
    }
    return fromJson(std::move(json), sourceName);
}

AgreementAnswers AgreementAnswers::fromJson(nlohmann::json json, const std::string& sourceName)
{
    const auto problems = validate(json);
    if (!problems.empty()) {
        std::string message = std::to_string(problems.size()) + (problems.size() == 1 ? " problem" : " problems");
        for (const auto& problem : problems)
            message += "\n" + sourceName + ": " + problem.path + ": " + problem.reason;
        throw InvalidInput("partnering.answers.invalid", message);
    }
    AgreementAnswers answers(std::move(json));
    try {
        answers.language_ = l10n::canonicalLanguageTag(answers.json_.at("language").get<std::string>());
    } catch (const InvalidInput& e) {
        throw InvalidInput("partnering.answers.invalid", "1 problem\n" + sourceName + ": $.language: " + e.reason());
    }
    return answers;
}

const std::string& AgreementAnswers::language() const
{
    return language_;
}

std::vector<StepProgress> progress(const Journey& journey, const AgreementAnswers& answers,
                                   const l10n::Translator& translator)
{
    std::vector<StepProgress> result;
    for (const auto& step : journey.steps(translator)) {
        StepProgress stepProgress{step.number, step.id, step.title, {}};
        collectMissing(step.questions, answers.json(), "$", std::string(), translator, stepProgress.missing);
        result.push_back(std::move(stepProgress));
    }
    return result;
}

int firstIncompleteStep(const std::vector<StepProgress>& steps)
{
    const auto incomplete = std::find_if(steps.begin(), steps.end(), [](const StepProgress& step) { return !step.complete(); });
    if (incomplete != steps.end())
        return incomplete->number;
    return steps.empty() ? 0 : steps.back().number;
}

int firstIncompleteStep(std::string_view storedAnswers)
{
    if (storedAnswers.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return 1;
    try {
        const int step = firstIncompleteStep(
            progress(Journey::standard(), AgreementAnswers::parse(storedAnswers, "stored answers"), l10n::Translator()));
        return step > 0 ? step : 1;
    } catch (const InvalidInput&) {
        // Answers damaged by hand or by another tool: the journey's start is the honest guess.
        return 1;
    }
}

} // namespace partnering::journey
