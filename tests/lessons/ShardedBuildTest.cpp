// A first build written in shards on several threads and merged by Xapian's compactor holds
// exactly what one writer would have written, and fails, dies or is read as an update does.
#include "error/Error.hpp"
#include "lessons/LessonIndex.hpp"
#include "lessons/LessonSearch.hpp"

#include "LessonLibrary.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

using namespace partnering::lessons;
using partnering::lessons::fixtures::buildKilledAfter;
using partnering::lessons::fixtures::LessonLibrary;
namespace fs = std::filesystem;

namespace {

// The shipped lessons (every language we ship), a lesson id used by two files far apart, a file
// that is not a lesson, and a glossary.
void writeMixedLibrary(LessonLibrary& library)
{
    for (const auto& entry : fs::directory_iterator(PARTNERING_SOURCE_DIR "/index/lessons"))
        fs::copy_file(entry.path(), library.lessons() / entry.path().filename());
    fs::copy_file(PARTNERING_SOURCE_DIR "/index/lessons/agree-a-common-purpose.xml", library.lessons() / "zz-copy.xml");
    fs::copy_file(PARTNERING_SOURCE_DIR "/index/lessons/accountability-mechanisms-for-every-partnership.xml",
                  library.lessons() / "m-copy.xml");
    library.writeRaw("broken.xml", "<lesson xmlns=\"urn:x-partnering:lesson:1\" id=\"broken\"><text>");
    for (int i = 0; i < 40; ++i)
        library.write("generated-" + std::to_string(i),
                      {{"en", "Joint review " + std::to_string(i), "Partners review the work plan " + std::to_string(i) + " together."},
                       {"fr", "Revue conjointe " + std::to_string(i), "Les partenaires révisent le plan de travail ensemble."}});
}

// Everything a search can read, by document's unique term and not by document id (the compactor
// renumbers them): terms with their frequencies and positions, values, data, spelling, synonyms
// and metadata but the build's start time.
std::map<std::string, std::string> contentsOf(const fs::path& directory)
{
    const Xapian::Database db(directory.string());
    std::map<std::string, std::string> contents;
    for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
        const Xapian::Document document = db.get_document(*id);
        std::string unique, text;
        for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
            if ((*term).starts_with("Q"))
                unique = *term;
            text += *term + " " + std::to_string(term.get_wdf()) + ":";
            for (auto position = term.positionlist_begin(); position != term.positionlist_end(); ++position)
                text += " " + std::to_string(*position);
            text += "\n";
        }
        for (auto value = document.values_begin(); value != document.values_end(); ++value)
            text += "value " + std::to_string(value.get_valueno()) + " " + *value + "\n";
        contents["document " + unique] = text + "data " + document.get_data();
    }
    for (auto word = db.spellings_begin(); word != db.spellings_end(); ++word)
        contents["spelling " + *word] = std::to_string(word.get_termfreq());
    for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key)
        for (auto synonym = db.synonyms_begin(*key); synonym != db.synonyms_end(*key); ++synonym)
            contents["synonym " + *key] += *synonym + "\n";
    for (auto key = db.metadata_keys_begin(); key != db.metadata_keys_end(); ++key)
        if (*key != "partnering:built-at")
            contents["metadata " + *key] = db.get_metadata(*key);
    return contents;
}

std::vector<std::string> messages(const BuildReport& report)
{
    std::vector<std::string> all;
    for (const auto& rejected : report.rejected)
        all.push_back(rejected.path + " " + rejected.message + (rejected.keptPrevious ? " (kept)" : ""));
    return all;
}

// Holds the first file's progress call until a second thread reports one: a build that wrote on
// one thread only fails here instead of passing for one in shards.
class TwoThreadsSeen {
public:
    void operator()(std::size_t, std::size_t)
    {
        std::unique_lock lock(mutex_);
        threads_.insert(std::this_thread::get_id());
        seen_.notify_all();
        if (!seen_.wait_for(lock, std::chrono::seconds(20), [this] { return threads_.size() >= 2; }))
            throw std::runtime_error("only one thread wrote lessons");
    }

private:
    std::mutex mutex_;
    std::condition_variable seen_;
    std::set<std::thread::id> threads_;
};

