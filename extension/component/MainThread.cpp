#include "MainThread.hpp"

#include "UnoBoundary.hpp"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <cppuhelper/implbase1.hxx>

namespace partnering::uno {

namespace {

class QueuedWork : public cppu::WeakImplHelper1<css::awt::XCallback> {
public:
    explicit QueuedWork(std::function<void()> work) : work_(std::move(work)) {}

    void SAL_CALL notify(const css::uno::Any&) override
    {
        // Nothing may reach the event loop: the work reports its own failures, the log the rest.
        reportFailures(logFailure("work queued for the main thread"), work_);
    }

private:
    std::function<void()> work_;
};

} // namespace

void runOnMainThread(const css::uno::Reference<css::uno::XComponentContext>& context, std::function<void()> work)
{
    // When the office is shutting down nothing is left to update: the work is dropped.
    reportFailures(logFailure("queueing work for the main thread"), [&] {
        const css::uno::Reference<css::awt::XCallback> callback(new QueuedWork(std::move(work)));
        css::awt::AsyncCallback::create(context)->addCallback(callback, css::uno::Any());
    });
}

} // namespace partnering::uno
