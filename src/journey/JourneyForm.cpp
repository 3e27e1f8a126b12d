#include "journey/JourneyForm.hpp"

#include "error/Error.hpp"
#include "journey/AnswerPath.hpp"
#include "journey/FieldText.hpp"

#include <boost/algorithm/string/trim.hpp>

#include <algorithm>
#include <cmath>

namespace partnering::journey {

namespace {

// The form's paths come from the wizard, which builds them from the journey: a path that
// is not one is the wizard's mistake, said with the form's ids.
AnswerPath formPath(std::string_view path)
{
    auto parsed = AnswerPath::tryParse(path);
    if (!parsed)
        throw InvalidInput("partnering.form.bad-path", "not a path into the answers: " + std::string(path));
    return std::move(*parsed);
}

const nlohmann::json* find(const nlohmann::json& root, std::string_view path)
{
    return formPath(path).find(root);
}

// Sets (or, for null, removes) the value at `path`, creating the objects on the way; list
// items on the way must exist.
void place(nlohmann::json& root, std::string_view path, nlohmann::json value)
{
    switch (formPath(path).place(root, std::move(value))) {
    case AnswerPath::Placement::Placed:
        return;
    case AnswerPath::Placement::MissingItem:
        throw InvalidInput("partnering.form.no-item", "no list item at " + std::string(path));
    case AnswerPath::Placement::NotAField:
        break;
    }
    throw InvalidInput("partnering.form.bad-path", "not a field: " + std::string(path));
}

nlohmann::json& listAt(nlohmann::json& root, std::string_view listPath, bool create)
{
    const auto path = formPath(listPath);
    if (create && path.find(root) == nullptr)
        place(root, listPath, nlohmann::json::array());
    nlohmann::json* list = path.find(root);
    if (list == nullptr || !list->is_array())
        throw InvalidInput("partnering.form.no-list", "no list at " + std::string(listPath));
    return *list;
}

bool blank(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string formatAmount(const nlohmann::json& amount)
{
    if (amount.is_number_integer() || amount.is_number_unsigned())
        return amount.dump();
    const double value = amount.get<double>();
    if (std::floor(value) == value && std::fabs(value) < 1e15)
        return std::to_string(static_cast<long long>(value));
    return amount.dump();
}

// The JSON a money field text stands for; whole amounts stay integers, as people write them.
nlohmann::json parseMoney(const Question& question, std::string_view text)
{
    MoneyText parts;
    try {
        parts = moneyParts(text);
    } catch (const InvalidInput&) {
        throw InvalidInput("partnering.form.bad-money",
                           question.label + ": write the amount, then the currency code (120000 USD)");
    }
    nlohmann::json money = nlohmann::json::object();
    const double amount = parts.amount.value_or(0);
    if (std::floor(amount) == amount && amount < 1e15)
        money["amount"] = static_cast<long long>(amount);
    else
        money["amount"] = amount;
    money["currency"] = parts.currency;
    return money;
}

// The answer a field's text stands for; null for a blank text (no answer).
nlohmann::json answerOf(const Question& question, std::string_view text)
{
    if (blank(text))
        return nullptr;
    const std::string value = boost::algorithm::trim_copy(std::string(text));
    switch (question.type) {
    case Question::Type::Text:
    case Question::Type::Paragraph:
    case Question::Type::Clause: // an option's id or the user's own wording: both are text
        return std::string(text);
    case Question::Type::Choice:
        if (choicePosition(question, value) > 0)
            return value;
        throw InvalidInput("partnering.form.bad-choice", question.label + ": not one of the choices: " + value);
    case Question::Type::Level:
        if (const int level = choicePosition(question, value); level > 0)
            return level;
        throw InvalidInput("partnering.form.bad-level", question.label + ": choose a level from 1 to 5");
    case Question::Type::Boolean:
        if (value == "true" || value == "false")
            return value == "true";
        throw InvalidInput("partnering.form.bad-boolean", question.label + ": neither true nor false: " + value);
    case Question::Type::Date:
        if (calendarDate(value))
            return value;
        throw InvalidInput("partnering.form.bad-date", question.label + ": write the date as YYYY-MM-DD");
    case Question::Type::Money:
        return parseMoney(question, value);
    case Question::Type::List:
        break;
    }
    throw InvalidInput("partnering.form.not-a-field", question.label + " is a list, not a field");
}

std::string textOf(const nlohmann::json* value)
{
    if (value == nullptr || value->is_null())
        return {};
    if (value->is_string())
        return value->get<std::string>();
    if (value->is_boolean())
        return value->get<bool>() ? "true" : "false";
    if (value->is_number())
        return formatAmount(*value);
    if (value->is_object() && value->contains("amount") && value->contains("currency"))
        return moneyText((*value)["amount"].get<double>(), (*value)["currency"].get<std::string>());
    return value->dump();
}

std::string indexed(std::string_view listPath, std::size_t index)
{
    return std::string(listPath) + "[" + std::to_string(index) + "]";
}

nlohmann::json itemOf(const Question& list, const ItemTexts& texts)
{
    nlohmann::json item = nlohmann::json::object();
    for (const auto& question : list.items) {
        if (question.type == Question::Type::List)
            continue;
        const auto text = texts.find(question.path);
        if (text != texts.end())
            place(item, question.path, answerOf(question, text->second));
    }
    return item;
}

} // namespace

JourneyForm::JourneyForm(const std::string& languageTag)
{
    commit(nlohmann::json{{"language", l10n::canonicalLanguageTag(languageTag)}});
}

JourneyForm::JourneyForm(const AgreementAnswers& answers) : json_(answers.json()) {}

AgreementAnswers JourneyForm::answers() const
{
    return AgreementAnswers::fromJson(json_, "journey form");
}

std::string JourneyForm::language() const
{
    return json_.value("language", std::string(l10n::kSourceLanguage));
}

void JourneyForm::setLanguage(const std::string& languageTag)
{
    auto changed = json_;
    changed["language"] = l10n::canonicalLanguageTag(languageTag);
    commit(std::move(changed));
}

void JourneyForm::replaceAnswers(const AgreementAnswers& answers)
{
    json_ = answers.json();
}

std::string JourneyForm::text(std::string_view path) const
{
    return textOf(find(json_, path));
}

void JourneyForm::setText(const Question& question, std::string_view path, std::string_view text)
{
    auto changed = json_;
    place(changed, path, answerOf(question, text));
    commit(std::move(changed));
}

std::size_t JourneyForm::itemCount(std::string_view listPath) const
{
    const auto* list = find(json_, listPath);
    return list != nullptr && list->is_array() ? list->size() : 0;
}

ItemTexts JourneyForm::itemTexts(const Question& list, std::string_view listPath, std::size_t index) const
{
    ItemTexts texts;
    const auto* item = find(json_, indexed(listPath, index));
    if (item == nullptr)
        throw InvalidInput("partnering.form.no-item", "no list item at " + indexed(listPath, index));
    for (const auto& question : list.items) {
        if (question.type != Question::Type::List)
            texts[question.path] = textOf(find(*item, question.path));
    }
    return texts;
}

std::string JourneyForm::itemSummary(const Question& list, std::string_view listPath, std::size_t index) const
{
    const auto* item = find(json_, indexed(listPath, index));
    std::string summary;
    if (item != nullptr && item->is_string()) {
        summary = item->get<std::string>(); // a list of plain values (purpose.values)
    } else if (item != nullptr) {
        for (const auto& question : list.items) {
            if (question.type == Question::Type::Text || question.type == Question::Type::Paragraph) {
                summary = textOf(find(*item, question.path));
                if (!blank(summary))
                    break;
            }
        }
    }
    std::replace(summary.begin(), summary.end(), '\n', ' ');
    return std::to_string(index + 1) + ". " + summary;
}

std::size_t JourneyForm::addItem(const Question& list, std::string_view listPath, const ItemTexts& texts)
{
    auto changed = json_;
    auto& items = listAt(changed, listPath, true);
    if (list.items.empty()) {
        // A list of plain values: its one text is the item.
        const auto text = texts.find("");
        Question plain = list;
        plain.type = list.itemType;
        const auto value = answerOf(plain, text == texts.end() ? std::string_view() : std::string_view(text->second));
        if (value.is_null())
            throw InvalidInput("partnering.form.empty-item", list.label + ": the new item is empty");
        items.push_back(value);
    } else {
        auto item = itemOf(list, texts);
        if (item.empty())
            throw InvalidInput("partnering.form.empty-item", list.label + ": the new item is empty");
        items.push_back(std::move(item));
    }
    const std::size_t index = items.size() - 1;
    commit(std::move(changed));
    return index;
}

void JourneyForm::updateItem(const Question& list, std::string_view listPath, std::size_t index, const ItemTexts& texts)
{
    auto changed = json_;
    auto& items = listAt(changed, listPath, false);
    if (index >= items.size())
        throw InvalidInput("partnering.form.no-item", "no list item at " + indexed(listPath, index));
    if (list.items.empty()) {
        Question plain = list;
        plain.type = list.itemType;
        const auto text = texts.find("");
        const auto value = answerOf(plain, text == texts.end() ? std::string_view() : std::string_view(text->second));
        if (value.is_null())
            throw InvalidInput("partnering.form.empty-item", list.label + ": the item is empty");
        items[index] = value;
    } else {
        auto item = itemOf(list, texts);
        for (const auto& question : list.items) {
            if (question.type == Question::Type::List && items[index].is_object() && items[index].contains(question.path))
                item[question.path] = items[index][question.path];
        }
        items[index] = std::move(item);
    }
    commit(std::move(changed));
}

void JourneyForm::removeItem(std::string_view listPath, std::size_t index)
{
    auto changed = json_;
    auto& items = listAt(changed, listPath, false);
    if (index >= items.size())
        throw InvalidInput("partnering.form.no-item", "no list item at " + indexed(listPath, index));
    items.erase(index);
    commit(std::move(changed));
}

std::vector<AnswerProblem> JourneyForm::missing(int number, const l10n::Translator& translator) const
{
    const auto& journey = Journey::standard();
    if (number < 1 || number > journey.stepCount())
        throw InvalidInput("partnering.journey.unknown-step", "no step " + std::to_string(number));
    return progress(journey, answers(), translator)[static_cast<std::size_t>(number - 1)].missing;
}

std::vector<bool> JourneyForm::completeSteps() const
{
    std::vector<bool> complete;
    for (const auto& step : progress(Journey::standard(), answers(), l10n::Translator()))
        complete.push_back(step.complete());
    return complete;
}

std::vector<GridEntry> JourneyForm::stakeholderGrid() const
{
    std::vector<GridEntry> grid;
    const auto* stakeholders = find(json_, "partnership.stakeholders");
    if (stakeholders == nullptr || !stakeholders->is_array())
        return grid;
    for (std::size_t i = 0; i < stakeholders->size(); ++i) {
        const auto& stakeholder = (*stakeholders)[i];
        if (!stakeholder.contains("interest") || !stakeholder.contains("influence"))
            continue;
        GridEntry entry;
        entry.index = i;
        entry.name = stakeholder.value("name", "");
        entry.interest = stakeholder["interest"].get<int>();
        entry.influence = stakeholder["influence"].get<int>();
        const bool interested = entry.interest >= 3, influential = entry.influence >= 3;
        entry.quadrant = influential ? (interested ? GridQuadrant::ManageClosely : GridQuadrant::KeepSatisfied)
                                     : (interested ? GridQuadrant::KeepInformed : GridQuadrant::Monitor);
        grid.push_back(std::move(entry));
    }
    return grid;
}

void JourneyForm::commit(nlohmann::json changed)
{
    const auto problems = AgreementAnswers::validate(changed);
    if (!problems.empty()) {
        std::string reason;
        for (const auto& problem : problems)
            reason += (reason.empty() ? "" : "\n") + problem.path + ": " + problem.reason;
        throw InvalidInput("partnering.form.invalid", reason);
    }
    json_ = std::move(changed);
}

} // namespace partnering::journey
