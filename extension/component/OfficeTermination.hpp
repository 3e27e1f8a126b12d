// Work that must be done before the office goes away (joining a thread of ours): run when the
// desktop is finally terminating, on the thread that terminates it.
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

#include <functional>

namespace partnering::uno {

// Registers `work` to run once when the office terminates (XTerminateListener::notifyTermination,
// or the desktop's disposal if it comes first). Returns false when there is no desktop to
// listen to (a process without one), in which case the caller must do the work itself later.
// Never throws; whatever `work` throws is logged.
bool atOfficeTermination(const css::uno::Reference<css::uno::XComponentContext>& context,
                         std::function<void()> work);

} // namespace partnering::uno
