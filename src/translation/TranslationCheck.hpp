// Quality checks on a template translation before it is merged: codes dropped, repeated or
// invented, untranslated units, word counts and coverage, and the glossary's preferred terms.
#pragma once

#include "glossary/Glossary.hpp"
#include "translation/TemplateText.hpp"
#include "translation/TranslationFile.hpp"

#include <string>
#include <vector>

namespace partnering::l10n {

struct TranslationIssue {
    std::string unit;    // unit id
    std::string problem;
    bool blocking = false; // a merge refuses the translation
};

struct TranslationCheck {
    int units = 0;
    int translated = 0;
    int sourceWords = 0;      // in every unit of the template
    int translatedWords = 0;  // source words of the translated units
    std::vector<TranslationIssue> issues;

    double coverage() const noexcept { return sourceWords == 0 ? 1.0 : static_cast<double>(translatedWords) / sourceWords; }
    bool mergeable() const noexcept;
};

// `glossary` may be null. A unit of the translation that the template does not have, or
// whose source differs, is a blocking issue too.
TranslationCheck checkTranslation(const TemplateText& templateText, const TranslationFile& translation,
                                  const glossary::Glossary* glossary);

} // namespace partnering::l10n
