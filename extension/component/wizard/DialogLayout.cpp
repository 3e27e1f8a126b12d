#include "wizard/DialogLayout.hpp"

#include "error/ScopeGuards.hpp"
#include "UnoBoundary.hpp"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/lang/DisposedException.hpp>

#include <algorithm>

namespace partnering::uno {

using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace {

bool same(const css::awt::Size& a, const css::awt::Size& b)
{
    return a.Width == b.Width && a.Height == b.Height;
}

css::awt::Size sizeOf(const Reference<css::awt::XWindow>& window)
{
    const auto box = window->getPosSize();
    return {box.Width, box.Height};
}

} // namespace

DialogLayout::DialogLayout(Reference<css::uno::XComponentContext> context) : context_(std::move(context)) {}

css::awt::Rectangle DialogLayout::opening(const css::awt::Rectangle& workArea)
{
    // Room for a window manager's frame and title; wider than 1180 only spreads the questions thin.
    const sal_Int32 width = std::clamp<sal_Int32>(workArea.Width - 40, std::min<sal_Int32>(workArea.Width, 720), 1180);
    const sal_Int32 height = std::clamp<sal_Int32>(workArea.Height - 70, std::min<sal_Int32>(workArea.Height, 480), 760);
    return {workArea.X + (workArea.Width - width) / 2, workArea.Y + (workArea.Height - height) / 2, width, height};
}

void DialogLayout::follow(const Reference<css::awt::XWindow>& dialog)
{
    if (!dialog.is() || dialog == dialog_)
        return;
    stop();
    dialog_ = dialog;
    dialog_->addWindowListener(this);
    const Reference<css::awt::XWindow2> shown(dialog_, UNO_QUERY);
    if (shown.is() && shown->isVisible())
        windowShown(css::lang::EventObject(dialog_));
}

void DialogLayout::stop()
{
    if (dialog_.is()) {
        try {
            dialog_->removeWindowListener(this);
        } catch (const css::lang::DisposedException&) {
            // The dialog is gone already, and its listeners with it.
        }
    }
    dialog_.clear();
    ownSize_.reset();
    wanted_.reset();
}

void DialogLayout::windowShown(const css::lang::EventObject&)
{
    // A dialog at the wizard's own size still works (its pages scroll): a failure is only logged.
    reportFailures(logFailure("sizing the wizard to the screen"), [&] {
        if (!dialog_.is() || ownSize_)
            return;
        ownSize_ = sizeOf(dialog_);
        const auto area = opening(css::awt::Toolkit::create(context_)->getWorkArea());
        wanted_ = css::awt::Size(area.Width, area.Height);
        dialog_->setPosSize(area.X, area.Y, area.Width, area.Height, css::awt::PosSize::POSSIZE);
    });
}

void DialogLayout::windowResized(const css::awt::WindowEvent&)
{
    reportFailures(logFailure("following the wizard's size"), [&] {
        if (!dialog_.is() || !ownSize_ || restoring_)
            return;
        const auto size = sizeOf(dialog_);
        if (same(size, *ownSize_) && wanted_ && !same(size, *wanted_))
            restoreSoon(); // the wizard shrank itself: not the user's doing
        else
            wanted_ = size; // the user's size from now on
    });
}

void DialogLayout::restoreSoon()
{
    // After the wizard's own layout has finished: a resize from inside it would be undone.
    css::awt::AsyncCallback::create(context_)->addCallback(this, css::uno::Any());
}

void DialogLayout::notify(const css::uno::Any&)
{
    reportFailures(logFailure("giving the wizard its size back"), [&] {
        if (!dialog_.is() || !wanted_)
            return;
        const ScopedFlag restoring(restoring_);
        dialog_->setPosSize(0, 0, wanted_->Width, wanted_->Height, css::awt::PosSize::SIZE);
    });
}

void DialogLayout::disposing(const css::lang::EventObject&)
{
    dialog_.clear();
}

} // namespace partnering::uno
