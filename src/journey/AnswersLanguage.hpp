// Which language the answers are written in, guessed from their free text (names, statements,
// paragraphs): so the wizard can tell when the agreement's language is not the answers' own.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace partnering::journey {

// The BCP 47 language (a primary subtag: "en", "fr", "es", "ar", "km", "zh", "ja", "ru"...) of
// the free text of `answers` (a document in the answers schema's shape; anything the journey
// does not ask as text or paragraph is ignored: choices, levels, dates, amounts, e-mail
// addresses, the "language" member itself). A script that belongs to one language settles it
// (ICU: Khmer, Arabic, Han, Hangul, Thai...; Han with kana is Japanese); Latin, Cyrillic and
// Devanagari text goes to libexttextcat's n-gram fingerprints, read from `fingerprints` (a
// folder holding fpdb.conf and its .lm files: share/partnering/textcat in the build's stage,
// textcat/ in the .oxt). nullopt when there is too little text to tell, or the guesser cannot
// decide. Throws EnvironmentFailure "[partnering.journey.no-language-fingerprints]" when the
// fingerprints cannot be read.
std::optional<std::string> writtenLanguage(const nlohmann::json& answers, const std::filesystem::path& fingerprints);

// True when two BCP 47 tags name the same language, whatever their region or script:
// "fr-CA" and "fr", "zh-Hans" and "zh-CN", "iw" and "he". False when either is malformed.
bool sameLanguage(std::string_view a, std::string_view b);

} // namespace partnering::journey
