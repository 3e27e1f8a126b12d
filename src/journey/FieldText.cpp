#include "journey/FieldText.hpp"

#include "error/Error.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace partnering::journey {

namespace {

constexpr std::string_view kSpaces = " \t\r\n";

std::string_view trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(kSpaces);
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(kSpaces) - first + 1);
}

constexpr int kLevels = 5; // a Level question's scale, as journey.xml and the schema have it

bool digits(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view digitsOnly)
{
    int value = 0;
    std::from_chars(digitsOnly.data(), digitsOnly.data() + digitsOnly.size(), value);
    return value;
}

bool onTheCalendar(const CalendarDate& date)
{
    // std::chrono knows the Gregorian calendar, leap years included.
    return date.year >= 1 && date.year <= 9999 && date.month >= 1 && date.month <= 12 && date.day >= 1
        && std::chrono::year_month_day(std::chrono::year(date.year), std::chrono::month(static_cast<unsigned>(date.month)),
                                       std::chrono::day(static_cast<unsigned>(date.day)))
               .ok();
}

InvalidInput badMoney(std::string_view text)
{
    return InvalidInput("partnering.journey.bad-money",
                        "\"" + std::string(text) + "\" is not an amount followed by a currency code, as in 120000 USD");
}

} // namespace

int choicePosition(const Question& question, std::string_view text)
{
    const std::string_view value = trimmed(text);
    if (value.empty())
        return 0;
    if (question.type == Question::Type::Choice) {
        const auto found = std::find_if(question.choices.begin(), question.choices.end(),
                                        [&](const Choice& choice) { return choice.value == value; });
        return found == question.choices.end() ? 0 : static_cast<int>(found - question.choices.begin()) + 1;
    }
    if (question.type == Question::Type::Level && value.size() == 1 && value[0] >= '1' && value[0] < '1' + kLevels)
        return value[0] - '0';
    return 0;
}

std::string choiceText(const Question& question, int position)
{
    if (position < 1)
        return {};
    if (question.type == Question::Type::Choice && static_cast<std::size_t>(position) <= question.choices.size())
        return question.choices[static_cast<std::size_t>(position - 1)].value;
    if (question.type == Question::Type::Level && position <= kLevels)
        return std::to_string(position);
    return {};
}

std::optional<CalendarDate> calendarDate(std::string_view isoText)
{
    if (isoText.size() != 10 || isoText[4] != '-' || isoText[7] != '-')
        return std::nullopt;
    const auto year = isoText.substr(0, 4), month = isoText.substr(5, 2), day = isoText.substr(8, 2);
    if (!digits(year) || !digits(month) || !digits(day))
        return std::nullopt;
    const CalendarDate date{number(year), number(month), number(day)};
    if (!onTheCalendar(date))
        return std::nullopt;
    return date;
}

std::string isoDate(const CalendarDate& date)
{
    if (!onTheCalendar(date))
        throw InvalidInput("partnering.journey.bad-date", std::to_string(date.year) + "-" + std::to_string(date.month) + "-"
                                                              + std::to_string(date.day) + " is not a date of the calendar");
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
    return text;
}

MoneyText moneyParts(std::string_view text)
{
    const std::string_view value = trimmed(text);
    if (value.empty())
        return {};
    const auto space = value.find_last_of(" \t");
    if (space == std::string_view::npos)
        throw badMoney(value);

    std::string amountText;
    for (const char c : value.substr(0, space)) {
        if (c == ',' || c == ' ' || c == '\t')
            continue; // thousands separators as people type them
        if ((c < '0' || c > '9') && c != '.')
            throw badMoney(value);
        amountText += c;
    }
    if (amountText.empty() || amountText.front() == '.' || std::count(amountText.begin(), amountText.end(), '.') > 1)
        throw badMoney(value);
    double amount = 0;
    // from_chars, not strtod: the decimal point stays "." whatever the process's C locale.
    const auto [end, error] = std::from_chars(amountText.data(), amountText.data() + amountText.size(), amount);
    if (error != std::errc() || end != amountText.data() + amountText.size() || !std::isfinite(amount))
        throw badMoney(value);

    std::string currency(trimmed(value.substr(space + 1)));
    if (currency.size() != 3)
        throw badMoney(value);
    for (char& c : currency) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        if (c < 'A' || c > 'Z')
            throw badMoney(value);
    }
    return {amount, std::move(currency)};
}

std::string moneyText(std::optional<double> amount, std::string_view currency)
{
    if (!amount)
        return {};
    if (!std::isfinite(*amount))
        throw InvalidInput("partnering.journey.bad-money", "an amount of money must be a finite number");
    // Fixed notation, never "1e+17", which moneyParts() would refuse; the shortest digits that
    // read back as the same number ("1500.5", not "1500.500000").
    char buffer[400];
    const auto [end, error] = std::to_chars(std::begin(buffer), std::end(buffer), *amount == 0 ? 0.0 : *amount,
                                            std::chars_format::fixed);
    std::string text(std::begin(buffer), error == std::errc() ? end : std::begin(buffer));
    const std::string_view code = trimmed(currency);
    if (!code.empty())
        text += " " + std::string(code);
    return text;
}

} // namespace partnering::journey
