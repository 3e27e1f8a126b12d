// Partnering > Check agreement: how complete the journey stored in the current document is,
// step by step, with what is still missing.
#include "dispatch/Commands.hpp"

#include "DocumentAnswers.hpp"
#include "UiText.hpp"
#include "UnoBoundary.hpp"

#include "error/Error.hpp"
#include "journey/AgreementAnswers.hpp"

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>

#include <algorithm>

namespace partnering::uno {
namespace {

class CheckAgreementCommand : public CommandDispatch {
public:
    using CommandDispatch::CommandDispatch;

private:
    rtl::OUString title() override { return uiText(context(), "Check agreement"); }

    CommandOutcome run() override
    {
        model(); // there must be a document to check
        const auto answersText = documentAnswers(frame());
        if (!answersText || answersText->empty())
            return {false, uiText(context(), "This document holds no journey answers. Start with Partnering > "
                                             "Partnership journey, which drafts an agreement that keeps them.")};
        const auto answers = journey::AgreementAnswers::parse(*answersText, toUtf8(documentTitle()));
        const auto translator = journeyCatalogs(context()).translatorFor(uiLanguage(context()));
        const auto steps = journey::progress(journey::Journey::standard(), answers, translator);

        rtl::OUString report;
        for (const auto& step : steps) {
            // TRANSLATORS: "complete" and "incomplete" describe a journey step ("3. Partners: complete").
            const rtl::OUString state = step.complete() ? uiText(context(), "complete") : uiText(context(), "incomplete");
            report += rtl::OUString::number(step.number) + ". " + toOUString(step.title) + ": " + state + "\n";
            for (const auto& missing : step.missing)
                report += "    - " + toOUString(missing.reason) + "\n";
        }
        const bool complete = std::all_of(steps.begin(), steps.end(), [](const auto& s) { return s.complete(); });
        report += "\n" + (complete ? uiText(context(), "All seven steps are complete.")
                                   : uiText(context(), "Some steps are not complete yet."));
        return {true, report};
    }

    css::uno::Reference<css::frame::XModel> model()
    {
        const auto controller = frame().is() ? frame()->getController() : nullptr;
        const auto model = controller.is() ? controller->getModel() : nullptr;
        if (!model.is())
            throw InvalidInput("partnering.check.no-document", "there is no document to check");
        return model;
    }

    rtl::OUString documentTitle()
    {
        const auto url = model()->getURL();
        return url.isEmpty() ? rtl::OUString("document") : url;
    }
};

} // namespace

rtl::Reference<CommandDispatch> makeCheckAgreementCommand(const css::uno::Reference<css::uno::XComponentContext>& context,
                                                          const css::uno::Reference<css::frame::XFrame>& frame)
{
    return new CheckAgreementCommand(context, frame);
}

} // namespace partnering::uno
