#include "Command.hpp"
#include "error/Error.hpp"
#include "lessons/LessonIndex.hpp"
#include "lessons/LessonSearch.hpp"
#include "lessons/Presentation.hpp"

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

// The heading of the library's own advice, apart from what the source says.
constexpr const char* kAdviceHeading = "Our advice (not from the source):";

nlohmann::ordered_json hitJson(const lessons::SearchHit& hit)
{
    return {{"id", hit.id},
            {"lang", hit.language},
            {"title", hit.title},
            {"summary", hit.summary},
            {"snippet", hit.snippet.markup()},
            {"advice_snippet", hit.adviceSnippet.markup()},
            {"steps", hit.steps},
            {"tags", hit.tags},
            {"partner_types", hit.partnerTypes},
            {"languages", hit.languages},
            {"source", hit.source},
            {"score", hit.score}};
}

// Where the lessons are searched: the index folder, or HOST:PORT of a xapian-tcpsrv.
struct LibraryOptions {
    std::string db;
    std::string remote;

    void addTo(CLI::App& command)
    {
        auto* dbOption = command.add_option("--db", db, "Index folder");
        auto* remoteOption = command.add_option("--remote", remote, "HOST:PORT of a xapian-tcpsrv serving the index");
        dbOption->excludes(remoteOption);
    }

    lessons::LessonSearch open() const
    {
        if (db.empty() && remote.empty())
            throw CLI::RequiredError("--db or --remote");
        if (!db.empty())
            return lessons::LessonSearch::openLocal(db);
        const auto colon = remote.rfind(':');
        unsigned port = 0;
        try {
            port = colon == std::string::npos ? 0 : static_cast<unsigned>(std::stoul(remote.substr(colon + 1)));
        } catch (const std::exception&) {
        }
        if (port == 0 || port > 65535)
            throw InvalidInput("partnering.cli.bad-remote", "--remote \"" + remote + "\" must be HOST:PORT");
        return lessons::LessonSearch::openRemote(remote.substr(0, colon), port);
    }
};

std::string joined(const std::vector<std::string>& values)
{
    std::string out;
    for (const auto& value : values)
        out += (out.empty() ? "" : ", ") + value;
    return out;
}

nlohmann::ordered_json lessonJson(const lessons::Lesson& lesson, const lessons::LessonText& text)
{
    std::vector<std::string> languages;
    for (const auto& each : lesson.texts)
        languages.push_back(each.language);
    return {{"id", lesson.id},
            {"lang", text.language},
            {"title", text.title},
            {"summary", text.summary},
            {"body", text.paragraphs},
            {"advice", text.advice},
            {"source", lesson.source},
            {"steps", lesson.steps},
            {"tags", lesson.tags},
            {"partner_types", lesson.partnerTypes},
            {"languages", languages}};
}

