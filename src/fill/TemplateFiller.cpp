#include "fill/TemplateFiller.hpp"

#include "error/Error.hpp"
#include "fill/StakeholderMap.hpp"
#include "fill/ValueFormatter.hpp"
#include "journey/FieldText.hpp"
#include "odf/TextContent.hpp"
#include "odf/XmlScan.hpp"
#include "xml/XmlDocument.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <tuple>

namespace partnering::fill {

using nlohmann::json;

namespace {

constexpr std::string_view kMetaNs = odf::ns::kMeta;
constexpr std::string_view kMapName = "stakeholder-map";
constexpr std::string_view kMapPicture = "Pictures/stakeholder-map.svg";
constexpr std::string_view kAnswersSlot = "@@partnering-answers-slot@@";
constexpr std::string_view kLayoutSlot = "@@partnering-layout-slot@@";

// ---------------------------------------------------------------------------------------
// Reading the template: one SAX pass (odf::scanXml) records every element with its byte
// offsets, so that everything between the places we fill is copied exactly as it is.

enum class Kind { Other, Placeholder, Section, Row, ListItem, Paragraph, Frame, Image };

struct Element {
    Kind kind = Kind::Other;
    std::size_t start = 0, startTagEnd = 0, endTagStart = 0, end = 0;
    int line = 0;
    int parent = -1;
    std::vector<int> children;
    std::string name;  // text:name of a section, draw:name of a frame
    std::string text;  // a placeholder's text
    std::string width, height; // a frame's svg:width and svg:height
};

// The template's elements as the filler sees them.
std::vector<Element> elementsOf(std::string_view bytes, const std::string& sourceName)
{
    auto scanned = odf::scanXml(bytes, sourceName);
    std::vector<Element> elements;
    elements.reserve(scanned.size());
    for (auto& s : scanned) {
        Element element;
        element.start = s.start;
        element.startTagEnd = s.startTagEnd;
        element.endTagStart = s.endTagStart;
        element.end = s.end;
        element.line = s.line;
        element.parent = s.parent;
        element.children = std::move(s.children);
        if (s.ns == odf::ns::kText) {
            if (s.name == "placeholder") {
                element.kind = Kind::Placeholder;
                element.text = odf::decodeXmlText(bytes.substr(s.startTagEnd, s.endTagStart - s.startTagEnd));
            } else if (s.name == "section") {
                element.kind = Kind::Section;
                element.name = s.attribute(odf::ns::kText, "name");
            } else if (s.name == "list-item") {
                element.kind = Kind::ListItem;
            } else if (s.name == "p" || s.name == "h") {
                element.kind = Kind::Paragraph;
            }
        } else if (s.is(odf::ns::kTable, "table-row")) {
            element.kind = Kind::Row;
        } else if (s.is(odf::ns::kDraw, "frame")) {
            element.kind = Kind::Frame;
            element.name = s.attribute(odf::ns::kDraw, "name");
            element.width = s.attribute(odf::ns::kSvg, "width");
            element.height = s.attribute(odf::ns::kSvg, "height");
        } else if (s.is(odf::ns::kDraw, "image")) {
            element.kind = Kind::Image;
        }
        elements.push_back(std::move(element));
    }
    return elements;
}

// ---------------------------------------------------------------------------------------
// The compiled template: a tree of operations over the template's bytes.

struct Field {
    std::string written;  // as in the template, for messages and fields()
    std::string list;     // before "[]": the list whose current item the field reads
    std::string path;     // the rest (after "[]."), or the whole path
    bool count = false;   // "|count"
    std::string bookmarkStem; // "partners-name": the readable part of its bookmarks' names
};

struct Op {
    enum class Type { Literal, Field, If, Each, Map } type = Type::Literal;
    std::size_t begin = 0, end = 0; // Literal: bytes of the template
    Field field;                     // Field
    std::string path;                // If: the answer tested; Each: the list
    bool negate = false;             // If: "if:!path"
    std::optional<std::string> equals; // If: "if:path=value"
    double widthCm = 16, heightCm = 12; // Map
    std::vector<Op> body;            // If, Each
};

double toCentimetres(const std::string& length, double fallback)
{
    try {
        std::size_t used = 0;
        const double value = std::stod(length, &used);
        const std::string unit = length.substr(used);
        if (unit == "cm")
            return value;
        if (unit == "mm")
            return value / 10;
        if (unit == "in")
            return value * 2.54;
        if (unit == "pt")
            return value * 2.54 / 72;
    } catch (const std::exception&) {
    }
    return fallback;
}

std::string trim(std::string text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

bool validPath(std::string_view path, bool allowEmpty)
{
    if (path.empty())
        return allowEmpty;
    if (path.front() == '.' || path.back() == '.' || path.find("..") != std::string_view::npos)
        return false;
    return std::all_of(path.begin(), path.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    });
}

// ---------------------------------------------------------------------------------------
// The answers schema, to refuse at load time a template that asks for answers nobody gives.

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

struct SchemaScope {
    std::string list;
    const json* item;
};

// ---------------------------------------------------------------------------------------

class Compiler {
public:
    Compiler(std::string_view bytes, std::vector<Element> elements, std::string sourceName)
        : bytes_(bytes), elements_(std::move(elements)), sourceName_(std::move(sourceName))
    {
    }

