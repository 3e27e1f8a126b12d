#include "fill/ValueFormatter.hpp"

#include "error/Error.hpp"
#include "journey/FieldText.hpp"
#include "l10n/Catalogs.hpp"

#include <nlohmann/json.hpp>

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/listformatter.h>
#include <unicode/numfmt.h>
#include <unicode/rbnf.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <map>

namespace partnering::fill {

struct ValueFormatter::Icu {
    icu::Locale locale;
    std::unique_ptr<icu::DateFormat> dates;
    std::unique_ptr<icu::NumberFormat> numbers;
    std::unique_ptr<icu::RuleBasedNumberFormat> words; // counts spelled out, where the language does
    std::unique_ptr<icu::NumberFormat> money;
    std::unique_ptr<icu::ListFormatter> lists;
    std::unique_ptr<icu::Calendar> calendar;
    // Changing a formatter's currency rebuilds it, and a date takes a calendar computation
    // and a pattern walk: a draft prints the same few currencies and dates again and again.
    std::map<std::string, std::unique_ptr<icu::NumberFormat>> moneyIn;
    std::map<int, std::string> writtenDates; // year * 10000 + month * 100 + day -> as written
};

namespace {
constexpr std::size_t kRememberedDates = 4096; // forgotten all at once past this
}

namespace {

void check(UErrorCode status, const std::string& language, const char* what)
{
    if (U_FAILURE(status))
        throw InvalidInput("partnering.fill.bad-language",
                           "cannot format " + std::string(what) + " for language \"" + language + "\": " + u_errorName(status));
}

std::string utf8(const icu::UnicodeString& text)
{
    std::string out;
    text.toUTF8String(out);
    return out;
}

} // namespace

ValueFormatter::ValueFormatter(const std::string& languageTag) : language_(languageTag), icu_(std::make_unique<Icu>())
{
    UErrorCode status = U_ZERO_ERROR;
    icu_->locale = icu::Locale::forLanguageTag(languageTag, status);
    check(status, languageTag, "anything");
    // Khmer official documents write numbers and dates in Khmer digits (as the lessons do);
    // CLDR's default for Khmer is Western digits.
    if (std::string(icu_->locale.getLanguage()) == "km" && icu_->locale.getKeywordValue<std::string>("numbers", status).empty())
        icu_->locale.setUnicodeKeywordValue("nu", "khmr", status);
    check(status, languageTag, "numbers");
    // Dates are calendar days, not instants: format them in UTC so no time zone moves them.
    icu_->dates.reset(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, icu_->locale));
    if (!icu_->dates)
        check(U_UNSUPPORTED_ERROR, languageTag, "dates");
    icu_->dates->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    icu_->numbers.reset(icu::NumberFormat::createInstance(icu_->locale, status));
    check(status, languageTag, "numbers");
    icu_->money.reset(icu::NumberFormat::createInstance(icu_->locale, UNUM_CURRENCY, status));
    check(status, languageTag, "amounts");
    // A count before a plural noun reads as a word in these languages ("the following two
    // Partners"); elsewhere CLDR's spelled-out cardinal does not agree with the noun (Arabic's
    // gender and number, Chinese 两 before a measure word), so digits stay.
    static const std::string spelled[] = {"en", "fr", "es", "pt", "it", "de", "nl"};
    if (std::find(std::begin(spelled), std::end(spelled), std::string(icu_->locale.getLanguage())) != std::end(spelled)) {
        icu_->words = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu_->locale, status);
        check(status, languageTag, "counts");
    }
    icu_->lists.reset(icu::ListFormatter::createInstance(icu_->locale, status));
    check(status, languageTag, "lists");
    icu_->calendar = std::make_unique<icu::GregorianCalendar>(icu::TimeZone::createTimeZone("UTC"), status);
    check(status, languageTag, "dates");
}

ValueFormatter::~ValueFormatter() = default;

const std::string& ValueFormatter::language() const noexcept
{
    return language_;
}

