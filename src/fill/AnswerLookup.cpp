#include "fill/AnswerLookup.hpp"

#include "journey/AgreementAnswers.hpp"

#include <algorithm>

namespace partnering::fill::lookup {

using nlohmann::json;

const json& answersSchema()
{
    static const json schema = json::parse(journey::AgreementAnswers::schemaText());
    return schema;
}

const json* deref(const json* node)
{
    while (node != nullptr && node->is_object() && node->contains("$ref")) {
        const std::string ref = (*node)["$ref"].get<std::string>();
        const std::string prefix = "#/definitions/";
        const auto& definitions = answersSchema()["definitions"];
        node = ref.rfind(prefix, 0) == 0 && definitions.contains(ref.substr(prefix.size()))
                 ? &definitions[ref.substr(prefix.size())]
                 : nullptr;
    }
    return node;
}

bool isArraySchema(const json* node)
{
    node = deref(node);
    return node != nullptr && node->value("type", "") == "array";
}

const json* schemaAt(const json* node, std::string_view path)
{
    std::size_t start = 0;
    while (node != nullptr && start < path.size()) {
        const std::size_t dot = std::min(path.find('.', start), path.size());
        const std::string key(path.substr(start, dot - start));
        node = deref(node);
        if (isArraySchema(node))
            node = deref(&(*node)["items"]);
        if (node == nullptr || !node->contains("properties") || !(*node)["properties"].contains(key))
            return nullptr;
        node = deref(&(*node)["properties"][key]);
        start = dot + 1;
    }
    return node;
}

namespace {

void gather(const json& node, const std::vector<std::string>& keys, std::size_t i, Resolved& out)
{
    if (i == keys.size()) {
        out.values.push_back(&node);
        return;
    }
    if (node.is_array()) {
        out.mapped = true;
        for (const auto& item : node)
            gather(item, keys, i, out);
        return;
    }
    if (!node.is_object())
        return;
    const auto it = node.find(keys[i]);
    if (it != node.end())
        gather(*it, keys, i + 1, out);
}

std::vector<std::string> splitPath(std::string_view path)
{
    std::vector<std::string> keys;
    std::size_t start = 0;
    while (start < path.size()) {
        const std::size_t dot = std::min(path.find('.', start), path.size());
        keys.emplace_back(path.substr(start, dot - start));
        start = dot + 1;
    }
    return keys;
}

} // namespace

std::string joined(const std::string& a, const std::string& b)
{
    return a.empty() ? b : b.empty() ? a : a + "." + b;
}

Resolved resolveIn(const Frame& frame, const std::string& path)
{
    Resolved resolved;
    resolved.absPath = joined(frame.absPath, path);
    gather(*frame.value, splitPath(path), 0, resolved);
    return resolved;
}

Resolved resolve(const std::vector<Frame>& frames, const std::string& path)
{
    const std::string first = path.substr(0, path.find('.'));
    for (auto frame = frames.rbegin(); frame != frames.rend(); ++frame) {
        if (frame->value->is_object() && frame->value->contains(first))
            return resolveIn(*frame, path);
    }
    Resolved none;
    none.absPath = path;
    return none;
}

bool truthy(const json& value)
{
    if (value.is_null())
        return false;
    if (value.is_boolean())
        return value.get<bool>();
    if (value.is_number())
        return value.get<double>() != 0;
    if (value.is_string())
        return value.get_ref<const std::string&>().find_first_not_of(" \t\r\n") != std::string::npos;
    return !value.empty();
}

} // namespace partnering::fill::lookup