    std::vector<Op> compile()
    {
        findFieldsAndUnits();
        std::vector<Op> ops;
        scopes_.push_back({"", &answersSchema()});
        const Element& root = elements_.front();
        literal(0, root.start, ops);
        if (special_[0])
            node(0, ops);
        else
            literal(root.start, root.end, ops);
        literal(root.end, bytes_.size(), ops);
        return ops;
    }

    const std::vector<std::string>& fields() const { return written_; }

private:
    [[noreturn]] void fail(const char* id, const Element& element, const std::string& reason) const
    {
        throw InvalidInput(std::string("partnering.fill.") + id,
                           sourceName_ + ":" + std::to_string(element.line) + ": " + reason);
    }

    std::string sectionName(const Element& element) const
    {
        return element.name.substr(0, element.name.find('#'));
    }

    bool isFieldElement(const Element& element) const
    {
        if (element.kind != Kind::Placeholder)
            return false;
        const std::string text = trim(element.text);
        return text.size() >= 2 && text.front() == '<' && text.back() == '>';
    }

    Field parseField(const Element& element) const
    {
        Field field;
        std::string text = trim(element.text);
        field.written = text.substr(1, text.size() - 2);
        std::string path = trim(field.written);
        if (const auto bar = path.find('|'); bar != std::string::npos) {
            const std::string filter = trim(path.substr(bar + 1));
            if (filter != "count")
                fail("bad-field", element, "<" + field.written + ">: unknown filter \"" + filter + "\" (known: count)");
            field.count = true;
            path = trim(path.substr(0, bar));
        }
        if (const auto brackets = path.find("[]"); brackets != std::string::npos) {
            field.list = path.substr(0, brackets);
            std::string rest = path.substr(brackets + 2);
            if (!rest.empty() && rest.front() != '.')
                fail("bad-field", element, "<" + field.written + ">: \"[]\" must be followed by \".\" or end the path");
            field.path = rest.empty() ? rest : rest.substr(1);
            if (field.path.find("[]") != std::string::npos)
                fail("bad-field", element, "<" + field.written
                                               + ">: one \"[]\" per field; put the outer list in a section named each:LIST");
            if (!validPath(field.list, false) || !validPath(field.path, true))
                fail("bad-field", element, "<" + field.written + ">: not a path of the answers");
        } else {
            field.path = path;
            if (!validPath(field.path, false))
                fail("bad-field", element, "<" + field.written + ">: not a path of the answers");
        }
        for (const char c : path) {
            if (c == '.')
                field.bookmarkStem += '-';
            else if (c != '[' && c != ']')
                field.bookmarkStem += c;
        }
        if (field.count)
            field.bookmarkStem += "-count";
        return field;
    }

