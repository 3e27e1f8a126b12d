#include "fill/DraftWords.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <utility>

namespace partnering::fill {

const DraftWords& DraftWords::forDraft(const std::filesystem::path& localeFolder, const std::string& language)
{
    static const DraftWords english;
    if (localeFolder.empty())
        return english;
    // Entries are never removed, so the references handed out stay valid.
    static std::mutex mutex;
    static std::map<std::filesystem::path, std::unique_ptr<l10n::Catalogs>> catalogs[3];
    static std::map<std::pair<std::filesystem::path, std::string>, std::unique_ptr<DraftWords>> made;
    std::lock_guard lock(mutex);
    auto& words = made[{localeFolder, language}];
    if (!words) {
        const auto translator = [&](int domain, const char* name) {
            auto& domainCatalogs = catalogs[domain][localeFolder];
            if (!domainCatalogs)
                domainCatalogs = std::make_unique<l10n::Catalogs>(localeFolder, name);
            return domainCatalogs->translatorFor(language);
        };
        words = std::make_unique<DraftWords>(DraftWords{translator(0, "journey"), translator(1, "clauses"), translator(2, "fill")});
    }
    return *words;
}

} // namespace partnering::fill
