#include "wizard/DraftRefreshInWriter.hpp"

#include "DocumentAnswers.hpp"
#include "error/ScopeGuards.hpp"
#include "UiText.hpp"
#include "UnoBoundary.hpp"
#include "check/PlaceholderFields.hpp"

#include "fill/DraftPackage.hpp"
#include "fill/DraftRefresh.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/graphic/GraphicProvider.hpp>
#include <com/sun/star/graphic/XGraphic.hpp>
#include <com/sun/star/io/SequenceInputStream.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextGraphicObjectsSupplier.hpp>

#include <map>
#include <optional>

namespace partnering::uno {

namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;


// What each of the fill's bookmarks holds: a placeholder field (as its label) or text.
std::map<std::string, fill::FieldInDocument> fieldsIn(const Reference<css::container::XNameAccess>& bookmarks)
{
    std::map<std::string, fill::FieldInDocument> fields;
    const auto prefix = toOUString(fill::kBookmarkPrefix);
    for (const auto& name : bookmarks->getElementNames()) {
        if (!name.startsWith(prefix))
            continue;
        const auto anchor = Reference<css::text::XTextContent>(bookmarks->getByName(name), UNO_QUERY_THROW)->getAnchor();
        if (const auto label = placeholderHeldBy(anchor))
            fields.emplace(toUtf8(name), fill::FieldInDocument{toUtf8(*label), true});
        else
            fields.emplace(toUtf8(name), fill::FieldInDocument{toUtf8(anchor->getString()), false});
    }
    return fields;
}

// The bookmark is made anew around the new text or placeholder: a bookmark whose text is
// deleted may collapse to a point, and typing at a point does not widen it.
void rewriteField(const Reference<css::lang::XMultiServiceFactory>& factory,
                  const Reference<css::container::XNameAccess>& bookmarks, const fill::DraftField& field)
{
    const auto name = toOUString(field.bookmark);
    const Reference<css::text::XTextContent> old(bookmarks->getByName(name), UNO_QUERY_THROW);
    const auto anchor = old->getAnchor();
    const auto text = anchor->getText();
    const auto cursor = text->createTextCursorByRange(anchor);
    text->removeTextContent(old);
    Reference<css::text::XTextRange> content(cursor, UNO_QUERY_THROW);
    if (field.placeholder) {
        // The field takes the place of whatever the bookmark held (text, or another placeholder).
        const auto placeholder = newPlaceholderField(factory, toOUString(field.text), toOUString(field.description));
        text->insertTextContent(content, placeholder, true);
        content = placeholder->getAnchor();
    } else {
        cursor->setString(toOUString(field.text)); // '\n' becomes a line break; the cursor spans the new text
    }
    const Reference<css::text::XTextContent> bookmark(factory->createInstance("com.sun.star.text.Bookmark"), UNO_QUERY_THROW);
    Reference<css::container::XNamed>(bookmark, UNO_QUERY_THROW)->setName(name);
    text->insertTextContent(content, bookmark, true);
}

void redrawMap(const Reference<css::uno::XComponentContext>& context, const Reference<css::frame::XModel>& model,
               const std::string& svg)
{
    const auto mapFrame = toOUString(fill::kMapFrameName);
    const Reference<css::text::XTextGraphicObjectsSupplier> supplier(model, UNO_QUERY);
    if (!supplier.is() || !supplier->getGraphicObjects()->hasByName(mapFrame))
        return; // the user took the map out of the draft: it stays out
    css::uno::Sequence<sal_Int8> bytes(static_cast<sal_Int32>(svg.size()));
    std::copy(svg.begin(), svg.end(), bytes.getArray());
    css::uno::Sequence<css::beans::PropertyValue> source(1);
    source[0].Name = "InputStream";
    source[0].Value <<= css::io::SequenceInputStream::createStreamFromSequence(context, bytes);
    const auto graphic = css::graphic::GraphicProvider::create(context)->queryGraphic(source);
    const Reference<css::beans::XPropertySet> map(supplier->getGraphicObjects()->getByName(mapFrame), UNO_QUERY_THROW);
    map->setPropertyValue("Graphic", css::uno::Any(graphic));
}

rtl::OUString obstacleText(const Reference<css::uno::XComponentContext>& context, const fill::DraftRefresh& refresh)
{
    using fill::RefreshObstacle;
    switch (refresh.obstacle) {
    case RefreshObstacle::None:
        return {};
    case RefreshObstacle::NoLayout:
        return uiText(context, "This document was not made by the journey wizard, or by an older version of it.");
    case RefreshObstacle::OtherTemplate:
        return uiText(context, "This document was made from another template (%1).").replaceFirst("%1", toOUString(refresh.detail));
    case RefreshObstacle::OtherLanguage:
        return uiText(context, "This document is in another language (%1).").replaceFirst("%1", toOUString(refresh.detail));
    case RefreshObstacle::OtherLayout:
        return uiText(context, "Your answers add or remove a listed item or a conditional clause, which changes the "
                               "document's layout.");
    case RefreshObstacle::FieldRemoved:
        return uiText(context, "A field of the draft was deleted from the document (%1).")
            .replaceFirst("%1", toOUString(refresh.detail));
    }
    return {};
}

// The fill of the answers stored in the document: what made its fields, as far as the document
// says (nothing when it holds no answers, or answers this filler cannot fill).
std::optional<fill::DraftFields> fillThatMade(const Reference<css::frame::XFrame>& frame, const fill::TemplateFiller& filler,
                                              const fill::FillOptions& options)
{
    std::optional<fill::DraftFields> made;
    reportFailures(logFailure("reading the answers a draft was made with"), [&] {
        if (const auto stored = documentAnswers(frame))
            made = filler.draftFields(journey::AgreementAnswers::parse(*stored, std::string(fill::kAnswersProperty)), options);
    });
    return made;
}

} // namespace

