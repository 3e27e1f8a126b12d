// Plain text written into an ODF paragraph: markup escaped, and the whitespace ODF would
// collapse (runs of spaces, tabs, line breaks) written as its own elements.
#pragma once

#include <string>
#include <string_view>

namespace partnering::odf {

// Appends `text` to `out` as paragraph content (the `text` prefix bound to the ODF text
// namespace); characters XML cannot carry are dropped.
void appendText(std::string& out, std::string_view text);

// Appends Writer's placeholder field (text:placeholder, type text) showing `label` in angle
// brackets, with `description` as its tooltip: grey in Writer, listed by the Navigator,
// replaced by what the user types over it.
void appendPlaceholder(std::string& out, std::string_view label, std::string_view description);

} // namespace partnering::odf
