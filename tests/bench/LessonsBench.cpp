// The lessons benchmark: our indexer and search against plain Xapian (TermGenerator with the
// language's Snowball stemmer, QueryParser, MSet::snippet) on the same lesson files, in one run.
// Each phase runs in its own process so its peak memory (max RSS) is its own.
//
// usage: lessons_bench --corpus DIR --queries FILE.jsonl --work DIR [--report FILE.json]
//                      [--phases plain,ours,ours1,search]  (default: all; a partial run prints its JSON only)
//                      [--rounds N]  (indexing rounds, alternating sides; each side's median is reported)
#include "lessons/LessonIndex.hpp"
#include "lessons/LessonSearch.hpp"

#include <libxml/parser.h>
#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

namespace {

struct Query {
    std::string language;
    std::string text;
};

std::vector<fs::path> lessonFiles(const fs::path& corpus)
{
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(corpus))
        if (entry.is_regular_file() && entry.path().extension() == ".xml")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<Query> readQueries(const fs::path& path)
{
    std::vector<Query> queries;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) {
            const auto q = json::parse(line);
            queries.push_back({q.at("lang"), q.at("query")});
        }
    return queries;
}

double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

std::uintmax_t sizeOf(const fs::path& dir)
{
    std::uintmax_t total = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file())
            total += entry.file_size();
    return total;
}

json latencies(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(std::ceil(q * ms.size())) - 1)]; };
    return {{"queries", ms.size()}, {"p50_ms", at(0.50)}, {"p90_ms", at(0.90)}, {"p99_ms", at(0.99)}, {"max_ms", ms.back()}};
}

// The five slowest of `queries` (timed `ms`, in the same order): the p99 of 250 queries is the
// third slowest, so these are what a tail goal is about.
json slowest(const std::vector<Query>& queries, const std::vector<double>& ms)
{
    std::vector<std::size_t> order(ms.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const std::size_t shown = std::min<std::size_t>(5, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown), order.end(),
                      [&](std::size_t a, std::size_t b) { return ms[a] > ms[b]; });
    json out = json::array();
    for (std::size_t i = 0; i < shown; ++i)
        out.push_back({{"ms", ms[order[i]]}, {"lang", queries[order[i]].language}, {"query", queries[order[i]].text}});
    return out;
}

Xapian::Stem stemmerFor(const std::string& language)
{
    try {
        return Xapian::Stem(language.substr(0, language.find('-')));
    } catch (const Xapian::Error&) {
        return Xapian::Stem();
    }
}

// --- the phases -------------------------------------------------------------------------------

json oursIndex(const fs::path& corpus, const fs::path& db, unsigned threads)
{
    fs::remove_all(db);
    // As `partnering lessons index build` does; in this phase's own process, so that plain
    // Xapian keeps its default.
    partnering::lessons::tuneForLargeBuilds();
    const auto start = Clock::now();
    partnering::lessons::LessonIndex index(db);
    partnering::lessons::BuildOptions options;
    options.threads = threads;
    const auto report = index.build({corpus}, std::nullopt, options);
    const double elapsed = seconds(Clock::now() - start);
    const auto documents = report.added + report.updated;
    return {{"documents", documents}, {"rejected", report.rejected.size()}, {"seconds", elapsed},
            {"documents_per_second", documents / elapsed}, {"threads", threads}, {"db_bytes", sizeOf(db)}};
}

