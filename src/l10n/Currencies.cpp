#include "l10n/Currencies.hpp"

#include "error/Error.hpp"
#include "l10n/Catalogs.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

namespace partnering::l10n {

namespace {

icu::Locale displayLocale(std::string_view displayLanguage)
{
    UErrorCode status = U_ZERO_ERROR;
    // canonicalLanguageTag throws the project's error for a malformed tag; ICU would guess.
    const icu::Locale locale = icu::Locale::forLanguageTag(canonicalLanguageTag(displayLanguage), status);
    if (U_FAILURE(status))
        throw InvalidInput("partnering.l10n.bad-language-tag",
                           "\"" + std::string(displayLanguage) + "\" is not a BCP 47 language tag");
    return locale;
}

struct Named {
    std::string code;
    icu::UnicodeString name;
};

Named named(std::string_view code, const icu::Locale& locale)
{
    icu::UnicodeString isoCode = icu::UnicodeString::fromUTF8(code);
    UErrorCode status = U_ZERO_ERROR;
    UBool isChoiceFormat = false;
    int32_t length = 0;
    const UChar* name =
        ucurr_getName(isoCode.getTerminatedBuffer(), locale.getName(), UCURR_LONG_NAME, &isChoiceFormat, &length, &status);
    if (U_FAILURE(status) || name == nullptr)
        return {std::string(code), isoCode};
    return {std::string(code), icu::UnicodeString(name, length)};
}

std::string utf8(const icu::UnicodeString& text)
{
    std::string out;
    return text.toUTF8String(out);
}

bool wellFormedCode(std::string_view code)
{
    return code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

} // namespace

std::vector<Currency> currencies(std::string_view displayLanguage)
{
    const icu::Locale locale = displayLocale(displayLanguage);
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<UEnumeration, decltype(&uenum_close)> codes(
        ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &status), &uenum_close);
    if (U_FAILURE(status) || codes == nullptr)
        throw EnvironmentFailure("partnering.l10n.icu", std::string("ICU cannot list the currencies: ") + u_errorName(status));

    std::vector<Named> list;
    int32_t length = 0;
    while (const char* code = uenum_next(codes.get(), &length, &status)) {
        if (U_FAILURE(status))
            throw EnvironmentFailure("partnering.l10n.icu",
                                     std::string("ICU cannot list the currencies: ") + u_errorName(status));
        list.push_back(named(std::string_view(code, static_cast<std::size_t>(length)), locale));
    }

    const std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(locale, status));
    if (U_FAILURE(status) || collator == nullptr)
        throw EnvironmentFailure("partnering.l10n.icu",
                                 std::string("ICU has no collator for ") + locale.getName() + ": " + u_errorName(status));
    std::stable_sort(list.begin(), list.end(), [&](const Named& a, const Named& b) {
        UErrorCode compared = U_ZERO_ERROR;
        const auto order = collator->compare(a.name, b.name, compared);
        return order == UCOL_LESS || (order == UCOL_EQUAL && a.code < b.code);
    });

    std::vector<Currency> result;
    result.reserve(list.size());
    for (const auto& currency : list)
        result.push_back({currency.code, utf8(currency.name)});
    return result;
}

std::string currencyName(std::string_view code, std::string_view displayLanguage)
{
    const icu::Locale locale = displayLocale(displayLanguage);
    if (!wellFormedCode(code))
        return std::string(code); // ICU reads only the first three letters; a longer text is no code
    return utf8(named(code, locale).name);
}

} // namespace partnering::l10n
