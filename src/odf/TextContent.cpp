#include "odf/TextContent.hpp"

namespace partnering::odf {

void appendText(std::string& out, std::string_view text)
{
    std::size_t spaces = 0;
    const auto flushSpaces = [&] {
        if (spaces > 0)
            out.push_back(' ');
        if (spaces > 1)
            out += "<text:s text:c=\"" + std::to_string(spaces - 1) + "\"/>";
        spaces = 0;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ') {
            ++spaces;
            continue;
        }
        flushSpaces();
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '\n': out += "<text:line-break/>"; break;
        case '\t': out += "<text:tab/>"; break;
        case '\r':
            if (i + 1 >= text.size() || text[i + 1] != '\n')
                out += "<text:line-break/>";
            break;
        default:
            if (static_cast<unsigned char>(c) >= 0x20)
                out.push_back(c);
        }
    }
    flushSpaces();
}

} // namespace partnering::odf
