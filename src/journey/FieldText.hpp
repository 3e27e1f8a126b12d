// A question's field text (what JourneyForm::text() gives and setText() takes) converted to and
// from what a wizard control holds: a choice's position, a calendar date, an amount and currency.
#pragma once

#include "journey/Journey.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace partnering::journey {

// The position a list box or level control shows for a field text: 1..n for the n-th of a
// Choice question's choices (matched on the value, "in-kind"), 1..5 for a Level question's
// "1".."5"; 0 for no answer, for text that is none of them, and for every other type.
int choicePosition(const Question& question, std::string_view text);

// The field text of position `position` as choicePosition() counts; "" for 0, for a position
// out of range and for a question that is neither a Choice nor a Level.
std::string choiceText(const Question& question, int position);

struct CalendarDate {
    int year = 0;
    int month = 0; // 1..12
    int day = 0;   // 1..31
};

// The date an ISO 8601 calendar date "YYYY-MM-DD" names, checked against the calendar
// (2025-02-30 is no date, 2024-02-29 is); nullopt for anything else, spaces included.
// The core's one ISO date check: the form, the wizard and the filler all ask it.
std::optional<CalendarDate> calendarDate(std::string_view isoText);

// "YYYY-MM-DD". Throws InvalidInput "[partnering.journey.bad-date]" for a date the calendar
// has not (2025-02-30) or a year outside 1..9999.
std::string isoDate(const CalendarDate& date);

// A money field's two parts. The field text is "<amount> <currency>", "120000 USD".
struct MoneyText {
    std::optional<double> amount; // nullopt for a blank text
    std::string currency;         // ISO 4217 code in capitals; "" for a blank text
};

// Splits a money field text as people type it: thousands separators (",", spaces) are
// ignored, "." is the decimal point, the currency code may be in small letters
// ("1,500.50 usd" -> 1500.5, "USD"). A blank text gives no amount and no currency.
// Throws InvalidInput "[partnering.journey.bad-money]" for anything else (a negative
// amount, a missing or malformed code).
MoneyText moneyParts(std::string_view text);

// The field text of an amount and currency, as JourneyForm::text() prints them: whole
// amounts without decimals ("120000 USD"), others in the fewest digits that read back as the
// same number ("1500.5 USD"), never with an exponent. "" when there is no amount: a currency alone is no answer; an amount with
// no currency gives the amount alone, which setText() refuses, as it should. Throws
// InvalidInput "[partnering.journey.bad-money]" for an amount that is not a finite number.
std::string moneyText(std::optional<double> amount, std::string_view currency);

} // namespace partnering::journey
