// The lesson files a build reads: the files its inputs name, their bytes, and the stamp the index
// records for each so that the next build skips unchanged files. Not a public header.
#pragma once

#include "lessons/LessonIndex.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace partnering::lessons {

// A lesson file as found on disk.
struct InputFile {
    std::string path; // absolute, canonical: the key of its stamp
    std::uint64_t size = 0;
    std::int64_t mtime = 0; // nanoseconds
};

// What the index remembers of a file from the build that last read it.
struct FileStamp {
    std::uint64_t hash = 0; // fingerprint() of its bytes
    std::uint64_t size = 0;
    std::int64_t mtime = 0; // nanoseconds
    std::string lessonId;   // empty when the file never indexed successfully

    // "<hash> <size> <mtime>\t<lesson id>", the metadata value (IndexSchema.hpp).
    std::string encode() const;
    static FileStamp decode(const std::string& text);
};

// The lesson files named by `inputs`, sorted by path: files as given, folders searched for
// *.xml. An input that is missing or cannot be listed goes to `rejected`.
std::vector<InputFile> expandInputs(const std::vector<std::filesystem::path>& inputs,
                                    std::vector<RejectedFile>& rejected);

// Why the file at `path` is rejected: its lesson id is the one of the lesson in `firstPath`.
std::string duplicateIdMessage(const std::string& path, const std::string& id, const std::string& firstPath);

// The whole file into `bytes`; false when it cannot be read.
bool readFile(const std::string& path, std::string& bytes);

// A fast hash of a file's bytes, to tell a changed file from one merely touched.
std::uint64_t fingerprint(std::string_view bytes);

} // namespace partnering::lessons