json plainXapianIndex(const fs::path& corpus, const fs::path& db)
{
    fs::remove_all(db);
    const auto start = Clock::now();
    const auto files = lessonFiles(corpus);
    Xapian::WritableDatabase database(db.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    std::map<std::string, Xapian::Stem> stemmers;
    std::size_t documents = 0;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        const std::string text = bytes.str();
        xmlDoc* doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), file.c_str(), nullptr,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        if (doc == nullptr)
            continue;
        const xmlNode* root = xmlDocGetRootElement(doc);
        xmlChar* idValue = xmlGetProp(root, reinterpret_cast<const xmlChar*>("id"));
        const std::string id = idValue != nullptr ? reinterpret_cast<const char*>(idValue) : "";
        xmlFree(idValue);
        for (const xmlNode* t = root->children; t != nullptr; t = t->next) {
            if (t->type != XML_ELEMENT_NODE || std::strcmp(reinterpret_cast<const char*>(t->name), "text") != 0)
                continue;
            xmlChar* langValue = xmlNodeGetLang(t);
            const std::string language = langValue != nullptr ? reinterpret_cast<const char*>(langValue) : "en";
            xmlFree(langValue);
            std::string title, body;
            for (const xmlNode* part = t->children; part != nullptr; part = part->next) {
                if (part->type != XML_ELEMENT_NODE)
                    continue;
                xmlChar* content = xmlNodeGetContent(part);
                (std::strcmp(reinterpret_cast<const char*>(part->name), "title") == 0 ? title : body) +=
                    std::string(reinterpret_cast<const char*>(content)) + "\n";
                xmlFree(content);
            }
            auto stem = stemmers.find(language);
            if (stem == stemmers.end())
                stem = stemmers.emplace(language, stemmerFor(language)).first;
            Xapian::Document document;
            generator.set_document(document);
            generator.set_stemmer(stem->second);
            generator.index_text(title, 4);
            generator.increase_termpos();
            generator.index_text(body);
            document.set_data(body);
            const std::string unique = "Q" + id + "@" + language;
            document.add_boolean_term(unique);
            database.replace_document(unique, document);
            ++documents;
        }
        xmlFreeDoc(doc);
    }
    database.commit();
    const double elapsed = seconds(Clock::now() - start);
    return {{"documents", documents}, {"seconds", elapsed}, {"documents_per_second", documents / elapsed},
            {"threads", 1}, {"db_bytes", sizeOf(db)}};
}

json oursSearch(const fs::path& db, const std::vector<Query>& queries)
{
    const auto search = partnering::lessons::LessonSearch::openLocal(db);
    std::vector<double> ms;
    std::size_t hits = 0;
    for (int pass = 0; pass < 2; ++pass) { // the first pass warms the caches and is not counted
        for (const auto& query : queries) {
            partnering::lessons::SearchRequest request;
            request.query = query.text;
            request.readerLanguage = query.language;
            request.limit = 10;
            request.facets = false;
            const auto start = Clock::now();
            const auto results = search.search(request);
            const double elapsed = seconds(Clock::now() - start) * 1000;
            if (pass == 1) {
                ms.push_back(elapsed);
                hits += results.hits.size();
            }
        }
    }
    json out = latencies(ms);
    out["mean_results"] = static_cast<double>(hits) / static_cast<double>(queries.size());
    out["slowest"] = slowest(queries, ms);
    return out;
}

json plainXapianSearch(const fs::path& db, const std::vector<Query>& queries)
{
    Xapian::Database database(db.string());
    std::vector<double> ms;
    std::size_t hits = 0;
    for (int pass = 0; pass < 2; ++pass) {
        for (const auto& query : queries) {
            const auto start = Clock::now();
            const Xapian::Stem stem = stemmerFor(query.language);
            Xapian::QueryParser parser;
            parser.set_database(database);
            parser.set_stemmer(stem);
            parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
            Xapian::Enquire enquire(database);
            enquire.set_query(parser.parse_query(query.text));
            const Xapian::MSet mset = enquire.get_mset(0, 10);
            std::size_t snippetBytes = 0;
            for (auto item = mset.begin(); item != mset.end(); ++item)
                snippetBytes += mset.snippet(item.get_document().get_data(), 200, stem).size();
            const double elapsed = seconds(Clock::now() - start) * 1000;
            if (pass == 1) {
                ms.push_back(elapsed);
                hits += mset.size();
            }
            (void)snippetBytes;
        }
    }
    json out = latencies(ms);
    out["mean_results"] = static_cast<double>(hits) / static_cast<double>(queries.size());
    out["slowest"] = slowest(queries, ms);
    return out;
}

