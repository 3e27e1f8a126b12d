#include "lessons/ShardedBuild.hpp"

#include "error/Error.hpp"
#include "error/ScopeGuards.hpp"
#include "lessons/LessonDatabase.hpp"
#include "lessons/PreparedFiles.hpp"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <tuple>
#include <unistd.h>
#include <utility>

namespace partnering::lessons {

namespace {

namespace fs = std::filesystem;

// A shard is read once, by the compactor, and thrown away, even when the build fails: it needs
// none of the disk syncs that make a commit last through a power cut (the compacted index gets them).
constexpr int kShardFlags = Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC;

struct WrittenLesson {
    std::size_t file = 0; // index in the build's files
    std::size_t texts = 0;
};

struct Shard {
    std::optional<LessonDatabase> db;
    std::map<std::string, WrittenLesson> lessons;                  // by id, the first file of each
    std::vector<std::pair<std::size_t, std::string>> duplicates;   // file, lesson id: named later
    std::vector<std::pair<std::size_t, RejectedFile>> rejected;
};

// Hands the files out in runs of neighbours (a folder, mostly of one language): Xapian's cost
// between two flushes grows with the words a shard has met, and one language at a time keeps
// them few. Runs shrink towards the end, so that the threads finish together.
class FileRuns {
public:
    FileRuns(std::size_t files, std::size_t shards) : files_(files), shards_(shards) {}

