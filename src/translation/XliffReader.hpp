// Reading an XLIFF 2.0 translation (as writeTranslation writes it) in one pass over its bytes,
// with no tree: what `l10n merge` spends most of its time on. Not a public header.
#pragma once

#include "translation/TranslationFile.hpp"

#include <filesystem>

namespace partnering::l10n {

inline constexpr const char* kXliffNs = "urn:oasis:names:tc:xliff:document:2.0";

// The units of the XLIFF file `in`: each unit's source and target as unit text (codes as
// {N/}, {N}...{/N}, braces doubled). Throws InvalidInput "[partnering.l10n.bad-xliff] in:line:
// reason" for what is not XLIFF 2.0 as this tool writes it, and what xml::scan throws.
TranslationFile readXliff(const std::filesystem::path& in);

} // namespace partnering::l10n
