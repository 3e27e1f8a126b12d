// One writable Xapian database seen as lessons: writes and deletes a lesson's texts with their
// spelling counts, and records what a build leaves beside them. Not a public header.
#pragma once

#include "lessons/LessonFiles.hpp"
#include "lessons/LessonIndex.hpp"
#include "lessons/PreparedFiles.hpp"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace partnering::lessons {

class LessonDatabase {
public:
    explicit LessonDatabase(Xapian::WritableDatabase db) : db_(std::move(db)) {}

    Xapian::WritableDatabase& xapian() { return db_; }

    // Writes the texts of a lesson. `known`: the database may hold texts of the lesson already
    // (a file recorded it, or wrote it in this build); they are replaced, and a language the
    // lesson no longer has is dropped.
    void writeLesson(PreparedFile& prepared, bool known);
    void deleteLesson(const std::string& lessonId);

    // The stamp of a lesson file under its metadata key; an empty stamp key forgets the file.
    void stampFile(const std::string& path, const FileStamp& stamp);
    void forgetFile(const std::string& path);
    // Every file stamped, by path.
    std::map<std::string, FileStamp> recordedFiles();

    // Pending spelling changes go to Xapian, once per build, before its commit.
    void applySpellingChanges();
    void cancelSpellingChanges() { spellingChanges_.clear(); }
    // The languages of the texts that have a stemmer, for the search to stem a query in each.
    void recordStemmers();
    // Replaces the synonyms with the glossary's at `path` unless they came from the same bytes;
    // returns the entries written. A glossary that cannot be read or parsed goes to `rejected`.
    std::size_t loadGlossary(const std::filesystem::path& path, std::vector<RejectedFile>& rejected);
    // A database of another format version is emptied, for the build to fill it again.
    void upgradeFormat();
    void recordFormat();
    // A build of this database started at `nanoseconds` since the epoch.
    void recordBuildStart(std::int64_t nanoseconds);
    // When the last build started; 0 when no build recorded it.
    std::int64_t lastBuildStart();
    // True when the database holds no lesson, no file and no glossary: a first build.
    bool holdsNothing();

private:
    std::vector<Xapian::docid> textsOf(const std::string& lessonId);
    void forgetSpelling(Xapian::docid id);
    void deleteText(Xapian::docid id);
    void countSpelling(PreparedText& text);

    Xapian::WritableDatabase db_;
    // How much each spelling word's frequency changes in this build, applied once before the
    // commit. Xapian keeps its pending spelling changes in ordered maps of every word of the
    // build: a call per word and text cost the writer more than half of its time.
    std::unordered_map<std::string, std::int64_t> spellingChanges_;
};

} // namespace partnering::lessons
