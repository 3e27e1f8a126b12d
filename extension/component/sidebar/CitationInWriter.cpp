#include "sidebar/CitationInWriter.hpp"

#include "error/ScopeGuards.hpp"
#include "UnoBoundary.hpp"

#include <com/sun/star/awt/FontSlant.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/text/BibliographyDataType.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextSection.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>

#include <algorithm>
#include <vector>

namespace partnering::uno {
namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

// Writer's block quotation paragraph style, present in every Writer document. The API takes the
// programmatic name whatever the UI language shows ("Citations" in French).
constexpr const char* kQuotationsStyle = "Quotations";

void addField(std::vector<css::beans::PropertyValue>& fields, const char* name, const std::string& value)
{
    if (!value.empty())
        fields.emplace_back(rtl::OUString::createFromAscii(name), 0, css::uno::Any(toOUString(value)),
                            css::beans::PropertyState_DIRECT_VALUE);
}

// Writer's bibliography entry: field names as com.sun.star.text.BibliographyDataField lists
// them ("BibiliographicType" is spelt so in the API).
css::uno::Sequence<css::beans::PropertyValue> bibliographyFields(const lessons::BibliographyEntry& entry)
{
    std::vector<css::beans::PropertyValue> fields;
    addField(fields, "Identifier", entry.identifier);
    const sal_Int16 type = entry.url.empty() ? css::text::BibliographyDataType::MISC : css::text::BibliographyDataType::WWW;
    fields.emplace_back("BibiliographicType", 0, css::uno::Any(type), css::beans::PropertyState_DIRECT_VALUE);
    addField(fields, "Title", entry.title);
    addField(fields, "Author", entry.author);
    addField(fields, "Organizations", entry.author);
    addField(fields, "Year", entry.year);
    addField(fields, "URL", entry.url);
    addField(fields, "Note", entry.note);
    return css::uno::Sequence<css::beans::PropertyValue>(fields.data(), static_cast<sal_Int32>(fields.size()));
}

// Whether the user could not type at `at`: a read-only document, or a protected section
// around it (its own or one it is nested in).
bool protectedAt(const Reference<css::frame::XModel>& model, const Reference<css::text::XTextRange>& at)
{
    const Reference<css::frame::XStorable> storable(model, UNO_QUERY);
    if (storable.is() && storable->isReadonly())
        return true;
    const Reference<css::beans::XPropertySet> position(at, UNO_QUERY);
    Reference<css::text::XTextSection> section;
    if (position.is() && position->getPropertySetInfo()->hasPropertyByName("TextSection"))
        position->getPropertyValue("TextSection") >>= section;
    for (; section.is(); section = section->getParentSection()) {
        bool isProtected = false;
        Reference<css::beans::XPropertySet>(section, UNO_QUERY_THROW)->getPropertyValue("IsProtected") >>= isProtected;
        if (isProtected)
            return true;
    }
    return false;
}

// The advice's paragraph at `at` (the start of a paragraph, whose style it keeps): the mark in
// italics, then the advice. The mark is set in italics once written, over its own characters:
// an attribute set at the cursor first would spread into the advice written after it.
void insertAdvice(const Reference<css::text::XText>& text, const Reference<css::text::XTextRange>& at,
                  const lessons::CitedAdvice& advice)
{
    const rtl::OUString mark = toOUString(advice.mark);
    text->insertString(at, mark + " " + toOUString(advice.advice), false);
    const Reference<css::text::XParagraphCursor> markRange(text->createTextCursorByRange(at), UNO_QUERY_THROW);
    markRange->gotoStartOfParagraph(false);
    // The mark is words of the Basic Multilingual Plane: one character per UTF-16 unit.
    markRange->goRight(static_cast<sal_Int16>(std::min<sal_Int32>(mark.getLength(), SAL_MAX_INT16)), true);
    // Western scripts only: Chinese, Arabic and Khmer are not set in italics.
    Reference<css::beans::XPropertySet>(markRange, UNO_QUERY_THROW)
        ->setPropertyValue("CharPosture", css::uno::Any(css::awt::FontSlant_ITALIC));
}

} // namespace

CitationOutcome insertCitation(const Reference<css::frame::XFrame>& frame, const lessons::BibliographyEntry& entry,
                               const std::string& quotation, const lessons::CitedAdvice& advice,
                               const rtl::OUString& undoTitle)
{
    const auto controller = frame.is() ? frame->getController() : Reference<css::frame::XController>();
    const Reference<css::text::XTextViewCursorSupplier> cursorSupplier(controller, UNO_QUERY);
    const Reference<css::lang::XMultiServiceFactory> factory(controller.is() ? controller->getModel() : nullptr, UNO_QUERY);
    if (!cursorSupplier.is() || !factory.is())
        return CitationOutcome::NoWriterText;
    const auto viewCursor = cursorSupplier->getViewCursor();
    if (protectedAt(controller->getModel(), Reference<css::text::XTextRange>(viewCursor, UNO_QUERY)))
        return CitationOutcome::Protected;
    const auto text = viewCursor->getText();
    // A model cursor at the end of the selection: the user's selection is kept, not replaced.
    const Reference<css::text::XParagraphCursor> cursor(text->createTextCursorByRange(viewCursor->getEnd()), UNO_QUERY_THROW);
    const Reference<css::text::XTextRange> at(cursor, UNO_QUERY_THROW);
    const Reference<css::beans::XPropertySet> paragraph(cursor, UNO_QUERY_THROW);
    const Reference<css::text::XTextContent> field(factory->createInstance("com.sun.star.text.TextField.Bibliography"),
                                                   UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet>(field, UNO_QUERY_THROW)->setPropertyValue("Fields", css::uno::Any(bibliographyFields(entry)));

    const auto undoManager = Reference<css::document::XUndoManagerSupplier>(controller->getModel(), UNO_QUERY_THROW)->getUndoManager();
    undoManager->enterUndoContext(undoTitle);
    {
        // An undo context left open would take in the user's next edits: closed on a failure too.
        const OnScopeFailure closeUndoContext([&]() noexcept {
            reportFailures(logFailure("closing the citation's undo context"), [&] { undoManager->leaveUndoContext(); });
        });
        const css::uno::Any ownStyle = paragraph->getPropertyValue("ParaStyleName");
        if (!cursor->isStartOfParagraph())
            text->insertControlCharacter(at, css::text::ControlCharacter::PARAGRAPH_BREAK, false);
        paragraph->setPropertyValue("ParaStyleName", css::uno::Any(rtl::OUString::createFromAscii(kQuotationsStyle)));
        text->insertString(at, toOUString(quotation) + " ", false);
        text->insertTextContent(at, field, false);
        text->insertControlCharacter(at, css::text::ControlCharacter::PARAGRAPH_BREAK, false);
        paragraph->setPropertyValue("ParaStyleName", ownStyle); // what follows the quotation is the user's again
        if (!advice.advice.empty()) {
            insertAdvice(text, at, advice);
            text->insertControlCharacter(at, css::text::ControlCharacter::PARAGRAPH_BREAK, false);
        }
        viewCursor->gotoRange(at, false);
    }
    undoManager->leaveUndoContext();
    // The button kept the keyboard: give it back to the text, where Ctrl+Z undoes the citation.
    if (const auto window = frame->getComponentWindow(); window.is())
        window->setFocus();
    return CitationOutcome::Inserted;
}

} // namespace partnering::uno
