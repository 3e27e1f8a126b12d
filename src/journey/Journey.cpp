#include "journey/Journey.hpp"

#include "error/Error.hpp"
#include "journey/AnswerPath.hpp"
#include "xml/XmlDocument.hpp"

#include <charconv>

namespace partnering::journey {

std::string_view builtInDefinition(); // generated from journey.xml

namespace {
constexpr const char* kNs = "urn:x-partnering:journey:1";

Question translated(const Question& question, const l10n::Translator& translator)
{
    Question result = question;
    result.label = translator.translate(question.label);
    if (!question.group.empty())
        result.group = translator.translate(question.group);
    if (!question.hint.empty())
        result.hint = translator.translate(question.hint);
    for (auto& choice : result.choices)
        choice.label = translator.translate(choice.label);
    for (auto& item : result.items)
        item = translated(item, translator);
    return result;
}

Step translated(const Step& step, const l10n::Translator& translator)
{
    Step result = step;
    result.title = translator.translate(step.title);
    for (auto& paragraph : result.guidance)
        paragraph = translator.translate(paragraph);
    for (auto& question : result.questions)
        question = translated(question, translator);
    return result;
}

[[noreturn]] void badDefinition(const std::string& sourceName, const xmlNode* node, const std::string& reason)
{
    throw InvalidInput("partnering.journey.bad-definition",
                       sourceName + ":" + std::to_string(node != nullptr ? xmlGetLineNo(node) : 0) + ": " + reason);
}

Question::Type typeNamed(const std::string& name, const std::string& sourceName, const xmlNode* node)
{
    static const std::pair<const char*, Question::Type> types[] = {
        {"text", Question::Type::Text},       {"paragraph", Question::Type::Paragraph},
        {"choice", Question::Type::Choice},   {"level", Question::Type::Level},
        {"boolean", Question::Type::Boolean}, {"date", Question::Type::Date},
        {"money", Question::Type::Money},     {"clause", Question::Type::Clause}};
    for (const auto& [typeName, type] : types) {
        if (name == typeName)
            return type;
    }
    badDefinition(sourceName, node, "unknown question type \"" + name + "\"");
}

Question parseQuestion(const xmlNode* node, const std::string& sourceName)
{
    Question question;
    question.path = xml::attribute(node, "path");
    if (question.path.empty())
        badDefinition(sourceName, node, "a question has no path");
    // Keys only: a question is asked once, or once per item of the list it sits in.
    const auto path = AnswerPath::tryParse(question.path);
    if (!path || path->keys() != question.path)
        badDefinition(sourceName, node, "the path \"" + question.path + "\" is not keys joined by \".\"");
    question.required = xml::attribute(node, "required") == "true";
    if (xml::isElement(node, kNs, "list")) {
        question.type = Question::Type::List;
        const std::string min = xml::attribute(node, "min");
        if (!min.empty()) {
            const auto [end, ec] = std::from_chars(min.data(), min.data() + min.size(), question.min);
            if (ec != std::errc() || end != min.data() + min.size() || question.min < 0)
                badDefinition(sourceName, node, "min must be a number, not \"" + min + "\"");
        }
        const std::string of = xml::attribute(node, "of");
        if (!of.empty())
            question.itemType = typeNamed(of, sourceName, node);
        question.required = question.required || question.min > 0;
    } else {
        question.type = typeNamed(xml::attribute(node, "type"), sourceName, node);
    }
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (xml::isElement(child, kNs, "label"))
            question.label = xml::collapsedText(child);
        else if (xml::isElement(child, kNs, "hint"))
            question.hint = xml::collapsedText(child);
        else if (xml::isElement(child, kNs, "choice"))
            question.choices.push_back({xml::attribute(child, "value"), xml::collapsedText(child)});
        else if (xml::isElement(child, kNs, "question") || xml::isElement(child, kNs, "list"))
            question.items.push_back(parseQuestion(child, sourceName));
    }
    if (question.label.empty())
        badDefinition(sourceName, node, "the question " + question.path + " has no label");
    if (question.type == Question::Type::Choice && question.choices.empty())
        badDefinition(sourceName, node, "the choice question " + question.path + " offers no choices");
    return question;
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
            if (xml::isElement(child, kNs, "title")) {
                step.title = xml::collapsedText(child);
            } else if (xml::isElement(child, kNs, "guidance")) {
                for (const xmlNode* p = child->children; p != nullptr; p = p->next) {
                    if (xml::isElement(p, kNs, "p"))
                        step.guidance.push_back(xml::collapsedText(p));
                }
            } else if (xml::isElement(child, kNs, "question") || xml::isElement(child, kNs, "list")) {
                step.questions.push_back(parseQuestion(child, sourceName));
            } else if (xml::isElement(child, kNs, "group")) {
                // A group only titles the questions it holds on the page; the answers do not see it.
                std::string title;
                for (const xmlNode* part = child->children; part != nullptr; part = part->next) {
                    if (xml::isElement(part, kNs, "title")) {
                        title = xml::collapsedText(part);
                    } else if (xml::isElement(part, kNs, "question") || xml::isElement(part, kNs, "list")) {
                        step.questions.push_back(parseQuestion(part, sourceName));
                        step.questions.back().group = title;
                    }
                }
                if (title.empty())
                    badDefinition(sourceName, child, "a group of step " + number + " has no title");
            }
        }
        if (step.title.empty())
            badDefinition(sourceName, node, "step " + number + " has no title");
        journey.steps_.push_back(std::move(step));
    }
    if (journey.steps_.empty())
        badDefinition(sourceName, root, "the journey has no steps");
    return journey;
}

namespace {
const Question* questionAmong(const std::vector<Question>& questions, std::string_view keys)
{
    for (const auto& question : questions) {
        const std::string_view path = question.path;
        if (keys == path)
            return &question;
        if (keys.size() > path.size() && keys.substr(0, path.size()) == path && keys[path.size()] == '.')
            if (const Question* inner = questionAmong(question.items, keys.substr(path.size() + 1)))
                return inner;
    }
    return nullptr;
}
} // namespace

const Question* Journey::questionAt(std::string_view keys) const
{
    for (const auto& step : steps_)
        if (const Question* question = questionAmong(step.questions, keys))
            return question;
    return nullptr;
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
