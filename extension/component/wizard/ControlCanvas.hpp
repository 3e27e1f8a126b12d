// A container window of the wizard whose controls are made from models and placed in dialog
// units (APPFONT): the page itself, and the scrolled area that holds a step's questions.
#pragma once

#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <utility>
#include <vector>

namespace partnering::uno {

// A rectangle in dialog units.
struct Box {
    int x = 0, y = 0, width = 0, height = 0;
};

// About how many lines `text` takes in `width` dialog units: enough to size a label before it is shown.
int textLines(const rtl::OUString& text, int width);

class ControlCanvas {
public:
    using Properties = std::vector<std::pair<const char*, css::uno::Any>>;

    // An empty container window (dialogs/JourneyStepPage.xdl) inside `parent`.
    ControlCanvas(const css::uno::Reference<css::uno::XComponentContext>& context,
                  const css::uno::Reference<css::awt::XWindowPeer>& parent);

    // A control made from the model `service` ("com.sun.star.awt.UnoControlEditModel"), named
    // `name`; `properties` are set before the control exists, as some take effect only then
    // (a list box is a drop-down or not for good). Returns the model.
    css::uno::Reference<css::beans::XPropertySet> add(const char* service, const rtl::OUString& name,
                                                      const Properties& properties = {});
    css::uno::Reference<css::uno::XInterface> control(const rtl::OUString& name) const;
    css::uno::Reference<css::beans::XPropertySet> model(const rtl::OUString& name) const;
    void set(const rtl::OUString& name, const char* property, const css::uno::Any& value) const;
    void place(const rtl::OUString& name, const Box& box) const;
    void show(const rtl::OUString& name, bool visible) const;

    const css::uno::Reference<css::awt::XWindow>& window() const { return window_; }
    css::uno::Reference<css::awt::XWindowPeer> peer() const;
    // Pixels and dialog units of this window.
    css::awt::Size toPixels(int width, int height) const;
    css::awt::Size toUnits(sal_Int32 width, sal_Int32 height) const;

    void dispose();

private:
    css::uno::Reference<css::awt::XWindow> window_;
    css::uno::Reference<css::awt::XControlContainer> container_;
    css::uno::Reference<css::lang::XMultiServiceFactory> models_;
};

} // namespace partnering::uno
