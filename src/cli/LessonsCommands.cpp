#include "Command.hpp"
#include "error/Error.hpp"
#include "lessons/LessonIndex.hpp"
#include "lessons/LessonSearch.hpp"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <iostream>

namespace partnering::cli {

namespace {

void printBuildReport(const lessons::BuildReport& report)
{
    for (const auto& rejected : report.rejected)
        std::cerr << "partnering: rejected " << rejected.message
                  << (rejected.keptPrevious ? " (the previously indexed version stays)" : "") << '\n';
    std::cout << "lessons index: " << report.added << " added, " << report.updated << " updated, " << report.unchanged
              << " unchanged, " << report.removed << " removed, " << report.rejected.size() << " rejected";
    if (report.synonyms > 0)
        std::cout << "; " << report.synonyms << " glossary synonyms";
    std::cout << '\n';
}

nlohmann::ordered_json hitJson(const lessons::SearchHit& hit)
{
    return {{"id", hit.id},           {"lang", hit.language},       {"title", hit.title},
            {"summary", hit.summary}, {"snippet", hit.snippet.markup()}, {"steps", hit.steps},
            {"tags", hit.tags},       {"partner_types", hit.partnerTypes}, {"languages", hit.languages},
            {"source", hit.source},   {"score", hit.score}};
}

template <class Map>
nlohmann::ordered_json countsJson(const Map& counts)
{
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& [key, count] : counts) {
        if constexpr (std::is_same_v<typename Map::key_type, int>)
            out[std::to_string(key)] = count;
        else
            out[key] = count;
    }
    return out;
}

void printJson(const std::string& query, const std::string& language, const lessons::SearchResults& results)
{
    nlohmann::ordered_json out{{"query", query}, {"lang", language}};
    if (!results.correctedQuery.empty())
        out["corrected_query"] = results.correctedQuery;
    out["relaxed"] = results.relaxed;
    out["matching_lessons"] = results.matchingLessons;
    out["results"] = nlohmann::ordered_json::array();
    for (const auto& hit : results.hits)
        out["results"].push_back(hitJson(hit));
    out["facets"] = {{"steps", countsJson(results.facets.steps)},
                     {"tags", countsJson(results.facets.tags)},
                     {"partner_types", countsJson(results.facets.partnerTypes)},
                     {"languages", countsJson(results.facets.languages)}};
    out["notices"] = results.notices;
    std::cout << out.dump(2) << '\n';
}

void printText(const lessons::SearchResults& results)
{
    const bool tty = ::isatty(STDOUT_FILENO) != 0;
    if (!results.correctedQuery.empty())
        std::cout << "Showing results for: " << results.correctedQuery << '\n';
    if (results.relaxed)
        std::cout << "No lesson has all the words; these have some of them.\n";
    for (const auto& notice : results.notices)
        std::cout << "Note: " << notice << '\n';
    if (results.hits.empty())
        std::cout << "No lessons found.\n";
    int rank = 0;
    for (const auto& hit : results.hits) {
        std::cout << ++rank << ". " << hit.title << "  [" << hit.language << "; " << hit.id;
        if (!hit.steps.empty()) {
            std::cout << "; step";
            for (int step : hit.steps)
                std::cout << ' ' << step;
        }
        std::cout << "]\n   ";
        std::size_t at = 0;
        const std::string& text = hit.snippet.text;
        for (const auto& [begin, end] : hit.snippet.hits) {
            std::cout << text.substr(at, begin - at) << (tty ? "\033[1m" : "*") << text.substr(begin, end - begin)
                      << (tty ? "\033[0m" : "*");
            at = end;
        }
        std::cout << text.substr(at) << "\n";
    }
}

} // namespace

