// The journey wizard's entry point for the Partnering menu: the seven steps in LibreOffice's
// roadmap wizard, then the draft agreement opened in Writer.
#pragma once

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace partnering::uno {

// Runs the wizard over `frame` (resuming from the answers stored in its document, if any),
// showing step `firstStep` (1 to 7) first, and opens the draft when the user finishes. Never
// throws: failures reach the user as a message.
void runJourneyWizard(const css::uno::Reference<css::uno::XComponentContext>& context,
                      const css::uno::Reference<css::frame::XFrame>& frame, int firstStep = 1);

} // namespace partnering::uno
