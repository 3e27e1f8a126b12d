// The agreement templates shipped with the extension (templates/<name>.ott, and localised ones
// in templates/<language>/<name>.ott): which languages each comes in, and the file for one.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace partnering::fill {

struct TemplateLanguage {
    std::string tag;  // BCP 47: "en", "fr", "zh-CN"
    std::string name; // the language's name for itself, for a list to choose from: "français"
};

// The languages `templateName` ("agreement", "mou", "workplan") exists in under `folder`,
// English (the unlocalised template) first, then by tag.
std::vector<TemplateLanguage> templateLanguages(const std::filesystem::path& folder, std::string_view templateName);

// The template file of `templateName` in `languageTag`, or else in the same language written in
// the same script ("zh-Hans" finds zh_CN/, "fr-CA" finds fr/, "zh-TW" does not find zh_CN/).
// Throws InvalidInput
// "[partnering.fill.no-template]" when there is none in that language.
std::filesystem::path templateFile(const std::filesystem::path& folder, std::string_view templateName,
                                   std::string_view languageTag);

} // namespace partnering::fill
