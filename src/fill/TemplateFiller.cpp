#include "fill/TemplateFiller.hpp"

#include "error/Error.hpp"
#include "fill/DraftWords.hpp"
#include "fill/StakeholderMap.hpp"
#include "fill/TemplateProgram.hpp"
#include "fill/ValueFormatter.hpp"
#include "journey/AnswerValue.hpp"
#include "journey/ClauseLibrary.hpp"
#include "odf/TextContent.hpp"

#include <algorithm>
#include <atomic>
#include <map>

namespace partnering::fill {

using nlohmann::json;

namespace {

using journey::RepeatScope;
using journey::ResolvedAnswer;

// The answer as the text an "if:path=value" section compares with its value.
std::string plainText(const json& value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_boolean())
        return value.get<bool>() ? "true" : "false";
    if (value.is_number())
        return value.dump();
    return {};
}

using ChoiceLabelsByPath = std::map<std::string, ChoiceLabels>; // keys ("partners.kind") -> value -> label

void collectChoices(const std::vector<journey::Question>& questions, const std::string& prefix, ChoiceLabelsByPath& out)
{
    for (const auto& question : questions) {
        const std::string path = question.path.empty() ? prefix : prefix.empty() ? question.path : prefix + "." + question.path;
        for (const auto& choice : question.choices)
            out[path][choice.value] = choice.label;
        collectChoices(question.items, path, out);
    }
}

// The labels of every choice question, in the translator's language.
const ChoiceLabelsByPath& choicesFor(const l10n::Translator& translator)
{
    thread_local std::map<std::string, ChoiceLabelsByPath> cache;
    auto [it, added] = cache.try_emplace(translator.language());
    if (added) {
        for (const auto& step : journey::Journey::standard().steps(translator))
            collectChoices(step.questions, "", it->second);
    }
    return it->second;
}

struct Context {
    const ValueFormatter& formatter;
    const DraftWords& words;
    const ChoiceLabelsByPath& choices;

    const ChoiceLabels* labelsAt(const std::string& absPath) const
    {
        const auto labels = choices.find(absPath);
        return labels != choices.end() ? &labels->second : nullptr;
    }
};

// What a field prints: a list's items, or the values a path read in every item of a list,
// as one list; a single answer as it is.
std::string textOf(const ResolvedAnswer& resolved, const Context& context)
{
    const ChoiceLabels* labels = context.labelsAt(resolved.keys);
    if (resolved.mapped)
        return context.formatter.answers(resolved.values, context.words.own, labels);
    if (resolved.values.size() == 1 && resolved.values.front()->is_array()) {
        std::vector<const json*> items;
        for (const auto& item : *resolved.values.front())
            items.push_back(&item);
        return context.formatter.answers(items, context.words.own, labels);
    }
    if (resolved.values.empty())
        return {};
    return context.formatter.answer(*resolved.values.front(), context.words.own, labels);
}

// How many items the list a "|count" field names holds.
std::size_t itemCount(const ResolvedAnswer& resolved)
{
    if (resolved.mapped)
        return resolved.values.size();
    if (resolved.values.size() == 1)
        return resolved.values.front()->is_array() ? resolved.values.front()->size() : 1;
    return 0;
}

bool blank(const std::string& text)
{
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// What one field writes: its answer as the draft prints it, or, unanswered, the placeholder
// the user types over.
struct FieldContent {
    std::string text;        // the answer's text, or the placeholder's label
    std::string description; // a placeholder's tooltip
    bool placeholder = false;
};

FieldContent fieldContent(const Field& field, const ResolvedAnswer& resolved, const Context& context)
{
    FieldContent content;
    if (const journey::Clause* clause = journey::ClauseLibrary::standard().find(field.keys);
        clause != nullptr && !resolved.mapped) {
        content.text = journey::ClauseLibrary::wording(*clause, resolved.values.empty() ? nullptr : resolved.values.front(),
                                                       context.words.clauses);
    } else if (field.count) {
        if (const std::size_t count = itemCount(resolved); count > 0)
            content.text = context.formatter.count(count);
    } else {
        content.text = textOf(resolved, context);
    }
    if (!blank(content.text))
        return content;
    // The template compiler made sure every field has its question.
    const journey::Question* question = journey::Journey::standard().questionAt(field.keys);
    content.placeholder = true;
    content.text = context.words.journey.translate(question->label);
    content.description = question->hint.empty() ? content.text : context.words.journey.translate(question->hint);
    return content;
}

} // namespace

struct TemplateFiller::Compiled {
    Compiled(std::string templateContent, TemplateProgram compiled, odf::OdfPackage templatePackage)
        : content(std::move(templateContent)), program(std::move(compiled)),
          draft(std::move(templatePackage), program.map.has_value())
    {
    }

