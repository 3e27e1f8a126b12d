// Translations of the product's strings: PO files in locales/ are compiled to .mo at build
// time and read here, with the reader's language matched to the best available catalog.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <locale>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace partnering::l10n {

// The language all msgids are written in.
inline constexpr std::string_view kSourceLanguage = "en";

// Checks a BCP 47 tag (POSIX "fr_FR" is accepted too) and returns it in canonical form
// ("FR-ca" -> "fr-CA"). Throws InvalidInput "[partnering.l10n.bad-language-tag]".
std::string canonicalLanguageTag(std::string_view tag);

// The language's name for itself, as a language chooser shows it ("français", "العربية",
// "中文（中国）"). Throws InvalidInput for a malformed tag.
std::string languageAutonym(std::string_view tag);

// Translates msgids into one language; a message with no translation stays in English.
class Translator {
public:
    Translator(); // the source language: every message as written
    Translator(std::string language, std::locale catalogLocale);

    // The BCP 47 tag of the language the messages come out in.
    const std::string& language() const noexcept { return language_; }
    std::string translate(std::string_view msgid) const;
    std::string translate(std::string_view context, std::string_view msgid) const;
    // ngettext: the translation of `msgid` (singular) or `plural` that the language's plural
    // rule picks for `n`; English picks `msgid` for 1 and `plural` otherwise.
    std::string translatePlural(std::string_view msgid, std::string_view plural, unsigned long n) const;

private:
    std::string language_;
    std::locale locale_;
    bool hasCatalog_ = false;
};

// A translated message with its placeholders {1}, {2}... replaced by `arguments` in order
// (Boost.Locale's format: translators may move them; "{{" is a brace). Boost.Locale leaves
// out a malformed or unknown placeholder rather than fail, so each translation's messages
// are checked by the unit tests in every language.
std::string formatMessage(std::string_view pattern, std::initializer_list<std::string> arguments);

// Every language of one message domain found in a folder laid out as gettext does:
// <folder>/<language>/LC_MESSAGES/<domain>.mo. Thread-safe.
class Catalogs {
public:
    Catalogs(std::filesystem::path folder, std::string domain);
    ~Catalogs();
    Catalogs(const Catalogs&) = delete;
    Catalogs& operator=(const Catalogs&) = delete;

    // BCP 47 tags of the available languages, the source language first.
    std::vector<std::string> languages() const;

    // The translator for the language closest to `languageTag` (CLDR's language matching:
    // "fr-CA" gets French, "zh-SG" gets Simplified Chinese); the source language when none is
    // close. Throws InvalidInput for a malformed tag.
    Translator translatorFor(std::string_view languageTag) const;

private:
    struct Matcher;
    std::filesystem::path folder_;
    std::string domain_;
    std::vector<std::string> catalogNames_; // folder names, e.g. "zh_CN"
    std::vector<std::string> catalogTags_;  // the same as BCP 47, e.g. "zh-CN"
    std::unique_ptr<Matcher> matcher_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, std::locale> generated_;
};

} // namespace partnering::l10n
