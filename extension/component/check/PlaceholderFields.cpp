#include "check/PlaceholderFields.hpp"

#include "UnoBoundary.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/PlaceholderType.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>

namespace partnering::uno {

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

constexpr const char* kPlaceholderService = "com.sun.star.text.TextField.JumpEdit";

template <class Visit>
void forEach(const Reference<css::container::XEnumerationAccess>& container, Visit&& visit)
{
    if (!container.is())
        return;
    const auto items = container->createEnumeration();
    while (items->hasMoreElements())
        visit(items->nextElement());
}

} // namespace

std::optional<rtl::OUString> placeholderLabel(const Reference<css::uno::XInterface>& field)
{
    const Reference<css::lang::XServiceInfo> info(field, UNO_QUERY);
    if (!info.is() || !info->supportsService(rtl::OUString::createFromAscii(kPlaceholderService)))
        return std::nullopt;
    rtl::OUString label;
    Reference<css::beans::XPropertySet>(field, UNO_QUERY_THROW)->getPropertyValue("PlaceHolder") >>= label;
    return label;
}

std::vector<fill::DraftPlaceholder> placeholdersInDocument(const Reference<css::frame::XModel>& model)
{
    std::vector<fill::DraftPlaceholder> found;
    const Reference<css::text::XTextFieldsSupplier> supplier(model, UNO_QUERY);
    if (!supplier.is())
        return found;
    forEach(Reference<css::container::XEnumerationAccess>(supplier->getTextFields(), UNO_QUERY), [&](const Any& item) {
        const Reference<css::uno::XInterface> field(item, UNO_QUERY);
        const auto label = placeholderLabel(field);
        if (!label)
            return;
        rtl::OUString hint;
        Reference<css::beans::XPropertySet>(field, UNO_QUERY_THROW)->getPropertyValue("Hint") >>= hint;
        fill::DraftPlaceholder placeholder;
        placeholder.label = toUtf8(*label);
        placeholder.description = toUtf8(hint);
        found.push_back(std::move(placeholder));
    });
    return found;
}

std::optional<rtl::OUString> placeholderHeldBy(const Reference<css::text::XTextRange>& range)
{
    // A range enumerates its paragraphs, each only the part inside the range, and a paragraph
    // its portions: text, fields, the bookmark's own start and end.
    std::optional<rtl::OUString> label;
    int held = 0;
    forEach(Reference<css::container::XEnumerationAccess>(range, UNO_QUERY), [&](const Any& paragraph) {
        forEach(Reference<css::container::XEnumerationAccess>(paragraph, UNO_QUERY), [&](const Any& item) {
            const Reference<css::beans::XPropertySet> portion(item, UNO_QUERY_THROW);
            rtl::OUString type;
            portion->getPropertyValue("TextPortionType") >>= type;
            if (type == "Bookmark")
                return;
            if (type == "Text" && Reference<css::text::XTextRange>(portion, UNO_QUERY_THROW)->getString().isEmpty())
                return;
            ++held;
            if (type == "TextField")
                label = placeholderLabel(Reference<css::uno::XInterface>(portion->getPropertyValue("TextField"), UNO_QUERY));
        });
    });
    return held == 1 ? label : std::nullopt;
}

Reference<css::text::XTextContent> newPlaceholderField(const Reference<css::lang::XMultiServiceFactory>& document,
                                                       const rtl::OUString& label, const rtl::OUString& hint)
{
    const Reference<css::beans::XPropertySet> field(
        document->createInstance(rtl::OUString::createFromAscii(kPlaceholderService)), UNO_QUERY_THROW);
    field->setPropertyValue("PlaceHolder", Any(label));
    field->setPropertyValue("PlaceHolderType", Any(css::text::PlaceholderType::TEXT));
    field->setPropertyValue("Hint", Any(hint));
    return Reference<css::text::XTextContent>(field, UNO_QUERY_THROW);
}

} // namespace partnering::uno
