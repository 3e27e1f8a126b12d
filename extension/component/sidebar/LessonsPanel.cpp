#include "sidebar/LessonsPanel.hpp"

#include "sidebar/LessonsView.hpp"
#include "sidebar/SidebarLink.hpp"

#include "error/ScopeGuards.hpp"

#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/ui/LayoutSize.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <cppuhelper/basemutex.hxx>
#include <cppuhelper/compbase3.hxx>
#include <rtl/ref.hxx>

namespace partnering::uno {
namespace {

using css::uno::Reference;

constexpr sal_Int32 kMinimalWidth = 240;

// The UI element the sidebar holds: it hands out the view's window and sizes, and disposes
// the view with itself.
class LessonsPanel : private cppu::BaseMutex,
                     public cppu::WeakComponentImplHelper3<css::ui::XUIElement, css::ui::XToolPanel, css::ui::XSidebarPanel> {
public:
    LessonsPanel(Reference<css::frame::XFrame> frame, rtl::OUString resourceUrl, rtl::Reference<LessonsView> view)
        : WeakComponentImplHelper3(m_aMutex), frame_(std::move(frame)), resourceUrl_(std::move(resourceUrl)),
          view_(std::move(view))
    {
    }

    Reference<css::frame::XFrame> SAL_CALL getFrame() override { return frame_; }
    rtl::OUString SAL_CALL getResourceURL() override { return resourceUrl_; }
    sal_Int16 SAL_CALL getType() override { return css::ui::UIElementType::TOOLPANEL; }
    Reference<css::uno::XInterface> SAL_CALL getRealInterface() override
    {
        return static_cast<css::ui::XToolPanel*>(this);
    }

    Reference<css::awt::XWindow> SAL_CALL getWindow() override
    {
        osl::MutexGuard guard(m_aMutex);
        return view_.is() ? view_->window() : Reference<css::awt::XWindow>();
    }
    Reference<css::accessibility::XAccessible> SAL_CALL
    createAccessible(const Reference<css::accessibility::XAccessible>&) override
    {
        return Reference<css::accessibility::XAccessible>(getWindow(), css::uno::UNO_QUERY);
    }

    css::ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32) override
    {
        // Fills the deck: below the minimum the results and the preview get too short to read.
        return css::ui::LayoutSize(420, -1, 640);
    }
    sal_Int32 SAL_CALL getMinimalWidth() override { return kMinimalWidth; }

private:
    void SAL_CALL disposing() override
    {
        rtl::Reference<LessonsView> view;
        {
            osl::MutexGuard guard(m_aMutex);
            view = view_;
            view_.clear();
            frame_.clear();
        }
        if (view.is())
            view->dispose();
    }

    Reference<css::frame::XFrame> frame_;
    rtl::OUString resourceUrl_;
    rtl::Reference<LessonsView> view_;
};

} // namespace

Reference<css::ui::XUIElement> createLessonsPanel(const Reference<css::uno::XComponentContext>& context,
                                                  const Reference<css::frame::XFrame>& frame,
                                                  const Reference<css::awt::XWindow>& parentWindow,
                                                  const rtl::OUString& resourceUrl)
{
    rtl::Reference<LessonsView> view(new LessonsView(context, frame, parentWindow));
    {
        // A view half made is already a listener of the sidebar's window and of the wizard.
        const OnScopeFailure disposeView([&]() noexcept { view->dispose(); });
        view->create();
    }
    return new LessonsPanel(frame, resourceUrl, view);
}

void showLessonsForStep(const Reference<css::frame::XFrame>& frame, int step)
{
    SidebarLink::instance().showStep(frame, step);
}

} // namespace partnering::uno
