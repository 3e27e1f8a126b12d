#include "journey/AgreementAnswers.hpp"

#include "error/Error.hpp"
#include "journey/AnswerPath.hpp"
#include "journey/AnswerValue.hpp"
#include "journey/AnswersSchema.hpp"
#include "journey/PlainReasons.hpp"
#include "l10n/Catalogs.hpp"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <memory>
#include <set>
#include <utility>

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

// `text` as a message shows it: at most kShownCharacters characters (cut at a character's
// start, marked with an ellipsis), so that a hostile answer cannot make a message of megabytes.
std::string shown(std::string_view text)
{
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && characters++ == kShownCharacters)
            return std::string(text.substr(0, i)) + "\u2026";
    }
    return std::string(text);
}

// Parses `text`, refusing answers nested deeper or holding more values than any journey needs
// before they take the memory and time they ask for.
nlohmann::json boundedJson(std::string_view text, const std::string& sourceName)
{
    if (text.size() > kMaxAnswersBytes)
        throw InvalidInput("partnering.answers.too-large",
                           sourceName + ": " + std::to_string(text.size()) + " bytes of answers; at most "
                               + std::to_string(kMaxAnswersBytes) + " are read");
    std::size_t values = 0;
    const auto bounded = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
        if (depth > kMaxAnswersDepth)
            throw InvalidInput("partnering.answers.too-large", sourceName + ": the answers are nested more than "
                                                                   + std::to_string(kMaxAnswersDepth) + " deep");
        if (event != nlohmann::json::parse_event_t::key && event != nlohmann::json::parse_event_t::object_end
            && event != nlohmann::json::parse_event_t::array_end && ++values > kMaxAnswerValues)
            throw InvalidInput("partnering.answers.too-large", sourceName + ": the answers hold more than "
                                                                   + std::to_string(kMaxAnswerValues) + " values");
        return true;
    };
    return nlohmann::json::parse(text, bounded);
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
    // #0 in array"); the deepest report at a place says what is actually wrong. A "Failed to
    // validate" report is such a summary when another context extends its own: in sorted
    // order, its successor does (sets, so that half a million problems take seconds, not
    // hours). Other reports stand wherever they are ("'money' is not an answer here" at the
    // top, beside a wrong date further down).
    const auto key = [](const std::vector<std::string>& context) {
        std::string joined;
        for (const auto& part : context)
            joined += part + '\x1f';
        return joined;
    };
    std::set<std::string> contexts;
    for (const auto& error : results)
        contexts.insert(key(error.context));
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& error : results) {
        const std::string place = key(error.context);
        const auto next = contexts.upper_bound(place);
        if (next != contexts.end() && next->compare(0, place.size(), place) == 0
            && error.description.starts_with("Failed to validate"))
            continue;
        const std::string path = jsonPath(error.context);
        const auto answer = AnswerPath::tryParse(path);
        AnswerProblem problem{.path = shown(path),
                              .reason = shown(answer ? plainReason(error.description, *answer, json) : error.description)};
        if (seen.emplace(problem.path, problem.reason).second)
            problems.push_back(std::move(problem));
    }
    return problems;
}

AgreementAnswers AgreementAnswers::parse(std::string_view text, const std::string& sourceName)
{
    nlohmann::json json;
    try {
        json = boundedJson(text, sourceName);
    } catch (const nlohmann::json::parse_error& e) {
        std::string reason = e.what();
        if (const auto colon = reason.find(": "); colon != std::string::npos)
            reason = reason.substr(colon + 2); // after "[json.exception…] parse error at line L, column C"
        // The reason quotes the token read last, which may be a string of megabytes.
        throw InvalidInput("partnering.answers.not-json",
                           sourceName + ":" + lineAndColumn(text, e.byte > 0 ? e.byte - 1 : 0) + ": " + shown(reason));
    } catch (const nlohmann::json::out_of_range& e) {
        // A number beyond a double's range ("1e999", found by the answers fuzz target): nlohmann
        // names the number, "[json.exception.out_of_range.406] number overflow parsing '1e999'",
        // but not its place, so the place is where that number first appears.
        std::string reason = e.what();
        if (const auto close = reason.find("] "); close != std::string::npos)
            reason.erase(0, close + 2);
        std::string place;
        if (const auto open = reason.find('\''), close = reason.rfind('\''); open != std::string::npos && close > open) {
            if (const auto at = text.find(std::string_view(reason).substr(open + 1, close - open - 1)); at != std::string_view::npos)
                place = ":" + lineAndColumn(text, at);
        }
        throw InvalidInput("partnering.answers.not-json", sourceName + place + ": " + shown(reason));
    }
    return fromJson(std::move(json), sourceName);
}

AgreementAnswers AgreementAnswers::fromJson(nlohmann::json json, const std::string& sourceName)
{
    const auto problems = validate(json);
    if (!problems.empty()) {
        std::string message = std::to_string(problems.size()) + (problems.size() == 1 ? " problem" : " problems");
        const std::size_t listed = std::min(problems.size(), kListedProblems);
        for (std::size_t i = 0; i < listed; ++i)
            message += "\n" + sourceName + ": " + problems[i].path + ": " + problems[i].reason;
        if (listed < problems.size())
            message += "\n(" + std::to_string(problems.size() - listed) + " more)";
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
