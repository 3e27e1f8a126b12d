// The lesson preview in the panel's rich text control: the source as a small italic heading, the
// title larger, matched words in bold, the library's own advice apart under an italic heading.
#pragma once

#include "lessons/Presentation.hpp"

#include <com/sun/star/awt/FontDescriptor.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <rtl/ustring.hxx>

#include <vector>

namespace partnering::uno {

// Replaces the control's text with `paragraphs` in `font` (the UI's, as the rest of the
// sidebar; `font.Height` in points). `model` is the rich text control's model, which is also
// its text (css::text::XTextAppend). Throws UNO exceptions.
void showPreview(const css::uno::Reference<css::awt::XControlModel>& model,
                 const std::vector<lessons::PreviewParagraph>& paragraphs, const css::awt::FontDescriptor& font);

// Replaces the control's text with a plain message ("Select a lesson to read it here.").
void showPreviewMessage(const css::uno::Reference<css::awt::XControlModel>& model, const rtl::OUString& message,
                        const css::awt::FontDescriptor& font);

} // namespace partnering::uno
