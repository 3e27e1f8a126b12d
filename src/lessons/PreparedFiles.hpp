// Lesson files read, parsed and analysed into index documents on several threads, handed to the
// index's one writer in input order, a bounded number held in memory. Not a public header.
#pragma once

#include "lessons/IndexedText.hpp"
#include "lessons/Lesson.hpp"
#include "lessons/LessonFiles.hpp"
#include "lessons/TextAnalyzer.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace partnering::lessons {

// One lesson file, ready to write.
struct PreparedFile {
    enum class Kind { Unchanged, Rejected, Lesson } kind = Kind::Rejected;
    std::string message;    // Rejected: "[partnering.lessons.<id>] file:line: reason"
    std::uint64_t hash = 0; // fingerprint() of the bytes read
    Lesson lesson;
    std::vector<PreparedText> texts; // a document per text of `lesson`
};

// Reads, parses and analyses one file. `recorded` is the stamp the index holds for it, or null:
// a file whose bytes still hash as recorded comes back Unchanged, a bad one Rejected.
PreparedFile prepareFile(const InputFile& file, const FileStamp* recorded, AnalyzerCache& analyzers);

// Prepares `files` on `threads` threads and calls `write(i, files[i] prepared)` from the calling
// thread, in input order; `write` may move from it, and a worker frees what is left later.
// `recorded[i]` is the stamp the index holds for files[i], or null: a file whose bytes still
// hash as recorded comes back Unchanged. A bad file comes back Rejected; nothing about one file
// stops the others. When `write` throws, the threads stop and the exception goes on. Throws
// EnvironmentFailure "[partnering.lessons.no-threads]" when the threads cannot be started.
void prepareFiles(const std::vector<InputFile>& files, const std::vector<const FileStamp*>& recorded,
                  unsigned threads, const std::function<void(std::size_t, PreparedFile&)>& write);

} // namespace partnering::lessons
