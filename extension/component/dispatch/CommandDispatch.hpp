// The Partnering menu's commands (org.partnering.journey:<Command>): what every command's
// dispatch shares, so each command class only says what it does.
#pragma once

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase1.hxx>
#include <rtl/ustring.hxx>

namespace partnering::uno {

// What a command tells the user when it is done (or why it could not be done).
struct CommandOutcome {
    bool succeeded = true;
    rtl::OUString message; // shown in a message box; empty: nothing to show
    // The command showed its outcome in a dialog of its own: `message` is not shown again, it
    // only goes to a dispatch listener (the report a macro reads).
    bool shownByCommand = false;
};

// A command of the menu. dispatch() never throws: the command's outcome, or its failure,
// reaches the user as a message box, and dispatchWithNotification() also hands the
// message to the listener (macros and tests read it there).
class CommandDispatch : public cppu::WeakImplHelper1<css::frame::XNotifyingDispatch> {
public:
    CommandDispatch(css::uno::Reference<css::uno::XComponentContext> context, css::uno::Reference<css::frame::XFrame> frame)
        : context_(std::move(context)), frame_(std::move(frame))
    {
    }

    void SAL_CALL dispatch(const css::util::URL& url, const css::uno::Sequence<css::beans::PropertyValue>& arguments) override;
    void SAL_CALL dispatchWithNotification(const css::util::URL& url,
                                           const css::uno::Sequence<css::beans::PropertyValue>& arguments,
                                           const css::uno::Reference<css::frame::XDispatchResultListener>& listener) override;
    void SAL_CALL addStatusListener(const css::uno::Reference<css::frame::XStatusListener>& listener,
                                    const css::util::URL& url) override;
    void SAL_CALL removeStatusListener(const css::uno::Reference<css::frame::XStatusListener>&,
                                       const css::util::URL&) override
    {
    }

protected:
    // Does the command; may throw anything (core errors carry their "[id] reason").
    virtual CommandOutcome run() = 0;
    // The message box's title.
    virtual rtl::OUString title() = 0;

    const css::uno::Reference<css::uno::XComponentContext>& context() const { return context_; }
    const css::uno::Reference<css::frame::XFrame>& frame() const { return frame_; }

private:
    // Runs the command and shows its outcome; a failure is the outcome's message (reportFailures).
    CommandOutcome runAndShowOutcome() noexcept;

    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::Reference<css::frame::XFrame> frame_;
};

} // namespace partnering::uno
