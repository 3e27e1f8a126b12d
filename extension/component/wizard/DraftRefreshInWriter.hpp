// Refreshing the draft open in Writer in place (the wizard's Finish on a resumed draft): the
// core's refresh plan applied to the document's bookmarked fields, its map and its properties.
#pragma once

#include "fill/TemplateFiller.hpp"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <string>

namespace partnering::uno {

// Gives the fields of the document in `frame` the text of `next` (the fill of `answersJson`),
// a placeholder field where `next` has one, as one undo action, redraws its stakeholder map and stores the new answers and layout;
// nothing outside the fields changes. Returns why the document cannot be refreshed in place,
// in the UI language, leaving it untouched; empty when it was refreshed.
rtl::OUString refreshDraftInWriter(const css::uno::Reference<css::uno::XComponentContext>& context,
                                   const css::uno::Reference<css::frame::XFrame>& frame,
                                   const fill::DraftFields& next, const std::string& answersJson);

} // namespace partnering::uno
