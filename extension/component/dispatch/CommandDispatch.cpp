#include "dispatch/CommandDispatch.hpp"

#include "UiText.hpp"
#include "UnoBoundary.hpp"

#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XStatusListener.hpp>

namespace partnering::uno {

CommandOutcome CommandDispatch::runAndShowOutcome() noexcept
{
    CommandOutcome outcome;
    const auto failed = [&](const Failure& failure) {
        outcome = {false, failureText(failure, uiText(context_, "The Partnering Journey extension failed unexpectedly."))};
    };
    reportFailures(failed, [&] { outcome = run(); });
    if (!outcome.message.isEmpty() && !outcome.shownByCommand)
        showMessage(context_, frame_, title(), outcome.message, outcome.succeeded ? MessageKind::Info : MessageKind::Error);
    return outcome;
}

void SAL_CALL CommandDispatch::dispatch(const css::util::URL&, const css::uno::Sequence<css::beans::PropertyValue>&)
{
    runAndShowOutcome();
}

void SAL_CALL CommandDispatch::dispatchWithNotification(const css::util::URL&,
                                                       const css::uno::Sequence<css::beans::PropertyValue>&,
                                                       const css::uno::Reference<css::frame::XDispatchResultListener>& listener)
{
    const auto outcome = runAndShowOutcome();
    if (!listener.is())
        return;
    // A listener that fails is its own problem, never LibreOffice's.
    reportFailures(logFailure("telling a dispatch listener the outcome"), [&] {
        listener->dispatchFinished(css::frame::DispatchResultEvent(
            static_cast<cppu::OWeakObject*>(this),
            outcome.succeeded ? css::frame::DispatchResultState::SUCCESS : css::frame::DispatchResultState::FAILURE,
            css::uno::Any(outcome.message)));
    });
}

void SAL_CALL CommandDispatch::addStatusListener(const css::uno::Reference<css::frame::XStatusListener>& listener,
                                                 const css::util::URL& url)
{
    // Every command is always available: tell the menu so once.
    if (!listener.is())
        return;
    reportFailures(logFailure("telling the menu a command is enabled"), [&] {
        css::frame::FeatureStateEvent state;
        state.FeatureURL = url;
        state.IsEnabled = true;
        state.Source = static_cast<cppu::OWeakObject*>(this);
        listener->statusChanged(state);
    });
}

} // namespace partnering::uno
