// Trying a shared library's server and port from the options page without freezing the dialog:
// the check runs in a thread of its own, bounded by a timeout, and its outcome comes back on the
// main thread. The thread is joined when the outcome arrives, or by the destructor.
#pragma once

#include "lessons/RemoteLibraryCheck.hpp"

#include <com/sun/star/uno/XComponentContext.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace partnering::uno {

class ConnectionTest {
public:
    // How long the server may take to answer the call, then to greet us.
    static constexpr std::chrono::seconds kTimeout{3};

    explicit ConnectionTest(css::uno::Reference<css::uno::XComponentContext> context);
    ~ConnectionTest(); // joins a check still under way (at most about twice kTimeout)
    ConnectionTest(const ConnectionTest&) = delete;
    ConnectionTest& operator=(const ConnectionTest&) = delete;

    // Starts checking host:port unless a check is under way (then returns false). `done` runs
    // later on the main thread with the outcome, unless this object is destroyed first.
    bool start(const std::string& host, int port, std::function<void(const lessons::RemoteCheck&)> done);

    bool running() const;

private:
    struct Shared;
    void finished(const lessons::RemoteCheck& check); // main thread, with Shared::mutex held

    css::uno::Reference<css::uno::XComponentContext> context_;
    std::shared_ptr<Shared> shared_; // with the callback posted to the main thread
    std::thread worker_;
    std::function<void(const lessons::RemoteCheck&)> done_;
};

} // namespace partnering::uno
