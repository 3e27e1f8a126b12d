#include "fill/DraftRefresh.hpp"

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
                         const DraftFields& next)
{
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
        // Like with like: a placeholder showing the label the new fill would show stays, and
        // so does text equal to the new text; a placeholder is never equal to text.
        if (present->second.placeholder != field.placeholder || present->second.text != field.text)
            refresh.changes.push_back(field);
    }
    return refresh;
}

} // namespace partnering::fill
