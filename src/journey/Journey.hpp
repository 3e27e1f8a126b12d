// The partnership development journey: its seven steps (and, as it grows, their questions
// and guidance), read from the definition built into the library, translatable per language.
#pragma once

#include "l10n/Catalogs.hpp"

#include <string>
#include <vector>

namespace partnering::journey {

struct Step {
    int number = 0;    // 1..7, the order of the journey
    std::string id;    // stable, language-neutral: "context", "vision", ...
    std::string title; // in the translator's language
};

class Journey {
public:
    // The journey every partnership follows, parsed once from the built-in definition.
    static const Journey& standard();

    int stepCount() const noexcept { return static_cast<int>(steps_.size()); }

    // All steps in order, titles translated by `translator`.
    std::vector<Step> steps(const l10n::Translator& translator) const;

    // One step by its number; throws InvalidInput "[partnering.journey.unknown-step]".
    Step step(int number, const l10n::Translator& translator) const;

    // Builds a journey from a definition document (the format of journey.xml).
    static Journey fromDefinition(std::string_view xml, const std::string& sourceName);

private:
    std::vector<Step> steps_; // English
};

} // namespace partnering::journey
