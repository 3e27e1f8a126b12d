// Fuzz target: a search over a small index (a handful of the repository's lessons and its
// glossary, built once per process). The input's first line is the query; each further line a
// filter or option: "step:N", "tag:T", "partner:P", "lang:L", "reader:L", "reader-first",
// "limit:N", "offset:N", "no-facets".
#include "ScratchFolder.hpp"
#include "error/Error.hpp"
#include "lessons/LessonIndex.hpp"
#include "lessons/LessonSearch.hpp"

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace partnering;

namespace {

lessons::LessonSearch smallIndex()
{
    const auto folder = fuzz::scratchFolder() / "index";
    const std::filesystem::path lessonsDir = PARTNERING_SOURCE_DIR "/index/lessons";
    {
        lessons::LessonIndex index(folder);
        index.build({lessonsDir / "map-stakeholders-interest-influence.xml", lessonsDir / "use-an-mou-as-framework.xml",
                     lessonsDir / "set-a-lifespan-and-exit-strategy.xml", lessonsDir / "agree-a-common-purpose.xml",
                     lessonsDir / "negotiate-interests-not-positions.xml", lessonsDir / "manage-conflicts-of-interest.xml",
                     lessonsDir / "screen-partners-due-diligence.xml", lessonsDir / "place-partnership-on-spectrum.xml"},
                    std::filesystem::path(PARTNERING_SOURCE_DIR "/index/glossary.tbx"), {.threads = 1, .progress = {}});
    }
    return lessons::LessonSearch::openLocal(folder);
}

std::size_t number(std::string_view text)
{
    std::size_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

lessons::SearchRequest requestOf(std::string_view input)
{
    lessons::SearchRequest request;
    const auto firstEnd = input.find('\n');
    request.query = std::string(input.substr(0, firstEnd));
    std::string_view rest = firstEnd == std::string_view::npos ? std::string_view() : input.substr(firstEnd + 1);
    while (!rest.empty()) {
        const auto end = rest.find('\n');
        const std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        const auto colon = line.find(':');
        const std::string_view key = line.substr(0, colon);
        const std::string value(colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1));
        if (key == "step") {
            int step = 0;
            std::from_chars(value.data(), value.data() + value.size(), step);
            request.steps.push_back(step);
        } else if (key == "tag") {
            request.tags.push_back(value);
        } else if (key == "partner") {
            request.partnerTypes.push_back(value);
        } else if (key == "lang") {
            request.languages.push_back(value);
        } else if (key == "reader") {
            request.readerLanguage = value;
        } else if (key == "reader-first") {
            request.readerLanguageFirst = true;
        } else if (key == "limit") {
            request.limit = number(value);
        } else if (key == "offset") {
            request.offset = number(value);
        } else if (key == "no-facets") {
            request.facets = false;
        }
    }
    return request;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const auto search = smallIndex();
    const auto request = requestOf(std::string_view(reinterpret_cast<const char*>(data), size));
    try {
        const auto results = search.search(request);
        if (results.hits.size() > request.limit)
            std::abort();
        for (const auto& hit : results.hits) {
            for (const auto& [begin, end] : hit.snippet.hits)
                if (begin > end || end > hit.snippet.text.size())
                    std::abort(); // a mark outside its snippet
            hit.snippet.markup();
            hit.adviceSnippet.markup();
            if (!search.lesson(hit.id))
                std::abort(); // a hit is a lesson the index holds
        }
        for (const auto& corrected : results.correctedWords)
            if (corrected.begin > corrected.end || corrected.end > results.correctedQuery.size())
                std::abort();
    } catch (const InvalidInput&) {
        return 0; // a bad filter is refused clearly
    }
    return 0;
}
