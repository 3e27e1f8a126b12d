// Running work on LibreOffice's main thread from a thread of our own (a library opened in the
// background): the toolkit and the documents may only be touched from there.
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

#include <functional>

namespace partnering::uno {

// Queues `work` for the main thread's event loop and returns at once. Never throws; whatever
// `work` throws is logged (it must report its own failures, e.g. in its panel).
void runOnMainThread(const css::uno::Reference<css::uno::XComponentContext>& context, std::function<void()> work);

} // namespace partnering::uno
