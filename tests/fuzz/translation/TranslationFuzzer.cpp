// Fuzz target: a translation of the work plan template (the smallest), PO or XLIFF 2.0 (an input that starts
// with '<' is XLIFF), read and then merged into the template as a localised one.
#include "ScratchFolder.hpp"
#include "error/Error.hpp"
#include "odf/OdfPackage.hpp"
#include "translation/TemplateText.hpp"
#include "translation/TranslationFile.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace partnering;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const auto templatePackage = odf::OdfPackage::open(PARTNERING_FUZZ_TEMPLATE);
    static const auto templateText = l10n::TemplateText::extract(templatePackage);
    static const auto localised = fuzz::scratchFolder() / "localised.ott";

    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const bool xliff = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF") != std::string_view::npos
                       && bytes[bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF")] == '<';
    const auto file = fuzz::scratchFile(xliff ? "translation.xlf" : "translation.po", bytes);
    try {
        const auto translation = l10n::readTranslation(file);
        const auto report = templateText.merge(translation.units, translation.targetLanguage.empty()
                                                                      ? std::string("fr")
                                                                      : translation.targetLanguage,
                                               localised);
        if (report.translated > report.units
            || report.untranslated.size() != static_cast<std::size_t>(report.units - report.translated))
            std::abort();
        // The localised template is a package of its own, with text to translate again.
        l10n::TemplateText::extract(odf::OdfPackage::open(localised));
    } catch (const InvalidInput&) {
        return 0; // a clear refusal is the right answer to a bad translation
    }
    return 0;
}
