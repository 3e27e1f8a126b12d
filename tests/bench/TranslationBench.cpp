// The in-process side of the localisation benchmark (tests/bench/l10n_bench.py runs it beside
// translate-toolkit's converters): extract to XLIFF and PO, and merge a translation, per template.
//
// usage: translation_bench --template T.ott --translation F.po --work DIR [--runs N]
// Prints one JSON object with the median milliseconds of each operation (merge from the PO and
// from the same translation as XLIFF, written to DIR/bench.fr.xlf), and the path of that XLIFF.
#include "translation/TemplateText.hpp"
#include "translation/TranslationFile.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <chrono>
#include <filesystem>
#include <functional>
#include <ctime>
#include <iostream>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double cpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1000 + static_cast<double>(now.tv_nsec) / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// The median wall-clock time of `work`; its median CPU time (user and system), which other
// load on a shared machine barely changes, goes to cpu[name].
nlohmann::json cpu;
double medianMs(const char* name, int runs, const std::function<void()>& work)
{
    std::vector<double> wall, used;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        const double cpuStart = cpuMs();
        work();
        used.push_back(cpuMs() - cpuStart);
        wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    cpu[name] = median(used);
    return median(wall);
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
    const double extractXliff = medianMs("extract_xliff_ms", runs, [&] { extractTo("bench.xlf"); });
    const double extractPo = medianMs("extract_po_ms", runs, [&] { extractTo("bench.po"); });
    const double merge = medianMs("merge_ms", runs, [&] {
        const auto package = odf::OdfPackage::open(templatePath);
        const auto text = l10n::TemplateText::extract(package);
        text.merge(l10n::readTranslation(translationPath).units, "fr", fs::path(work) / "bench.ott");
    });
    // The same translation as XLIFF, the format translate-toolkit's xliff2odf merges from
    // (written here, with its codes, for l10n_bench.py's commands too).
    const fs::path xliffPath = fs::path(work) / "bench.fr.xlf";
    {
        const auto package = odf::OdfPackage::open(templatePath);
        const auto text = l10n::TemplateText::extract(package);
        const auto po = l10n::readTranslation(translationPath);
        l10n::TranslationFile xliff;
        xliff.original = fs::path(templatePath).filename().string();
        xliff.targetLanguage = po.targetLanguage.empty() ? "fr" : po.targetLanguage;
        xliff.units = text.units();
        for (auto& unit : xliff.units) {
            const auto given = std::find_if(po.units.begin(), po.units.end(), [&](const l10n::TextUnit& t) { return t.id == unit.id; });
            if (given != po.units.end())
                unit.target = given->target;
        }
        l10n::writeTranslation(xliff, xliffPath);
    }
    const double mergeXliff = medianMs("merge_xliff_ms", runs, [&] {
        const auto package = odf::OdfPackage::open(templatePath);
        const auto text = l10n::TemplateText::extract(package);
        text.merge(l10n::readTranslation(xliffPath).units, "fr", fs::path(work) / "bench.ott");
    });
    // Where a merge's time goes: reading the template, reading the translation, writing the result.
    const double openExtract = medianMs("open_extract", runs, [&] {
        const auto package = odf::OdfPackage::open(templatePath);
        l10n::TemplateText::extract(package);
    });
    const double readPo = medianMs("read_translation", runs, [&] { l10n::readTranslation(translationPath); });
    const auto package = odf::OdfPackage::open(templatePath);
    const auto text = l10n::TemplateText::extract(package);
    const auto units = l10n::readTranslation(translationPath).units;
    const double write = medianMs("write", runs, [&] { text.merge(units, "fr", fs::path(work) / "bench.ott"); });
    std::cout << nlohmann::json{{"extract_xliff_ms", extractXliff}, {"extract_po_ms", extractPo}, {"merge_ms", merge}, {"merge_xliff_ms", mergeXliff}, {"xliff", xliffPath.string()}, {"cpu_ms", cpu},
                                {"merge_parts_ms", {{"open_extract", openExtract}, {"read_translation", readPo}, {"write", write}}}}
                     .dump()
              << '\n';
    return 0;
}
