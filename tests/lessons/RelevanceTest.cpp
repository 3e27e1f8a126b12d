// The judged queries of relevance.json over the shipped library: each passes when one of its
// expected lessons is in the first `top` results and none of its `reject` ones is in the first
// ten. Prints the pass rate per kind and language. A query that misses fails the suite unless
// it is marked "known_miss" (with why); a known miss that passes fails it too, until the mark
// is removed: no regression and no improvement passes unnoticed.
#include "lessons/LessonIndex.hpp"
#include "lessons/LessonSearch.hpp"

#include "LessonLibrary.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <algorithm>
#include <iomanip>
#include <map>

using namespace partnering::lessons;

namespace {

// How deep a rejected lesson must not be.
constexpr std::size_t kRejectDepth = 10;

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
    ASSERT_GE(judged.size(), 85u); // the suite only grows

    std::map<std::string, std::pair<int, int>> byKind, byLanguage; // passed, total
    int passed = 0;
    std::ostringstream failures, knownMisses;
    for (const auto& query : judged) {
        SearchRequest request;
        request.query = query.at("query").get<std::string>();
        request.readerLanguage = query.at("lang").get<std::string>();
        if (!query.at("step").is_null())
            request.steps = {query.at("step").get<int>()};
        const auto top = query.at("top").get<std::size_t>();
        request.limit = std::max(top, kRejectDepth);
        request.facets = false;
        const auto results = search.search(request);
        bool found = false, rejected = false;
        for (std::size_t rank = 0; rank < results.hits.size(); ++rank) {
            const std::string& id = results.hits[rank].id;
            for (const auto& expected : query.at("expect"))
                found = found || (rank < top && id == expected.get<std::string>());
            for (const auto& reject : query.value("reject", nlohmann::json::array()))
                rejected = rejected || id == reject.get<std::string>();
        }
        const bool pass = found && !rejected;
        const std::string kind = query.at("kind");
        byKind[kind].first += pass;
        ++byKind[kind].second;
        byLanguage[request.readerLanguage].first += pass;
        ++byLanguage[request.readerLanguage].second;
        passed += pass;
        const bool knownMiss = query.contains("known_miss");
        if (!pass) {
            (knownMiss ? knownMisses : failures)
                << "  MISS [" << kind << ", " << request.readerLanguage << "] \"" << request.query << "\" expected "
                << query.at("expect").dump() << (rejected ? ", a rejected lesson came up" : "") << ", got:";
            for (std::size_t rank = 0; rank < results.hits.size() && rank < top; ++rank)
                (knownMiss ? knownMisses : failures) << ' ' << results.hits[rank].id;
            if (!results.correctedQuery.empty())
                (knownMiss ? knownMisses : failures) << " (corrected to \"" << results.correctedQuery << "\")";
            (knownMiss ? knownMisses : failures) << (knownMiss ? " (known: " + query.at("known_miss").get<std::string>() + ")" : "")
                                                 << '\n';
        } else if (knownMiss) {
            failures << "  NOW PASSES [" << kind << ", " << request.readerLanguage << "] \"" << request.query
                     << "\": remove its known_miss\n";
        }
    }

    const double rate = static_cast<double>(passed) / static_cast<double>(judged.size());
    std::ostringstream summary;
    summary << "Relevance: " << passed << "/" << judged.size() << " judged queries pass (" << std::fixed
            << std::setprecision(1) << 100 * rate << "%)\n";
    for (const auto& [name, counts] : byKind)
        summary << "  kind " << std::left << std::setw(26) << name << counts.first << "/" << counts.second << '\n';
    for (const auto& [name, counts] : byLanguage)
        summary << "  lang " << std::left << std::setw(26) << name << counts.first << "/" << counts.second << '\n';
    summary << knownMisses.str() << failures.str();
    std::cout << summary.str();
    if (const char* artifacts = std::getenv("PARTNERING_TEST_ARTIFACTS")) {
        std::filesystem::create_directories(artifacts);
        std::ofstream(std::filesystem::path(artifacts) / "relevance.txt") << summary.str();
    }
    EXPECT_TRUE(failures.str().empty()) << summary.str();
}

} // namespace
