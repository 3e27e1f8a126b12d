#include "fill/DraftTemplates.hpp"

#include "error/Error.hpp"
#include "l10n/Catalogs.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <system_error>

namespace partnering::fill {

namespace {

std::string ownName(const std::string& tag)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
    if (U_FAILURE(status))
        return tag;
    icu::UnicodeString name;
    locale.getDisplayName(locale, name);
    std::string utf8;
    name.toUTF8String(utf8);
    return utf8.empty() ? tag : utf8;
}

// "zh_CN" -> "zh-CN"; empty for a folder that is not named after a language.
std::string tagOfFolder(const std::string& folderName)
{
    try {
        return l10n::canonicalLanguageTag(folderName);
    } catch (const InvalidInput&) {
        return {};
    }
}

// The language and script a tag writes in, the likely script filled in: "zh-Hans", "zh-CN" and
// "zh" all write zh-Hans, "zh-TW" writes zh-Hant; "fr-CA" and "fr" both fr-Latn. Empty for a
// tag ICU cannot read.
std::string writtenLanguage(const std::string& tag)
{
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
    if (U_SUCCESS(status))
        locale.addLikelySubtags(status);
    if (U_FAILURE(status) || locale.isBogus())
        return {};
    return std::string(locale.getLanguage()) + "-" + locale.getScript();
}

} // namespace

std::vector<TemplateLanguage> templateLanguages(const std::filesystem::path& folder, std::string_view templateName)
{
    const std::string file = std::string(templateName) + ".ott";
    std::vector<TemplateLanguage> languages;
    std::error_code error;
    if (std::filesystem::is_regular_file(folder / file, error))
        languages.push_back({std::string(l10n::kSourceLanguage), ownName(std::string(l10n::kSourceLanguage))});
    std::vector<TemplateLanguage> localised;
    for (std::filesystem::directory_iterator entry(folder, error), end; !error && entry != end; entry.increment(error)) {
        if (!entry->is_directory(error) || !std::filesystem::is_regular_file(entry->path() / file, error))
            continue;
        const std::string tag = tagOfFolder(entry->path().filename().string());
        if (!tag.empty())
            localised.push_back({tag, ownName(tag)});
    }
    std::sort(localised.begin(), localised.end(), [](const auto& a, const auto& b) { return a.tag < b.tag; });
    languages.insert(languages.end(), localised.begin(), localised.end());
    return languages;
}

std::filesystem::path templateFile(const std::filesystem::path& folder, std::string_view templateName,
                                   std::string_view languageTag)
{
    const std::string tag = l10n::canonicalLanguageTag(languageTag);
    const std::string file = std::string(templateName) + ".ott";
    std::error_code error;
    if (tag == l10n::kSourceLanguage && std::filesystem::is_regular_file(folder / file, error))
        return folder / file;
    for (std::filesystem::directory_iterator entry(folder, error), end; !error && entry != end; entry.increment(error)) {
        if (entry->is_directory(error) && tagOfFolder(entry->path().filename().string()) == tag
            && std::filesystem::is_regular_file(entry->path() / file, error))
            return entry->path() / file;
    }
    // No folder of that very tag: one that writes the same language in the same script
    // ("zh-Hans" answers take the zh_CN template, "fr-CA" the French one).
    const std::string written = writtenLanguage(tag);
    if (!written.empty()) {
        if (written == writtenLanguage(std::string(l10n::kSourceLanguage)) && std::filesystem::is_regular_file(folder / file, error))
            return folder / file;
        for (std::filesystem::directory_iterator entry(folder, error), end; !error && entry != end; entry.increment(error)) {
            const std::string folderTag = tagOfFolder(entry->path().filename().string());
            if (entry->is_directory(error) && !folderTag.empty() && writtenLanguage(folderTag) == written
                && std::filesystem::is_regular_file(entry->path() / file, error))
                return entry->path() / file;
        }
    }
    throw InvalidInput("partnering.fill.no-template",
                       "no template '" + std::string(templateName) + "' in " + tag + " under " + folder.string());
}

} // namespace partnering::fill
