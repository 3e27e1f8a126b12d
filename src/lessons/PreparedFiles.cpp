#include "lessons/PreparedFiles.hpp"

#include "error/Error.hpp"
#include "error/ScopeGuards.hpp"
#include "lessons/TextAnalyzer.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

namespace partnering::lessons {

PreparedFile prepareFile(const InputFile& file, const FileStamp* recorded, AnalyzerCache& analyzers)
{
    PreparedFile prepared;
    try {
        // Checked before reading: a huge file in the library must not be read into memory first.
        if (file.size > kMaxLessonBytes)
            rejectTooLarge(file.path, file.size);
        std::string bytes;
        if (!readFile(file.path, bytes)) {
            prepared.message = "[partnering.lessons.unreadable] " + file.path + ": cannot read the file";
            return prepared;
        }
        prepared.hash = fingerprint(bytes);
        if (recorded != nullptr && recorded->hash == prepared.hash && !recorded->lessonId.empty()) {
            prepared.kind = PreparedFile::Kind::Unchanged;
            return prepared;
        }
        prepared.lesson = parseLesson(bytes, file.path);
        for (const auto& text : prepared.lesson.texts)
            prepared.texts.push_back(prepareText(prepared.lesson, text, analyzers(text.language)));
        prepared.kind = PreparedFile::Kind::Lesson;
    } catch (const Error& e) {
        prepared.kind = PreparedFile::Kind::Rejected;
        prepared.message = e.what();
    } catch (const std::exception& e) {
        // A bug of ours, met on this file: the other files are still worth indexing.
        prepared.kind = PreparedFile::Kind::Rejected;
        prepared.message = std::string("[partnering.lessons.internal] ") + file.path + ": " + e.what();
    }
    return prepared;
}

void prepareFiles(const std::vector<InputFile>& files, const std::vector<const FileStamp*>& recorded,
                  unsigned threads, const std::function<void(std::size_t, PreparedFile&)>& write)
{
    const std::size_t count = files.size();
    const std::size_t window = std::max<std::size_t>(64, threads * 16);
    // A written file stays in its slot until the worker that fills the slot next destroys it:
    // freeing a file's documents is the writer's work otherwise, and the writer is the bottleneck.
    std::vector<std::optional<PreparedFile>> ring(window);
    std::vector<bool> ready(window, false);
    std::mutex mutex;
    std::condition_variable produced;
    std::condition_variable consumed;
    std::size_t written = 0;
    bool stop = false;
    std::atomic<std::size_t> next{0};

    auto work = [&] {
        AnalyzerCache analyzers;
        for (;;) {
            const std::size_t i = next.fetch_add(1);
            if (i >= count)
                return;
            std::optional<PreparedFile> spent;
            {
                std::unique_lock lock(mutex);
                consumed.wait(lock, [&] { return stop || i < written + window; });
                if (stop)
                    return;
                spent.swap(ring[i % window]);
            }
            spent.reset();
            PreparedFile prepared = prepareFile(files[i], recorded[i], analyzers);
            {
                std::lock_guard lock(mutex);
                ring[i % window] = std::move(prepared);
                ready[i % window] = true;
            }
            produced.notify_all();
        }
    };
    std::vector<std::thread> workers;
    auto stopWorkers = [&] {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        consumed.notify_all();
        for (auto& worker : workers)
            worker.join();
    };

    try {
        for (unsigned t = 0; t < threads; ++t)
            workers.emplace_back(work);
    } catch (const std::system_error& e) {
        stopWorkers(); // a thread left joinable would end the process
        throw EnvironmentFailure("partnering.lessons.no-threads",
                                 "cannot start the threads that analyse lesson files: " + std::string(e.what()));
    }
    {
        const OnScopeFailure stopOnFailure(stopWorkers); // the writer failed: no worker outlives it
        for (std::size_t i = 0; i < count; ++i) {
            PreparedFile* prepared = nullptr;
            {
                std::unique_lock lock(mutex);
                produced.wait(lock, [&] { return ready[i % window]; });
                ready[i % window] = false;
                prepared = &*ring[i % window];
            }
            write(i, *prepared);
            {
                std::lock_guard lock(mutex);
                written = i + 1;
            }
            consumed.notify_all();
        }
    }
    for (auto& worker : workers)
        worker.join();
}

} // namespace partnering::lessons
