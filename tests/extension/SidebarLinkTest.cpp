#include "sidebar/SidebarLink.hpp"

#include <cppuhelper/weak.hxx>
#include <rtl/ref.hxx>

#include <gtest/gtest.h>

#include <thread>
#include <vector>

using partnering::uno::SidebarLink;
using partnering::uno::StepView;
using namespace std::chrono_literals;

namespace {

// Stand-ins for a Writer frame and a Lessons learned panel: plain UNO objects.
class Frame : public cppu::OWeakObject {};

class Panel : public cppu::OWeakObject, public StepView {
public:
    void showStep(int step) noexcept override { shown.push_back(step); }
    std::vector<int> shown;
};

css::uno::Reference<css::uno::XInterface> object(cppu::OWeakObject* object)
{
    return css::uno::Reference<css::uno::XInterface>(static_cast<css::uno::XWeak*>(object));
}

TEST(SidebarLink, TheWizardReachesTheOpenPanelOfItsFrameOnly)
{
    SidebarLink link;
    rtl::Reference<Frame> frame(new Frame), other(new Frame);
    rtl::Reference<Panel> panel(new Panel), otherPanel(new Panel);
    EXPECT_EQ(link.attach(object(frame.get()), object(panel.get())), std::nullopt);
    link.attach(object(other.get()), object(otherPanel.get()));
    link.showStep(object(frame.get()), 4);
    EXPECT_EQ(panel->shown, std::vector<int>{4});
    EXPECT_TRUE(otherPanel->shown.empty());
}

TEST(SidebarLink, APanelOpenedSoonAfterTheRequestStartsWithItsStep)
{
    SidebarLink link;
    rtl::Reference<Frame> frame(new Frame);
    link.showStep(object(frame.get()), 6); // no panel yet: the sidebar makes it when its deck opens
    rtl::Reference<Panel> panel(new Panel);
    EXPECT_EQ(link.attach(object(frame.get()), object(panel.get())), 6);
    rtl::Reference<Panel> later(new Panel);
    EXPECT_EQ(link.attach(object(frame.get()), object(later.get())), std::nullopt) << "a request is used once";
}

TEST(SidebarLink, AnOldRequestIsForgotten)
{
    SidebarLink link(50ms);
    rtl::Reference<Frame> frame(new Frame);
    link.showStep(object(frame.get()), 2);
    std::this_thread::sleep_for(100ms);
    rtl::Reference<Panel> panel(new Panel);
    EXPECT_EQ(link.attach(object(frame.get()), object(panel.get())), std::nullopt);
}

TEST(SidebarLink, APanelThatWentAwayIsNeitherCalledNorKept)
{
    SidebarLink link;
    rtl::Reference<Frame> frame(new Frame);
    {
        rtl::Reference<Panel> panel(new Panel);
        link.attach(object(frame.get()), object(panel.get()));
        EXPECT_EQ(link.livePanels(), 1u);
    } // released: only the link's weak reference is left, which does not keep it alive
    EXPECT_EQ(link.livePanels(), 0u);
    link.showStep(object(frame.get()), 3); // nothing to call, and no crash
}

TEST(SidebarLink, ADetachedPanelIsNoLongerCalled)
{
    SidebarLink link;
    rtl::Reference<Frame> frame(new Frame);
    rtl::Reference<Panel> panel(new Panel);
    link.attach(object(frame.get()), object(panel.get()));
    link.detach(object(panel.get()));
    link.showStep(object(frame.get()), 5);
    EXPECT_TRUE(panel->shown.empty());
    EXPECT_EQ(link.livePanels(), 0u);
}

TEST(SidebarLink, AClosedFramesLinksGoWithIt)
{
    SidebarLink link;
    rtl::Reference<Panel> panel(new Panel);
    {
        rtl::Reference<Frame> frame(new Frame);
        link.attach(object(frame.get()), object(panel.get()));
        link.showStep(object(frame.get()), 1);
    }
    EXPECT_EQ(link.livePanels(), 0u);
}

} // namespace