    // The next run [first, end); empty when every file is taken. Runs come in input order.
    std::pair<std::size_t, std::size_t> take()
    {
        const std::lock_guard lock(mutex_);
        const std::size_t left = files_ - next_;
        const std::size_t run = std::min(left, std::max<std::size_t>(16, left / (2 * shards_)));
        const std::size_t first = next_;
        next_ += run;
        return {first, next_};
    }

private:
    std::mutex mutex_;
    std::size_t next_ = 0;
    const std::size_t files_;
    const std::size_t shards_;
};

// A shard's runs come in input order, so its first file of a lesson id is the first of the
// build among its files.
void fillShard(Shard& shard, const std::vector<InputFile>& files, FileRuns& runs, const std::atomic<bool>& stop,
               const std::function<void()>& fileDone)
{
    AnalyzerCache analyzers;
    for (auto [first, end] = runs.take(); first < end && !stop; std::tie(first, end) = runs.take()) {
        for (std::size_t i = first; i < end && !stop; ++i) {
            const InputFile& file = files[i];
            PreparedFile prepared = prepareFile(file, nullptr, analyzers);
            if (prepared.kind != PreparedFile::Kind::Lesson) { // without a stamp no file is Unchanged
                shard.rejected.push_back({i, {file.path, prepared.message, false}});
            } else if (!shard.lessons.try_emplace(prepared.lesson.id, WrittenLesson{i, prepared.texts.size()}).second) {
                shard.duplicates.emplace_back(i, prepared.lesson.id);
            } else {
                shard.db->writeLesson(prepared, false);
                shard.db->stampFile(file.path, FileStamp{prepared.hash, file.size, file.mtime, prepared.lesson.id});
            }
            fileDone();
        }
    }
    if (stop)
        return;
    shard.db->applySpellingChanges();
    shard.db->xapian().commit();
}

// A lesson id written by two shards stays with its first file; the later files are rejected, as
// the one-writer build rejects them, and a shard that lost a lesson writes again.
void keepFirstOfEachLesson(std::vector<Shard>& shards, const std::vector<InputFile>& files, BuildReport& report)
{
    std::map<std::string, std::size_t> first; // lesson id -> file
    for (const auto& shard : shards)
        for (const auto& [id, written] : shard.lessons) {
            const auto [it, isNew] = first.try_emplace(id, written.file);
            if (!isNew)
                it->second = std::min(it->second, written.file);
        }
    std::vector<std::pair<std::size_t, RejectedFile>> rejected;
    for (auto& shard : shards) {
        bool changed = false;
        for (const auto& [id, written] : shard.lessons) {
            if (first.at(id) == written.file) {
                ++report.added;
                report.texts += written.texts;
                continue;
            }
            shard.db->deleteLesson(id);
            shard.db->forgetFile(files[written.file].path);
            shard.duplicates.emplace_back(written.file, id);
            changed = true;
        }
        if (changed) {
            shard.db->applySpellingChanges();
            shard.db->xapian().commit();
        }
        for (const auto& [file, id] : shard.duplicates)
            rejected.push_back({file, {files[file].path, duplicateIdMessage(files[file].path, id, files[first.at(id)].path), false}});
        std::move(shard.rejected.begin(), shard.rejected.end(), std::back_inserter(rejected));
    }
    std::sort(rejected.begin(), rejected.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& entry : rejected)
        report.rejected.push_back(std::move(entry.second));
}

} // namespace

void buildInShards(const std::vector<InputFile>& files, unsigned shardCount, const fs::path& work,
                   const fs::path& output, const BuildOptions& options, BuildReport& report)
{
    fs::remove_all(work); // a build that died left its shards
    fs::create_directories(work);
    const AtScopeExit removeShards([&work] {
        std::error_code ignored;
        fs::remove_all(work, ignored);
    });
    std::vector<Shard> shards(std::max(1u, shardCount));
    std::vector<fs::path> paths;
    for (std::size_t k = 0; k < shards.size(); ++k) {
        paths.push_back(work / ("shard-" + std::to_string(k)));
        shards[k].db.emplace(Xapian::WritableDatabase(paths.back().string(), kShardFlags));
    }

    FileRuns runs(files.size(), shards.size());
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::atomic<std::size_t> done{0};
    std::exception_ptr failure;
    auto fail = [&] {
        const std::lock_guard lock(mutex);
        if (!failure)
            failure = std::current_exception();
        stop = true;
    };
    const std::function<void()> fileDone = [&] {
        const std::size_t now = ++done;
        if (options.progress)
            options.progress(now, files.size());
    };
    // Every error of a shard ends the build; it is carried to the calling thread, which throws it.
    auto fill = [&](Shard& shard) {
        try {
            fillShard(shard, files, runs, stop, fileDone);
        } catch (const Xapian::Error&) {
            fail();
        } catch (const std::exception&) {
            fail();
        }
    };
    std::vector<std::thread> threads;
    const AtScopeExit joinThreads([&] {
        stop = stop || std::uncaught_exceptions() > 0;
        for (auto& thread : threads)
            thread.join();
    });
    try {
        for (std::size_t k = 1; k < shards.size(); ++k)
            threads.emplace_back(fill, std::ref(shards[k]));
    } catch (const std::system_error& e) {
        stop = true;
        throw EnvironmentFailure("partnering.lessons.no-threads",
                                 "cannot start the threads that index lesson files: " + std::string(e.what()));
    }
    fill(shards[0]);
    for (auto& thread : threads)
        thread.join();
    threads.clear();
    if (failure)
        std::rethrow_exception(failure);

    keepFirstOfEachLesson(shards, files, report);
    Xapian::Database all;
    for (std::size_t k = 0; k < shards.size(); ++k) {
        shards[k].db->xapian().close();
        all.add_database(Xapian::Database(paths[k].string()));
    }
    all.compact(output.string(), Xapian::Compactor::FULL);
}

// Xapian's glass format: a version file naming each table's root, and the tables.
constexpr std::string_view kVersionFile = "iamglass";
constexpr std::string_view kTable = ".glass";
// A table of the new database, in the old one's folder before it takes its place.
constexpr std::string_view kIncoming = ".incoming";

void moveDatabaseOver(const fs::path& from, const fs::path& to)
{
    const fs::path version = kVersionFile;
    const std::string incoming(kIncoming);
    std::vector<fs::path> tables;
    for (const auto& entry : fs::directory_iterator(from))
        if (entry.path().extension() == kTable) {
            tables.push_back(entry.path().filename());
            fs::rename(entry.path(), to / (entry.path().filename().string() + incoming));
        }
    // From here until the version file comes back, the folder holds no database: a few renames.
    fs::remove(to / version);
    for (const auto& table : tables)
        fs::rename(to / (table.string() + incoming), to / table);
    for (const auto& entry : fs::directory_iterator(to))
        if (entry.path().extension() == kTable
            && std::find(tables.begin(), tables.end(), entry.path().filename()) == tables.end())
            fs::remove(entry.path()); // a table the new database does not have
    fs::rename(from / version, to / version);
    // The renames last through a power cut, as the tables Xapian wrote do.
    const int folder = ::open(to.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
        ::fsync(folder);
        ::close(folder);
    }
}

void removeUnfinishedMove(const fs::path& to)
{
    for (const auto& entry : fs::directory_iterator(to))
        if (entry.path().extension() == kIncoming)
            fs::remove(entry.path());
}

bool holdsTables(const fs::path& folder)
{
    std::error_code error;
    for (fs::directory_iterator entry(folder, error), end; !error && entry != end; entry.increment(error))
        if (entry->path().extension() == kTable || entry->path().extension() == kIncoming)
            return true;
    return false;
}

} // namespace partnering::lessons
