// Building and updating the lessons index, the one writer of its Xapian database, on every core;
// an update becomes visible to readers at once, so a crash leaves the previous index searchable.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace partnering::lessons {

struct RejectedFile {
    std::string path;
    std::string message;       // "[partnering.lessons.<id>] file:line: reason"
    bool keptPrevious = false; // an earlier good version of the file stays indexed
};

struct BuildReport {
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t removed = 0;
    std::size_t texts = 0;    // lesson texts (documents) written
    std::size_t synonyms = 0; // glossary synonym entries, when a glossary was (re)loaded
    std::vector<RejectedFile> rejected;
};

struct BuildOptions {
    // Threads the build uses; 0 = one per core. An update has one write to Xapian while the
    // others (at least one) read and analyse files.
    unsigned threads = 0;
    // A first build (the index holds nothing yet) of at least this many files, with two threads
    // or more, writes a database per thread and merges them with Xapian's compactor: on two cores
    // the 50,000-section bench built 2,709 documents/s against one writer's 2,307, and an index
    // of 144 MiB against 193.
    std::size_t shardedFrom = 1000;
    // Called after each file is written (tests use it to stop a build half-way).
    std::function<void(std::size_t done, std::size_t total)> progress;
};

// For a process that builds large indexes (the CLI): Xapian flushes a build's postings every
// 1,000 texts instead of 10,000, faster with less memory for our texts. Xapian 1.4 reads this only
// from the environment (XAPIAN_FLUSH_THRESHOLD, left as the user set it), when an index is opened:
// call it while the process has one thread. The extension, which builds small folder libraries
// inside LibreOffice's threads, leaves it.
void tuneForLargeBuilds();

class LessonIndex {
public:
    // Opens (creating if needed) the database in `directory` for writing. Throws
    // EnvironmentFailure "[partnering.lessons.index-locked]" when another writer has it.
    explicit LessonIndex(const std::filesystem::path& directory);
    ~LessonIndex();
    LessonIndex(const LessonIndex&) = delete;
    LessonIndex& operator=(const LessonIndex&) = delete;

    // Makes the index hold exactly the lessons in `inputs` (files, or folders searched for
    // *.xml): new and changed files are (re)indexed, unchanged ones skipped, files no longer
    // among the inputs removed. Bad files are reported, never fatal. `glossary` (TBX) replaces
    // the cross-language synonyms; without it the previous synonyms stay. Throws
    // EnvironmentFailure "[partnering.lessons.index-write]" when the database cannot be written,
    // "[partnering.lessons.no-threads]" when the analysis threads cannot start; the index then
    // stays as it was.
    BuildReport build(const std::vector<std::filesystem::path>& inputs,
                      const std::optional<std::filesystem::path>& glossary = std::nullopt,
                      const BuildOptions& options = {});

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace partnering::lessons
