#include "lessons/LessonIndex.hpp"

#include "error/Error.hpp"
#include "error/ScopeGuards.hpp"
#include "lessons/LessonDatabase.hpp"
#include "lessons/LessonFiles.hpp"
#include "lessons/PreparedFiles.hpp"
#include "lessons/ShardedBuild.hpp"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdint>
#include <map>
#include <set>
#include <thread>

namespace partnering::lessons {

namespace {

namespace fs = std::filesystem;

Xapian::WritableDatabase openForWriting(const fs::path& directory)
{
    try {
        return Xapian::WritableDatabase(directory.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError& e) {
        throw EnvironmentFailure("partnering.lessons.index-locked",
                                 directory.string() + ": another process is updating this index (" + e.get_msg() + ")");
    } catch (const Xapian::Error& e) {
        throw EnvironmentFailure("partnering.lessons.index-unusable",
                                 directory.string() + ": cannot open the index for writing: " + e.get_description());
    }
}

std::int64_t nowNanoseconds()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

// Xapian moves a build's postings from its in-memory inverter into the tables every this many
// documents (its default is 10,000). Our texts carry more terms than plain text indexing, and
// the inverter's maps at 10,000 of them cost more in look-ups and allocation than the more
// frequent merges do: at 2,000 the 50,000-section bench indexed about a third faster, with a
// third less peak memory, and a first build in shards, each flushing on its own, was 4% faster
// again at 1,000 (4,000: 5% slower). A value the user set stays theirs.
void tuneForLargeBuilds()
{
    ::setenv("XAPIAN_FLUSH_THRESHOLD", "1000", 0);
}

struct LessonIndex::Impl {
    fs::path directory;
    LessonDatabase db{Xapian::WritableDatabase()};

    // A first build writes shards on every thread and compacts them into a database of its own
    // beside the empty one, then puts it in its place: the empty index stays until then.
    void buildFirst(const std::vector<InputFile>& files, const std::optional<fs::path>& glossary,
                    const BuildOptions& options, unsigned threads, BuildReport& report)
    {
        const fs::path building = directory / "building";
        const std::int64_t startedAt = nowNanoseconds();
        fs::remove_all(building);
        removeUnfinishedMove(directory);
        const AtScopeExit removeBuilding([&building] {
            std::error_code ignored;
            fs::remove_all(building, ignored);
        });
        buildInShards(files, threads, building / "shards", building / "index", options, report);
        {
            LessonDatabase built(Xapian::WritableDatabase((building / "index").string(), Xapian::DB_OPEN));
            built.recordFormat();
            built.recordBuildStart(startedAt);
            if (glossary)
                report.synonyms = built.loadGlossary(*glossary, report.rejected);
            built.recordStemmers();
            built.xapian().commit();
            built.xapian().close();
        }
        moveDatabaseOver(building / "index", directory);
        db.xapian().close(); // it changed nothing: closing writes nothing over the new tables
        db = LessonDatabase(openForWriting(directory));
    }
};

LessonIndex::LessonIndex(const fs::path& directory) : impl_(std::make_unique<Impl>())
{
    impl_->directory = directory;
    impl_->db = LessonDatabase(openForWriting(directory));
}

LessonIndex::~LessonIndex() = default;

BuildReport LessonIndex::build(const std::vector<fs::path>& inputs, const std::optional<fs::path>& glossary,
                               const BuildOptions& options)
{
    BuildReport report;
    LessonDatabase& lessons = impl_->db;
    Xapian::WritableDatabase& db = lessons.xapian();
    const std::vector<InputFile> files = expandInputs(inputs, report.rejected);
    const unsigned threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    try {
        if (threads > 1 && files.size() >= options.shardedFrom && lessons.holdsNothing()) {
            impl_->buildFirst(files, glossary, options, threads, report);
            return report;
        }
    } catch (const Xapian::Error& e) {
        throw EnvironmentFailure("partnering.lessons.index-write", impl_->directory.string() + ": " + e.get_description());
    } catch (const fs::filesystem_error& e) {
        throw EnvironmentFailure("partnering.lessons.index-write", impl_->directory.string() + ": " + e.what());
    }

    std::set<std::string> inputPaths;
    for (const auto& file : files)
        inputPaths.insert(file.path);
    try {
        db.begin_transaction();
        // However the build fails (Xapian, a bad file, a full disk), none of it is committed.
        const OnScopeFailure cancel([&lessons] {
            lessons.cancelSpellingChanges();
            try {
                lessons.xapian().cancel_transaction();
            } catch (const Xapian::Error&) {
            }
        });
        lessons.upgradeFormat();
        std::map<std::string, FileStamp> recorded = lessons.recordedFiles();

        // Files gone from the library go first, so a lesson that moved to another file keeps its id.
        std::map<std::string, std::string> owner; // lesson id -> path
        for (auto it = recorded.begin(); it != recorded.end();) {
            if (inputPaths.count(it->first) == 0) {
                if (!it->second.lessonId.empty())
                    lessons.deleteLesson(it->second.lessonId);
                lessons.forgetFile(it->first);
                ++report.removed;
                it = recorded.erase(it);
            } else {
                if (!it->second.lessonId.empty())
                    owner[it->second.lessonId] = it->first;
                ++it;
            }
        }

        // A stamp taken within the file system's timestamp granularity of the last build may
        // miss a rewrite of the same size (Git's "racy" files): such files are hashed again.
        const std::int64_t lastBuild = lessons.lastBuildStart();
        constexpr std::int64_t kTimestampSlack = 2'000'000'000;
        lessons.recordBuildStart(nowNanoseconds());

        std::vector<InputFile> work;
        std::vector<const FileStamp*> workStamps;
        for (const auto& file : files) {
            const auto found = recorded.find(file.path);
            const FileStamp* stamp = found == recorded.end() ? nullptr : &found->second;
            if (stamp != nullptr && !stamp->lessonId.empty() && stamp->size == file.size && stamp->mtime == file.mtime
                && stamp->mtime < lastBuild - kTimestampSlack) {
                ++report.unchanged;
                continue;
            }
            work.push_back(file);
            workStamps.push_back(stamp);
        }

        // The calling thread writes to Xapian, the bottleneck: it keeps a core of its own.
        prepareFiles(work, workStamps, std::max(1u, threads - 1), [&](std::size_t i, PreparedFile& prepared) {
            const InputFile& file = work[i];
            const FileStamp* previous = workStamps[i];
            const bool hadLesson = previous != nullptr && !previous->lessonId.empty();
            FileStamp stamp{prepared.hash, file.size, file.mtime, previous != nullptr ? previous->lessonId : ""};
            switch (prepared.kind) {
            case PreparedFile::Kind::Unchanged:
                ++report.unchanged;
                lessons.stampFile(file.path, stamp);
                break;
            case PreparedFile::Kind::Rejected:
                report.rejected.push_back({file.path, prepared.message, hadLesson});
                break;
            case PreparedFile::Kind::Lesson: {
                const std::string& id = prepared.lesson.id;
                const auto taken = owner.find(id);
                if (taken != owner.end() && taken->second != file.path) {
                    report.rejected.push_back({file.path, duplicateIdMessage(file.path, id, taken->second), hadLesson});
                    break;
                }
                if (hadLesson && previous->lessonId != id) {
                    lessons.deleteLesson(previous->lessonId); // the file now holds another lesson
                    owner.erase(previous->lessonId);
                }
                // Every lesson of the index is recorded by a file (`owner`): a build that
                // failed before its commit left nothing behind.
                lessons.writeLesson(prepared, taken != owner.end());
                report.texts += prepared.texts.size();
                owner[id] = file.path;
                stamp.lessonId = id;
                lessons.stampFile(file.path, stamp);
                ++(hadLesson ? report.updated : report.added);
                break;
            }
            }
            if (options.progress)
                options.progress(i + 1, work.size());
        });

        if (glossary)
            report.synonyms = lessons.loadGlossary(*glossary, report.rejected);
        lessons.applySpellingChanges();
        lessons.recordStemmers();
        db.commit_transaction();
    } catch (const Xapian::Error& e) {
        throw EnvironmentFailure("partnering.lessons.index-write",
                                 impl_->directory.string() + ": " + e.get_description());
    }
    return report;
}

} // namespace partnering::lessons
