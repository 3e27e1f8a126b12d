// How Check agreement words the core's per-step progress and the draft's placeholders for the
// user: a step's heading with its state, the overall verdict, and the report as plain text.
#pragma once

#include "fill/DraftPlaceholders.hpp"
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

// "Placeholders still in the document: 3", in the UI language.
rtl::OUString placeholdersHeading(const css::uno::Reference<css::uno::XComponentContext>& context,
                                  const std::vector<fill::DraftPlaceholder>& placeholders);

// Every step's heading, each gap on an indented line below it, the placeholders' heading with
// each label below it, then the overall state.
rtl::OUString plainReport(const css::uno::Reference<css::uno::XComponentContext>& context,
                          const std::vector<journey::StepProgress>& steps,
                          const std::vector<fill::DraftPlaceholder>& placeholders);

} // namespace partnering::uno
