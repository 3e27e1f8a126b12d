// Writer's placeholder fields (com.sun.star.text.TextField.JumpEdit) over UNO: those still in an
// open document, whether a range holds one, and new ones for a draft's unanswered fields.
#pragma once

#include "fill/DraftPlaceholders.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <rtl/ustring.hxx>

#include <optional>
#include <vector>

namespace partnering::uno {

// The label `field` shows (its PlaceHolder) when it is a placeholder field; nothing for any
// other field or object.
std::optional<rtl::OUString> placeholderLabel(const css::uno::Reference<css::uno::XInterface>& field);

// Every placeholder field in the text document `model`: those of the body and its tables in
// reading order, then those in frames, headers and notes; each with its label and description
// (the field's Hint), bookmark and line left empty. Nothing for a model that is not a text document.
std::vector<fill::DraftPlaceholder> placeholdersInDocument(const css::uno::Reference<css::frame::XModel>& model);

// The label of the placeholder field that `range` holds when it holds that and nothing else
// (bookmarks aside); nothing when it holds text, several things or nothing.
std::optional<rtl::OUString> placeholderHeldBy(const css::uno::Reference<css::text::XTextRange>& range);

// A new placeholder field of the text kind showing `label`, with `hint` as its tooltip; made
// by `document` (the model), still to be inserted.
css::uno::Reference<css::text::XTextContent>
newPlaceholderField(const css::uno::Reference<css::lang::XMultiServiceFactory>& document, const rtl::OUString& label,
                    const rtl::OUString& hint);

} // namespace partnering::uno
