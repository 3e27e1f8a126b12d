#include "OfficeTermination.hpp"

#include "UnoBoundary.hpp"

#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XTerminateListener.hpp>
#include <cppuhelper/implbase1.hxx>

#include <mutex>

namespace partnering::uno {
namespace {

class TerminationWork : public cppu::WeakImplHelper1<css::frame::XTerminateListener> {
public:
    explicit TerminationWork(std::function<void()> work) : work_(std::move(work)) {}

    void SAL_CALL queryTermination(const css::lang::EventObject&) override {} // never vetoes
    void SAL_CALL notifyTermination(const css::lang::EventObject&) override { runOnce(); }
    void SAL_CALL disposing(const css::lang::EventObject&) override { runOnce(); }

private:
    void runOnce() noexcept
    {
        std::function<void()> work;
        {
            std::lock_guard lock(mutex_);
            work.swap(work_);
        }
        // The office is going away: nothing is left to tell but the log.
        if (work)
            reportFailures(logFailure("work at the office's termination"), work);
    }

    std::mutex mutex_;
    std::function<void()> work_;
};

} // namespace

bool atOfficeTermination(const css::uno::Reference<css::uno::XComponentContext>& context,
                         std::function<void()> work)
{
    return reportFailures(logFailure("listening for the office's termination"), [&] {
        const css::uno::Reference<css::frame::XTerminateListener> listener(new TerminationWork(std::move(work)));
        css::frame::Desktop::create(context)->addTerminateListener(listener);
    });
}

} // namespace partnering::uno
