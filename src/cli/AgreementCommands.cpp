#include "Command.hpp"
#include "error/Error.hpp"
#include "error/ScopeGuards.hpp"
#include "fill/DraftPlaceholders.hpp"
#include "fill/DraftTemplates.hpp"
#include "fill/TemplateFiller.hpp"
#include "journey/AgreementAnswers.hpp"
#include "odf/FlatOdf.hpp"
#include "odf/OdfPackage.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

namespace partnering::cli {

namespace {

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw EnvironmentFailure("partnering.cli.unreadable", path + ": cannot open for reading");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// Answers from a JSON file, or the answers stored in a draft the filler wrote (.odt).
bool isDocument(const std::string& path)
{
    return path.ends_with(".odt") || path.ends_with(".ott");
}

journey::AgreementAnswers readAnswers(const std::string& path)
{
    if (isDocument(path)) {
        auto stored = fill::storedAnswers(odf::OdfPackage::open(path));
        if (!stored)
            throw InvalidInput("partnering.cli.no-answers", path + ": the document holds no journey answers");
        return std::move(*stored);
    }
    // Checked before reading, so that a huge file is not read into memory first.
    std::error_code unknown;
    if (const auto size = std::filesystem::file_size(path, unknown);
        !unknown && size > journey::kMaxAnswersBytes)
        throw InvalidInput("partnering.answers.too-large", path + ": " + std::to_string(size)
                                                               + " bytes of answers; at most "
                                                               + std::to_string(journey::kMaxAnswersBytes) + " are read");
    return journey::AgreementAnswers::parse(readFile(path), path);
}

// The stable name `check --json` gives a missing answer's kind.
std::string kindName(journey::AnswerProblem::Kind kind)
{
    switch (kind) {
    case journey::AnswerProblem::Kind::Required:
        return "required";
    case journey::AnswerProblem::Kind::TooFew:
        return "too-few";
    case journey::AnswerProblem::Kind::Invalid:
        break;
    }
    return "invalid";
}

// "agreement" rather than a path: a template installed with the tool.
bool installedTemplateName(const std::string& argument)
{
    return !argument.empty() && argument.find('/') == std::string::npos && argument.find('.') == std::string::npos;
}

} // namespace

void addAgreementCommands(CLI::App& app, Context& context)
{
    struct FillOptions {
        std::string templatePath, answersPath, outPath, language;
    };
    auto fillOptions = std::make_shared<FillOptions>();
    auto* fill = app.add_subcommand("fill", "Fill an agreement template with journey answers and write the draft (.odt).");
    fill->add_option("--template", fillOptions->templatePath,
                     "The template (.ott), or the name of an installed one (agreement, mou, workplan), taken in the "
                     "agreement's language")
        ->required();
    fill->add_option("--answers", fillOptions->answersPath, "The answers (.json, or a draft .odt that holds them)")->required();
    fill->add_option("--out", fillOptions->outPath, "The draft to write (.odt); replaced only when complete")->required();
    fill->add_option("--lang", fillOptions->language, "The agreement's language (BCP 47), instead of the answers' own");
    fill->callback([fillOptions, &context] {
        auto answers = readAnswers(fillOptions->answersPath);
        if (!fillOptions->language.empty()) {
            auto json = answers.json();
            json["language"] = fillOptions->language;
            answers = journey::AgreementAnswers::fromJson(std::move(json), "--lang");
        }
        const auto filler = fill::TemplateFiller::open(
            installedTemplateName(fillOptions->templatePath)
                ? fill::templateFile(context.dataDir / "templates", fillOptions->templatePath, answers.language())
                : std::filesystem::path(fillOptions->templatePath));
        filler.fill(answers, fillOptions->outPath, {context.dataDir / "locale"});
        std::cout << "wrote " << fillOptions->outPath << '\n';
    });

    struct CheckOptions {
        std::string answersPath, language;
        bool json = false;
    };
    auto checkOptions = std::make_shared<CheckOptions>();
    auto* check = app.add_subcommand(
        "check", "Validate journey answers and report, step by step, what is complete and what is missing.");
    check->add_option("--answers", checkOptions->answersPath, "The answers (.json, or a draft .odt that holds them)")
        ->required();
    check->add_option("--lang", checkOptions->language, "Language of the report's labels (default: the answers')");
    check->add_flag("--json", checkOptions->json,
                    "Print one JSON object: {language, complete, steps: [{number, id, title, complete, missing: "
                    "[{path, reason, kind, label, min, count}]}]} (kind is \"required\" or \"too-few\"; min and "
                    "count only for too-few); for a draft (.odt) also placeholders: [{label, description, "
                    "bookmark}], the placeholders still in it");
    check->footer("Exit code 0 when the answers are valid, complete or not (the report says which steps are "
                  "done); 3 with every problem (JSON path and reason) when they are not.");
    check->callback([checkOptions, &context] {
        const auto answers = readAnswers(checkOptions->answersPath);
        const l10n::Catalogs catalogs(context.dataDir / "locale", "journey");
        const auto translator =
            catalogs.translatorFor(checkOptions->language.empty() ? answers.language() : checkOptions->language);
        const auto steps = journey::progress(journey::Journey::standard(), answers, translator);
        const bool complete = std::all_of(steps.begin(), steps.end(), [](const auto& s) { return s.complete(); });
        // A draft's gaps are its placeholders: the answers may be complete while the user has
        // not yet typed over every one of them, or has typed over some without answering.
        std::optional<std::vector<fill::DraftPlaceholder>> placeholders;
        if (isDocument(checkOptions->answersPath))
            placeholders = fill::placeholdersIn(odf::OdfPackage::open(checkOptions->answersPath));
        if (checkOptions->json) {
            nlohmann::ordered_json out{{"language", answers.language()}, {"complete", complete}, {"steps", nlohmann::ordered_json::array()}};
            for (const auto& step : steps) {
                nlohmann::ordered_json missing = nlohmann::ordered_json::array();
                for (const auto& m : step.missing) {
                    nlohmann::ordered_json item{{"path", m.path}, {"reason", m.reason}, {"kind", kindName(m.kind)},
                                                {"label", m.label}};
                    if (m.kind == journey::AnswerProblem::Kind::TooFew) {
                        item["min"] = m.min;
                        item["count"] = m.count;
                    }
                    missing.push_back(std::move(item));
                }
                out["steps"].push_back({{"number", step.number}, {"id", step.id}, {"title", step.title},
                                        {"complete", step.complete()}, {"missing", missing}});
            }
            if (placeholders) {
                out["placeholders"] = nlohmann::ordered_json::array();
                for (const auto& p : *placeholders)
                    out["placeholders"].push_back({{"label", p.label}, {"description", p.description}, {"bookmark", p.bookmark}});
            }
            std::cout << out.dump(2) << '\n';
            return;
        }
        for (const auto& step : steps) {
            std::cout << step.number << ". " << step.title << ": " << (step.complete() ? "complete" : "incomplete") << '\n';
            // The plain sentence first, for people; the JSON path after it, for fixing the file.
            for (const auto& m : step.missing)
                std::cout << "   - " << m.reason << " (" << m.path << ")\n";
        }
        std::cout << (complete ? "all seven steps are complete" : "some steps are not complete") << '\n';
        if (placeholders) {
            std::cout << "placeholders still in the draft: " << placeholders->size() << '\n';
            for (const auto& p : *placeholders)
                std::cout << "   - " << p.label << '\n';
        }
    });

    struct TemplateOptions {
        std::string flatPath, outPath;
    };
    auto templateOptions = std::make_shared<TemplateOptions>();
    auto* templates = app.add_subcommand("template", "Work with agreement templates.");
    templates->require_subcommand(1);
    auto* build = templates->add_subcommand("build", "Turn a flat ODF template (.fodt) into a Writer template (.ott), "
                                                     "and check that it fills.");
    build->add_option("FODT", templateOptions->flatPath, "The flat ODF template")->required();
    build->add_option("OTT", templateOptions->outPath, "The template package to write")->required();
    build->callback([templateOptions] {
        const std::string flat = readFile(templateOptions->flatPath);
        fill::TemplateFiller::checkFlat(flat, templateOptions->flatPath); // errors name the .fodt's own lines
        odf::writePackageFromFlat(flat, templateOptions->flatPath, templateOptions->outPath, odf::kTextTemplateMimetype);
        {
            // A template that does not fill is not left behind as if it were one.
            const OnScopeFailure removeOnFailure([&] {
                std::error_code ignored;
                std::filesystem::remove(templateOptions->outPath, ignored);
            });
            fill::TemplateFiller::open(templateOptions->outPath); // the package as written, as users open it
        }
        std::cout << "wrote " << templateOptions->outPath << '\n';
    });
}

} // namespace partnering::cli
