// Answers written the way the agreement's language writes them (ICU/CLDR): long dates,
// numbers, currency amounts and lists ("A, B and C", "A, B et C", "A وB وC").
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace partnering::fill {

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
    std::string money(double amount, const std::string& isoCurrency) const;
    std::string list(const std::vector<std::string>& items) const;

    // One formatter per language and thread, made on first use (ICU formatters are costly to
    // build and not safe to share between threads).
    static const ValueFormatter& forLanguage(const std::string& languageTag);

private:
    struct Icu;
    std::string language_;
    std::unique_ptr<Icu> icu_;
};

} // namespace partnering::fill