BuildOptions inShards(unsigned threads)
{
    BuildOptions options;
    options.threads = threads;
    options.shardedFrom = 1;
    return options;
}

BuildReport buildInShards(const LessonLibrary& library, unsigned threads = 3,
                          const std::optional<fs::path>& glossary = std::nullopt)
{
    auto seen = std::make_shared<TwoThreadsSeen>();
    BuildOptions options = inShards(threads);
    options.progress = [seen](std::size_t done, std::size_t total) { (*seen)(done, total); };
    return LessonIndex(library.index()).build({library.lessons()}, glossary, options);
}

} // namespace

TEST(ShardedBuild, AFirstBuildInShardsHoldsWhatOneWriterWrites)
{
    LessonLibrary library;
    writeMixedLibrary(library);
    fs::copy_file(PARTNERING_SOURCE_DIR "/index/glossary.tbx", library.root() / "glossary.tbx");
    const fs::path oneWriter = library.root() / "one-writer";
    const BuildReport expected = LessonIndex(oneWriter).build({library.lessons()}, library.root() / "glossary.tbx",
                                                               {.threads = 1, .shardedFrom = 1, .progress = {}});
    const BuildReport sharded = buildInShards(library, 3, library.root() / "glossary.tbx");

    EXPECT_EQ(sharded.added, expected.added);
    EXPECT_EQ(sharded.texts, expected.texts);
    EXPECT_EQ(sharded.synonyms, expected.synonyms);
    EXPECT_GT(sharded.synonyms, 0u);
    EXPECT_EQ(messages(sharded), messages(expected));
    ASSERT_EQ(expected.rejected.size(), 3u); // the broken file and the later file of each id used twice
    EXPECT_NE(expected.rejected[1].message.find("[partnering.lessons.duplicate-id]"), std::string::npos);

    const auto want = contentsOf(oneWriter);
    const auto got = contentsOf(library.index());
    EXPECT_EQ(got.size(), want.size());
    for (const auto& [key, value] : want) {
        const auto found = got.find(key);
        if (found == got.end())
            ADD_FAILURE() << "the sharded index lacks " << key;
        else
            EXPECT_EQ(found->second, value) << key;
    }
    EXPECT_FALSE(fs::exists(library.index() / "building")) << "the shards were left behind";
}

TEST(ShardedBuild, TheNextBuildUpdatesAShardedIndexFileByFile)
{
    LessonLibrary library;
    writeMixedLibrary(library);
    buildInShards(library);
    library.write("generated-3", {{"en", "Joint review rewritten", "The kestrel count replaces the review."}});
    fs::remove(library.lessons() / "generated-4.xml");
    library.write("new-one", {{"es", "Una lección nueva", "Los socios cuentan cernícalos."}});

    const auto report = LessonIndex(library.index()).build({library.lessons()}, std::nullopt, inShards(3));
    EXPECT_EQ(report.updated, 1u);
    EXPECT_EQ(report.removed, 1u);
    EXPECT_EQ(report.added, 1u);
    EXPECT_EQ(report.unchanged, 102u);
    SearchRequest request;
    request.query = "kestrel";
    const auto search = LessonSearch::openLocal(library.index());
    ASSERT_EQ(search.search(request).hits.size(), 1u);
    EXPECT_EQ(search.search(request).hits[0].id, "generated-3");
    request.query = "Joint review 4";
    for (const auto& hit : search.search(request).hits)
        EXPECT_NE(hit.id, "generated-4");
}

TEST(ShardedBuild, AFailedShardedBuildLeavesTheIndexEmptyAndNoShards)
{
    LessonLibrary library;
    writeMixedLibrary(library);
    BuildOptions options = inShards(2);
    options.progress = [](std::size_t done, std::size_t) {
        if (done == 20)
            throw std::runtime_error("stopped by the test");
    };
    EXPECT_THROW(LessonIndex(library.index()).build({library.lessons()}, std::nullopt, options), std::runtime_error);
    EXPECT_FALSE(fs::exists(library.index() / "building"));
    EXPECT_EQ(LessonSearch::openLocal(library.index()).lessonCount(), 0u);
    EXPECT_EQ(buildInShards(library).added, 104u);
}

