// The filler's side of the fill benchmark (tests/bench/fill_bench.py runs it and LibreOffice
// in the same run): one template compiled once, then agreements filled and written as .odt.
//
// usage: fill_bench --template T.ott --answers A.json --out DIR [--count N] [--batch M]
// Prints one JSON object: median and p95 ms per agreement over N fills (wall clock; the median
// CPU time too, and the median of the content rendered alone), the time for a batch of M
// agreements, the template's compile time, and the process's peak RSS.
#include "fill/TemplateFiller.hpp"

#include <nlohmann/json.hpp>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// CPU time (user and system): other load on a shared machine barely changes it.
double cpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1000 + static_cast<double>(now.tv_nsec) / 1e6;
}

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv)
{
    std::string templatePath, answersPath, outDir;
    int count = 200, batch = 1000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--template")
            templatePath = argv[i + 1];
        else if (option == "--answers")
            answersPath = argv[i + 1];
        else if (option == "--out")
            outDir = argv[i + 1];
        else if (option == "--count")
            count = std::stoi(argv[i + 1]);
        else if (option == "--batch")
            batch = std::stoi(argv[i + 1]);
    }
    if (templatePath.empty() || answersPath.empty() || outDir.empty() || count < 1 || batch < 1) {
        std::cerr << "usage: fill_bench --template T.ott --answers A.json --out DIR [--count N] [--batch M]\n";
        return 2;
    }
    fs::create_directories(outDir);
    std::ifstream in(answersPath);
    std::ostringstream text;
    text << in.rdbuf();
    const auto answers = partnering::journey::AgreementAnswers::parse(text.str(), answersPath);

    const auto compileStart = Clock::now();
    const auto filler = partnering::fill::TemplateFiller::open(templatePath);
    const double compileMs = msSince(compileStart);

    std::vector<double> times;
    for (int i = 0; i < count; ++i) {
        const auto start = Clock::now();
        filler.fill(answers, fs::path(outDir) / ("agreement-" + std::to_string(i % 10) + ".odt"));
        times.push_back(msSince(start));
    }
    std::sort(times.begin(), times.end());

    // Where a fill's time goes: the content rendered alone, the rest is the package written.
    std::vector<double> renderTimes, cpuTimes;
    for (int i = 0; i < count; ++i) {
        const auto start = Clock::now();
        filler.fillContent(answers);
        renderTimes.push_back(msSince(start));
        const double cpuStart = cpuMs();
        filler.fill(answers, fs::path(outDir) / ("agreement-" + std::to_string(i % 10) + ".odt"));
        cpuTimes.push_back(cpuMs() - cpuStart);
    }
    std::sort(renderTimes.begin(), renderTimes.end());
    std::sort(cpuTimes.begin(), cpuTimes.end());

    const auto batchStart = Clock::now();
    for (int i = 0; i < batch; ++i)
        filler.fill(answers, fs::path(outDir) / ("batch-" + std::to_string(i) + ".odt"));
    const double batchMs = msSince(batchStart);
    for (int i = 0; i < batch; ++i)
        fs::remove(fs::path(outDir) / ("batch-" + std::to_string(i) + ".odt"));

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const nlohmann::json report = {
        {"template_compile_ms", compileMs},
        {"median_ms", times[times.size() / 2]},
        {"median_cpu_ms", cpuTimes[cpuTimes.size() / 2]},
        {"content_median_ms", renderTimes[renderTimes.size() / 2]},
        {"p95_ms", times[std::min(times.size() - 1, times.size() * 95 / 100)]},
        {"fills", count},
        {"batch", batch},
        {"batch_s", batchMs / 1000},
        {"peak_rss_mib", static_cast<double>(usage.ru_maxrss) / 1024},
        {"output_bytes", fs::file_size(fs::path(outDir) / "agreement-0.odt")}};
    std::cout << report.dump() << '\n';
    return 0;
}
