#include "Command.hpp"
#include "error/Error.hpp"
#include "l10n/Catalogs.hpp"
#include "translation/TemplateText.hpp"
#include "translation/TranslationCheck.hpp"
#include "translation/TranslationFile.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <optional>

namespace partnering::cli {

namespace {

struct Options {
    std::string templatePath, translationPath, outPath, language, glossaryPath;
    bool json = false;
};

void printCheck(const l10n::TranslationCheck& check, const std::string& language, bool json)
{
    if (json) {
        nlohmann::ordered_json out{{"language", language},
                                   {"units", check.units},
                                   {"translated", check.translated},
                                   {"untranslated", check.units - check.translated},
                                   {"source_words", check.sourceWords},
                                   {"translated_words", check.translatedWords},
                                   {"coverage", check.coverage()},
                                   {"mergeable", check.mergeable()},
                                   {"issues", nlohmann::ordered_json::array()}};
        for (const auto& issue : check.issues)
            out["issues"].push_back({{"unit", issue.unit}, {"problem", issue.problem}, {"blocking", issue.blocking}});
        std::cout << out.dump(2) << '\n';
        return;
    }
    int untranslated = 0;
    for (const auto& issue : check.issues) {
        if (issue.problem == "untranslated") {
            ++untranslated;
            continue;
        }
        std::cout << (issue.blocking ? "error: " : "warning: ") << "unit " << issue.unit << ": " << issue.problem << '\n';
    }
    std::cout << language << ": " << check.translated << " of " << check.units << " units translated ("
              << untranslated << " untranslated), " << check.translatedWords << " of " << check.sourceWords
              << " words, coverage " << static_cast<int>(check.coverage() * 100 + 0.5) << "%\n";
}

} // namespace

void addTranslationCommands(CLI::App& app, Context&)
{
    auto options = std::make_shared<Options>();
    auto* l10n = app.add_subcommand("l10n", "Localise agreement templates: extract their text for translators, check "
                                            "and merge translations.");
    l10n->require_subcommand(1);

    auto* extract = l10n->add_subcommand("extract", "Write a template's text as PO or XLIFF 2.0, one unit per paragraph, "
                                                    "fields and formatting as protected codes.");
    extract->add_option("--template", options->templatePath, "The template (.ott)")->required();
    extract->add_option("--out", options->outPath, "The file to write: .po (gettext) or .xlf (XLIFF 2.0)")->required();
    extract->add_option("--lang", options->language, "The language it will be translated into (BCP 47)");
    extract->callback([options] {
        const auto package = odf::OdfPackage::open(options->templatePath);
        const auto text = l10n::TemplateText::extract(package);
        l10n::TranslationFile file;
        file.original = std::filesystem::path(options->templatePath).filename().string();
        file.targetLanguage = options->language.empty() ? "" : l10n::canonicalLanguageTag(options->language);
        file.units = text.units();
        l10n::writeTranslation(file, options->outPath);
        int words = 0;
        for (const auto& unit : file.units)
            words += l10n::wordCount(unit.source);
        std::cout << "wrote " << options->outPath << ": " << file.units.size() << " units, " << words << " words\n";
    });

    auto* check = l10n->add_subcommand("check", "Check a translation against its template: codes, untranslated units, "
                                                "word counts, coverage and the glossary's preferred terms.");
    check->add_option("--template", options->templatePath, "The template (.ott)")->required();
    check->add_option("--translation", options->translationPath, "The translation (.po or .xlf)")->required();
    check->add_option("--glossary", options->glossaryPath, "A TBX glossary whose preferred terms the translation should use");
    check->add_flag("--json", options->json, "Print one JSON object");
    check->footer("Exit code 0 when the translation can be merged (warnings are printed), 3 when a unit drops, "
                  "repeats or invents a code, or does not belong to the template.");
    check->callback([options] {
        const auto package = odf::OdfPackage::open(options->templatePath);
        const auto text = l10n::TemplateText::extract(package);
        const auto translation = l10n::readTranslation(options->translationPath);
        std::optional<glossary::Glossary> terms;
        if (!options->glossaryPath.empty())
            terms = glossary::Glossary::load(options->glossaryPath);
        const auto result = l10n::checkTranslation(text, translation, terms ? &*terms : nullptr);
        printCheck(result, translation.targetLanguage, options->json);
        if (!result.mergeable())
            throw InvalidInput("partnering.l10n.bad-codes", options->translationPath + ": the translation cannot be merged");
    });

    auto* merge = l10n->add_subcommand("merge", "Build the localised template from a translation.");
    merge->add_option("--template", options->templatePath, "The template (.ott)")->required();
    merge->add_option("--translation", options->translationPath, "The translation (.po or .xlf)")->required();
    merge->add_option("--out", options->outPath, "The localised template to write (.ott)")->required();
    merge->add_option("--lang", options->language, "Its language (default: the translation's)");
    merge->callback([options] {
        const auto package = odf::OdfPackage::open(options->templatePath);
        const auto text = l10n::TemplateText::extract(package);
        const auto translation = l10n::readTranslation(options->translationPath);
        const std::string language = options->language.empty() ? translation.targetLanguage : options->language;
        if (language.empty())
            throw InvalidInput("partnering.l10n.no-language",
                               options->translationPath + ": the translation names no language; give --lang");
        const auto report = text.merge(translation.units, language, options->outPath);
        std::cout << "wrote " << options->outPath << ": " << report.translated << " of " << report.units
                  << " units translated, " << report.untranslated.size() << " kept in the source language\n";
    });
}

} // namespace partnering::cli
