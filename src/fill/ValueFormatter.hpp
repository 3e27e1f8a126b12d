// PRIVATE to src/fill (not part of the core's interface): answers written the way the agreement's
// language writes them (ICU/CLDR) — dates, numbers, amounts, lists ("A, B et C"), yes and no.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace partnering::l10n {
class Translator;
}

namespace partnering::fill {

// The labels of one choice question's values in the agreement's language: "in-kind" -> "In kind".
using ChoiceLabels = std::map<std::string, std::string>;

class ValueFormatter {
public:
    // `languageTag` is BCP 47; throws InvalidInput "[partnering.fill.bad-language]".
    explicit ValueFormatter(const std::string& languageTag);
    ~ValueFormatter();
    ValueFormatter(const ValueFormatter&) = delete;
    ValueFormatter& operator=(const ValueFormatter&) = delete;

    const std::string& language() const noexcept;
    std::string date(int year, int month, int day) const; // 1-based month and day
    std::string number(double value) const;
    // How many items a list has, as words where the language writes counts so ("two", "deux").
    std::string count(std::size_t value) const;
    std::string money(double amount, const std::string& isoCurrency) const;
    std::string list(const std::vector<std::string>& items) const;
    // The words ICU has not, "yes" and "no", in the language of `translator`.
    std::string yesNo(bool value, const l10n::Translator& translator) const;

    // One answer as the agreement prints it: an ISO date "2027-01-15" as a long date, a
    // choice's value as its label in `labels` (when given), other text as it is, true/false
    // as yes/no, a number, an {amount, currency} object as money; "" for anything else
    // (null, a list, another object).
    std::string answer(const nlohmann::json& value, const l10n::Translator& translator,
                       const ChoiceLabels* labels = nullptr) const;
    // Several answers as one list, each as answer() prints it, blank ones left out; "" when
    // none is left.
    std::string answers(const std::vector<const nlohmann::json*>& values, const l10n::Translator& translator,
                        const ChoiceLabels* labels = nullptr) const;

    // One formatter per language and thread, made on first use (ICU formatters are costly to
    // build and not safe to share between threads).
    static const ValueFormatter& forLanguage(const std::string& languageTag);

private:
    struct Icu;
    std::string language_;
    std::unique_ptr<Icu> icu_;
};

} // namespace partnering::fill
