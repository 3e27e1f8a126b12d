#include "check/PlaceholderFields.hpp"

#include "UnoBoundary.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/PlaceholderType.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextTable.hpp>

#include <algorithm>

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

// The placeholder fields of `text` (a document's body, a table cell) in reading order: its
// paragraphs' portions in turn, a table's cells row by row.
void collectInReadingOrder(const Reference<css::container::XEnumerationAccess>& text,
                           std::vector<Reference<css::uno::XInterface>>& fields)
{
    forEach(text, [&](const Any& element) {
        if (const Reference<css::text::XTextTable> table(element, UNO_QUERY); table.is()) {
            for (const auto& cell : table->getCellNames())
                collectInReadingOrder(Reference<css::container::XEnumerationAccess>(table->getCellByName(cell), UNO_QUERY),
                                      fields);
            return;
        }
        forEach(Reference<css::container::XEnumerationAccess>(element, UNO_QUERY), [&](const Any& item) {
            const Reference<css::beans::XPropertySet> portion(item, UNO_QUERY);
            rtl::OUString type;
            if (!portion.is() || !(portion->getPropertyValue("TextPortionType") >>= type) || type != "TextField")
                return;
            const Reference<css::uno::XInterface> field(portion->getPropertyValue("TextField"), UNO_QUERY);
            if (placeholderLabel(field))
                fields.push_back(field);
        });
    });
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
    const Reference<css::text::XTextDocument> document(model, UNO_QUERY);
    if (!supplier.is() || !document.is())
        return found;
    // Writer lists its fields by kind, in no reading order: the body is read in order first,
    // then come the fields it does not hold (in frames, headers, footnotes) as Writer lists them.
    std::vector<Reference<css::uno::XInterface>> fields;
    collectInReadingOrder(Reference<css::container::XEnumerationAccess>(document->getText(), UNO_QUERY), fields);
    const auto inBody = fields.size();
    forEach(Reference<css::container::XEnumerationAccess>(supplier->getTextFields(), UNO_QUERY), [&](const Any& item) {
        const Reference<css::uno::XInterface> field(item, UNO_QUERY);
        if (placeholderLabel(field) && std::find(fields.begin(), fields.begin() + inBody, field) == fields.begin() + inBody)
            fields.push_back(field);
    });
    for (const auto& field : fields) {
        rtl::OUString hint;
        Reference<css::beans::XPropertySet>(field, UNO_QUERY_THROW)->getPropertyValue("Hint") >>= hint;
        fill::DraftPlaceholder placeholder;
        placeholder.label = toUtf8(placeholderLabel(field).value_or(rtl::OUString()));
        placeholder.description = toUtf8(hint);
        found.push_back(std::move(placeholder));
    }
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
