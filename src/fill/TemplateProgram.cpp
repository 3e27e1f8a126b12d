#include "fill/TemplateProgram.hpp"

#include "error/Error.hpp"
#include "fill/DraftPackage.hpp"
#include "journey/AnswersSchema.hpp"
#include "journey/Journey.hpp"
#include "odf/TextContent.hpp"
#include "odf/XmlScan.hpp"

#include <boost/algorithm/string/trim.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace partnering::fill {

namespace {

using nlohmann::json;
using journey::AnswerPath;
using journey::AnswersSchema;

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

const AnswersSchema& schema()
{
    return AnswersSchema::standard();
}

// A path of plain keys ("partnership.name"), as sections name answers and as a field is
// written around its one "[]"; nullopt for anything else.
std::optional<AnswerPath> plainPath(std::string_view text)
{
    auto path = AnswerPath::tryParse(text);
    if (!path || path->keys() != text)
        return std::nullopt;
    return path;
}

// A list the compiler is inside, and the schema of its items: a field's path is looked up there.
struct SchemaScope {
    std::string list;
    const json* item;
    std::string keys; // where the list is in the answers: "partners.contributions"
};

std::string joinedKeys(const std::string& scope, const std::string& path)
{
    if (scope.empty() || path.empty())
        return scope.empty() ? path : scope;
    return scope + "." + path;
}

// ---------------------------------------------------------------------------------------
// Compiling: what is special (fields, conditions, repeats, the map) is walked, the rest copied.

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
        scopes_.push_back({"", &AnswersSchema::standard().root(), ""});
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
    // `id` whole, "partnering.fill.bad-field", so that a grep for an id finds where it is thrown.
    [[noreturn]] void fail(const char* id, const Element& element, const std::string& reason) const
    {
        throw InvalidInput(id, sourceName_ + ":" + std::to_string(element.line) + ": " + reason);
    }

    std::string sectionName(const Element& element) const
    {
        return element.name.substr(0, element.name.find('#'));
    }

    bool isFieldElement(const Element& element) const
    {
        if (element.kind != Kind::Placeholder)
            return false;
        const std::string text = boost::algorithm::trim_copy(element.text);
        return text.size() >= 2 && text.front() == '<' && text.back() == '>';
    }

    Field parseField(const Element& element) const
    {
        Field field;
        std::string text = boost::algorithm::trim_copy(element.text);
        field.written = text.substr(1, text.size() - 2);
        std::string path = boost::algorithm::trim_copy(field.written);
        if (const auto bar = path.find('|'); bar != std::string::npos) {
            const std::string filter = boost::algorithm::trim_copy(path.substr(bar + 1));
            if (filter != "count")
                fail("partnering.fill.bad-field", element,
                     "<" + field.written + ">: unknown filter \"" + filter + "\" (known: count)");
            field.count = true;
            path = boost::algorithm::trim_copy(path.substr(0, bar));
        }
        if (const auto brackets = path.find("[]"); brackets != std::string::npos) {
            field.list = path.substr(0, brackets);
            std::string rest = path.substr(brackets + 2);
            if (!rest.empty() && rest.front() != '.')
                fail("partnering.fill.bad-field", element,
                     "<" + field.written + ">: \"[]\" must be followed by \".\" or end the path");
            field.path = rest.empty() ? rest : rest.substr(1);
            if (field.path.find("[]") != std::string::npos)
                fail("partnering.fill.bad-field", element,
                     "<" + field.written + ">: one \"[]\" per field; put the outer list in a section named each:LIST");
            const auto inItem = field.path.empty() ? std::optional<AnswerPath>(AnswerPath()) : plainPath(field.path);
            if (!plainPath(field.list) || !inItem)
                fail("partnering.fill.bad-field", element, "<" + field.written + ">: not a path of the answers");
            field.answer = *inItem;
        } else {
            field.path = path;
            const auto whole = plainPath(field.path);
            if (!whole)
                fail("partnering.fill.bad-field", element, "<" + field.written + ">: not a path of the answers");
            field.answer = *whole;
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
                        fail("partnering.fill.bad-field", element,
                             "<" + field.written + "> repeats but is in no paragraph, row or list item");
                    const auto [it, added] = units_.emplace(unit, field.list);
                    if (!added && it->second != field.list)
                        fail("partnering.fill.mixed-repeat", element,
                             "<" + field.written + "> and <" + it->second
                                 + "[]...> repeat the same row, item or paragraph over different lists");
                    special_[static_cast<std::size_t>(unit)] = true;
                }
            } else if (element.kind == Kind::Section) {
                const std::string name = sectionName(element);
                mark = name.rfind("if:", 0) == 0 || name.rfind("each:", 0) == 0;
            } else if (element.kind == Kind::Frame && element.name == kMapFrameName) {
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

    // The scope of the list `path` read from the innermost scope that has it.
    SchemaScope listScope(const std::string& path, const Element& element)
    {
        for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
            const json* node = schema().gatheredAt(AnswerPath::parse(path), scope->item);
            if (node == nullptr)
                continue;
            if (!schema().isList(node))
                fail("partnering.fill.unknown-field", element, path + " is not a list of the answers");
            return {path, schema().itemSchema(node), joinedKeys(scope->keys, AnswerPath::parse(path).keys())};
        }
        fail("partnering.fill.unknown-field", element,
             path + " is not a list of the answers (src/journey/answers.schema.json)");
    }

