#include "DocumentAnswers.hpp"

#include "UnoBoundary.hpp"

#include "fill/DraftPackage.hpp"

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>

namespace partnering::uno {

namespace {

css::uno::Reference<css::beans::XPropertyContainer> userProperties(const css::uno::Reference<css::frame::XFrame>& frame)
{
    const auto controller = frame.is() ? frame->getController() : nullptr;
    const css::uno::Reference<css::document::XDocumentPropertiesSupplier> supplier(
        controller.is() ? controller->getModel() : nullptr, css::uno::UNO_QUERY);
    return supplier.is() ? supplier->getDocumentProperties()->getUserDefinedProperties() : nullptr;
}

} // namespace

std::optional<std::string> documentProperty(const css::uno::Reference<css::frame::XFrame>& frame, std::string_view name)
{
    const css::uno::Reference<css::beans::XPropertySet> properties(userProperties(frame), css::uno::UNO_QUERY);
    const auto uname = toOUString(name);
    if (!properties.is() || !properties->getPropertySetInfo()->hasPropertyByName(uname))
        return std::nullopt;
    rtl::OUString value;
    properties->getPropertyValue(uname) >>= value;
    return toUtf8(value);
}

std::optional<std::string> documentAnswers(const css::uno::Reference<css::frame::XFrame>& frame)
{
    return documentProperty(frame, fill::kAnswersProperty);
}

void setDocumentProperty(const css::uno::Reference<css::frame::XFrame>& frame, std::string_view name,
                         std::string_view value)
{
    const auto container = userProperties(frame);
    const css::uno::Reference<css::beans::XPropertySet> properties(container, css::uno::UNO_QUERY_THROW);
    const auto uname = toOUString(name);
    const css::uno::Any any(toOUString(value));
    if (properties->getPropertySetInfo()->hasPropertyByName(uname))
        properties->setPropertyValue(uname, any);
    else
        container->addProperty(uname, css::beans::PropertyAttribute::REMOVABLE, any);
}

} // namespace partnering::uno