std::string ValueFormatter::date(int year, int month, int day) const
{
    const bool plain = year >= 0 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    const int key = year * 10000 + month * 100 + day;
    if (plain) {
        if (const auto known = icu_->writtenDates.find(key); known != icu_->writtenDates.end())
            return known->second;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu_->calendar->clear();
    icu_->calendar->set(year, month - 1, day, 12, 0, 0);
    const UDate when = icu_->calendar->getTime(status);
    check(status, language_, "dates");
    icu::UnicodeString text;
    icu_->dates->format(when, text);
    std::string written = utf8(text);
    // French writes the first day of a month as an ordinal ("1er mars"); CLDR's pattern has
    // no ordinal day.
    if (day == 1 && std::string_view(icu_->locale.getLanguage()) == "fr" && written.starts_with("1 "))
        written.insert(1, "er");
    if (plain) {
        if (icu_->writtenDates.size() >= kRememberedDates)
            icu_->writtenDates.clear();
        icu_->writtenDates.emplace(key, written);
    }
    return written;
}

std::string ValueFormatter::number(double value) const
{
    icu::UnicodeString text;
    icu_->numbers->format(value, text);
    return utf8(text);
}

std::string ValueFormatter::count(std::size_t value) const
{
    if (!icu_->words)
        return number(static_cast<double>(value));
    icu::UnicodeString text;
    icu_->words->format(static_cast<int64_t>(value), text);
    return utf8(text);
}

std::string ValueFormatter::money(double amount, const std::string& isoCurrency) const
{
    auto formatter = icu_->moneyIn.find(isoCurrency);
    if (formatter == icu_->moneyIn.end()) {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::NumberFormat> inCurrency(icu_->money->clone());
        if (!inCurrency)
            check(U_MEMORY_ALLOCATION_ERROR, language_, "amounts");
        icu::UnicodeString code = icu::UnicodeString::fromUTF8(isoCurrency);
        inCurrency->setCurrency(code.getTerminatedBuffer(), status);
        check(status, language_, "amounts");
        if (icu_->moneyIn.size() >= 64) // currencies are few; a bound all the same
            icu_->moneyIn.clear();
        formatter = icu_->moneyIn.emplace(isoCurrency, std::move(inCurrency)).first;
    }
    icu::UnicodeString text;
    formatter->second->format(amount, text);
    return utf8(text);
}

std::string ValueFormatter::list(const std::vector<std::string>& items) const
{
    std::vector<icu::UnicodeString> texts;
    texts.reserve(items.size());
    for (const auto& item : items)
        texts.push_back(icu::UnicodeString::fromUTF8(item));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString text;
    icu_->lists->format(texts.data(), static_cast<int32_t>(texts.size()), text, status);
    check(status, language_, "lists");
    return utf8(text);
}

std::string ValueFormatter::yesNo(bool value, const l10n::Translator& translator) const
{
    // TRANSLATORS: a yes/no answer as the agreement prints it ("Partners may use each other's logos: yes").
    return value ? translator.translate("yes")
                 // TRANSLATORS: a yes/no answer as the agreement prints it.
                 : translator.translate("no");
}

std::string ValueFormatter::answer(const nlohmann::json& value, const l10n::Translator& translator,
                                   const ChoiceLabels* labels) const
{
    if (value.is_string()) {
        const auto& text = value.get_ref<const std::string&>();
        if (const auto day = journey::calendarDate(text))
            return date(day->year, day->month, day->day);
        if (labels != nullptr) {
            const auto label = labels->find(text);
            if (label != labels->end())
                return label->second;
        }
        return text;
    }
    if (value.is_boolean())
        return yesNo(value.get<bool>(), translator);
    if (value.is_number())
        return number(value.get<double>());
    if (value.is_object() && value.contains("amount") && value.contains("currency"))
        return money(value["amount"].get<double>(), value["currency"].get<std::string>());
    return {};
}

std::string ValueFormatter::answers(const std::vector<const nlohmann::json*>& values, const l10n::Translator& translator,
                                    const ChoiceLabels* labels) const
{
    std::vector<std::string> texts;
    for (const nlohmann::json* value : values) {
        std::string text = answer(*value, translator, labels);
        if (!text.empty())
            texts.push_back(std::move(text));
    }
    return texts.empty() ? std::string() : list(texts);
}

const ValueFormatter& ValueFormatter::forLanguage(const std::string& languageTag)
{
    thread_local std::map<std::string, std::unique_ptr<ValueFormatter>> formatters;
    auto& formatter = formatters[languageTag];
    if (!formatter)
        formatter = std::make_unique<ValueFormatter>(languageTag);
    return *formatter;
}

} // namespace partnering::fill