    // Which element each "[]" field repeats: its row, else its list item, else its paragraph;
    // none when an enclosing each: section already walks that list.
    void findFieldsAndUnits()
    {
        special_.assign(elements_.size(), false);
        for (std::size_t i = 0; i < elements_.size(); ++i) {
            const Element& element = elements_[i];
            bool mark = false;
            if (isFieldElement(element)) {
                mark = true;
                const Field field = parseField(element);
                if (!field.list.empty() && !walkedByEnclosingSection(static_cast<int>(i), field.list)) {
                    const int unit = repeatUnitOf(static_cast<int>(i));
                    if (unit < 0)
                        fail("bad-field", element, "<" + field.written + "> repeats but is in no paragraph, row or list item");
                    const auto [it, added] = units_.emplace(unit, field.list);
                    if (!added && it->second != field.list)
                        fail("mixed-repeat", element, "<" + field.written + "> and <" + it->second
                                                          + "[]...> repeat the same row, item or paragraph over different lists");
                    special_[static_cast<std::size_t>(unit)] = true;
                }
            } else if (element.kind == Kind::Section) {
                const std::string name = sectionName(element);
                mark = name.rfind("if:", 0) == 0 || name.rfind("each:", 0) == 0;
            } else if (element.kind == Kind::Frame && element.name == kMapName) {
                mark = true;
            }
            if (mark)
                special_[i] = true;
        }
        // Whatever holds something special is walked, not copied whole.
        for (std::size_t i = elements_.size(); i-- > 0;) {
            if (special_[i] && elements_[i].parent >= 0)
                special_[static_cast<std::size_t>(elements_[i].parent)] = true;
        }
    }

    bool walkedByEnclosingSection(int index, const std::string& list) const
    {
        for (int p = elements_[static_cast<std::size_t>(index)].parent; p >= 0; p = elements_[static_cast<std::size_t>(p)].parent) {
            const Element& element = elements_[static_cast<std::size_t>(p)];
            if (element.kind == Kind::Section && sectionName(element) == "each:" + list)
                return true;
        }
        return false;
    }

    int repeatUnitOf(int index) const
    {
        for (const Kind kind : {Kind::Row, Kind::ListItem, Kind::Paragraph}) {
            for (int p = elements_[static_cast<std::size_t>(index)].parent; p >= 0; p = elements_[static_cast<std::size_t>(p)].parent) {
                if (elements_[static_cast<std::size_t>(p)].kind == kind)
                    return p;
            }
        }
        return -1;
    }

    void literal(std::size_t begin, std::size_t end, std::vector<Op>& out) const
    {
        if (begin >= end)
            return;
        if (!out.empty() && out.back().type == Op::Type::Literal && out.back().end == begin) {
            out.back().end = end;
            return;
        }
        Op op;
        op.begin = begin;
        op.end = end;
        out.push_back(std::move(op));
    }

    void children(int parent, std::size_t from, std::size_t to, std::vector<Op>& out)
    {
        std::size_t cursor = from;
        for (const int child : elements_[static_cast<std::size_t>(parent)].children) {
            if (!special_[static_cast<std::size_t>(child)])
                continue;
            const Element& element = elements_[static_cast<std::size_t>(child)];
            literal(cursor, element.start, out);
            node(child, out);
            cursor = element.end;
        }
        literal(cursor, to, out);
    }

    // The schema of the list `path` read from the innermost scope that has it.
    const json* listItemSchema(const std::string& path, const Element& element)
    {
        for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
            const json* node = schemaAt(scope->item, path);
            if (node == nullptr)
                continue;
            if (!isArraySchema(node))
                fail("unknown-field", element, path + " is not a list of the answers");
            return deref(&(*deref(node))["items"]);
        }
        fail("unknown-field", element, path + " is not a list of the answers (src/journey/answers.schema.json)");
    }

    void checkPath(const std::string& path, const std::string& written, const Element& element) const
    {
        for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
            if (schemaAt(scope->item, path) != nullptr)
                return;
        }
        fail("unknown-field", element, "<" + written + ">: " + path + " is not an answer (src/journey/answers.schema.json)");
    }

