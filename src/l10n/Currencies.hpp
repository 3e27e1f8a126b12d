// The ISO 4217 currencies in current use, named in the reader's language, from ICU's data:
// what a currency drop-down lists and shows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace partnering::l10n {

struct Currency {
    std::string code; // ISO 4217: "USD"
    std::string name; // in the display language: "dollar des États-Unis"
};

// Every currency in current use (ICU: common and not deprecated), named in `displayLanguage`
// (a BCP 47 tag; CLDR's long name, in English where the language has none) and sorted by
// name as that language sorts. Throws InvalidInput "[partnering.l10n.bad-language-tag]" for a
// malformed tag, EnvironmentFailure when ICU lacks its data.
std::vector<Currency> currencies(std::string_view displayLanguage);

// One currency's name in `displayLanguage`; the code itself for a code ICU does not know.
// Throws as currencies() does.
std::string currencyName(std::string_view code, std::string_view displayLanguage);

} // namespace partnering::l10n
