#include "fill/DraftPlaceholders.hpp"

#include "fill/DraftPackage.hpp"
#include "odf/XmlScan.hpp"

#include <algorithm>

namespace partnering::fill {

std::vector<DraftPlaceholder> placeholdersIn(const odf::OdfPackage& document)
{
    const std::string content = document.read("content.xml");
    const auto elements = odf::scanXml(content, document.sourceName() + ": content.xml");
    std::vector<DraftPlaceholder> found;
    std::vector<std::string> open; // the fill's bookmarks started and not yet ended
    for (const auto& element : elements) {
        if (element.is(odf::ns::kText, "bookmark-start") || element.is(odf::ns::kText, "bookmark-end")) {
            const std::string name = element.attribute(odf::ns::kText, "name");
            if (!name.starts_with(kBookmarkPrefix))
                continue;
            if (element.name == "bookmark-start")
                open.push_back(name);
            else
                open.erase(std::remove(open.begin(), open.end(), name), open.end());
            continue;
        }
        if (!element.is(odf::ns::kText, "placeholder"))
            continue;
        DraftPlaceholder placeholder;
        // What Writer shows is the text in angle brackets; fields inside it are not ours to read.
        std::string shown = odf::decodeXmlText(
            std::string_view(content).substr(element.startTagEnd, element.endTagStart - element.startTagEnd));
        if (shown.size() >= 2 && shown.front() == '<' && shown.back() == '>')
            shown = shown.substr(1, shown.size() - 2);
        placeholder.label = std::move(shown);
        placeholder.description = element.attribute(odf::ns::kText, "description");
        placeholder.bookmark = open.empty() ? std::string() : open.back();
        placeholder.line = element.line;
        found.push_back(std::move(placeholder));
    }
    return found;
}

} // namespace partnering::fill
