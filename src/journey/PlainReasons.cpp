#include "journey/PlainReasons.hpp"

#include "journey/AnswersSchema.hpp"

#include <string_view>
#include <utility>

namespace partnering::journey {

namespace {

using nlohmann::json;

// A value as a message quotes it: text in quotes, anything else as JSON (never throwing on
// bytes that are not UTF-8).
std::string quoted(const json& value)
{
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// What an answer of a JSON Schema type ("string", "integer"...) is, as a person says it.
std::string kindNamed(const json& type)
{
    static constexpr std::pair<std::string_view, std::string_view> kKinds[] = {
        {"string", "text"}, {"number", "a number"},          {"integer", "a whole number"}, {"boolean", "true or false"},
        {"array", "a list"}, {"object", "a group of answers"}, {"null", "null"}};
    if (!type.is_string())
        return {};
    for (const auto& [name, said] : kKinds)
        if (type.get_ref<const std::string&>() == name)
            return std::string(said);
    return {};
}

// What `value` is, in the same words: a whole number is an "integer", as the schema says.
std::string kindOf(const json& value)
{
    const std::string kind = kindNamed(value.is_number_integer() ? "integer" : value.type_name());
    return kind.empty() ? "a value" : kind;
}

// "a, b, c" of a schema list (enum values, or the names of properties).
std::string listed(const json& items, bool keys)
{
    std::string out;
    for (auto item = items.begin(); item != items.end(); ++item)
        out += (out.empty() ? "" : ", ") + (keys ? item.key() : item->is_string() ? item->get<std::string>() : quoted(*item));
    return out;
}

// What an answer that a pattern checks must look like, by the definition or the answer it is.
std::string formOf(const std::string& lastKey, const json* node)
{
    const json& document = AnswersSchema::standard().document();
    const auto definitions = document.find("definitions");
    const auto date = definitions != document.end() ? definitions->find("date") : document.end();
    if (definitions != document.end() && date != definitions->end() && node == &*date)
        return "a date written YYYY-MM-DD";
    if (lastKey == "currency")
        return "a currency code of three capital letters, such as USD, EUR or KHR";
    if (lastKey == "language")
        return "a language tag such as en, fr, ar or zh-Hans";
    return "written as this answer must be";
}

// The text between the last two single quotes of `description` ("... constraints: 'type'.").
std::string quotedName(std::string_view description)
{
    const auto close = description.rfind('\'');
    const auto open = close == std::string_view::npos || close == 0 ? std::string_view::npos : description.rfind('\'', close - 1);
    return open == std::string_view::npos ? std::string() : std::string(description.substr(open + 1, close - open - 1));
}

} // namespace

std::string plainReason(const std::string& description, const AnswerPath& place, const nlohmann::json& answers)
{
    const AnswersSchema& schema = AnswersSchema::standard();
    const json* node = schema.at(place);
    const json* value = place.find(answers);
    if (node == nullptr || value == nullptr || !node->is_object())
        return description;
    const std::string lastKey = place.empty() || place.steps().back().kind != AnswerPath::Step::Kind::Key
                                  ? std::string()
                                  : place.steps().back().key;
    const auto member = [&](const char* key) -> const json* {
        const auto found = node->find(key);
        return found == node->end() ? nullptr : &*found;
    };

    if (description.starts_with("Value type not permitted")) {
        const json* type = member("type");
        const std::string expected = type != nullptr ? kindNamed(*type) : std::string();
        return expected.empty() ? description : "must be " + expected + ", not " + kindOf(*value);
    }
    if (description.starts_with("Failed to match against any enum values")) {
        const json* choices = member("enum");
        return choices == nullptr ? description : quoted(*value) + " is not one of: " + listed(*choices, false);
    }
    if (description.starts_with("Failed to match regex")) {
        return quoted(*value) + " is not " + formOf(lastKey, node);
    }
    if (description.starts_with("Object contains a property that could not be validated")) {
        const json* properties = member("properties");
        const std::string name = quotedName(description);
        if (properties == nullptr || name.empty())
            return description;
        return "\"" + name + "\" is not an answer here (the answers here are: " + listed(*properties, true) + ")";
    }
    if (description.starts_with("Missing required property")) {
        const std::string name = quotedName(description);
        return name.empty() ? description : "\"" + name + "\" must be answered";
    }
    if (description.starts_with("Expected number less than or equal to")) {
        const json* maximum = member("maximum");
        return maximum == nullptr ? description : "must be at most " + quoted(*maximum) + ", not " + quoted(*value);
    }
    if (description.starts_with("Expected number greater than or equal to")) {
        const json* minimum = member("minimum");
        return minimum == nullptr ? description : "must be at least " + quoted(*minimum) + ", not " + quoted(*value);
    }
    return description; // lengths and sizes: valijson says them plainly
}

} // namespace partnering::journey
