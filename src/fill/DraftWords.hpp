// PRIVATE to src/fill (not part of the core's interface): the words a draft takes from the
// catalogs, in the draft's language — question labels, choice labels, clause wordings, its own.
#pragma once

#include "l10n/Catalogs.hpp"

#include <filesystem>
#include <string>

namespace partnering::fill {

struct DraftWords {
    l10n::Translator journey; // question and choice labels (domain "journey")
    l10n::Translator clauses; // the clause library's wordings (domain "clauses")
    l10n::Translator own;     // the filler's own words: yes/no, the map's captions (domain "fill")

    // The words of `language` read from `localeFolder` (laid out as gettext does), made once per
    // folder and language; English when the folder is empty. Thread-safe.
    static const DraftWords& forDraft(const std::filesystem::path& localeFolder, const std::string& language);
};

} // namespace partnering::fill
