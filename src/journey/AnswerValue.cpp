#include "journey/AnswerValue.hpp"

namespace partnering::journey {

bool answered(const nlohmann::json& value)
{
    if (value.is_null())
        return false;
    if (value.is_string())
        return value.get_ref<const std::string&>().find_first_not_of(" \t\r\n") != std::string::npos;
    if (value.is_array() || value.is_object())
        return !value.empty();
    return true;
}

bool affirmative(const nlohmann::json& value)
{
    if (value.is_boolean())
        return value.get<bool>();
    if (value.is_number())
        return value.get<double>() != 0;
    return answered(value);
}

} // namespace partnering::journey
