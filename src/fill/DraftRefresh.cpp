#include "fill/DraftRefresh.hpp"

#include <nlohmann/json.hpp>

namespace partnering::fill {

namespace {

DraftRefresh blocked(RefreshObstacle obstacle, std::string detail = {})
{
    DraftRefresh refresh;
    refresh.obstacle = obstacle;
    refresh.detail = std::move(detail);
    return refresh;
}

std::string member(const nlohmann::json& layout, const char* key)
{
    const auto it = layout.find(key);
    return it != layout.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

DraftRefresh planRefresh(std::string_view storedLayout, const std::map<std::string, std::string>& documentFields,
                         const DraftFields& next)
{
    const auto stored = nlohmann::json::parse(storedLayout, nullptr, false);
    if (!stored.is_object() || !stored.contains("shape"))
        return blocked(RefreshObstacle::NoLayout);
    const auto wanted = nlohmann::json::parse(next.layout);
    if (member(stored, "template") != member(wanted, "template"))
        return blocked(RefreshObstacle::OtherTemplate, member(stored, "template"));
    if (member(stored, "language") != member(wanted, "language"))
        return blocked(RefreshObstacle::OtherLanguage, member(stored, "language"));
    if (member(stored, "shape") != member(wanted, "shape"))
        return blocked(RefreshObstacle::OtherLayout);
    DraftRefresh refresh;
    for (const auto& field : next.fields) {
        const auto present = documentFields.find(field.bookmark);
        if (present == documentFields.end())
            return blocked(RefreshObstacle::FieldRemoved, field.bookmark);
        if (present->second != field.text)
            refresh.changes.push_back(field);
    }
    return refresh;
}

} // namespace partnering::fill
