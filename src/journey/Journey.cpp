#include "journey/Journey.hpp"

#include "error/Error.hpp"
#include "xml/XmlDocument.hpp"

#include <charconv>

namespace partnering::journey {

std::string_view builtInDefinition(); // generated from journey.xml

namespace {
constexpr const char* kNs = "urn:x-partnering:journey:1";

Step translated(const Step& step, const l10n::Translator& translator)
{
    return Step{step.number, step.id, translator.translate(step.title)};
}

[[noreturn]] void badDefinition(const std::string& sourceName, const xmlNode* node, const std::string& reason)
{
    throw InvalidInput("partnering.journey.bad-definition",
                       sourceName + ":" + std::to_string(node != nullptr ? xmlGetLineNo(node) : 0) + ": " + reason);
}
} // namespace

const Journey& Journey::standard()
{
    static const Journey journey = fromDefinition(builtInDefinition(), "journey.xml");
    return journey;
}

Journey Journey::fromDefinition(std::string_view xmlText, const std::string& sourceName)
{
    const auto doc = xml::parse(xmlText, sourceName);
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!xml::isElement(root, kNs, "journey"))
        badDefinition(sourceName, root, "the root element must be {urn:x-partnering:journey:1}journey");

    Journey journey;
    for (const xmlNode* node = root->children; node != nullptr; node = node->next) {
        if (!xml::isElement(node, kNs, "step"))
            continue;
        Step step;
        const std::string number = xml::attribute(node, "number");
        const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), step.number);
        if (ec != std::errc() || end != number.data() + number.size()
            || step.number != static_cast<int>(journey.steps_.size()) + 1)
            badDefinition(sourceName, node, "steps must be numbered 1, 2, 3... in order; found \"" + number + "\"");
        step.id = xml::attribute(node, "id");
        if (step.id.empty())
            badDefinition(sourceName, node, "step " + number + " has no id");
        for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
            if (xml::isElement(child, kNs, "title"))
                step.title = xml::textOf(child);
        }
        if (step.title.empty())
            badDefinition(sourceName, node, "step " + number + " has no title");
        journey.steps_.push_back(std::move(step));
    }
    if (journey.steps_.empty())
        badDefinition(sourceName, root, "the journey has no steps");
    return journey;
}

std::vector<Step> Journey::steps(const l10n::Translator& translator) const
{
    std::vector<Step> result;
    result.reserve(steps_.size());
    for (const auto& step : steps_)
        result.push_back(translated(step, translator));
    return result;
}

Step Journey::step(int number, const l10n::Translator& translator) const
{
    if (number < 1 || number > stepCount())
        throw InvalidInput("partnering.journey.unknown-step",
                           "there is no step " + std::to_string(number) + "; the journey has steps 1 to "
                               + std::to_string(stepCount()));
    return translated(steps_[static_cast<std::size_t>(number - 1)], translator);
}

} // namespace partnering::journey
