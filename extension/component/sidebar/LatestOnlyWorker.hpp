// A thread that runs the newest request only, for work that may wait on a slow or dead network
// (a remote lessons library): typing neither waits for it nor queues requests up.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace partnering::uno {

// Owns one thread, started at the first run() and joined by stop() (or the destructor): no
// thread outlives its owner. Work reports its own outcome (e.g. posts it to the main thread);
// what it throws is logged.
//
// How long stop() may take: it drops the request not yet started and waits for the one in
// progress, so its bound is that work's. The sidebar's work is one lessons-library call; on a
// remote library every network exchange ends within LessonSearch::kRemoteOperationTimeout
// (5 s) of the server falling silent, so closing the sidebar or the document waits at most
// about that long (longer only while other panels' calls hold the same library).
class LatestOnlyWorker {
public:
    LatestOnlyWorker() = default;
    ~LatestOnlyWorker();
    LatestOnlyWorker(const LatestOnlyWorker&) = delete;
    LatestOnlyWorker& operator=(const LatestOnlyWorker&) = delete;

    // Queues `work` in place of any request not yet started. False, and `work` dropped, once
    // stop() was called. Throws std::system_error when no thread can be started.
    bool run(std::function<void()> work);

    // Drops the queued request, waits for the work in progress and joins the thread. Later
    // run() calls are refused. Idempotent. Must not be called from the work itself.
    void stop() noexcept;

private:
    void loop();

    std::mutex mutex_;
    std::condition_variable wake_;
    std::function<void()> pending_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace partnering::uno
