#include "check/StepReport.hpp"

#include "UiText.hpp"
#include "UnoBoundary.hpp"

#include <algorithm>

namespace partnering::uno {

rtl::OUString stepHeading(const css::uno::Reference<css::uno::XComponentContext>& context,
                          const journey::StepProgress& step)
{
    // TRANSLATORS: "complete" and "incomplete" describe a journey step ("3. Partners: complete").
    const rtl::OUString state = step.complete() ? uiText(context, "complete") : uiText(context, "incomplete");
    return rtl::OUString::number(step.number) + ". " + toOUString(step.title) + ": " + state;
}

rtl::OUString overallState(const css::uno::Reference<css::uno::XComponentContext>& context,
                           const std::vector<journey::StepProgress>& steps)
{
    const bool complete = std::all_of(steps.begin(), steps.end(), [](const auto& s) { return s.complete(); });
    return complete ? uiText(context, "All seven steps are complete.")
                    : uiText(context, "Some steps are not complete yet.");
}

rtl::OUString placeholdersHeading(const css::uno::Reference<css::uno::XComponentContext>& context,
                                  const std::vector<fill::DraftPlaceholder>& placeholders)
{
    // The count after a colon: no plural to agree with it in any language.
    return uiText(context, "Placeholders still in the document: %1")
        .replaceFirst("%1", rtl::OUString::number(static_cast<sal_Int64>(placeholders.size())));
}

rtl::OUString plainReport(const css::uno::Reference<css::uno::XComponentContext>& context,
                          const std::vector<journey::StepProgress>& steps,
                          const std::vector<fill::DraftPlaceholder>& placeholders)
{
    rtl::OUString report;
    for (const auto& step : steps) {
        report += stepHeading(context, step) + "\n";
        for (const auto& missing : step.missing)
            report += "    - " + toOUString(missing.reason) + "\n";
    }
    report += placeholdersHeading(context, placeholders) + "\n";
    for (const auto& placeholder : placeholders)
        report += "    - " + toOUString(placeholder.label) + "\n";
    return report + "\n" + overallState(context, steps);
}

} // namespace partnering::uno
