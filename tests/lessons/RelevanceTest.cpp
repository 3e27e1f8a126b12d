// The judged queries of relevance.json over the shipped library: each passes when one of its
// expected lessons is in the first `top` results. Prints the pass rate per kind and language.
#include "lessons/LessonIndex.hpp"
#include "lessons/LessonSearch.hpp"

#include "LessonLibrary.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iomanip>
#include <map>

using namespace partnering::lessons;

namespace {

// Below this the suite fails: relevance may not regress unnoticed.
constexpr double kRequiredPassRate = 0.9;

TEST(Relevance, JudgedQueriesFindTheirLessons)
{
    fixtures::LessonLibrary library;
    const auto report = LessonIndex(library.index())
                            .build({PARTNERING_SOURCE_DIR "/index/lessons"},
                                   std::filesystem::path(PARTNERING_SOURCE_DIR "/index/glossary.tbx"));
    ASSERT_TRUE(report.rejected.empty());
    const auto search = LessonSearch::openLocal(library.index());

    std::ifstream in(PARTNERING_SOURCE_DIR "/tests/lessons/relevance.json");
    const auto judged = nlohmann::json::parse(in);
    ASSERT_GE(judged.size(), 40u);

    std::map<std::string, std::pair<int, int>> byKind, byLanguage; // passed, total
    int passed = 0;
    std::ostringstream failures;
    for (const auto& query : judged) {
        SearchRequest request;
        request.query = query.at("query").get<std::string>();
        request.readerLanguage = query.at("lang").get<std::string>();
        if (!query.at("step").is_null())
            request.steps = {query.at("step").get<int>()};
        request.limit = query.at("top").get<std::size_t>();
        request.facets = false;
        const auto results = search.search(request);
        bool found = false;
        for (const auto& hit : results.hits)
            for (const auto& expected : query.at("expect"))
                found = found || hit.id == expected.get<std::string>();
        const std::string kind = query.at("kind");
        byKind[kind].first += found;
        ++byKind[kind].second;
        byLanguage[request.readerLanguage].first += found;
        ++byLanguage[request.readerLanguage].second;
        passed += found;
        if (!found) {
            failures << "  MISS [" << kind << ", " << request.readerLanguage << "] \"" << request.query << "\" expected "
                     << query.at("expect").dump() << ", got:";
            for (const auto& hit : results.hits)
                failures << ' ' << hit.id;
            if (!results.correctedQuery.empty())
                failures << " (corrected to \"" << results.correctedQuery << "\")";
            failures << '\n';
        }
    }

    const double rate = static_cast<double>(passed) / static_cast<double>(judged.size());
    std::ostringstream summary;
    summary << "Relevance: " << passed << "/" << judged.size() << " judged queries pass (" << std::fixed
            << std::setprecision(1) << 100 * rate << "%)\n";
    for (const auto& [name, counts] : byKind)
        summary << "  kind " << std::left << std::setw(16) << name << counts.first << "/" << counts.second << '\n';
    for (const auto& [name, counts] : byLanguage)
        summary << "  lang " << std::left << std::setw(16) << name << counts.first << "/" << counts.second << '\n';
    summary << failures.str();
    std::cout << summary.str();
    if (const char* artifacts = std::getenv("PARTNERING_TEST_ARTIFACTS")) {
        std::filesystem::create_directories(artifacts);
        std::ofstream(std::filesystem::path(artifacts) / "relevance.txt") << summary.str();
    }
    EXPECT_GE(rate, kRequiredPassRate) << summary.str();
}

} // namespace
