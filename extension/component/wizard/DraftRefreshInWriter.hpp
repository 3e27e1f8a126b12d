// Refreshing the draft open in Writer in place (the wizard's Finish on a resumed draft): the
// core's refresh plan applied to the document's bookmarked fields, its map and its properties.
#pragma once

#include "fill/TemplateFiller.hpp"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

namespace partnering::uno {

// Gives the fields of the document in `frame` the text of the fill of `answers` by `filler`,
// a placeholder field where that fill has one, as one undo action, redraws its stakeholder map
// and stores the new answers and layout; nothing outside the fields changes, nor a gap the user
// typed over that the answers still leave open (the answers stored in the document tell which
// fields were made as placeholders). Returns why the document cannot be refreshed in place, in
// the UI language, leaving it untouched; empty when it was refreshed.
rtl::OUString refreshDraftInWriter(const css::uno::Reference<css::uno::XComponentContext>& context,
                                   const css::uno::Reference<css::frame::XFrame>& frame,
                                   const fill::TemplateFiller& filler, const journey::AgreementAnswers& answers,
                                   const fill::FillOptions& options);

} // namespace partnering::uno
