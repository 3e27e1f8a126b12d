#include "options/ConnectionTest.hpp"

#include "MainThread.hpp"
#include "UnoBoundary.hpp"

#include <mutex>

namespace partnering::uno {

// What the worker's posted outcome needs to find its test: null once the test is destroyed.
// Recursive: the outcome is shown with the lock held (so the test cannot be destroyed meanwhile
// on another thread), and showing it asks running() again.
struct ConnectionTest::Shared {
    std::recursive_mutex mutex;
    ConnectionTest* owner = nullptr;
    bool running = false;
};

ConnectionTest::ConnectionTest(css::uno::Reference<css::uno::XComponentContext> context)
    : context_(std::move(context)), shared_(std::make_shared<Shared>())
{
    shared_->owner = this;
}

ConnectionTest::~ConnectionTest()
{
    {
        // Waits for an outcome being shown on the main thread, then stops later ones.
        std::lock_guard lock(shared_->mutex);
        shared_->owner = nullptr;
    }
    if (worker_.joinable())
        worker_.join();
}

bool ConnectionTest::running() const
{
    std::lock_guard lock(shared_->mutex);
    return shared_->running;
}

bool ConnectionTest::start(const std::string& host, int port, std::function<void(const lessons::RemoteCheck&)> done)
{
    {
        std::lock_guard lock(shared_->mutex);
        if (shared_->running)
            return false;
        shared_->running = true;
    }
    if (worker_.joinable()) // the previous check, whose outcome has been shown
        worker_.join();
    done_ = std::move(done);
    worker_ = std::thread([context = context_, shared = shared_, host, port] {
        lessons::RemoteCheck check; // Unreachable unless the check says otherwise
        // The check reports what the server did; a failure of its own (out of memory) says it failed.
        reportFailures(logFailure("testing a lessons server"),
                       [&] { check = lessons::checkRemoteLibrary(host, port, kTimeout); });
        // Posting takes no lock of the office's: a destructor joining this thread cannot
        // deadlock with it.
        runOnMainThread(context, [shared, check] {
            std::lock_guard lock(shared->mutex);
            shared->running = false;
            if (shared->owner != nullptr)
                shared->owner->finished(check);
        });
    });
    return true;
}

void ConnectionTest::finished(const lessons::RemoteCheck& check)
{
    if (worker_.joinable())
        worker_.join(); // it has posted this outcome: its last act
    auto done = std::move(done_);
    done_ = nullptr;
    if (done)
        done(check);
}

} // namespace partnering::uno
