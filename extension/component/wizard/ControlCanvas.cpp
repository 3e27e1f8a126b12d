#include "wizard/ControlCanvas.hpp"

#include "ExtensionFolder.hpp"
#include "UnoBoundary.hpp"

#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/XAccessibleContext.hpp>
#include <com/sun/star/awt/ContainerWindowProvider.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XUnitConversion.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/util/MeasureUnit.hpp>
#include <osl/file.hxx>

#include <algorithm>

namespace partnering::uno {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

ControlCanvas::ControlCanvas(const Reference<css::uno::XComponentContext>& context,
                             const Reference<css::awt::XWindowPeer>& parent)
{
    rtl::OUString url;
    const auto dialog = extensionFolder(context) / "dialogs" / "JourneyStepPage.xdl";
    if (osl::FileBase::getFileURLFromSystemPath(toOUString(dialog.string()), url) != osl::FileBase::E_None)
        throw css::uno::RuntimeException("[partnering.wizard.no-page] cannot locate " + toOUString(dialog.string()), nullptr);
    window_ = css::awt::ContainerWindowProvider::create(context)->createContainerWindow(url, rtl::OUString(), parent, nullptr);
    container_.set(window_, UNO_QUERY_THROW);
    models_.set(Reference<css::awt::XControl>(window_, UNO_QUERY_THROW)->getModel(), UNO_QUERY_THROW);
}

Reference<css::beans::XPropertySet> ControlCanvas::add(const char* service, const rtl::OUString& name,
                                                       const Properties& properties)
{
    const Reference<css::beans::XPropertySet> model(models_->createInstance(rtl::OUString::createFromAscii(service)),
                                                    UNO_QUERY_THROW);
    model->setPropertyValue("Name", Any(name));
    for (const auto& [property, value] : properties)
        model->setPropertyValue(rtl::OUString::createFromAscii(property), value);
    // Inserting the model into the window's model makes the window create the control.
    Reference<css::container::XNameContainer>(models_, UNO_QUERY_THROW)->insertByName(name, Any(model));
    return model;
}

Reference<css::uno::XInterface> ControlCanvas::control(const rtl::OUString& name) const
{
    return container_.is() ? Reference<css::uno::XInterface>(container_->getControl(name), UNO_QUERY)
                           : Reference<css::uno::XInterface>();
}

Reference<css::beans::XPropertySet> ControlCanvas::model(const rtl::OUString& name) const
{
    const Reference<css::awt::XControl> found(control(name), UNO_QUERY);
    return found.is() ? Reference<css::beans::XPropertySet>(found->getModel(), UNO_QUERY)
                      : Reference<css::beans::XPropertySet>();
}

void ControlCanvas::set(const rtl::OUString& name, const char* property, const Any& value) const
{
    const auto properties = model(name);
    if (properties.is())
        properties->setPropertyValue(rtl::OUString::createFromAscii(property), value);
}

void ControlCanvas::place(const rtl::OUString& name, const Box& box) const
{
    const auto properties = model(name);
    if (!properties.is())
        return;
    properties->setPropertyValue("PositionX", Any(static_cast<sal_Int32>(box.x)));
    properties->setPropertyValue("PositionY", Any(static_cast<sal_Int32>(box.y)));
    properties->setPropertyValue("Width", Any(static_cast<sal_Int32>(std::max(box.width, 1))));
    properties->setPropertyValue("Height", Any(static_cast<sal_Int32>(std::max(box.height, 1))));
}

void ControlCanvas::show(const rtl::OUString& name, bool visible) const
{
    const Reference<css::awt::XWindow> window(control(name), UNO_QUERY);
    if (window.is())
        window->setVisible(visible);
}

Reference<css::awt::XWindowPeer> ControlCanvas::peer() const
{
    const Reference<css::awt::XControl> control(window_, UNO_QUERY);
    return control.is() ? control->getPeer() : Reference<css::awt::XWindowPeer>();
}

css::awt::Size ControlCanvas::toPixels(int width, int height) const
{
    // Nothing to measure once disposed: its controls are gone too.
    const Reference<css::awt::XUnitConversion> units(window_, UNO_QUERY);
    return units.is() ? units->convertSizeToPixel(css::awt::Size(width, height), css::util::MeasureUnit::APPFONT)
                      : css::awt::Size();
}

css::awt::Size ControlCanvas::toUnits(sal_Int32 width, sal_Int32 height) const
{
    const Reference<css::awt::XUnitConversion> units(window_, UNO_QUERY);
    return units.is() ? units->convertSizeToLogic(css::awt::Size(width, height), css::util::MeasureUnit::APPFONT)
                      : css::awt::Size();
}

void ControlCanvas::dispose()
{
    // LibreOffice 7.4's table control frees its accessible object when its window lets go of it,
    // then disposes it (a crash once a screen reader or a test has looked at a table). Holding
    // the controls' accessible objects until the windows are gone keeps them alive that long.
    std::vector<Reference<css::accessibility::XAccessible>> accessibles;
    try {
        const Reference<css::accessibility::XAccessible> accessible(peer(), UNO_QUERY);
        const auto context = accessible.is() ? accessible->getAccessibleContext() : nullptr;
        for (sal_Int32 i = 0; context.is() && i < context->getAccessibleChildCount(); ++i)
            accessibles.push_back(context->getAccessibleChild(i));
    } catch (const css::uno::Exception&) {
        // No accessible objects: nothing to keep alive.
    }
    const Reference<css::lang::XComponent> window(window_, UNO_QUERY);
    container_.clear();
    models_.clear();
    window_.clear();
    if (window.is())
        window->dispose(); // and every control in it
}

} // namespace partnering::uno
