#include "Command.hpp"
#include "journey/Journey.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace partnering::cli {

void addStepsCommand(CLI::App& app, Context& context)
{
    struct Options {
        std::string language = "en";
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("steps", "List the seven steps of the partnership development journey.");
    command->add_option("--lang", options->language, "Language of the titles (BCP 47: en, fr, es, ar, km, zh-Hans...)")
        ->capture_default_str();
    command->add_flag("--json", options->json, "Print one JSON object: {language, steps: [{number, id, title}]}");
    command->callback([options, &context] {
        const l10n::Catalogs catalogs(context.dataDir / "locale", "journey");
        const auto translator = catalogs.translatorFor(options->language);
        const auto steps = journey::Journey::standard().steps(translator);
        if (options->json) {
            nlohmann::ordered_json out{{"language", translator.language()}, {"steps", nlohmann::ordered_json::array()}};
            for (const auto& step : steps)
                out["steps"].push_back({{"number", step.number}, {"id", step.id}, {"title", step.title}});
            std::cout << out.dump(2) << '\n';
        } else {
            for (const auto& step : steps)
                std::cout << step.number << ". " << step.title << '\n';
        }
    });
}

} // namespace partnering::cli