    void node(int index, std::vector<Op>& out)
    {
        const auto unit = units_.find(index);
        if (unit != units_.end() && !insideUnit_.count(index)) {
            const Element& element = elements_[static_cast<std::size_t>(index)];
            Op each;
            each.type = Op::Type::Each;
            each.path = unit->second;
            scopes_.push_back({unit->second, listItemSchema(unit->second, element)});
            insideUnit_.insert(index);
            node(index, each.body);
            insideUnit_.erase(index);
            scopes_.pop_back();
            out.push_back(std::move(each));
            return;
        }
        const Element& element = elements_[static_cast<std::size_t>(index)];
        if (isFieldElement(element)) {
            Op op;
            op.type = Op::Type::Field;
            op.field = parseField(element);
            written_.push_back(op.field.written);
            if (!op.field.list.empty()) {
                const auto scope = std::find_if(scopes_.rbegin(), scopes_.rend(),
                                                [&](const SchemaScope& s) { return s.list == op.field.list; });
                if (!op.field.path.empty() && schemaAt(scope->item, op.field.path) == nullptr)
                    fail("unknown-field", element, "<" + op.field.written + ">: the items of " + op.field.list
                                                       + " have no " + op.field.path);
            } else {
                checkPath(op.field.path, op.field.written, element);
            }
            out.push_back(std::move(op));
            return;
        }
        if (element.kind == Kind::Section && special_[static_cast<std::size_t>(index)]) {
            const std::string name = sectionName(element);
            if (name.rfind("if:", 0) == 0) {
                Op op;
                op.type = Op::Type::If;
                std::string condition = name.substr(3);
                if (!condition.empty() && condition.front() == '!') {
                    op.negate = true;
                    condition.erase(0, 1);
                }
                if (const auto equals = condition.find('='); equals != std::string::npos) {
                    op.equals = condition.substr(equals + 1);
                    condition.erase(equals);
                }
                if (!validPath(condition, false))
                    fail("bad-section", element, "section \"" + element.name + "\": not a condition on an answer");
                checkPath(condition, name, element);
                op.path = condition;
                children(index, element.startTagEnd, element.endTagStart, op.body);
                out.push_back(std::move(op));
                return;
            }
            if (name.rfind("each:", 0) == 0) {
                Op op;
                op.type = Op::Type::Each;
                op.path = name.substr(5);
                if (!validPath(op.path, false))
                    fail("bad-section", element, "section \"" + element.name + "\": not a list of the answers");
                scopes_.push_back({op.path, listItemSchema(op.path, element)});
                children(index, element.startTagEnd, element.endTagStart, op.body);
                scopes_.pop_back();
                out.push_back(std::move(op));
                return;
            }
        }
        if (element.kind == Kind::Frame && element.name == kMapName) {
            std::size_t cursor = element.start;
            bool drawn = false;
            for (const int child : element.children) {
                const Element& image = elements_[static_cast<std::size_t>(child)];
                if (image.kind != Kind::Image)
                    continue;
                literal(cursor, image.start, out);
                cursor = image.end;
                if (drawn)
                    continue; // a fallback picture of the template's image: the map replaces both
                Op op;
                op.type = Op::Type::Map;
                op.widthCm = toCentimetres(element.width, 16);
                op.heightCm = toCentimetres(element.height, 12);
                out.push_back(std::move(op));
                drawn = true;
            }
            if (!drawn)
                fail("bad-map", element, "the frame named stakeholder-map holds no image to replace");
            literal(cursor, element.end, out);
            return;
        }
        children(index, element.start, element.end, out);
    }

    std::string_view bytes_;
    std::vector<Element> elements_;
    std::string sourceName_;
    std::vector<bool> special_;
    std::map<int, std::string> units_;
    std::set<int> insideUnit_;
    std::vector<SchemaScope> scopes_;
    std::vector<std::string> written_;
};

// ---------------------------------------------------------------------------------------
// Filling.

struct Frame {
    std::string list;    // the list it walks, as the template names it ("" for the root)
    std::string absPath; // where that list is in the answers, without indexes
    const json* value;
};

struct Resolved {
    std::vector<const json*> values;
    bool mapped = false; // the path went through a list: every item's value
    std::string absPath;
};

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

// A plain path is read from the innermost frame whose item has its first key.
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

using ChoiceLabels = std::map<std::string, std::map<std::string, std::string>>; // absPath -> value -> label

void collectChoices(const std::vector<journey::Question>& questions, const std::string& prefix, ChoiceLabels& out)
{
    for (const auto& question : questions) {
        const std::string path = joined(prefix, question.path);
        for (const auto& choice : question.choices)
            out[path][choice.value] = choice.label;
        collectChoices(question.items, path, out);
    }
}

struct Context {
    const ValueFormatter& formatter;
    const l10n::Translator& translator;
    const ChoiceLabels& choices;
};

