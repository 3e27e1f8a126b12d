#include "library/LibraryOpener.hpp"

#include "UnoBoundary.hpp"

namespace partnering::uno {

LibraryOpener::~LibraryOpener()
{
    close();
}

void LibraryOpener::request(std::function<void()> open, std::function<void()> done)
{
    {
        std::lock_guard lock(mutex_);
        if (closed_)
            return;
        waiting_.push_back(std::move(done));
        if (running_)
            return; // joined: told when the running open ends
        running_ = true;
    }
    std::lock_guard threadLock(threadMutex_);
    // The previous worker has finished opening (running_ was false): at most its callbacks,
    // which only post to the main thread, are left to run.
    if (worker_.joinable())
        worker_.join();
    {
        std::lock_guard lock(mutex_);
        if (closed_) { // close() ran meanwhile and found no thread: start none
            running_ = false;
            waiting_.clear();
            return;
        }
    }
    worker_ = std::thread(&LibraryOpener::run, this, std::move(open));
}

void LibraryOpener::run(std::function<void()> open)
{
    // The opener records its own outcome; nothing may escape a thread.
    reportFailures(logFailure("opening the lessons library"), open);
    std::vector<std::function<void()>> waiting;
    {
        std::lock_guard lock(mutex_);
        running_ = false;
        waiting.swap(waiting_);
    }
    for (auto& callback : waiting) // a panel that went away meanwhile may fail: logged
        reportFailures(logFailure("telling a panel the lessons library opened"), callback);
}

void LibraryOpener::close()
{
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
    }
    std::lock_guard threadLock(threadMutex_);
    if (worker_.joinable())
        worker_.join();
}

} // namespace partnering::uno