// Runs `phase` in a child process; returns its JSON result with the child's peak memory.
template <class Phase>
json isolated(const std::string& name, Phase&& phase)
{
    int pipeFds[2];
    if (::pipe(pipeFds) != 0)
        throw std::runtime_error("pipe failed");
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(pipeFds[0]);
        std::string out;
        try {
            out = phase().dump();
        } catch (const std::exception& e) {
            out = json{{"error", e.what()}}.dump();
        }
        const char* data = out.data();
        std::size_t left = out.size();
        while (left > 0) {
            const ssize_t n = ::write(pipeFds[1], data, left);
            if (n <= 0)
                break;
            data += n;
            left -= static_cast<std::size_t>(n);
        }
        ::_exit(0);
    }
    ::close(pipeFds[1]);
    std::string out;
    char buffer[4096];
    for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0;)
        out.append(buffer, static_cast<std::size_t>(n));
    ::close(pipeFds[0]);
    int status = 0;
    struct rusage usage {};
    ::wait4(child, &status, 0, &usage);
    json result = out.empty() ? json{{"error", "the phase crashed"}} : json::parse(out);
    result["peak_rss_mib"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
    result["cpu_seconds"] = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                            + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    std::cerr << "  " << name << ": " << result.dump() << '\n';
    return result;
}

} // namespace

