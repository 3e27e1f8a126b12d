#include "lessons/Lesson.hpp"

#include "error/Error.hpp"
#include "journey/Journey.hpp"
#include "l10n/Catalogs.hpp"
#include "xml/XmlDocument.hpp"

#include <libxml/relaxng.h>
#include <libxml/xmlschemastypes.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <memory>
#include <mutex>
#include <set>

namespace partnering::lessons {

std::string_view lessonSchema(); // generated from index/lesson.rng

namespace {

constexpr const char* kXmlNs = "http://www.w3.org/XML/1998/namespace";

// `id` is the whole error id, written out at each call so that grep finds where it is thrown.
[[noreturn]] void reject(std::string_view id, const std::string& sourceName, long line, const std::string& message)
{
    throw InvalidInput(id, sourceName + ":" + std::to_string(line) + ": " + message);
}

// The compiled schema, one per thread: libxml2 RELAX NG validation is not documented as
// safe on a shared schema.
struct RelaxNg {
    struct SchemaDeleter {
        void operator()(xmlRelaxNG* s) const { xmlRelaxNGFree(s); }
    };
    std::unique_ptr<xmlRelaxNG, SchemaDeleter> schema;

    RelaxNg()
    {
        // libxml2 builds its table of XML Schema datatypes lazily and without a lock; two
        // threads compiling their schema at once would both build it (a race and a leak).
        static std::once_flag typesReady;
        std::call_once(typesReady, [] {
            xmlSchemaInitTypes();
            xmlRelaxNGInitTypes();
        });
        const auto text = lessonSchema();
        xmlRelaxNGParserCtxt* parser = xmlRelaxNGNewMemParserCtxt(text.data(), static_cast<int>(text.size()));
        schema.reset(xmlRelaxNGParse(parser));
        xmlRelaxNGFreeParserCtxt(parser);
        if (!schema)
            throw InternalError("partnering.lessons.built-in-schema", "the built-in lesson schema does not compile");
    }
};

struct SchemaErrors {
    std::string message;
    long line = 0;
};

void collectSchemaError(void* data, xmlError* error)
{
    auto* errors = static_cast<SchemaErrors*>(data);
    if (error == nullptr || !errors->message.empty())
        return;
    errors->message = error->message != nullptr ? error->message : "does not match the lesson schema";
    while (!errors->message.empty() && errors->message.back() == '\n')
        errors->message.pop_back();
    errors->line = error->node != nullptr ? xmlGetLineNo(static_cast<xmlNode*>(error->node)) : error->line;
}

void validateAgainstSchema(xmlDoc* doc, const std::string& sourceName)
{
    thread_local RelaxNg relaxNg;
    SchemaErrors errors;
    xmlRelaxNGValidCtxt* ctxt = xmlRelaxNGNewValidCtxt(relaxNg.schema.get());
    xmlRelaxNGSetValidStructuredErrors(ctxt, collectSchemaError, &errors);
    const int result = xmlRelaxNGValidateDoc(ctxt, doc);
    xmlRelaxNGFreeValidCtxt(ctxt);
    if (result != 0)
        reject("partnering.lessons.schema", sourceName, errors.line,
               errors.message.empty() ? "does not match the lesson schema" : errors.message);
}

std::vector<int> parseSteps(const std::string& value, const std::string& sourceName, long line)
{
    const int stepCount = journey::Journey::standard().stepCount();
    std::set<int> steps;
    std::size_t i = 0;
    while (i < value.size()) {
        while (i < value.size() && std::isspace(static_cast<unsigned char>(value[i])))
            ++i;
        std::size_t j = i;
        while (j < value.size() && !std::isspace(static_cast<unsigned char>(value[j])))
            ++j;
        if (j > i) {
            const std::string token = value.substr(i, j - i);
            int step = 0;
            const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), step);
            // Written as the journey numbers its steps: no sign, no leading zero.
            if (error != std::errc() || end != token.data() + token.size() || token[0] == '0' || step < 1
                || step > stepCount)
                reject("partnering.lessons.unknown-step", sourceName, line,
                       "unknown step \"" + token + "\" in steps=\"" + value + "\" (steps are 1 to "
                           + std::to_string(stepCount) + ")");
            steps.insert(step);
        }
        i = j;
    }
    return {steps.begin(), steps.end()};
}

