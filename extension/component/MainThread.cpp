#include "MainThread.hpp"

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
        try {
            work_();
        } catch (...) {
            // Nothing may reach the event loop.
        }
    }

private:
    std::function<void()> work_;
};

} // namespace

void runOnMainThread(const css::uno::Reference<css::uno::XComponentContext>& context, std::function<void()> work)
{
    try {
        const css::uno::Reference<css::awt::XCallback> callback(new QueuedWork(std::move(work)));
        css::awt::AsyncCallback::create(context)->addCallback(callback, css::uno::Any());
    } catch (...) {
        // The office is shutting down: nothing is left to update.
    }
}

} // namespace partnering::uno