// The writer dies (SIGKILL) half-way through a sharded first build: the index is still the empty
// one, and the next build clears the dead build's shards and completes.
TEST(ShardedBuild, AKillDuringAShardedBuildLeavesAnEmptyIndexAndTheNextBuildCompletes)
{
    LessonLibrary library;
    writeMixedLibrary(library);
    ASSERT_TRUE(buildKilledAfter(library, 50, inShards(2))) << "the writer was not killed mid-build";
    EXPECT_TRUE(fs::exists(library.index() / "building" / "shards")) << "the test meant to leave shards behind";
    EXPECT_EQ(LessonSearch::openLocal(library.index()).lessonCount(), 0u);

    EXPECT_EQ(buildInShards(library, 2).added, 104u);
    EXPECT_EQ(LessonSearch::openLocal(library.index()).lessonCount(), 104u);
    EXPECT_FALSE(fs::exists(library.index() / "building"));
}

TEST(ShardedBuild, AnOpenSearchSeesTheShardedIndexThatReplacedTheEmptyOne)
{
    LessonLibrary library;
    writeMixedLibrary(library);
    LessonIndex(library.index()).build({}, std::nullopt, {});
    const auto search = LessonSearch::openLocal(library.index());
    SearchRequest request;
    request.query = "review";
    ASSERT_TRUE(search.search(request).hits.empty());
    buildInShards(library);
    EXPECT_EQ(search.search(request).hits.size(), 10u);
    EXPECT_EQ(search.lessonCount(), 104u);
}

namespace {

// The index folder as a first build leaves it between two of the renames that move its database
// in (moveDatabaseOver): the tables there, their version file not yet. Put back by putBack().
class HalfMovedIndex {
public:
    explicit HalfMovedIndex(const LessonLibrary& library)
        : version_(library.index() / "iamglass"), aside_(library.root() / "iamglass.aside")
    {
        fs::rename(version_, aside_);
    }
    void putBack() { fs::rename(aside_, version_); }

private:
    fs::path version_, aside_;
};

std::string errorIdOf(const std::function<void()>& call)
{
    try {
        call();
    } catch (const partnering::EnvironmentFailure& e) {
        return e.id();
    }
    return "no error";
}

} // namespace

// A search, or a reader opening the index, while a first build moves its database in, waits for
// the move and answers from the new database instead of reporting the index missing.
TEST(ShardedBuild, ASearchDuringTheMoveOfAFirstBuildAnswersOnceTheMoveEnds)
{
    LessonLibrary library;
    writeMixedLibrary(library);
    buildInShards(library);
    SearchRequest request;
    request.query = "review";
    const auto search = LessonSearch::openLocal(library.index());
    ASSERT_EQ(search.search(request).hits.size(), 10u);

    HalfMovedIndex moving(library);
    std::jthread mover([&moving] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        moving.putBack();
    });
    std::size_t hits = 0;
    EXPECT_EQ(errorIdOf([&] { hits = search.search(request).hits.size(); }), "no error");
    mover.join();
    EXPECT_EQ(hits, 10u);

    HalfMovedIndex opening(library);
    mover = std::jthread([&opening] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        opening.putBack();
    });
    std::optional<LessonSearch> opened;
    EXPECT_EQ(errorIdOf([&] { opened.emplace(LessonSearch::openLocal(library.index())); }), "no error");
    mover.join();
    ASSERT_TRUE(opened.has_value());
    EXPECT_EQ(opened->lessonCount(), 104u);
}

// A build that died half-way through the move never finishes it: the reader gives up after its
// short wait and says so, as for any index it cannot read.
TEST(ShardedBuild, ASearchOfAnIndexWhoseMoveDiedReportsItAfterAShortWait)
{
    LessonLibrary library;
    writeMixedLibrary(library);
    buildInShards(library);
    const auto search = LessonSearch::openLocal(library.index());
    HalfMovedIndex died(library);
    SearchRequest request;
    request.query = "review";
    EXPECT_EQ(errorIdOf([&] { search.search(request); }), "partnering.lessons.search-failed");
    EXPECT_EQ(errorIdOf([&] { LessonSearch::openLocal(library.index()); }), "partnering.lessons.no-index");
}