rtl::OUString refreshDraftInWriter(const Reference<css::uno::XComponentContext>& context,
                                   const Reference<css::frame::XFrame>& frame, const fill::TemplateFiller& filler,
                                   const journey::AgreementAnswers& answers, const fill::FillOptions& options)
{
    const fill::DraftFields next = filler.draftFields(answers, options);
    const std::string answersJson = answers.json().dump();
    const auto model = frame.is() && frame->getController().is() ? frame->getController()->getModel() : nullptr;
    const Reference<css::text::XBookmarksSupplier> supplier(model, UNO_QUERY);
    if (!supplier.is())
        return uiText(context, "The window the wizard was opened from no longer shows the draft.");
    const auto bookmarks = supplier->getBookmarks();
    const auto made = fillThatMade(frame, filler, options);
    const auto refresh = fill::planRefresh(documentProperty(frame, fill::kLayoutProperty).value_or(""),
                                           fieldsIn(bookmarks), next, made ? &*made : nullptr);
    if (refresh.obstacle != fill::RefreshObstacle::None)
        return obstacleText(context, refresh);

    const Reference<css::lang::XMultiServiceFactory> factory(model, UNO_QUERY_THROW);
    const auto undoManager = Reference<css::document::XUndoManagerSupplier>(model, UNO_QUERY_THROW)->getUndoManager();
    undoManager->enterUndoContext(uiText(context, "Refresh the draft"));
    {
        // An undo context left open would take in the user's next edits: closed on a failure too.
        const OnScopeFailure closeUndoContext([&]() noexcept {
            reportFailures(logFailure("closing the refresh's undo context"), [&] { undoManager->leaveUndoContext(); });
        });
        for (const auto& field : refresh.changes)
            rewriteField(factory, bookmarks, field);
        if (next.stakeholderMapSvg)
            redrawMap(context, model, *next.stakeholderMapSvg);
    }
    undoManager->leaveUndoContext();
    setDocumentProperty(frame, fill::kAnswersProperty, answersJson);
    setDocumentProperty(frame, fill::kLayoutProperty, next.layout);
    return {};
}

} // namespace partnering::uno