void addLessonsCommands(CLI::App& app, Context& context)
{
    auto* index = app.add_subcommand("index", "Build and update the lessons-learned index.");
    index->require_subcommand(1);
    struct BuildOptions {
        std::string db;
        std::string glossary;
        std::vector<std::string> paths;
        unsigned threads = 0;
    };
    auto build = std::make_shared<BuildOptions>();
    auto* buildCommand = index->add_subcommand(
        "build", "Build or incrementally update the index from lesson files (unchanged files are skipped, removed "
                 "ones dropped). Exit code 1 when some files were rejected; the others are indexed.");
    buildCommand->add_option("--db", build->db, "Index folder (created if missing)")->required();
    buildCommand->add_option("--glossary", build->glossary, "TBX glossary whose terms become cross-language synonyms");
    buildCommand->add_option("--threads", build->threads, "Analysis threads (default: one per core)");
    buildCommand->add_option("paths", build->paths, "Lesson files, or folders searched for *.xml")->required();
    buildCommand->callback([build, &context] {
        lessons::LessonIndex lessonIndex(build->db);
        std::vector<std::filesystem::path> paths(build->paths.begin(), build->paths.end());
        std::optional<std::filesystem::path> glossary;
        if (!build->glossary.empty())
            glossary = build->glossary;
        const auto report = lessonIndex.build(paths, glossary, {.threads = build->threads, .progress = {}});
        printBuildReport(report);
        if (!report.rejected.empty())
            context.exitCode = kSomeInputRejected;
    });

    struct SearchOptions {
        std::string db;
        std::string remote;
        std::string language;
        std::vector<int> steps;
        std::vector<std::string> tags;
        std::vector<std::string> partnerTypes;
        std::vector<std::string> textLanguages;
        std::size_t limit = 10;
        std::size_t offset = 0;
        bool json = false;
        std::vector<std::string> words;
    };
    auto search = std::make_shared<SearchOptions>();
    auto* searchCommand = app.add_subcommand("search", "Search the lessons learned, in any language.");
    auto* db = searchCommand->add_option("--db", search->db, "Index folder");
    auto* remote = searchCommand->add_option("--remote", search->remote, "HOST:PORT of a xapian-tcpsrv serving the index");
    db->excludes(remote);
    searchCommand->add_option("--lang", search->language, "Your language (BCP 47): a lesson that exists in it is shown in it; without it, a lesson is shown in the language of your words");
    // Repeatable filters take one value each, so the query words after them stay query words.
    auto repeatable = [](CLI::Option* option) {
        option->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    };
    repeatable(searchCommand->add_option("--step", search->steps, "Only lessons for this journey step (1-7); repeatable")
                   ->check(CLI::Range(1, 7)));
    repeatable(searchCommand->add_option("--tag", search->tags, "Only lessons with this tag; repeatable"));
    repeatable(searchCommand->add_option("--partner-type", search->partnerTypes,
                                         "Only lessons for this partner type (government, un, civil-society, "
                                         "business, donor, academia, foundation); repeatable"));
    repeatable(searchCommand->add_option("--has-lang", search->textLanguages,
                                         "Only lessons written in this language; repeatable"));
    searchCommand->add_option("--limit", search->limit, "Results to show")->capture_default_str()->check(CLI::Range(1, 1000));
    searchCommand->add_option("--offset", search->offset, "Results to skip")->capture_default_str();
    searchCommand->add_flag("--json", search->json,
                            "One JSON object: query, corrected_query, results [{id, lang, title, summary, snippet "
                            "(escaped, <mark> around matches), steps, tags, partner_types, languages, source, score}], "
                            "facets {steps, tags, partner_types, languages}");
    searchCommand->add_option("query", search->words, "Words to look for (none: every lesson that passes the filters)");
    searchCommand->callback([search] {
        if (search->db.empty() && search->remote.empty())
            throw CLI::RequiredError("--db or --remote");
        lessons::LessonSearch searcher = [&] {
            if (search->db.empty()) {
                const auto colon = search->remote.rfind(':');
                unsigned port = 0;
                try {
                    port = colon == std::string::npos ? 0 : static_cast<unsigned>(std::stoul(search->remote.substr(colon + 1)));
                } catch (const std::exception&) {
                }
                if (port == 0 || port > 65535)
                    throw InvalidInput("partnering.cli.bad-remote", "--remote \"" + search->remote + "\" must be HOST:PORT");
                return lessons::LessonSearch::openRemote(search->remote.substr(0, colon), port);
            }
            return lessons::LessonSearch::openLocal(search->db);
        }();
        lessons::SearchRequest request;
        for (const auto& word : search->words)
            request.query += (request.query.empty() ? "" : " ") + word;
        request.readerLanguage = search->language;
        request.readerLanguageFirst = !search->language.empty(); // --lang: a lesson in it is shown in it
        request.steps = search->steps;
        request.tags = search->tags;
        request.partnerTypes = search->partnerTypes;
        request.languages = search->textLanguages;
        request.limit = search->limit;
        request.offset = search->offset;
        request.facets = search->json;
        const auto results = searcher.search(request);
        if (search->json)
            printJson(request.query, search->language, results);
        else
            printText(results);
    });
}

} // namespace partnering::cli
