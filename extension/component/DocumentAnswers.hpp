// The custom properties a draft keeps (the journey answers and its layout, fill/DraftPackage.hpp),
// read and written in the document open in a frame: the wizard, the sidebar and Check use them.
#pragma once

#include <com/sun/star/frame/XFrame.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace partnering::uno {

// The property's JSON text; nullopt when the frame shows no document or it holds no answers.
std::optional<std::string> documentAnswers(const css::uno::Reference<css::frame::XFrame>& frame);

// Any custom string property of the document in `frame` (fill::kLayoutProperty); nullopt when
// there is no document or no such property.
std::optional<std::string> documentProperty(const css::uno::Reference<css::frame::XFrame>& frame, std::string_view name);

// Sets (adding it when missing) a custom string property of the document in `frame`.
void setDocumentProperty(const css::uno::Reference<css::frame::XFrame>& frame, std::string_view name,
                         std::string_view value);

} // namespace partnering::uno
