#include "sidebar/LatestOnlyWorker.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

using partnering::uno::LatestOnlyWorker;
using namespace std::chrono_literals;

namespace {

// A gate a test opens: work waits at it, as a search waits on a slow server.
class Gate {
public:
    void open()
    {
        {
            std::lock_guard lock(mutex_);
            open_ = true;
        }
        changed_.notify_all();
    }
    void wait()
    {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return open_; });
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool open_ = false;
};

TEST(LatestOnlyWorker, RunsWorkOnAnotherThread)
{
    LatestOnlyWorker worker;
    std::promise<std::thread::id> ran;
    ASSERT_TRUE(worker.run([&] { ran.set_value(std::this_thread::get_id()); }));
    auto done = ran.get_future();
    ASSERT_EQ(done.wait_for(10s), std::future_status::ready);
    EXPECT_NE(done.get(), std::this_thread::get_id());
}

TEST(LatestOnlyWorker, OnlyTheNewestOfTheRequestsMadeMeanwhileRuns)
{
    LatestOnlyWorker worker;
    Gate slow;
    std::promise<void> started;
    std::mutex mutex;
    std::vector<int> ran;
    worker.run([&] {
        started.set_value();
        slow.wait();
        std::lock_guard lock(mutex);
        ran.push_back(0);
    });
    started.get_future().wait(); // the first request is in progress
    std::promise<void> last;
    for (int request = 1; request <= 5; ++request)
        worker.run([&, request] {
            std::lock_guard lock(mutex);
            ran.push_back(request);
            if (request == 5)
                last.set_value();
        });
    slow.open();
    ASSERT_EQ(last.get_future().wait_for(10s), std::future_status::ready);
    std::lock_guard lock(mutex);
    EXPECT_EQ(ran, (std::vector<int>{0, 5}));
}

TEST(LatestOnlyWorker, WorkThatThrowsDoesNotStopTheWorker)
{
    LatestOnlyWorker worker;
    std::promise<void> first;
    worker.run([&] {
        first.set_value();
        throw std::runtime_error("the server went away");
    });
    first.get_future().wait();
    std::promise<void> second;
    worker.run([&] { second.set_value(); });
    EXPECT_EQ(second.get_future().wait_for(10s), std::future_status::ready);
}

TEST(LatestOnlyWorker, StopWaitsForTheWorkInProgressAndDropsTheQueuedOne)
{
    LatestOnlyWorker worker;
    Gate slow;
    std::promise<void> started;
    std::atomic<bool> finished{false}, queuedRan{false};
    worker.run([&] {
        started.set_value();
        slow.wait();
        std::this_thread::sleep_for(50ms);
        finished = true;
    });
    started.get_future().wait();
    auto queued = std::make_shared<int>(0); // dropped work is destroyed, not leaked
    std::weak_ptr<int> watch = queued;
    worker.run([&, queued = std::move(queued)] { queuedRan = true; });
    std::thread opener([&] {
        std::this_thread::sleep_for(100ms);
        slow.open();
    });
    worker.stop(); // joins: the work in progress has ended when it returns
    opener.join();
    EXPECT_TRUE(finished);
    EXPECT_FALSE(queuedRan);
    EXPECT_TRUE(watch.expired());
    EXPECT_FALSE(worker.run([&] { queuedRan = true; })) << "a stopped worker takes no more work";
    worker.stop(); // idempotent
    EXPECT_FALSE(queuedRan);
}

TEST(LatestOnlyWorker, StopTakesAsLongAsTheWorkInProgressNoLonger)
{
    LatestOnlyWorker worker;
    std::promise<void> started;
    worker.run([&] {
        started.set_value();
        std::this_thread::sleep_for(300ms); // a library call that has to end by itself
    });
    started.get_future().wait();
    const auto before = std::chrono::steady_clock::now();
    worker.stop();
    const auto waited = std::chrono::steady_clock::now() - before;
    EXPECT_LT(waited, 2s);
    EXPECT_GE(waited, 100ms);
}

TEST(LatestOnlyWorker, AWorkerNeverUsedStopsAtOnce)
{
    const auto before = std::chrono::steady_clock::now();
    {
        LatestOnlyWorker worker;
    }
    EXPECT_LT(std::chrono::steady_clock::now() - before, 100ms);
}

TEST(LatestOnlyWorker, TheDestructorJoins)
{
    std::atomic<bool> finished{false};
    std::promise<void> started;
    {
        LatestOnlyWorker worker;
        worker.run([&] {
            started.set_value();
            std::this_thread::sleep_for(100ms);
            finished = true;
        });
        started.get_future().wait();
    }
    EXPECT_TRUE(finished);
}

} // namespace
