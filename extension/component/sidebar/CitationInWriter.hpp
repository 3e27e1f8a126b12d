// A lesson cited in the Writer document of a frame, as Writer users expect: the quoted passage
// in Writer's Quotations paragraph style with a bibliography field that Insert > Bibliography
// lists, one undo action, and the keyboard given back to the document so Ctrl+Z undoes it.
#pragma once

#include "lessons/Citation.hpp"

#include <com/sun/star/frame/XFrame.hpp>
#include <rtl/ustring.hxx>

#include <string>

namespace partnering::uno {

enum class CitationOutcome {
    Inserted,
    NoWriterText, // the frame shows no Writer document
    Protected,    // the document is read-only, or the cursor is in a protected section
};

// Inserts at the view cursor (after the selection, which is kept): a paragraph of its own in
// the "Quotations" style holding `quotation` and a com.sun.star.text.TextField.Bibliography
// made from `entry`; when there is `advice`, a paragraph of it in the style of the text around
// (not a quotation: the source did not say it), its mark in italics; the text after the cursor
// continues in its own style in the next paragraph, where the cursor goes. All of it is one
// undo action, named `undoTitle`. Nothing is inserted where the user could not type (the API
// itself would write into a protected section). Throws UNO exceptions.
CitationOutcome insertCitation(const css::uno::Reference<css::frame::XFrame>& frame,
                               const lessons::BibliographyEntry& entry, const std::string& quotation,
                               const lessons::CitedAdvice& advice, const rtl::OUString& undoTitle);

} // namespace partnering::uno
