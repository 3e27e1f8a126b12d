// Partnering > Partnership journey: the journey wizard over the current document.
#include "dispatch/Commands.hpp"

#include "UiText.hpp"
#include "wizard/JourneyWizard.hpp"

namespace partnering::uno {
namespace {

class JourneyWizardCommand : public CommandDispatch {
public:
    using CommandDispatch::CommandDispatch;

private:
    rtl::OUString title() override { return uiText(context(), "Partnership journey"); }

    CommandOutcome run() override
    {
        runJourneyWizard(context(), frame()); // tells the user itself about any failure
        return {true, {}};
    }
};

} // namespace

rtl::Reference<CommandDispatch> makeJourneyWizardCommand(const css::uno::Reference<css::uno::XComponentContext>& context,
                                                         const css::uno::Reference<css::frame::XFrame>& frame)
{
    return new JourneyWizardCommand(context, frame);
}

} // namespace partnering::uno
