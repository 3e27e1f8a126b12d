// The in-process side of the localisation benchmark (tests/bench/l10n_bench.py runs it beside
// translate-toolkit's converters): extract to XLIFF and PO, and merge a translation, per template.
//
// usage: translation_bench --template T.ott --translation F.po --work DIR [--runs N]
// Prints one JSON object with the median milliseconds of each operation.
#include "translation/TemplateText.hpp"
#include "translation/TranslationFile.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double medianMs(int runs, const std::function<void()>& work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    std::string templatePath, translationPath, work;
    int runs = 50;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--template")
            templatePath = argv[i + 1];
        else if (option == "--translation")
            translationPath = argv[i + 1];
        else if (option == "--work")
            work = argv[i + 1];
        else if (option == "--runs")
            runs = std::stoi(argv[i + 1]);
    }
    if (templatePath.empty() || translationPath.empty() || work.empty() || runs < 1) {
        std::cerr << "usage: translation_bench --template T.ott --translation F.po --work DIR [--runs N]\n";
        return 2;
    }
    fs::create_directories(work);
    using namespace partnering;
    const auto extractTo = [&](const char* name) {
        const auto package = odf::OdfPackage::open(templatePath);
        const auto text = l10n::TemplateText::extract(package);
        l10n::TranslationFile file;
        file.original = templatePath;
        file.units = text.units();
        l10n::writeTranslation(file, fs::path(work) / name);
    };
    const double extractXliff = medianMs(runs, [&] { extractTo("bench.xlf"); });
    const double extractPo = medianMs(runs, [&] { extractTo("bench.po"); });
    const double merge = medianMs(runs, [&] {
        const auto package = odf::OdfPackage::open(templatePath);
        const auto text = l10n::TemplateText::extract(package);
        text.merge(l10n::readTranslation(translationPath).units, "fr", fs::path(work) / "bench.ott");
    });
    // Where a merge's time goes: reading the template, reading the translation, writing the result.
    const double openExtract = medianMs(runs, [&] {
        const auto package = odf::OdfPackage::open(templatePath);
        l10n::TemplateText::extract(package);
    });
    const double readPo = medianMs(runs, [&] { l10n::readTranslation(translationPath); });
    const auto package = odf::OdfPackage::open(templatePath);
    const auto text = l10n::TemplateText::extract(package);
    const auto units = l10n::readTranslation(translationPath).units;
    const double write = medianMs(runs, [&] { text.merge(units, "fr", fs::path(work) / "bench.ott"); });
    std::cout << nlohmann::json{{"extract_xliff_ms", extractXliff}, {"extract_po_ms", extractPo}, {"merge_ms", merge},
                                {"merge_parts_ms", {{"open_extract", openExtract}, {"read_translation", readPo}, {"write", write}}}}
                     .dump()
              << '\n';
    return 0;
}
