#include "DocumentAnswers.hpp"

#include "UnoBoundary.hpp"

#include "fill/TemplateFiller.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>

namespace partnering::uno {

std::optional<std::string> documentAnswers(const css::uno::Reference<css::frame::XFrame>& frame)
{
    const auto controller = frame.is() ? frame->getController() : nullptr;
    const css::uno::Reference<css::document::XDocumentPropertiesSupplier> supplier(
        controller.is() ? controller->getModel() : nullptr, css::uno::UNO_QUERY);
    if (!supplier.is())
        return std::nullopt;
    const css::uno::Reference<css::beans::XPropertySet> properties(
        supplier->getDocumentProperties()->getUserDefinedProperties(), css::uno::UNO_QUERY);
    const auto name = toOUString(fill::kAnswersProperty);
    if (!properties.is() || !properties->getPropertySetInfo()->hasPropertyByName(name))
        return std::nullopt;
    rtl::OUString json;
    properties->getPropertyValue(name) >>= json;
    return toUtf8(json);
}

} // namespace partnering::uno