    std::string content; // the template's content.xml: literals point into it
    TemplateProgram program;
    DraftPackage draft;
    std::string name; // the template's file name without extension: "agreement"
    mutable std::atomic<std::size_t> lastSize{0};

    // What one fill collects besides the XML.
    struct Rendering {
        std::vector<RepeatScope> scopes; // innermost last
        const Context& context;
        std::string out;
        std::size_t fieldCount = 0;
        std::string shape;                       // each condition taken (1/0) and each repeat's count
        std::vector<DraftField>* fields = nullptr; // the bookmarks and their text, when asked for
    };

    void render(const std::vector<Op>& ops, Rendering& r) const
    {
        auto& scopes = r.scopes;
        const Context& context = r.context;
        std::string& out = r.out;
        for (const Op& op : ops) {
            switch (op.type) {
            case Op::Type::Literal:
                out.append(content, op.begin, op.end - op.begin);
                break;
            case Op::Type::Field: {
                ResolvedAnswer resolved;
                if (!op.field.list.empty()) {
                    const auto scope = std::find_if(scopes.rbegin(), scopes.rend(),
                                                    [&](const RepeatScope& each) { return each.list == op.field.list; });
                    if (scope != scopes.rend())
                        resolved = journey::resolveIn(*scope, op.field.answer);
                } else {
                    resolved = journey::resolve(scopes, op.field.answer);
                }
                FieldContent shown = fieldContent(op.field, resolved, context);
                // A bookmark around each value lets the draft be refreshed in place later,
                // whatever the user wrote around it.
                std::string bookmark = std::string(kBookmarkPrefix) + std::to_string(++r.fieldCount) + "-" + op.field.bookmarkStem;
                out += "<text:bookmark-start text:name=\"";
                out += bookmark;
                out += "\"/>";
                if (shown.placeholder)
                    odf::appendPlaceholder(out, shown.text, shown.description);
                else
                    odf::appendText(out, shown.text);
                out += "<text:bookmark-end text:name=\"";
                out += bookmark;
                out += "\"/>";
                if (r.fields != nullptr)
                    r.fields->push_back({std::move(bookmark), std::move(shown.text), shown.placeholder, std::move(shown.description)});
                break;
            }
            case Op::Type::If: {
                const ResolvedAnswer resolved = journey::resolve(scopes, op.answer);
                bool holds = false;
                // Through a list, the condition holds when it holds for any item ("if:partners.sector=united-nations").
                if (op.equals)
                    holds = std::any_of(resolved.values.begin(), resolved.values.end(),
                                        [&](const json* v) { return plainText(*v) == *op.equals; });
                else
                    holds = std::any_of(resolved.values.begin(), resolved.values.end(),
                                        [](const json* v) { return journey::affirmative(*v); });
                r.shape += holds != op.negate ? '1' : '0';
                if (holds != op.negate)
                    render(op.body, r);
                break;
            }
            case Op::Type::Each: {
                const ResolvedAnswer resolved = journey::resolve(scopes, op.answer);
                if (resolved.mapped || resolved.values.size() != 1 || !resolved.values.front()->is_array()
                    || resolved.values.front()->empty()) {
                    // No items yet: the repeated part shows once, its fields as placeholders, so
                    // that the draft says what is missing instead of leaving a hole.
                    static const json noItem = json::object();
                    r.shape += "0,";
                    scopes.push_back({op.path, resolved.keys, &noItem});
                    render(op.body, r);
                    scopes.pop_back();
                    break;
                }
                r.shape += std::to_string(resolved.values.front()->size()) + ",";
                for (const auto& item : *resolved.values.front()) {
                    scopes.push_back({op.path, resolved.keys, &item});
                    render(op.body, r);
                    scopes.pop_back();
                }
                break;
            }
            case Op::Type::Map:
                out += "<draw:image xlink:href=\"";
                out += kMapPicture;
                out += "\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\"/>";
                break;
            }
        }
    }

