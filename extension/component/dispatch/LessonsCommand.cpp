// Partnering > Lessons learned: opens the sidebar on our deck.
#include "dispatch/Commands.hpp"

#include "UiText.hpp"

#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>

namespace partnering::uno {
namespace {

class LessonsCommand : public CommandDispatch {
public:
    using CommandDispatch::CommandDispatch;

private:
    rtl::OUString title() override { return uiText(context(), "Lessons learned"); }

    CommandOutcome run() override
    {
        const css::uno::Reference<css::frame::XDispatchProvider> provider(frame(), css::uno::UNO_QUERY_THROW);
        css::frame::DispatchHelper::create(context())->executeDispatch(
            provider, ".uno:SidebarDeck.PartneringLessonsDeck", "", 0, {});
        return {true, {}};
    }
};

} // namespace

rtl::Reference<CommandDispatch> makeLessonsCommand(const css::uno::Reference<css::uno::XComponentContext>& context,
                                                   const css::uno::Reference<css::frame::XFrame>& frame)
{
    return new LessonsCommand(context, frame);
}

} // namespace partnering::uno
