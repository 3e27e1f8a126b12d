// Refreshing a draft in place after the journey's answers changed: which bookmarked fields take
// new text, or why the draft cannot be refreshed without making a new document.
#pragma once

#include "fill/TemplateFiller.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace partnering::fill {

// Why a draft cannot be refreshed in place; the caller words it for the user.
enum class RefreshObstacle {
    None,
    NoLayout,       // the document holds no layout property: not a draft we made, or an older one
    OtherTemplate,  // detail: the template that made the document
    OtherLanguage,  // detail: the document's language
    OtherLayout,    // the new answers add or remove a repeated item or a conditional clause
    FieldRemoved,   // detail: the bookmark the user deleted
};

// What one of the fill's bookmarks holds in the document now, to compare with a DraftField.
struct FieldInDocument {
    std::string text;         // its text; for a placeholder, the label the placeholder shows
    bool placeholder = false; // it holds one of Writer's placeholder fields and nothing else
};

struct DraftRefresh {
    RefreshObstacle obstacle = RefreshObstacle::None;
    std::string detail;
    std::vector<DraftField> changes; // the fields whose text changes, in document order
};

// `storedLayout` is the document's kLayoutProperty (empty when it has none), `documentFields`
// its bookmarks named with kBookmarkPrefix and what each holds now, `next` the fill of the new
// answers, `previous` (when known) the fill of the answers the document holds, which made it.
// A field changes when it holds another kind of thing than the new fill writes there (text
// where a placeholder goes, or the other way round) or another text or label. Fields the user
// edited by hand take the answers' text again, except a gap the user filled by typing over its
// placeholder while the answers still leave it open: that text is the user's, and stays.
// Nothing outside the fields is touched.
DraftRefresh planRefresh(std::string_view storedLayout, const std::map<std::string, FieldInDocument>& documentFields,
                         const DraftFields& next, const DraftFields* previous = nullptr);

} // namespace partnering::fill
