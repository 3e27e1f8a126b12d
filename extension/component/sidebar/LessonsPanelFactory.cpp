// The toolpanel factory Factories.xcu names for our sidebar panels: the sidebar calls it with
// private:resource/toolpanel/PartneringLessonsPanelFactory/PartneringLessonsPanel.
#include "sidebar/LessonsPanel.hpp"

#include "UnoBoundary.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>

namespace partnering::uno {
namespace {

constexpr const char* kImplementationName = "org.partnering.comp.LessonsPanelFactory";
constexpr const char* kServiceName = "org.partnering.LessonsPanelFactory";

class LessonsPanelFactory : public cppu::WeakImplHelper2<css::ui::XUIElementFactory, css::lang::XServiceInfo> {
public:
    explicit LessonsPanelFactory(css::uno::Reference<css::uno::XComponentContext> context)
        : context_(std::move(context))
    {
    }

    css::uno::Reference<css::ui::XUIElement> SAL_CALL
    createUIElement(const rtl::OUString& resourceUrl, const css::uno::Sequence<css::beans::PropertyValue>& arguments) override
    {
        const css::uno::Reference<css::uno::XInterface> self(static_cast<cppu::OWeakObject*>(this));
        return callCore(self, [&] {
            const rtl::OUString expected = "private:resource/toolpanel/" + rtl::OUString::createFromAscii(kLessonsPanelFactoryName)
                                           + "/" + rtl::OUString::createFromAscii(kLessonsPanelId);
            if (resourceUrl != expected)
                throw css::container::NoSuchElementException("no Partnering Journey panel " + resourceUrl, self);
            css::uno::Reference<css::frame::XFrame> frame;
            css::uno::Reference<css::awt::XWindow> parentWindow;
            for (const auto& argument : arguments) {
                if (argument.Name == "Frame")
                    argument.Value >>= frame;
                else if (argument.Name == "ParentWindow")
                    argument.Value >>= parentWindow;
            }
            if (!parentWindow.is())
                throw css::lang::IllegalArgumentException("the lessons panel needs a ParentWindow", self, 1);
            return createLessonsPanel(context_, frame, parentWindow, resourceUrl);
        });
    }

    rtl::OUString SAL_CALL getImplementationName() override { return rtl::OUString::createFromAscii(kImplementationName); }
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override { return cppu::supportsService(this, name); }
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override
    {
        const rtl::OUString name = rtl::OUString::createFromAscii(kServiceName);
        return css::uno::Sequence<rtl::OUString>(&name, 1);
    }

private:
    css::uno::Reference<css::uno::XComponentContext> context_;
};

} // namespace
} // namespace partnering::uno

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_partnering_LessonsPanelFactory_get_implementation(css::uno::XComponentContext* context,
                                                      const css::uno::Sequence<css::uno::Any>&)
{
    return cppu::acquire(new partnering::uno::LessonsPanelFactory(context));
}
