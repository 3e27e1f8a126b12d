// Partnering > Check agreement's dialog: the journey's seven steps, each with its state and what
// it still needs in plain words, the placeholders still in the document, and the step the user
// chooses to open the journey at.
#pragma once

#include "fill/DraftPlaceholders.hpp"
#include "journey/AgreementAnswers.hpp"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <vector>

namespace partnering::uno {

// Shows `steps` (the core's progress through the journey) and `placeholders` (those still in
// the document, listed by their labels under their count) in a modal dialog over `frame`'s
// window and closes it again. Returns the number of the step the user chose with "Open the
// journey at this step", or 0 when they closed the dialog (a headless office closes it at
// once). Throws UNO exceptions when the dialog cannot be built.
int chooseStepToOpen(const css::uno::Reference<css::uno::XComponentContext>& context,
                     const css::uno::Reference<css::frame::XFrame>& frame,
                     const std::vector<journey::StepProgress>& steps,
                     const std::vector<fill::DraftPlaceholder>& placeholders);

} // namespace partnering::uno