std::string formatScalar(const json& value, const std::string& absPath, const Context& context)
{
    if (value.is_string()) {
        const auto& text = value.get_ref<const std::string&>();
        if (const auto date = journey::calendarDate(text))
            return context.formatter.date(date->year, date->month, date->day);
        const auto labels = context.choices.find(absPath);
        if (labels != context.choices.end()) {
            const auto label = labels->second.find(text);
            if (label != labels->second.end())
                return label->second;
        }
        return text;
    }
    if (value.is_boolean())
        // TRANSLATORS: a yes/no answer as the agreement prints it ("Partners may use each other's logos: yes").
        return value.get<bool>() ? context.translator.translate("yes")
                                 // TRANSLATORS: a yes/no answer as the agreement prints it.
                                 : context.translator.translate("no");
    if (value.is_number())
        return context.formatter.number(value.get<double>());
    if (value.is_object() && value.contains("amount") && value.contains("currency"))
        return context.formatter.money(value["amount"].get<double>(), value["currency"].get<std::string>());
    return {};
}

std::string formatValue(const Resolved& resolved, const Context& context)
{
    std::vector<const json*> items;
    if (resolved.mapped) {
        items = resolved.values;
    } else if (resolved.values.size() == 1 && resolved.values.front()->is_array()) {
        for (const auto& item : *resolved.values.front())
            items.push_back(&item);
    } else {
        return resolved.values.empty() ? std::string() : formatScalar(*resolved.values.front(), resolved.absPath, context);
    }
    std::vector<std::string> texts;
    for (const json* item : items) {
        std::string text = formatScalar(*item, resolved.absPath, context);
        if (!text.empty())
            texts.push_back(std::move(text));
    }
    return texts.empty() ? std::string() : context.formatter.list(texts);
}

MapCaptions mapCaptions(const Context& context)
{
    MapCaptions captions;
    const auto& t = context.translator;
    // Literals, not the defaults of MapCaptions: xgettext finds them here for journey.pot.
    // TRANSLATORS: axis of the stakeholder map in the agreement's annex (how interested a stakeholder is).
    captions.interest = t.translate("Interest");
    // TRANSLATORS: axis of the stakeholder map in the agreement's annex (how much a stakeholder can sway it).
    captions.influence = t.translate("Influence");
    // TRANSLATORS: quadrant of the stakeholder map: high influence, low interest.
    captions.keepSatisfied = t.translate("Keep satisfied");
    // TRANSLATORS: quadrant of the stakeholder map: high influence, high interest.
    captions.manageClosely = t.translate("Manage closely");
    // TRANSLATORS: quadrant of the stakeholder map: low influence, low interest.
    captions.monitor = t.translate("Monitor");
    // TRANSLATORS: quadrant of the stakeholder map: low influence, high interest.
    captions.keepInformed = t.translate("Keep informed");
    const auto sectors = context.choices.find("partnership.stakeholders.sector");
    if (sectors != context.choices.end())
        captions.sectors = sectors->second;
    return captions;
}

} // namespace

struct TemplateFiller::Compiled {
    explicit Compiled(odf::OdfPackage templatePackage) : package(std::move(templatePackage)) {}

    odf::OdfPackage package;
    std::string name;         // the template's file name without extension: "agreement"
    std::string content;      // the template's content.xml: literals point into it
    std::vector<Op> program;
    std::vector<std::string> fields;
    std::string metaBefore, metaBetween, metaAfter; // meta.xml around the answers and layout properties
    std::vector<std::string> copied;   // entries copied byte for byte
    std::string manifest;
    std::optional<Op> mapOp; // the stakeholder map, when the template has one
    mutable std::atomic<std::size_t> lastSize{0};

    // What one fill collects besides the XML.
    struct Rendering {
        std::vector<Frame> frames;
        const Context& context;
        std::string out;
        std::size_t fieldCount = 0;
        std::string shape;                       // each condition taken (1/0) and each repeat's count
        std::vector<DraftField>* fields = nullptr; // the bookmarks and their text, when asked for
    };

