// How Check agreement words the core's per-step progress for the user: a step's heading with
// its state, the overall verdict, and the whole report as plain text for a dispatch listener.
#pragma once

#include "journey/AgreementAnswers.hpp"

#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <vector>

namespace partnering::uno {

// "2. Agree an overarching vision: incomplete", in the UI language.
rtl::OUString stepHeading(const css::uno::Reference<css::uno::XComponentContext>& context,
                          const journey::StepProgress& step);

// "All seven steps are complete." or "Some steps are not complete yet."
rtl::OUString overallState(const css::uno::Reference<css::uno::XComponentContext>& context,
                           const std::vector<journey::StepProgress>& steps);

// Every step's heading, each gap on an indented line below it, then the overall state.
rtl::OUString plainReport(const css::uno::Reference<css::uno::XComponentContext>& context,
                          const std::vector<journey::StepProgress>& steps);

} // namespace partnering::uno