    // Where the answer `path` is in the answers ("partners.name" for <name> in each:partners).
    std::string checkPath(const AnswerPath& path, const std::string& written, const Element& element) const
    {
        for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
            if (schema().gatheredAt(path, scope->item) != nullptr)
                return joinedKeys(scope->keys, path.keys());
        }
        fail("partnering.fill.unknown-field", element,
             "<" + written + ">: " + path.text() + " is not an answer (src/journey/answers.schema.json)");
    }

    void node(int index, std::vector<Op>& out)
    {
        const auto unit = units_.find(index);
        if (unit != units_.end() && !insideUnit_.count(index)) {
            const Element& element = elements_[static_cast<std::size_t>(index)];
            Op each;
            each.type = Op::Type::Each;
            each.path = unit->second;
            each.answer = AnswerPath::parse(each.path);
            scopes_.push_back(listScope(unit->second, element));
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
                if (!op.field.path.empty() && schema().gatheredAt(op.field.answer, scope->item) == nullptr)
                    fail("partnering.fill.unknown-field", element,
                         "<" + op.field.written + ">: the items of " + op.field.list + " have no " + op.field.path);
                op.field.keys = joinedKeys(scope->keys, op.field.answer.keys());
            } else {
                op.field.keys = checkPath(op.field.answer, op.field.written, element);
            }
            // An unanswered field shows its question's label: every field needs a question.
            if (journey::Journey::standard().questionAt(op.field.keys) == nullptr)
                fail("partnering.fill.unasked-field", element,
                     "<" + op.field.written + ">: no question of the journey (src/journey/journey.xml) asks for "
                         + op.field.keys);
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
                const auto tested = plainPath(condition);
                if (!tested)
                    fail("partnering.fill.bad-section", element,
                         "section \"" + element.name + "\": not a condition on an answer");
                checkPath(*tested, name, element);
                op.path = condition;
                op.answer = *tested;
                children(index, element.startTagEnd, element.endTagStart, op.body);
                out.push_back(std::move(op));
                return;
            }
            if (name.rfind("each:", 0) == 0) {
                Op op;
                op.type = Op::Type::Each;
                op.path = name.substr(5);
                const auto list = plainPath(op.path);
                if (!list)
                    fail("partnering.fill.bad-section", element,
                         "section \"" + element.name + "\": not a list of the answers");
                op.answer = *list;
                scopes_.push_back(listScope(op.path, element));
                children(index, element.startTagEnd, element.endTagStart, op.body);
                scopes_.pop_back();
                out.push_back(std::move(op));
                return;
            }
        }
        if (element.kind == Kind::Frame && element.name == kMapFrameName) {
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
                fail("partnering.fill.bad-map", element,
                     "the frame named " + std::string(kMapFrameName) + " holds no image to replace");
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

} // namespace

TemplateProgram TemplateProgram::compile(std::string_view content, const std::string& sourceName)
{
    Compiler compiler(content, elementsOf(content, sourceName), sourceName);
    TemplateProgram program;
    program.ops = compiler.compile();
    program.fields = compiler.fields();
    if (const Op* map = findMap(program.ops))
        program.map = *map;
    return program;
}

} // namespace partnering::fill
