// Partnering > Check agreement: how complete the journey stored in the current document is,
// step by step, with what is still missing, and the placeholders the document still holds; the
// journey wizard opens at the step the user picks.
#include "dispatch/Commands.hpp"

#include "DocumentAnswers.hpp"
#include "UiText.hpp"
#include "UnoBoundary.hpp"
#include "check/AgreementCheckDialog.hpp"
#include "check/PlaceholderFields.hpp"
#include "check/StepReport.hpp"
#include "wizard/JourneyWizard.hpp"

#include "error/Error.hpp"
#include "journey/AgreementAnswers.hpp"

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <rtl/uri.hxx>

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
        // The answers may be complete while the user has not yet typed over every gap, or
        // incomplete while the user filled the gaps in Writer: the document says which.
        const auto placeholders = placeholdersInDocument(model());

        // The check's dialog is closed before the wizard opens: one modal dialog at a time.
        if (const int step = chooseStepToOpen(context(), frame(), steps, placeholders); step > 0)
            runJourneyWizard(context(), frame(), step); // tells the user itself about any failure
        // The user saw the report in the dialog; a dispatch listener (a macro) gets it as text.
        return {true, plainReport(context(), steps, placeholders), true};
    }

    css::uno::Reference<css::frame::XModel> model()
    {
        const auto controller = frame().is() ? frame()->getController() : nullptr;
        const auto model = controller.is() ? controller->getModel() : nullptr;
        if (!model.is())
            throw InvalidInput("partnering.check.no-document", "there is no document to check");
        return model;
    }

    // The document as its user knows it in a message: its file's name ("agreement.odt"),
    // not a file:/// URL with its escapes.
    rtl::OUString documentTitle()
    {
        const auto url = model()->getURL();
        if (url.isEmpty())
            return "document";
        return rtl::Uri::decode(url.copy(url.lastIndexOf('/') + 1), rtl_UriDecodeWithCharset, RTL_TEXTENCODING_UTF8);
    }
};

} // namespace

rtl::Reference<CommandDispatch> makeCheckAgreementCommand(const css::uno::Reference<css::uno::XComponentContext>& context,
                                                          const css::uno::Reference<css::frame::XFrame>& frame)
{
    return new CheckAgreementCommand(context, frame);
}

} // namespace partnering::uno
