#include "journey/AnswerPath.hpp"

#include "error/Error.hpp"

#include <utility>

namespace partnering::journey {

namespace {

using Kind = AnswerPath::Step::Kind;

bool keyCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Nine digits at most: no list of answers comes near, and the index cannot overflow.
constexpr std::size_t kMaxIndexDigits = 9;

std::string joinedKeys(const std::string& outer, const std::string& inner)
{
    return outer.empty() ? inner : inner.empty() ? outer : outer + "." + inner;
}

void gatherFrom(const nlohmann::json& node, const std::vector<AnswerPath::Step>& steps, std::size_t next,
                GatheredValues& out)
{
    if (next == steps.size()) {
        out.values.push_back(&node);
        return;
    }
    const auto& step = steps[next];
    switch (step.kind) {
    case Kind::Key:
        if (node.is_array()) {
            out.mapped = true;
            for (const auto& item : node)
                gatherFrom(item, steps, next, out);
        } else if (node.is_object()) {
            if (const auto it = node.find(step.key); it != node.end())
                gatherFrom(*it, steps, next + 1, out);
        }
        return;
    case Kind::Item:
        if (node.is_array() && step.index < node.size())
            gatherFrom(node[step.index], steps, next + 1, out);
        return;
    case Kind::EveryItem:
        if (node.is_array()) {
            out.mapped = true;
            for (const auto& item : node)
                gatherFrom(item, steps, next + 1, out);
        }
        return;
    }
}

} // namespace

std::optional<AnswerPath> AnswerPath::tryParse(std::string_view text)
{
    AnswerPath path;
    std::size_t i = 0;
    bool keyNext = true; // at the start, and after a "."
    if (!text.empty() && text.front() == '$') {
        if (text.size() == 1)
            return path;
        if (text[1] == '.') {
            i = 2;
        } else if (text[1] == '[') {
            i = 1;
            keyNext = false;
        } else {
            return std::nullopt;
        }
    } else if (!text.empty() && text.front() == '[') {
        keyNext = false; // a path inside an item that is itself a list
    }
    while (i < text.size()) {
        if (keyNext) {
            const std::size_t start = i;
            while (i < text.size() && keyCharacter(text[i]))
                ++i;
            if (i == start)
                return std::nullopt;
            path.steps_.push_back({Kind::Key, std::string(text.substr(start, i - start)), 0});
            keyNext = false;
        } else if (text[i] == '[') {
            const std::size_t close = text.find(']', i);
            if (close == std::string_view::npos || close - i - 1 > kMaxIndexDigits)
                return std::nullopt;
            if (close == i + 1) {
                path.steps_.push_back({Kind::EveryItem, {}, 0});
            } else {
                std::size_t index = 0;
                for (std::size_t j = i + 1; j < close; ++j) {
                    if (text[j] < '0' || text[j] > '9')
                        return std::nullopt;
                    index = index * 10 + static_cast<std::size_t>(text[j] - '0');
                }
                path.steps_.push_back({Kind::Item, {}, index});
            }
            i = close + 1;
        } else if (text[i] == '.') {
            ++i;
            keyNext = true;
        } else {
            return std::nullopt;
        }
    }
    if (keyNext) // empty, or ending in "."
        return std::nullopt;
    return path;
}

AnswerPath AnswerPath::parse(std::string_view text)
{
    auto path = tryParse(text);
    if (!path)
        throw InvalidInput("partnering.journey.bad-path",
                           "\"" + std::string(text) + "\" is not a path into the answers (keys joined by \".\", "
                                                      "each maybe followed by [N] or [])");
    return std::move(*path);
}

bool AnswerPath::repeats() const noexcept
{
    for (const auto& step : steps_) {
        if (step.kind == Kind::EveryItem)
            return true;
    }
    return false;
}

std::string AnswerPath::text() const
{
    if (steps_.empty())
        return "$";
    std::string out;
    for (const auto& step : steps_) {
        if (step.kind == Kind::Key)
            out += (out.empty() ? "" : ".") + step.key;
        else if (step.kind == Kind::Item)
            out += "[" + std::to_string(step.index) + "]";
        else
            out += "[]";
    }
    return out;
}

std::string AnswerPath::keys() const
{
    std::string out;
    for (const auto& step : steps_) {
        if (step.kind == Kind::Key)
            out = joinedKeys(out, step.key);
    }
    return out;
}

AnswerPath AnswerPath::then(const AnswerPath& rest) const
{
    AnswerPath joined = *this;
    joined.steps_.insert(joined.steps_.end(), rest.steps_.begin(), rest.steps_.end());
    return joined;
}

std::optional<EveryItemSplit> AnswerPath::splitAtEveryItem() const
{
    for (std::size_t i = 0; i < steps_.size(); ++i) {
        if (steps_[i].kind != Kind::EveryItem)
            continue;
        EveryItemSplit split;
        split.list.steps_.assign(steps_.begin(), steps_.begin() + static_cast<std::ptrdiff_t>(i));
        split.inItem.steps_.assign(steps_.begin() + static_cast<std::ptrdiff_t>(i) + 1, steps_.end());
        return split;
    }
    return std::nullopt;
}

const nlohmann::json* AnswerPath::find(const nlohmann::json& from) const
{
    const nlohmann::json* node = &from;
    for (const auto& step : steps_) {
        if (step.kind == Kind::Key) {
            if (!node->is_object())
                return nullptr;
            const auto it = node->find(step.key);
            if (it == node->end())
                return nullptr;
            node = &*it;
        } else if (step.kind == Kind::Item) {
            if (!node->is_array() || step.index >= node->size())
                return nullptr;
            node = &(*node)[step.index];
        } else {
            return nullptr;
        }
    }
    return node;
}

nlohmann::json* AnswerPath::find(nlohmann::json& from) const
{
    // The const walk changes nothing; `from` is the caller's to change.
    return const_cast<nlohmann::json*>(find(std::as_const(from)));
}

AnswerPath::Placement AnswerPath::place(nlohmann::json& root, nlohmann::json value) const
{
    if (steps_.empty() || steps_.back().kind != Kind::Key)
        return Placement::NotAField;
    // First look, changing nothing: how far the path exists, and whether the rest can be made.
    const nlohmann::json* node = &root;
    std::size_t existing = 0;
    for (; existing + 1 < steps_.size(); ++existing) {
        const auto& step = steps_[existing];
        if (step.kind == Kind::EveryItem)
            return Placement::NotAField;
        if (step.kind == Kind::Item) {
            if (!node->is_array() || step.index >= node->size())
                return Placement::MissingItem;
            node = &(*node)[step.index];
            continue;
        }
        if (!node->is_object())
            return Placement::NotAField;
        const auto it = node->find(step.key);
        if (it == node->end())
            break;
        node = &*it;
    }
    if (existing + 1 < steps_.size()) {
        if (value.is_null())
            return Placement::Placed; // nothing there to remove
        for (std::size_t rest = existing; rest + 1 < steps_.size(); ++rest) {
            if (steps_[rest].kind == Kind::Item)
                return Placement::MissingItem;
            if (steps_[rest].kind == Kind::EveryItem)
                return Placement::NotAField;
        }
    } else if (!node->is_object()) {
        return Placement::NotAField;
    }

    nlohmann::json* target = &root;
    for (std::size_t s = 0; s + 1 < steps_.size(); ++s) {
        const auto& step = steps_[s];
        if (step.kind == Kind::Item) {
            target = &(*target)[step.index];
            continue;
        }
        if (!target->contains(step.key))
            (*target)[step.key] = nlohmann::json::object();
        target = &(*target)[step.key];
    }
    if (value.is_null())
        target->erase(steps_.back().key);
    else
        (*target)[steps_.back().key] = std::move(value);
    return Placement::Placed;
}

GatheredValues AnswerPath::gather(const nlohmann::json& from) const
{
    GatheredValues gathered;
    gatherFrom(from, steps_, 0, gathered);
    return gathered;
}

ResolvedAnswer resolveIn(const RepeatScope& scope, const AnswerPath& path)
{
    ResolvedAnswer resolved;
    resolved.keys = joinedKeys(scope.keys, path.keys());
    if (scope.item != nullptr) {
        auto gathered = path.gather(*scope.item);
        resolved.values = std::move(gathered.values);
        resolved.mapped = gathered.mapped;
    }
    return resolved;
}

ResolvedAnswer resolve(const std::vector<RepeatScope>& scopes, const AnswerPath& path)
{
    const bool startsWithKey = !path.empty() && path.steps().front().kind == Kind::Key;
    if (!startsWithKey && !scopes.empty())
        return resolveIn(scopes.back(), path);
    if (startsWithKey) {
        const std::string& first = path.steps().front().key;
        for (auto scope = scopes.rbegin(); scope != scopes.rend(); ++scope) {
            if (scope->item != nullptr && scope->item->is_object() && scope->item->contains(first))
                return resolveIn(*scope, path);
        }
    }
    ResolvedAnswer none;
    none.keys = path.keys();
    return none;
}

} // namespace partnering::journey
