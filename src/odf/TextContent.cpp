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
    std::size_t run = 0; // where the characters written as they are begin, up to i: one append
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != ' ' && c != '&' && c != '<' && c != '>' && static_cast<unsigned char>(c) >= 0x20) {
            flushSpaces(); // the spaces before this run (run == i then)
            continue;
        }
        out.append(text.substr(run, i - run));
        run = i + 1;
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
        default: break; // a control character XML cannot carry
        }
    }
    out.append(text.substr(run));
    flushSpaces();
}

namespace {

// An attribute's value or a single-line text: markup and quotes escaped, line breaks and
// characters XML cannot carry made spaces.
void appendFlat(std::string& out, std::string_view text)
{
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out.push_back(static_cast<unsigned char>(c) >= 0x20 ? c : ' ');
        }
    }
}

} // namespace

void appendPlaceholder(std::string& out, std::string_view label, std::string_view description)
{
    out += "<text:placeholder text:placeholder-type=\"text\" text:description=\"";
    appendFlat(out, description);
    out += "\">&lt;";
    appendFlat(out, label);
    out += "&gt;</text:placeholder>";
}

} // namespace partnering::odf