// Ids, tags and partner types: [a-z0-9-]+.
bool validKeyword(const std::string& id)
{
    return !id.empty() && std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

std::string keyword(const xmlNode* node, const char* what, const std::string& sourceName)
{
    std::string value = xml::collapsedText(node);
    if (!validKeyword(value))
        reject("partnering.lessons.bad-keyword", sourceName, xmlGetLineNo(node),
               std::string(what) + " \"" + value + "\" must use only a-z, 0-9 and '-' (for example exit-strategy)");
    return value;
}

// The <p> paragraphs of a <body> or an <advice> (`part`, named so in errors).
std::vector<std::string> paragraphsOf(const xmlNode* parent, const std::string& part, const std::string& language,
                                      const std::string& sourceName)
{
    std::vector<std::string> paragraphs;
    for (const xmlNode* p = parent->children; p != nullptr; p = p->next)
        if (xml::isElement(p, kLessonNamespace, "p")) {
            std::string paragraph = xml::collapsedText(p);
            if (paragraph.empty())
                reject("partnering.lessons.empty-text", sourceName, xmlGetLineNo(p),
                       "empty paragraph in the " + language + " text's " + part);
            paragraphs.push_back(std::move(paragraph));
        }
    return paragraphs;
}

LessonText readText(const xmlNode* node, const std::string& sourceName)
{
    LessonText text;
    const long line = xmlGetLineNo(node);
    const std::string language = xml::attribute(node, "lang", kXmlNs);
    if (language.empty())
        reject("partnering.lessons.missing-language", sourceName, line, "<text> has no xml:lang");
    try {
        text.language = l10n::canonicalLanguageTag(language);
    } catch (const InvalidInput&) {
        reject("partnering.lessons.bad-language", sourceName, line,
               "xml:lang=\"" + language + "\" is not a BCP 47 language tag");
    }
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (xml::isElement(child, kLessonNamespace, "title"))
            text.title = xml::collapsedText(child);
        else if (xml::isElement(child, kLessonNamespace, "summary"))
            text.summary = xml::collapsedText(child);
        else if (xml::isElement(child, kLessonNamespace, "body"))
            text.paragraphs = paragraphsOf(child, "body", language, sourceName);
        else if (xml::isElement(child, kLessonNamespace, "advice")) {
            text.advice = paragraphsOf(child, "advice", language, sourceName);
            if (text.advice.empty()) // left out when there is none, never empty
                reject("partnering.lessons.empty-text", sourceName, xmlGetLineNo(child),
                       "the " + language + " text has an empty advice");
        }
    }
    if (text.title.empty())
        reject("partnering.lessons.empty-text", sourceName, line, "the " + language + " text has no title");
    if (text.paragraphs.empty())
        reject("partnering.lessons.empty-text", sourceName, line, "the " + language + " text has an empty body");
    return text;
}

} // namespace

const LessonText* Lesson::textIn(std::string_view language) const
{
    for (const auto& text : texts)
        if (text.language == language)
            return &text;
    const std::string_view primary = language.substr(0, language.find('-'));
    for (const auto& text : texts)
        if (std::string_view(text.language).substr(0, text.language.find('-')) == primary)
            return &text;
    return nullptr;
}

void rejectTooLarge(const std::string& sourceName, std::uint64_t size)
{
    throw InvalidInput("partnering.lessons.too-large", sourceName + ":1: " + std::to_string(size)
                                                           + " bytes, over the limit of "
                                                           + std::to_string(kMaxLessonBytes) + " (4 MiB) for a lesson file");
}

Lesson parseLesson(std::string_view bytes, const std::string& sourceName)
{
    if (bytes.size() > kMaxLessonBytes)
        rejectTooLarge(sourceName, bytes.size());
    const auto doc = xml::parse(bytes, sourceName, {.maxBytes = kMaxLessonBytes});
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!xml::isElement(root, kLessonNamespace, "lesson"))
        reject("partnering.lessons.not-a-lesson", sourceName, root != nullptr ? xmlGetLineNo(root) : 1,
               "the root element must be <lesson xmlns=\"urn:x-partnering:lesson:1\">");
    const long rootLine = xmlGetLineNo(root);

    Lesson lesson;
    lesson.id = xml::attribute(root, "id");
    if (lesson.id.empty())
        reject("partnering.lessons.missing-id", sourceName, rootLine, "the lesson has no id attribute");
    if (!validKeyword(lesson.id))
        reject("partnering.lessons.bad-id", sourceName, rootLine,
               "id \"" + lesson.id + "\" must use only a-z, 0-9 and '-'");
    lesson.steps = parseSteps(xml::attribute(root, "steps"), sourceName, rootLine);

    std::set<std::string> languages;
    for (const xmlNode* node = root->children; node != nullptr; node = node->next) {
        if (xml::isElement(node, kLessonNamespace, "source"))
            lesson.source = xml::collapsedText(node);
        else if (xml::isElement(node, kLessonNamespace, "tag"))
            lesson.tags.push_back(keyword(node, "tag", sourceName));
        else if (xml::isElement(node, kLessonNamespace, "partner-type"))
            lesson.partnerTypes.push_back(keyword(node, "partner type", sourceName));
        else if (xml::isElement(node, kLessonNamespace, "text")) {
            LessonText text = readText(node, sourceName);
            if (!languages.insert(text.language).second)
                reject("partnering.lessons.duplicate-language", sourceName, xmlGetLineNo(node),
                       "a second " + text.language + " text (one text per language)");
            lesson.texts.push_back(std::move(text));
        }
    }
    if (lesson.texts.empty())
        reject("partnering.lessons.empty-text", sourceName, rootLine, "the lesson has no <text>");
    // Anything the checks above let through but the contract forbids.
    validateAgainstSchema(doc.get(), sourceName);
    return lesson;
}

} // namespace partnering::lessons
