#include "dispatch/CommandDispatch.hpp"

#include "UiText.hpp"
#include "UnoBoundary.hpp"

#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XStatusListener.hpp>
#include <com/sun/star/uno/Exception.hpp>

#include <exception>

namespace partnering::uno {

CommandOutcome CommandDispatch::runAndTell()
{
    CommandOutcome outcome;
    try {
        outcome = run();
    } catch (const css::uno::Exception& e) {
        outcome = {false, e.Message};
    } catch (const std::exception& e) {
        outcome = {false, toOUString(e.what())};
    } catch (...) {
        outcome = {false, uiText(context_, "The Partnering Journey extension failed unexpectedly.")};
    }
    if (!outcome.message.isEmpty() && !outcome.shownByCommand)
        showMessage(context_, frame_, title(), outcome.message, outcome.succeeded ? MessageKind::Info : MessageKind::Error);
    return outcome;
}

void SAL_CALL CommandDispatch::dispatch(const css::util::URL&, const css::uno::Sequence<css::beans::PropertyValue>&)
{
    runAndTell();
}

void SAL_CALL CommandDispatch::dispatchWithNotification(const css::util::URL&,
                                                       const css::uno::Sequence<css::beans::PropertyValue>&,
                                                       const css::uno::Reference<css::frame::XDispatchResultListener>& listener)
{
    const auto outcome = runAndTell();
    if (!listener.is())
        return;
    try {
        listener->dispatchFinished(css::frame::DispatchResultEvent(
            static_cast<cppu::OWeakObject*>(this),
            outcome.succeeded ? css::frame::DispatchResultState::SUCCESS : css::frame::DispatchResultState::FAILURE,
            css::uno::Any(outcome.message)));
    } catch (...) {
        // A listener that fails is its own problem, never LibreOffice's.
    }
}

void SAL_CALL CommandDispatch::addStatusListener(const css::uno::Reference<css::frame::XStatusListener>& listener,
                                                 const css::util::URL& url)
{
    // Every command is always available: tell the menu so once.
    if (!listener.is())
        return;
    try {
        css::frame::FeatureStateEvent state;
        state.FeatureURL = url;
        state.IsEnabled = true;
        state.Source = static_cast<cppu::OWeakObject*>(this);
        listener->statusChanged(state);
    } catch (...) {
    }
}

} // namespace partnering::uno
