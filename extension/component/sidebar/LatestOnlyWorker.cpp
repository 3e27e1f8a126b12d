#include "sidebar/LatestOnlyWorker.hpp"

#include "UnoBoundary.hpp"

#include <utility>

namespace partnering::uno {

LatestOnlyWorker::~LatestOnlyWorker()
{
    stop();
}

bool LatestOnlyWorker::run(std::function<void()> work)
{
    std::function<void()> replaced; // destroyed outside the lock: it may hold anything
    {
        std::lock_guard lock(mutex_);
        if (stopping_)
            return false;
        // The thread first: when it cannot start, no request is left queued for it. It waits
        // for the lock before it looks for work.
        if (!thread_.joinable())
            thread_ = std::thread(&LatestOnlyWorker::loop, this);
        replaced = std::exchange(pending_, std::move(work));
    }
    wake_.notify_one();
    return true;
}

void LatestOnlyWorker::stop() noexcept
{
    std::function<void()> dropped;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        dropped = std::exchange(pending_, nullptr);
    }
    wake_.notify_one();
    if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id())
        thread_.join();
}

void LatestOnlyWorker::loop()
{
    for (;;) {
        std::function<void()> work;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || pending_; });
            if (stopping_)
                return;
            work = std::exchange(pending_, nullptr);
        }
        // The work reports its own outcome: what it throws anyway can only be logged.
        reportFailures(logFailure("a lessons panel's background work"), work);
    }
}

} // namespace partnering::uno
