#include "l10n/Currencies.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

using partnering::InvalidInput;
using partnering::l10n::currencies;
using partnering::l10n::Currency;
using partnering::l10n::currencyName;

namespace {

const Currency* find(const std::vector<Currency>& list, const std::string& code)
{
    const auto found = std::find_if(list.begin(), list.end(), [&](const Currency& c) { return c.code == code; });
    return found == list.end() ? nullptr : &*found;
}

TEST(Currencies, CurrentCurrenciesAreListedAndWithdrawnOnesAreNot)
{
    const auto list = currencies("en");
    EXPECT_GT(list.size(), 140u);
    for (const char* code : {"USD", "EUR", "KHR", "XOF", "CNY", "JPY", "GBP"})
        EXPECT_NE(find(list, code), nullptr) << code;
    for (const char* code : {"FRF", "DEM", "ESP", "ZWD", "XXX", "XAU"})
        EXPECT_EQ(find(list, code), nullptr) << code; // withdrawn, or no currency of a country
    EXPECT_EQ(find(list, "USD")->name, "US Dollar");
    EXPECT_EQ(find(list, "KHR")->name, "Cambodian Riel");
}

TEST(Currencies, NamesAreInTheDisplayLanguage)
{
    const auto french = currencies("fr-FR");
    EXPECT_EQ(find(french, "USD")->name, "dollar des États-Unis");
    EXPECT_EQ(find(french, "EUR")->name, "euro");
    EXPECT_EQ(find(french, "KHR")->name, "riel cambodgien");
    EXPECT_EQ(find(currencies("es"), "USD")->name, "dólar estadounidense");
    EXPECT_EQ(find(currencies("zh-CN"), "USD")->name, "美元");
    EXPECT_EQ(find(currencies("zh"), "EUR")->name, "欧元");
    EXPECT_EQ(find(currencies("ar"), "USD")->name, "دولار أمريكي");
    EXPECT_EQ(find(currencies("km"), "KHR")->name, "រៀល​កម្ពុជា");
    EXPECT_EQ(currencyName("USD", "fr"), "dollar des États-Unis");
    EXPECT_EQ(currencyName("EUR", "zh-Hans"), "欧元");
    EXPECT_EQ(currencyName("KHR", "en"), "Cambodian Riel");
    EXPECT_EQ(currencyName("QQQ", "fr"), "QQQ"); // unknown: its code
    EXPECT_EQ(currencyName("USDX", "fr"), "USDX");
    EXPECT_THROW(currencyName("USD", "not a tag!"), InvalidInput);
    EXPECT_THROW(currencies(""), InvalidInput);
}

// Sorted by name as the language sorts: French puts "é" with "e", not after "z".
TEST(Currencies, SortedByNameInTheDisplayLanguage)
{
    for (const char* language : {"en", "fr", "es", "ar", "zh", "km"}) {
        const auto list = currencies(language);
        UErrorCode status = U_ZERO_ERROR;
        const icu::Locale locale = icu::Locale::forLanguageTag(language, status);
        const std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(locale, status));
        ASSERT_TRUE(U_SUCCESS(status));
        for (std::size_t i = 1; i < list.size(); ++i) {
            const auto order = collator->compare(icu::UnicodeString::fromUTF8(list[i - 1].name),
                                                 icu::UnicodeString::fromUTF8(list[i].name), status);
            EXPECT_NE(order, UCOL_GREATER) << language << ": " << list[i - 1].name << " before " << list[i].name;
        }
    }
}

} // namespace
