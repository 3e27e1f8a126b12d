// Template units as translators' tools exchange them: gettext PO (Poedit, Weblate) and
// XLIFF 2.0 (OmegaT and other CAT tools), with the inline codes protected in both.
#pragma once

#include "translation/TemplateText.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace partnering::l10n {

struct TranslationFile {
    std::string original;              // the template the units come from
    std::string sourceLanguage = "en";
    std::string targetLanguage;        // empty in a fresh extraction
    std::vector<TextUnit> units;
};

// Writes PO (.po, .pot) or XLIFF 2.0 (.xlf, .xliff), chosen by the extension, in one rename.
void writeTranslation(const TranslationFile& file, const std::filesystem::path& out);

// Reads a translation back. Throws InvalidInput naming the file and the line or unit:
// "[partnering.l10n.bad-po]", "[partnering.l10n.bad-charset]" (a PO not in UTF-8),
// "[partnering.l10n.bad-xliff]" (and the XML errors, external entities included),
// "[partnering.l10n.unknown-format]".
TranslationFile readTranslation(const std::filesystem::path& in);

} // namespace partnering::l10n