    struct Filled {
        std::string content;
        std::string shape; // see Rendering
    };

    Filled fillContent(const journey::AgreementAnswers& answers, const FillOptions& options, std::string* svg,
                       std::vector<DraftField>* bookmarks = nullptr) const
    {
        const DraftWords& words = DraftWords::forDraft(options.localeFolder, answers.language());
        const Context context{ValueFormatter::forLanguage(answers.language()), words, choicesFor(words.journey)};
        Rendering r{{{"", "", &answers.json()}}, context, {}, 0, {}, bookmarks};
        // Sized from the last draft: growing a large draft copies it again and again.
        r.out.reserve(std::max(content.size() + content.size() / 2, lastSize.load(std::memory_order_relaxed) + 4096));
        render(program.ops, r);
        lastSize.store(r.out.size(), std::memory_order_relaxed);
        if (svg != nullptr && program.map) {
            static const json none = json::array();
            const json* stakeholders = &none;
            if (const auto& partnership = answers.json().find("partnership");
                partnership != answers.json().end() && partnership->contains("stakeholders"))
                stakeholders = &(*partnership)["stakeholders"];
            const ChoiceLabels* sectors = context.labelsAt("partnership.stakeholders.sector");
            *svg = stakeholderMapSvg(*stakeholders, mapCaptions(words.own, sectors != nullptr ? *sectors : ChoiceLabels()),
                                     program.map->widthCm, program.map->heightCm);
        }
        return {std::move(r.out), std::move(r.shape)};
    }

    DraftLayout layout(const journey::AgreementAnswers& answers, std::string shape) const
    {
        return {name, answers.language(), std::move(shape)};
    }
};

TemplateFiller::TemplateFiller(std::unique_ptr<Compiled> compiled) : compiled_(std::move(compiled)) {}
TemplateFiller::~TemplateFiller() = default;
TemplateFiller::TemplateFiller(TemplateFiller&&) noexcept = default;
TemplateFiller& TemplateFiller::operator=(TemplateFiller&&) noexcept = default;

TemplateFiller TemplateFiller::open(const std::filesystem::path& templatePath)
{
    return fromPackage(odf::OdfPackage::open(templatePath));
}

TemplateFiller TemplateFiller::fromPackage(odf::OdfPackage package)
{
    const std::string name = package.sourceName();
    if (package.mimetype() != odf::kTextTemplateMimetype && package.mimetype() != odf::kTextMimetype)
        throw InvalidInput("partnering.fill.not-a-text-template",
                           name + ": a " + package.mimetype() + " package, not a Writer template");
    std::string content = package.read("content.xml");
    TemplateProgram program = TemplateProgram::compile(content, name + ": content.xml");
    auto compiled = std::make_unique<Compiled>(std::move(content), std::move(program), std::move(package));
    compiled->name = std::filesystem::path(name).stem().string();
    return TemplateFiller(std::move(compiled));
}

void TemplateFiller::checkFlat(std::string_view flatXml, const std::string& sourceName)
{
    TemplateProgram::compile(flatXml, sourceName); // the flat document holds the body as content.xml will
}

std::string TemplateFiller::fillContent(const journey::AgreementAnswers& answers, const FillOptions& options) const
{
    return compiled_->fillContent(answers, options, nullptr).content;
}

void TemplateFiller::fill(const journey::AgreementAnswers& answers, const std::filesystem::path& out,
                          const FillOptions& options) const
{
    std::string svg;
    auto filled = compiled_->fillContent(answers, options, &svg);
    compiled_->draft.write(out, std::move(filled.content), answers, compiled_->layout(answers, std::move(filled.shape)),
                           std::move(svg));
}

DraftFields TemplateFiller::draftFields(const journey::AgreementAnswers& answers, const FillOptions& options) const
{
    DraftFields draft;
    std::string svg;
    auto filled = compiled_->fillContent(answers, options, &svg, &draft.fields);
    draft.layout = compiled_->layout(answers, std::move(filled.shape)).toJson();
    if (compiled_->program.map)
        draft.stakeholderMapSvg = std::move(svg);
    return draft;
}

std::vector<std::string> TemplateFiller::fields() const
{
    return compiled_->program.fields;
}

} // namespace partnering::fill
