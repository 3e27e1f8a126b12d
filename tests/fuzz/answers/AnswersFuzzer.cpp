// Fuzz target: journey answers from JSON through schema validation to `check`'s report (every
// step's progress, labels translated into the answers' language), the step a wizard resumes
// at, and the fields a fill of the agreement template would write from them.
#include "error/Error.hpp"
#include "fill/TemplateFiller.hpp"
#include "journey/AgreementAnswers.hpp"
#include "journey/Journey.hpp"
#include "l10n/Catalogs.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace partnering;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const l10n::Catalogs catalogs(PARTNERING_FUZZ_LOCALE_DIR, "journey");
    static const auto filler = fill::TemplateFiller::open(PARTNERING_FUZZ_TEMPLATE);
    static const fill::FillOptions options{PARTNERING_FUZZ_LOCALE_DIR};

    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // The wizard reads a document's stored answers this way, and never fails.
    const int resumeAt = journey::firstIncompleteStep(text);
    if (resumeAt < 1 || resumeAt > journey::Journey::standard().stepCount())
        std::abort();

    try {
        const auto answers = journey::AgreementAnswers::parse(text, "fuzz.json");
        const auto translator = catalogs.translatorFor(answers.language());
        const auto steps = journey::progress(journey::Journey::standard(), answers, translator);
        if (journey::firstIncompleteStep(steps) != resumeAt)
            std::abort(); // the wizard and `check` must agree on where the answers stand
        for (const auto& step : steps)
            for (const auto& missing : step.missing)
                if (missing.reason.empty() || missing.path.empty())
                    std::abort(); // every gap is told to the user, and where it is
        filler.draftFields(answers, options);
    } catch (const InvalidInput&) {
        return 0; // a clear refusal is the right answer to bad answers
    }
    return 0;
}
