#include "journey/AnswersSchema.hpp"

#include "error/Error.hpp"

#include <string_view>

namespace partnering::journey {

std::string_view answersSchema(); // generated from answers.schema.json

namespace {
constexpr std::string_view kDefinitions = "#/definitions/";
}

const AnswersSchema& AnswersSchema::standard()
{
    static const AnswersSchema schema(nlohmann::json::parse(answersSchema()));
    return schema;
}

AnswersSchema::AnswersSchema(nlohmann::json document) : document_(std::move(document))
{
    if (!document_.is_object())
        throw InvalidInput("partnering.journey.bad-schema", "the answers schema must be a JSON object");
}

const nlohmann::json* AnswersSchema::resolved(const nlohmann::json* node) const
{
    // A chain of references ends within as many steps as there are definitions; a longer one
    // is a cycle, which names nothing.
    const auto definitions = document_.find("definitions");
    std::size_t hops = 0;
    while (node != nullptr && node->is_object()) {
        const auto ref = node->find("$ref");
        if (ref == node->end())
            break;
        if (!ref->is_string() || definitions == document_.end() || ++hops > definitions->size())
            return nullptr;
        const std::string_view target = ref->get_ref<const std::string&>();
        if (target.substr(0, kDefinitions.size()) != kDefinitions)
            return nullptr;
        const auto definition = definitions->find(std::string(target.substr(kDefinitions.size())));
        node = definition == definitions->end() ? nullptr : &*definition;
    }
    return node;
}

bool AnswersSchema::isList(const nlohmann::json* node) const
{
    node = resolved(node);
    if (node == nullptr || !node->is_object())
        return false;
    const auto type = node->find("type");
    return type != node->end() && *type == "array";
}

const nlohmann::json* AnswersSchema::itemSchema(const nlohmann::json* list) const
{
    if (!isList(list))
        return nullptr;
    list = resolved(list);
    const auto items = list->find("items");
    return items == list->end() ? nullptr : resolved(&*items);
}

const nlohmann::json* AnswersSchema::walk(const AnswerPath& path, const nlohmann::json* from, bool keysWalkLists) const
{
    const nlohmann::json* node = resolved(from != nullptr ? from : &document_);
    for (const auto& step : path.steps()) {
        if (node == nullptr)
            return nullptr;
        if (step.kind != AnswerPath::Step::Kind::Key) {
            node = itemSchema(node);
            continue;
        }
        while (keysWalkLists && isList(node))
            node = itemSchema(node);
        if (node == nullptr || !node->is_object())
            return nullptr;
        const auto properties = node->find("properties");
        if (properties == node->end() || !properties->is_object())
            return nullptr;
        const auto property = properties->find(step.key);
        node = property == properties->end() ? nullptr : resolved(&*property);
    }
    return node;
}

const nlohmann::json* AnswersSchema::at(const AnswerPath& path, const nlohmann::json* from) const
{
    return walk(path, from, false);
}

const nlohmann::json* AnswersSchema::gatheredAt(const AnswerPath& path, const nlohmann::json* from) const
{
    return walk(path, from, true);
}

} // namespace partnering::journey