int main(int argc, char** argv)
{
    std::map<std::string, std::string> args;
    for (int i = 1; i + 1 < argc; i += 2)
        args[argv[i]] = argv[i + 1];
    if (!args.count("--corpus") || !args.count("--queries") || !args.count("--work")) {
        std::cerr << "usage: lessons_bench --corpus DIR --queries FILE.jsonl --work DIR [--report FILE.json] [--phases LIST] [--rounds N]\n";
        return 2;
    }
    const fs::path corpus = args["--corpus"];
    const fs::path work = args["--work"];
    fs::create_directories(work);
    const auto queries = readQueries(args["--queries"]);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());

    std::set<std::string> phases{"plain", "ours", "ours1", "search"};
    if (args.count("--phases")) {
        phases.clear();
        std::istringstream list(args["--phases"]);
        for (std::string phase; std::getline(list, phase, ',');)
            phases.insert(phase);
    }
    const bool all = phases.size() == 4 && phases.count("plain") && phases.count("ours") && phases.count("ours1") && phases.count("search");

    json report;
    std::size_t languages = 0; // make_corpus.py writes a folder per language
    for (const auto& entry : fs::directory_iterator(corpus))
        languages += entry.is_directory() ? 1 : 0;
    report["corpus"] = {{"documents", lessonFiles(corpus).size()}, {"languages", languages}, {"queries", queries.size()}, {"cores", cores}};
    std::cerr << "lessons_bench: " << report["corpus"].dump() << '\n';
    // Indexing runs in alternating rounds, each side's median kept: on a shared machine one
    // round's neighbours can slow either side by a third.
    const int rounds = args.count("--rounds") ? std::max(1, std::stoi(args["--rounds"])) : 1;
    std::map<std::string, std::vector<json>> runs;
    for (int round = 0; round < rounds; ++round) {
        if (phases.count("plain"))
            runs["plain_xapian"].push_back(isolated("plain Xapian index", [&] { return plainXapianIndex(corpus, work / "xapian"); }));
        if (phases.count("ours1"))
            runs["ours_1_thread"].push_back(isolated("our index, one writer", [&] { return oursIndex(corpus, work / "ours-1", 1); }));
        if (phases.count("ours"))
            runs["ours"].push_back(isolated("our index", [&] { return oursIndex(corpus, work / "ours", 0); })); // the default
    }
    // Each round's ratio pairs our build with plain Xapian's just before it: the machine's speed
    // drifts by a fifth over minutes, and the ratio of two medians from different rounds follows it.
    std::vector<double> pairedRatios;
    if (runs.count("ours") && runs.count("plain_xapian"))
        for (std::size_t round = 0; round < runs["ours"].size(); ++round)
            pairedRatios.push_back(runs["ours"][round].value("documents_per_second", 0.0)
                                   / runs["plain_xapian"][round].value("documents_per_second", 1.0));
    std::sort(pairedRatios.begin(), pairedRatios.end());
    for (auto& [side, results] : runs) {
        std::sort(results.begin(), results.end(), [](const json& a, const json& b) {
            return a.value("documents_per_second", 0.0) < b.value("documents_per_second", 0.0);
        });
        report["index"][side] = results[results.size() / 2];
        report["index"][side]["rounds"] = results.size();
    }
    if (phases.count("search")) {
        report["search"]["plain_xapian"] = isolated("plain Xapian search", [&] { return plainXapianSearch(work / "xapian", queries); });
        report["search"]["ours"] = isolated("our search", [&] { return oursSearch(work / "ours", queries); });
    }
    fs::remove_all(work / "ours-1");
    if (!all) {
        if (args.count("--report"))
            std::ofstream(args["--report"]) << report.dump(2) << '\n';
        return 0;
    }

    const auto& index = report["index"];
    const auto& search = report["search"];
    report["ratios"] = {
        {"indexing_throughput_ours_over_xapian", pairedRatios[pairedRatios.size() / 2]},
        {"indexing_throughput_ours_over_xapian_by_round", pairedRatios},
        {"query_p99_xapian_over_ours", search["plain_xapian"]["p99_ms"].get<double>() / search["ours"]["p99_ms"].get<double>()},
        {"db_size_ours_over_xapian", index["ours"]["db_bytes"].get<double>() / index["plain_xapian"]["db_bytes"].get<double>()},
        {"indexing_peak_memory_ours_over_xapian", index["ours"]["peak_rss_mib"].get<double>() / index["plain_xapian"]["peak_rss_mib"].get<double>()}};

    std::cout << std::fixed << std::setprecision(2)
              << "| measure | ours | plain Xapian | ratio |\n|---|---|---|---|\n"
              << "| index " << report["corpus"]["documents"].get<std::size_t>() << " sections, "
              << report["corpus"]["languages"].get<std::size_t>() << " languages, documents/s (median round; ratio: median of each round's ours/plain) | " << index["ours"]["documents_per_second"].get<double>() << " (default, a first build: a shard per core on "
              << cores << " cores, merged by Xapian's compactor; an update's 1 analysing + 1 writing thread: "
              << index["ours_1_thread"]["documents_per_second"].get<double>() << ") | "
              << index["plain_xapian"]["documents_per_second"].get<double>() << " | "
              << report["ratios"]["indexing_throughput_ours_over_xapian"].get<double>() << " |\n"
              << "| indexing peak memory, MiB | " << index["ours"]["peak_rss_mib"].get<double>() << " | "
              << index["plain_xapian"]["peak_rss_mib"].get<double>() << " | "
              << report["ratios"]["indexing_peak_memory_ours_over_xapian"].get<double>() << " |\n"
              << "| indexing CPU, s (all threads) | " << index["ours"]["cpu_seconds"].get<double>() << " | "
              << index["plain_xapian"]["cpu_seconds"].get<double>() << " | |\n"
              << "| database size, MiB | " << index["ours"]["db_bytes"].get<double>() / 1048576 << " | "
              << index["plain_xapian"]["db_bytes"].get<double>() / 1048576 << " | "
              << report["ratios"]["db_size_ours_over_xapian"].get<double>() << " |\n"
              << "| query p50, ms (top 10 + snippets) | " << search["ours"]["p50_ms"].get<double>() << " | "
              << search["plain_xapian"]["p50_ms"].get<double>() << " | |\n"
              << "| query p99, ms | " << search["ours"]["p99_ms"].get<double>() << " | " << search["plain_xapian"]["p99_ms"].get<double>()
              << " | " << report["ratios"]["query_p99_xapian_over_ours"].get<double>() << " |\n"
              << "| search process peak memory, MiB | " << search["ours"]["peak_rss_mib"].get<double>() << " | "
              << search["plain_xapian"]["peak_rss_mib"].get<double>() << " | |\n"
              << "| mean results per query | " << search["ours"]["mean_results"].get<double>() << " | "
              << search["plain_xapian"]["mean_results"].get<double>() << " | |\n";
    if (args.count("--report"))
        std::ofstream(args["--report"]) << report.dump(2) << '\n';
    return 0;
}
