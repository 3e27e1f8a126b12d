// The one thread that opens the lessons library in the background: requests made while an open
// is under way wait for it instead of opening again, and the thread is always joined by its owner.
#pragma once

#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace partnering::uno {

class LibraryOpener {
public:
    LibraryOpener() = default;
    ~LibraryOpener(); // close()
    LibraryOpener(const LibraryOpener&) = delete;
    LibraryOpener& operator=(const LibraryOpener&) = delete;

    // Runs `open` in the worker thread, then calls `done` there. While an open is under way,
    // `open` is dropped and `done` is called when the running one ends. After close(), nothing
    // runs and `done` is dropped. Never throws but std::bad_alloc and std::system_error.
    void request(std::function<void()> open, std::function<void()> done);

    // Refuses further requests and joins the worker. Blocks while an open is under way (the
    // core's own timeouts bound it: ten seconds for a silent server). Idempotent.
    void close();

private:
    void run(std::function<void()> open);

    std::mutex mutex_; // guards running_, closed_ and waiting_; never held while joining
    bool running_ = false;
    bool closed_ = false;
    std::vector<std::function<void()>> waiting_;

    std::mutex threadMutex_; // guards worker_: one thread at a time starts or joins it
    std::thread worker_;
};

} // namespace partnering::uno
