// The first build of a large library on every core: each thread reads, analyses and writes its
// share of the files into a database of its own, and Xapian's compactor merges them. Not a public header.
#pragma once

#include "lessons/LessonFiles.hpp"
#include "lessons/LessonIndex.hpp"

#include <filesystem>
#include <vector>

namespace partnering::lessons {

// Indexes `files` into a new database at `output` on `shards` threads, each writing a shard
// database under `work` (made empty first, removed after). The lessons, their file stamps, the
// rejected files and the counts (`added`, `texts`) come out as the one-writer build would give
// them: in input order, and a lesson id in two files kept from the first. What a build records
// beside the lessons (format, glossary, stemmers) is the caller's. `options.progress` is called
// from every thread, at times at once. Throws EnvironmentFailure "[partnering.lessons.no-threads]"
// when the threads cannot start; Xapian's and the file system's errors go on.
void buildInShards(const std::vector<InputFile>& files, unsigned shards, const std::filesystem::path& work,
                   const std::filesystem::path& output, const BuildOptions& options, BuildReport& report);

// Puts the database in `from` in the place of the empty one in `to`, which the caller holds
// open for writing. The old version file goes and the new one comes back a few renames later:
// a reader, or a build that died in between, finds the old database, none (the next build
// creates it again), or the new one, never a mix.
void moveDatabaseOver(const std::filesystem::path& from, const std::filesystem::path& to);
// Removes what a build that died while moving a database into `to` left beside it.
void removeUnfinishedMove(const std::filesystem::path& to);
// Whether `folder` holds a database's tables: a whole database, or one being moved in (its
// version file comes back last) or whose move died half-way. A reader that finds no database
// where this holds looks again a moment later: the move may be ending, or may just have ended.
bool holdsTables(const std::filesystem::path& folder);

} // namespace partnering::lessons