    void render(const std::vector<Op>& ops, Rendering& r) const
    {
        auto& frames = r.frames;
        const Context& context = r.context;
        std::string& out = r.out;
        for (const Op& op : ops) {
            switch (op.type) {
            case Op::Type::Literal:
                out.append(content, op.begin, op.end - op.begin);
                break;
            case Op::Type::Field: {
                Resolved resolved;
                if (!op.field.list.empty()) {
                    const auto frame = std::find_if(frames.rbegin(), frames.rend(),
                                                    [&](const Frame& f) { return f.list == op.field.list; });
                    if (frame != frames.rend())
                        resolved = op.field.path.empty() ? Resolved{{frame->value}, false, frame->absPath}
                                                         : resolveIn(*frame, op.field.path);
                } else {
                    resolved = resolve(frames, op.field.path);
                }
                std::string text;
                if (op.field.count) {
                    std::size_t count = resolved.mapped ? resolved.values.size() : 0;
                    if (!resolved.mapped && resolved.values.size() == 1)
                        count = resolved.values.front()->is_array() ? resolved.values.front()->size() : 1;
                    text = context.formatter.number(static_cast<double>(count));
                } else {
                    text = formatValue(resolved, context);
                }
                // A bookmark around each value lets the draft be refreshed in place later,
                // whatever the user wrote around it.
                std::string bookmark = std::string(kBookmarkPrefix) + std::to_string(++r.fieldCount) + "-" + op.field.bookmarkStem;
                out += "<text:bookmark-start text:name=\"";
                out += bookmark;
                out += "\"/>";
                odf::appendText(out, text);
                out += "<text:bookmark-end text:name=\"";
                out += bookmark;
                out += "\"/>";
                if (r.fields != nullptr)
                    r.fields->push_back({std::move(bookmark), std::move(text)});
                break;
            }
            case Op::Type::If: {
                const Resolved resolved = resolve(frames, op.path);
                bool holds = false;
                if (op.equals)
                    holds = resolved.values.size() == 1 && plainText(*resolved.values.front()) == *op.equals;
                else
                    holds = std::any_of(resolved.values.begin(), resolved.values.end(), [](const json* v) { return truthy(*v); });
                r.shape += holds != op.negate ? '1' : '0';
                if (holds != op.negate)
                    render(op.body, r);
                break;
            }
            case Op::Type::Each: {
                const Resolved resolved = resolve(frames, op.path);
                if (resolved.mapped || resolved.values.size() != 1 || !resolved.values.front()->is_array()) {
                    r.shape += "0,";
                    break;
                }
                r.shape += std::to_string(resolved.values.front()->size()) + ",";
                for (const auto& item : *resolved.values.front()) {
                    frames.push_back({op.path, resolved.absPath, &item});
                    render(op.body, r);
                    frames.pop_back();
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

    static const ChoiceLabels& choicesFor(const l10n::Translator& translator)
    {
        thread_local std::map<std::string, ChoiceLabels> cache;
        auto [it, added] = cache.try_emplace(translator.language());
        if (added) {
            for (const auto& step : journey::Journey::standard().steps(translator))
                collectChoices(step.questions, "", it->second);
        }
        return it->second;
    }

    struct Filled {
        std::string content;
        std::string shape; // see Rendering
    };

    Filled fillContent(const journey::AgreementAnswers& answers, const FillOptions& options, std::string* svg,
                       std::vector<DraftField>* bookmarks = nullptr) const
    {
        static const l10n::Translator source;
        const l10n::Translator& translator = options.translator != nullptr ? *options.translator : source;
        const Context context{ValueFormatter::forLanguage(answers.language()), translator, choicesFor(translator)};
        Rendering r{{{"", "", &answers.json()}}, context, {}, 0, {}, bookmarks};
        // Sized from the last draft: growing a large draft copies it again and again.
        r.out.reserve(std::max(content.size() + content.size() / 2, lastSize.load(std::memory_order_relaxed) + 4096));
        render(program, r);
        lastSize.store(r.out.size(), std::memory_order_relaxed);
        if (svg != nullptr && mapOp) {
            static const json none = json::array();
            const json* stakeholders = &none;
            if (const auto& partnership = answers.json().find("partnership");
                partnership != answers.json().end() && partnership->contains("stakeholders"))
                stakeholders = &(*partnership)["stakeholders"];
            *svg = stakeholderMapSvg(*stakeholders, mapCaptions(context), mapOp->widthCm, mapOp->heightCm);
        }
        return {std::move(r.out), std::move(r.shape)};
    }

    // Which template in which language made the draft, and which conditions and repeats it took:
    // a draft can be refreshed in place only when all of them stay the same.
    std::string layout(const journey::AgreementAnswers& answers, const std::string& shape) const
    {
        return json{{"template", name}, {"language", answers.language()}, {"shape", shape}}.dump();
    }
};

namespace {

const Op* findMap(const std::vector<Op>& ops)
{
    for (const Op& op : ops) {
        if (op.type == Op::Type::Map)
            return &op;
        if (const Op* inner = findMap(op.body))
            return inner;
    }
    return nullptr;
}

// meta.xml with slots for the answers and layout properties; whatever a previous fill left is dropped.
std::tuple<std::string, std::string, std::string> metaAround(const odf::OdfPackage& package)
{
    std::string meta = package.contains("meta.xml")
                         ? package.read("meta.xml")
                         : R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"><office:meta/></office:document-meta>)";
    const auto doc = xml::parse(meta, package.sourceName() + ": meta.xml");
    xmlNode* root = xmlDocGetRootElement(doc.get());
    xmlNode* officeMeta = nullptr;
    for (xmlNode* child = root->children; child != nullptr; child = child->next) {
        if (xml::isElement(child, odf::ns::kOffice.data(), "meta"))
            officeMeta = child;
    }
    if (officeMeta == nullptr) { // a template with no properties at all
        xmlNs* office = xmlSearchNsByHref(doc.get(), root, reinterpret_cast<const xmlChar*>(odf::ns::kOffice.data()));
        if (office == nullptr)
            throw InvalidInput("partnering.fill.bad-meta", package.sourceName() + ": meta.xml is not an ODF meta document");
        officeMeta = xmlNewChild(root, office, reinterpret_cast<const xmlChar*>("meta"), nullptr);
    }
    for (xmlNode* child = officeMeta->children; child != nullptr;) {
        xmlNode* next = child->next;
        if (xml::isElement(child, kMetaNs.data(), "user-defined")) {
            const std::string name = xml::attribute(child, "name", kMetaNs.data());
            if (name == kAnswersProperty || name == kLayoutProperty) {
                xmlUnlinkNode(child);
                xmlFreeNode(child);
            }
        }
        child = next;
    }
    xmlNs* ns = xmlSearchNsByHref(doc.get(), officeMeta, reinterpret_cast<const xmlChar*>(kMetaNs.data()));
    if (ns == nullptr)
        ns = xmlNewNs(root, reinterpret_cast<const xmlChar*>(kMetaNs.data()), reinterpret_cast<const xmlChar*>("meta"));
    for (const auto& [property, slot] : {std::pair{kAnswersProperty, kAnswersSlot}, std::pair{kLayoutProperty, kLayoutSlot}}) {
        xmlNode* node = xmlNewChild(officeMeta, ns, reinterpret_cast<const xmlChar*>("user-defined"),
                                    reinterpret_cast<const xmlChar*>(std::string(slot).c_str()));
        xmlNewNsProp(node, ns, reinterpret_cast<const xmlChar*>("name"), reinterpret_cast<const xmlChar*>(std::string(property).c_str()));
        xmlNewNsProp(node, ns, reinterpret_cast<const xmlChar*>("value-type"), reinterpret_cast<const xmlChar*>("string"));
    }
    const std::string text = xml::serialize(doc.get());
    const auto answers = text.find(kAnswersSlot);
    const auto layout = text.find(kLayoutSlot);
    return {text.substr(0, answers), text.substr(answers + kAnswersSlot.size(), layout - answers - kAnswersSlot.size()),
            text.substr(layout + kLayoutSlot.size())};
}

// The template's manifest entries that the draft keeps, plus the map's picture.
std::string draftManifest(const odf::OdfPackage& package, const std::vector<std::string>& copied, bool hasMap)
{
    std::map<std::string, std::string> mediaTypes;
    if (package.contains("META-INF/manifest.xml")) {
        const auto doc = xml::parse(package.read("META-INF/manifest.xml"), package.sourceName() + ": META-INF/manifest.xml");
        constexpr const char* kManifestNs = odf::ns::kManifest.data();
        for (const xmlNode* entry = xmlDocGetRootElement(doc.get())->children; entry != nullptr; entry = entry->next) {
            if (!xml::isElement(entry, kManifestNs, "file-entry"))
                continue;
            for (const xmlNode* child = entry->children; child != nullptr; child = child->next) {
                if (xml::isElement(child, kManifestNs, "encryption-data"))
                    throw InvalidInput("partnering.fill.encrypted", package.sourceName() + ": the template is encrypted");
            }
            mediaTypes[xml::attribute(entry, "full-path", kManifestNs)] = xml::attribute(entry, "media-type", kManifestNs);
        }
    }
    std::vector<std::pair<std::string, std::string>> entries{{"content.xml", "text/xml"}, {"meta.xml", "text/xml"}};
    for (const auto& name : copied) {
        const auto known = mediaTypes.find(name);
        entries.emplace_back(name, known != mediaTypes.end() ? known->second
                                   : name.ends_with(".xml")  ? "text/xml"
                                                             : "application/octet-stream");
    }
    if (hasMap)
        entries.emplace_back(std::string(kMapPicture), "image/svg+xml");
    return odf::manifest(odf::kTextMimetype, entries);
}

} // namespace

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
    auto compiled = std::make_unique<Compiled>(std::move(package));
    compiled->content = compiled->package.read("content.xml");
    Compiler compiler(compiled->content, elementsOf(compiled->content, name + ": content.xml"), name + ": content.xml");
    compiled->program = compiler.compile();
    compiled->fields = compiler.fields();
    if (const Op* map = findMap(compiled->program))
        compiled->mapOp = *map;
    compiled->name = std::filesystem::path(name).stem().string();
    std::tie(compiled->metaBefore, compiled->metaBetween, compiled->metaAfter) = metaAround(compiled->package);
    for (const auto& entry : compiled->package.entryNames()) {
        if (entry == "mimetype" || entry == "content.xml" || entry == "meta.xml" || entry == "META-INF/manifest.xml"
            || entry.rfind("Thumbnails/", 0) == 0 || entry == kMapPicture)
            continue;
        compiled->copied.push_back(entry);
    }
    compiled->manifest = draftManifest(compiled->package, compiled->copied, compiled->mapOp.has_value());
    return TemplateFiller(std::move(compiled));
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
    odf::PackageWriter writer(out, odf::kTextMimetype);
    writer.add("content.xml", std::move(filled.content));
    writer.add("meta.xml", compiled_->metaBefore + xml::escape(answers.json().dump()) + compiled_->metaBetween
                               + xml::escape(compiled_->layout(answers, filled.shape)) + compiled_->metaAfter);
    for (const auto& entry : compiled_->copied)
        writer.copy(compiled_->package, entry);
    if (compiled_->mapOp)
        writer.add(std::string(kMapPicture), std::move(svg));
    writer.add("META-INF/manifest.xml", compiled_->manifest);
    writer.commit();
}

DraftFields TemplateFiller::draftFields(const journey::AgreementAnswers& answers, const FillOptions& options) const
{
    DraftFields draft;
    std::string svg;
    const auto filled = compiled_->fillContent(answers, options, &svg, &draft.fields);
    draft.layout = compiled_->layout(answers, filled.shape);
    if (compiled_->mapOp)
        draft.stakeholderMapSvg = std::move(svg);
    return draft;
}

std::vector<std::string> TemplateFiller::fields() const
{
    return compiled_->fields;
}

std::optional<journey::AgreementAnswers> storedAnswers(const odf::OdfPackage& document)
{
    if (!document.contains("meta.xml"))
        return std::nullopt;
    const std::string where = document.sourceName() + ": meta.xml";
    const auto doc = xml::parse(document.read("meta.xml"), where);
    for (const xmlNode* node = xmlDocGetRootElement(doc.get())->children; node != nullptr; node = node->next) {
        for (const xmlNode* property = node->children; property != nullptr; property = property->next) {
            if (xml::isElement(property, kMetaNs.data(), "user-defined")
                && xml::attribute(property, "name", kMetaNs.data()) == kAnswersProperty)
                return journey::AgreementAnswers::parse(xml::textOf(property), where + " (" + std::string(kAnswersProperty) + ")");
        }
    }
    return std::nullopt;
}

} // namespace partnering::fill
