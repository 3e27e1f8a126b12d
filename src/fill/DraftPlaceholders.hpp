// The placeholders still in a draft: Writer's placeholder fields, each a gap the user has not
// filled yet (an unanswered question the fill left, or one an author put in).
#pragma once

#include "odf/OdfPackage.hpp"

#include <string>
#include <vector>

namespace partnering::fill {

struct DraftPlaceholder {
    std::string label;       // what it shows, without the angle brackets: "Name of the partnership"
    std::string description; // its tooltip
    std::string bookmark;    // the fill's bookmark around it ("partnering-3-partnership-name"), if any
    int line = 0;            // in content.xml
};

// In document order. Throws the XML scan's InvalidInput for a content.xml that is not XML.
std::vector<DraftPlaceholder> placeholdersIn(const odf::OdfPackage& document);

} // namespace partnering::fill
