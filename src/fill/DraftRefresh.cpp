#include "fill/DraftRefresh.hpp"

#include <set>

namespace partnering::fill {

namespace {

DraftRefresh blocked(RefreshObstacle obstacle, std::string detail = {})
{
    DraftRefresh refresh;
    refresh.obstacle = obstacle;
    refresh.detail = std::move(detail);
    return refresh;
}

} // namespace

DraftRefresh planRefresh(std::string_view storedLayout, const std::map<std::string, FieldInDocument>& documentFields,
                         const DraftFields& next, const DraftFields* previous)
{
    // The fields the document was made with as placeholders.
    std::set<std::string> madeAsPlaceholders;
    if (previous != nullptr)
        for (const auto& field : previous->fields)
            if (field.placeholder)
                madeAsPlaceholders.insert(field.bookmark);

    const auto stored = DraftLayout::parse(storedLayout);
    if (!stored)
        return blocked(RefreshObstacle::NoLayout);
    const auto wanted = DraftLayout::parse(next.layout).value_or(DraftLayout{});
    if (stored->templateName != wanted.templateName)
        return blocked(RefreshObstacle::OtherTemplate, stored->templateName);
    if (stored->language != wanted.language)
        return blocked(RefreshObstacle::OtherLanguage, stored->language);
    if (stored->shape != wanted.shape)
        return blocked(RefreshObstacle::OtherLayout);
    DraftRefresh refresh;
    for (const auto& field : next.fields) {
        const auto present = documentFields.find(field.bookmark);
        if (present == documentFields.end())
            return blocked(RefreshObstacle::FieldRemoved, field.bookmark);
        const FieldInDocument& held = present->second;
        // Like with like: a placeholder showing the label the new fill would show stays, and
        // so does text equal to the new text; a placeholder is never equal to text.
        if (held.placeholder == field.placeholder && held.text == field.text)
            continue;
        // Typed over in Writer, still unanswered: putting the placeholder back would undo the user's work.
        if (field.placeholder && !held.placeholder && !held.text.empty() && madeAsPlaceholders.contains(field.bookmark))
            continue;
        refresh.changes.push_back(field);
    }
    return refresh;
}

} // namespace partnering::fill