void printLesson(const lessons::Lesson& lesson, const lessons::LessonText& text)
{
    std::cout << text.title << "  [" << text.language << "; " << lesson.id;
    if (!lesson.steps.empty()) {
        std::cout << "; step";
        for (int step : lesson.steps)
            std::cout << ' ' << step;
    }
    std::cout << "]\n";
    if (!lesson.source.empty())
        std::cout << "Source: " << lesson.source << '\n';
    if (!lesson.tags.empty())
        std::cout << "Tags: " << joined(lesson.tags) << '\n';
    if (!lesson.partnerTypes.empty())
        std::cout << "Partner types: " << joined(lesson.partnerTypes) << '\n';
    std::vector<std::string> languages;
    for (const auto& each : lesson.texts)
        languages.push_back(each.language);
    std::cout << "Languages: " << joined(languages) << '\n';
    if (!text.summary.empty())
        std::cout << '\n' << text.summary << '\n';
    for (const auto& paragraph : text.paragraphs)
        std::cout << '\n' << paragraph << '\n';
    if (!text.advice.empty()) {
        std::cout << '\n' << kAdviceHeading << '\n';
        for (std::size_t i = 0; i < text.advice.size(); ++i)
            std::cout << (i > 0 ? "\n" : "") << text.advice[i] << '\n';
    }
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
    if (!results.correctedQuery.empty()) {
        out["corrected_query"] = results.correctedQuery;
        out["corrected_query_marked"] = lessons::searchedInstead(results).markup();
        out["corrected_words"] = nlohmann::ordered_json::array();
        for (const auto& word : results.correctedWords)
            out["corrected_words"].push_back({{"typed", word.typed}, {"searched", word.searched}});
    }
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

// The snippet on one line, its matched words in bold on a terminal, else between asterisks.
void printMarked(const lessons::Snippet& snippet, bool tty)
{
    std::size_t at = 0;
    const std::string& text = snippet.text;
    for (const auto& [begin, end] : snippet.hits) {
        std::cout << text.substr(at, begin - at) << (tty ? "\033[1m" : "*") << text.substr(begin, end - begin)
                  << (tty ? "\033[0m" : "*");
        at = end;
    }
    std::cout << text.substr(at) << "\n";
}

void printText(const lessons::SearchResults& results)
{
    const bool tty = ::isatty(STDOUT_FILENO) != 0;
    if (!results.correctedQuery.empty()) {
        std::cout << "Showing results for: ";
        printMarked(lessons::searchedInstead(results), tty);
    }
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
        printMarked(hit.snippet, tty);
        // A match only in the advice: its line too, under the advice's heading.
        if (hit.snippet.hits.empty() && !hit.adviceSnippet.hits.empty()) {
            std::cout << "   " << kAdviceHeading << "\n   ";
            printMarked(hit.adviceSnippet, tty);
        }
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
    buildCommand->add_option("--threads", build->threads, "Threads the build uses (default: one per core)");
    buildCommand->add_option("paths", build->paths, "Lesson files, or folders searched for *.xml")->required();
    buildCommand->callback([build, &context] {
        lessons::tuneForLargeBuilds(); // the command's one thread, before the index opens
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
        LibraryOptions library;
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
    search->library.addTo(*searchCommand);
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
                            "One JSON object: query, corrected_query (what was searched instead when some words are in no "
                            "lesson), corrected_query_marked (the same escaped, <mark> around the corrected words), "
                            "corrected_words [{typed, searched}], results [{id, lang, title, summary, snippet "
                            "(escaped, <mark> around matches), advice_snippet (the same of the library's own advice, "
                            "empty when the lesson has none), steps, tags, partner_types, languages, source, score}], "
                            "facets {steps, tags, partner_types, languages}");
    searchCommand->add_option("query", search->words, "Words to look for (none: every lesson that passes the filters)");
    searchCommand->callback([search] {
        const lessons::LessonSearch searcher = search->library.open();
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

    struct ShowOptions {
        LibraryOptions library;
        std::string language;
        bool json = false;
        std::string id;
    };
    auto show = std::make_shared<ShowOptions>();
    auto* lessonsCommand = app.add_subcommand("lessons", "Read the lessons learned.");
    lessonsCommand->require_subcommand(1);
    auto* showCommand = lessonsCommand->add_subcommand(
        "show", "One lesson whole: what its source says, then the library's own advice under a heading of its own.");
    show->library.addTo(*showCommand);
    showCommand->add_option("--lang", show->language,
                            "Your language (BCP 47): the lesson's text in it, else in the same primary language, else "
                            "its first text");
    showCommand->add_flag("--json", show->json,
                          "One JSON object: id, lang, title, summary, body [paragraphs], advice [paragraphs of the "
                          "library's own advice, not from the source; empty when none], source, steps, tags, "
                          "partner_types, languages");
    showCommand->add_option("id", show->id, "The lesson's id (as search gives it)")->required();
    showCommand->callback([show] {
        const lessons::LessonSearch searcher = show->library.open();
        const auto lesson = searcher.lesson(show->id);
        if (!lesson)
            throw InvalidInput("partnering.lessons.unknown-lesson", "no lesson \"" + show->id + "\" in the library");
        const lessons::LessonText& text = lessons::displayedText(*lesson, show->language);
        if (show->json)
            std::cout << lessonJson(*lesson, text).dump(2) << '\n';
        else
            printLesson(*lesson, text);
    });
}

} // namespace partnering::cli
