// The journey answers a draft keeps in its custom property "partnering-answers" (written by
// the filler), read from the document open in a frame: the wizard, the sidebar and Check use it.
#pragma once

#include <com/sun/star/frame/XFrame.hpp>

#include <optional>
#include <string>

namespace partnering::uno {

// The property's JSON text; nullopt when the frame shows no document or it holds no answers.
std::optional<std::string> documentAnswers(const css::uno::Reference<css::frame::XFrame>& frame);

} // namespace partnering::uno
