#include "translation/TemplateText.hpp"

#include "translation/DocumentLanguage.hpp"
#include "translation/UnitCodes.hpp"

#include "error/Error.hpp"
#include "l10n/Catalogs.hpp"
#include "odf/TextContent.hpp"
#include "odf/XmlScan.hpp"
#include "xml/XmlDocument.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>

#include <algorithm>
#include <charconv>
#include <future>
#include <iterator>
#include <map>
#include <memory>

namespace partnering::l10n {

namespace {

constexpr const char* kParts[] = {"content.xml", "styles.xml"};

bool isParagraph(const odf::ScannedElement& element)
{
    return element.ns == odf::ns::kText && (element.name == "p" || element.name == "h");
}

// The paragraph a footnote's or text box's paragraph sits in, or -1 for one in the body.
int enclosingParagraph(const std::vector<odf::ScannedElement>& elements, int index)
{
    for (int p = elements[static_cast<std::size_t>(index)].parent; p >= 0; p = elements[static_cast<std::size_t>(p)].parent) {
        if (isParagraph(elements[static_cast<std::size_t>(p)]))
            return p;
    }
    return -1;
}

// Comments are the authors' notes to one another, not text of the template.
bool insideComment(const std::vector<odf::ScannedElement>& elements, int index)
{
    for (int p = elements[static_cast<std::size_t>(index)].parent; p >= 0; p = elements[static_cast<std::size_t>(p)].parent) {
        if (elements[static_cast<std::size_t>(p)].is(odf::ns::kOffice, "annotation"))
            return true;
    }
    return false;
}

// What a standalone code holding paragraphs of its own is, for the context of those paragraphs.
std::string holderName(const odf::ScannedElement& element)
{
    if (element.is(odf::ns::kText, "note"))
        return element.attribute(odf::ns::kText, "note-class") == "endnote" ? "endnote" : "footnote";
    if (element.ns == odf::ns::kDraw)
        return "text box";
    return element.name;
}

// One paragraph's content as unit text: ODF's whitespace rules applied (runs of spaces
// collapse, <text:s/>, <text:tab/> and <text:line-break/> are the spaces, tabs and breaks).
class UnitBuilder {
public:
    UnitBuilder(std::string_view bytes, const std::vector<odf::ScannedElement>& elements, const std::string& partName)
        : bytes_(bytes), elements_(elements), partName_(partName)
    {
    }

    void content(int index)
    {
        const auto& element = elements_[static_cast<std::size_t>(index)];
        std::size_t cursor = element.startTagEnd;
        for (const int childIndex : element.children) {
            const auto& child = elements_[static_cast<std::size_t>(childIndex)];
            literal(odf::decodeXmlText(bytes_.substr(cursor, child.start - cursor)), true);
            this->child(childIndex);
            cursor = child.end;
        }
        literal(odf::decodeXmlText(bytes_.substr(cursor, element.endTagStart - cursor)), true);
    }

    std::string text;
    std::vector<InlineCode> codes;
    // Beside codes: each code's bytes in the part, so that a footnote or text box, whose
    // paragraphs are units of their own, can be rebuilt with their translations.
    std::vector<std::pair<std::size_t, std::size_t>> spans;

private:
    // How many spaces <text:s text:c="N"/> stands for: 1 without a count. A count that is no
    // whole number, or more than a line could ever hold, is a damaged template, refused where
    // it is rather than read as an internal error or a gigabyte of spaces.
    std::size_t spaceCount(const odf::ScannedElement& element) const
    {
        constexpr std::size_t kMostSpaces = 10'000;
        const std::string count = element.attribute(odf::ns::kText, "c");
        if (count.empty())
            return 1;
        std::size_t value = 0;
        const auto [end, error] = std::from_chars(count.data(), count.data() + count.size(), value);
        if (error != std::errc() || end != count.data() + count.size() || value > kMostSpaces)
            throw InvalidInput("partnering.l10n.bad-space-count",
                               partName_ + ":" + std::to_string(element.line) + ": <text:s text:c=\"" + count
                                   + "\"/> is not a count of spaces from 1 to " + std::to_string(kMostSpaces));
        return std::max<std::size_t>(1, value);
    }

    void literal(std::string_view raw, bool collapse)
    {
        for (const char c : raw) {
            const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
            if (collapse && space) {
                if (!text.empty() && !lastWasSpace_)
                    text.push_back(' ');
                lastWasSpace_ = true;
                continue;
            }
            lastWasSpace_ = collapse ? false : c == ' ';
            if (c == '{')
                text += "{{";
            else
                text.push_back(c);
        }
    }

    void child(int index)
    {
        const auto& element = elements_[static_cast<std::size_t>(index)];
        const auto bytesOf = [&](std::size_t from, std::size_t to) { return std::string(bytes_.substr(from, to - from)); };
        if (element.ns == odf::ns::kText) {
            if (element.name == "s") {
                literal(std::string(spaceCount(element), ' '), false);
                return;
            }
            if (element.name == "tab") {
                literal("\t", false);
                return;
            }
            if (element.name == "line-break") {
                literal("\n", false);
                return;
            }
            if (element.name == "soft-page-break")
                return;
            if ((element.name == "span" || element.name == "a") && element.startTagEnd != element.end) {
                InlineCode code;
                code.id = static_cast<int>(codes.size()) + 1;
                code.paired = true;
                code.open = bytesOf(element.start, element.startTagEnd);
                code.close = bytesOf(element.endTagStart, element.end);
                code.meaning = element.name == "a" ? "link to " + element.attribute(odf::ns::kXlink, "href")
                                                   : "formatting (" + element.attribute(odf::ns::kText, "style-name") + ")";
                codes.push_back(code);
                spans.emplace_back(element.start, element.startTagEnd);
                text += "{" + std::to_string(code.id) + "}";
                lastWasSpace_ = false;
                content(index);
                text += "{/" + std::to_string(code.id) + "}";
                return;
            }
        }
        InlineCode code;
        code.id = static_cast<int>(codes.size()) + 1;
        code.open = bytesOf(element.start, element.end);
        if (element.is(odf::ns::kText, "placeholder"))
            code.meaning = "field " + odf::decodeXmlText(bytes_.substr(element.startTagEnd, element.endTagStart - element.startTagEnd));
        else if (element.is(odf::ns::kText, "page-number"))
            code.meaning = "page number";
        else if (element.is(odf::ns::kText, "page-count"))
            code.meaning = "page count";
        else if (!element.is(odf::ns::kOffice, "annotation") && holdsParagraphs(index))
            code.meaning = holderName(element) + ", whose text is translated in units of its own";
        else if (element.ns == odf::ns::kDraw)
            code.meaning = "picture or frame";
        else
            code.meaning = element.name;
        codes.push_back(code);
        spans.emplace_back(element.start, element.end);
        text += "{" + std::to_string(code.id) + "/}";
        lastWasSpace_ = false;
    }

    bool holdsParagraphs(int index) const
    {
        for (const int child : elements_[static_cast<std::size_t>(index)].children) {
            if (isParagraph(elements_[static_cast<std::size_t>(child)]) || holdsParagraphs(child))
                return true;
        }
        return false;
    }

    std::string_view bytes_;
    const std::vector<odf::ScannedElement>& elements_;
    const std::string& partName_; // "agreement.ott: content.xml", for errors
    bool lastWasSpace_ = false;
};

bool hasWords(const std::string& text)
{
    bool inCode = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') {
            ++i;
            continue;
        }
        if (c == '{')
            inCode = true;
        else if (c == '}')
            inCode = false;
        else if (!inCode && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80))
            return true;
    }
    return false;
}

// Unit text as a reader would see it in a note: fields by name, other codes left out.
std::string readable(const std::string& text, const std::vector<InlineCode>& codes)
{
    std::string out;
    for (const auto& piece : piecesOf(text)) {
        if (piece.type == Piece::Type::Text) {
            out += piece.text;
        } else if (piece.type == Piece::Type::Standalone) {
            const auto code = std::find_if(codes.begin(), codes.end(), [&](const InlineCode& c) { return c.id == piece.id; });
            if (code != codes.end() && code->meaning.rfind("field ", 0) == 0)
                out += code->meaning.substr(6);
        }
    }
    return out;
}

} // namespace

TemplateText::PartText TemplateText::extractPart(std::size_t partIndex, const std::string& bytes, const std::string& name)
{
    PartText result;
    const char* part = kParts[partIndex];
    const auto elements = odf::scanXml(bytes, name);
    result.languageTags = std::make_shared<const LanguageTags>(elements);
    std::string heading = std::string(part) == "styles.xml" ? "page headers and footers" : "";
    int ordinal = 0;
    std::map<int, std::string> unitIds; // paragraph element -> its unit, for the context of the ones it holds
    for (std::size_t i = 0; i < elements.size(); ++i) {
        const auto& element = elements[i];
        if (!isParagraph(element) || insideComment(elements, static_cast<int>(i)))
            continue;
        ++ordinal;
        const std::string id = std::string(part) + "/p" + std::to_string(ordinal);
        const int outer = enclosingParagraph(elements, static_cast<int>(i));
        if (element.startTagEnd == element.end)
            continue;
        UnitBuilder builder(bytes, elements, name);
        builder.content(static_cast<int>(i));
        while (!builder.text.empty() && builder.text.back() == ' ')
            builder.text.pop_back();
        if (element.name == "h" && outer < 0)
            heading = readable(builder.text, builder.codes);
        if (!hasWords(builder.text))
            continue;
        std::vector<std::string> sections;
        for (int p = element.parent; p >= 0; p = elements[static_cast<std::size_t>(p)].parent) {
            const auto& parent = elements[static_cast<std::size_t>(p)];
            if (parent.is(odf::ns::kText, "section"))
                sections.insert(sections.begin(), "section " + parent.attribute(odf::ns::kText, "name"));
            else if (parent.is(odf::ns::kTable, "table"))
                sections.insert(sections.begin(), "table " + parent.attribute(odf::ns::kTable, "name"));
        }
        TextUnit unit;
        unit.id = id;
        unit.source = builder.text;
        unit.codes = std::move(builder.codes);
        unit.line = element.line;
        unit.context = element.name == "h" && outer < 0 ? "heading" : heading.empty() ? "" : "under \"" + heading + "\"";
        if (outer >= 0) {
            int holder = element.parent;
            while (holder != outer && !elements[static_cast<std::size_t>(holder)].is(odf::ns::kText, "note")
                   && !elements[static_cast<std::size_t>(holder)].is(odf::ns::kDraw, "frame"))
                holder = elements[static_cast<std::size_t>(holder)].parent;
            const std::string holderKind = holderName(elements[static_cast<std::size_t>(holder)]);
            const auto outerUnit = unitIds.find(outer);
            unit.context = (outerUnit != unitIds.end() ? "in the " + holderKind + " of unit " + outerUnit->second : "in a " + holderKind)
                         + (unit.context.empty() ? "" : ", " + unit.context);
        }
        unitIds[static_cast<int>(i)] = id;
        for (const auto& section : sections)
            unit.context += (unit.context.empty() ? "" : ", ") + std::string("in ") + section;
        result.units.push_back(std::move(unit));
        result.locations.push_back({partIndex, element.startTagEnd, element.endTagStart, std::move(builder.spans)});
    }
    return result;
}

TemplateText TemplateText::extract(const odf::OdfPackage& templatePackage)
{
    TemplateText result;
    result.package_ = &templatePackage;
    bool present[std::size(kParts)] = {};
    for (std::size_t partIndex = 0; partIndex < std::size(kParts); ++partIndex) { // one thread reads an archive
        present[partIndex] = templatePackage.contains(kParts[partIndex]);
        result.parts_.push_back(present[partIndex] ? templatePackage.read(kParts[partIndex]) : std::string());
    }
    const auto extracted = [&](std::size_t partIndex) {
        if (!present[partIndex])
            return PartText{{}, {}, std::make_shared<const LanguageTags>()};
        return extractPart(partIndex, result.parts_[partIndex], templatePackage.sourceName() + ": " + kParts[partIndex]);
    };
    // The styles are scanned on a second core while the content is scanned here: scanning is
    // most of the time extract and merge take.
    auto stylesText = std::async(std::launch::async, extracted, 1);
    PartText parts[] = {extracted(0), stylesText.get()};
    for (PartText& part : parts) {
        result.languageTags_.push_back(std::move(part.languageTags));
        std::move(part.units.begin(), part.units.end(), std::back_inserter(result.units_));
        std::move(part.locations.begin(), part.locations.end(), std::back_inserter(result.locations_));
    }
    return result;
}

MergeReport TemplateText::merge(const std::vector<TextUnit>& translation, const std::string& languageTag,
                                const std::filesystem::path& out) const
{
    const std::string language = canonicalLanguageTag(languageTag);
    const DocumentLanguage documentLanguage = DocumentLanguage::of(language);
    std::map<std::string, const TextUnit*> byId;
    for (const auto& unit : translation)
        byId[unit.id] = &unit;
    std::map<std::string, std::size_t> unitIndex;
    for (std::size_t i = 0; i < units_.size(); ++i)
        unitIndex[units_[i].id] = i;
    for (const auto& unit : translation) {
        const auto known = unitIndex.find(unit.id);
        if (known == unitIndex.end())
            throw InvalidInput("partnering.l10n.unknown-unit", "unit " + unit.id + ": the template has no such unit");
        if (!unit.source.empty() && unit.source != units_[known->second].source)
            throw InvalidInput("partnering.l10n.unknown-unit",
                               "unit " + unit.id + ": its source is not the template's (\"" + unit.source.substr(0, 60)
                                   + "\"); extract the template again");
    }

    std::string problems;
    int problemCount = 0;
    for (const auto& unit : units_) {
        const auto given = byId.find(unit.id);
        if (given == byId.end() || given->second->target.empty())
            continue;
        if (const std::string problem = codeProblem(unit, given->second->target); !problem.empty()) {
            problems += "\nunit " + unit.id + " (\"" + unit.source.substr(0, 60) + "\"): " + problem;
            ++problemCount;
        }
    }
    if (problemCount > 0)
        throw InvalidInput("partnering.l10n.bad-codes", std::to_string(problemCount) + " unit"
                                                            + (problemCount == 1 ? "" : "s") + " cannot be merged" + problems);

    MergeReport report;
    std::vector<std::string> rendered(units_.size());
    // The bytes of [from, to) of a part with each unit in it replaced by its rendering; units
    // inside a replaced one (a footnote's paragraphs) are already part of that rendering. The
    // part's language edits too, when given (their start tags are never inside a unit).
    const auto splice = [&](std::size_t part, std::size_t from, std::size_t to, const std::vector<ByteEdit>* tags = nullptr) {
        const std::string& bytes = parts_[part];
        std::string spliced;
        spliced.reserve(to - from + (to - from) / 2);
        std::size_t cursor = from;
        auto tag = tags != nullptr ? tags->begin() : std::vector<ByteEdit>::const_iterator();
        const auto tagsBefore = [&](std::size_t limit) {
            for (; tags != nullptr && tag != tags->end() && tag->begin < limit; ++tag) {
                if (tag->begin < cursor)
                    continue;
                spliced.append(bytes, cursor, tag->begin - cursor);
                spliced += tag->text;
                cursor = tag->end;
            }
        };
        for (std::size_t j = 0; j < units_.size(); ++j) {
            const Location& at = locations_[j];
            if (at.part != part || at.begin < cursor || at.end > to)
                continue;
            tagsBefore(at.begin);
            spliced.append(bytes, cursor, at.begin - cursor);
            spliced += rendered[j];
            cursor = at.end;
        }
        tagsBefore(to);
        spliced.append(bytes, cursor, to - cursor);
        return spliced;
    };
    // Last first: a footnote's or text box's paragraphs come after the paragraph holding them.
    for (std::size_t i = units_.size(); i-- > 0;) {
        const TextUnit& unit = units_[i];
        const auto given = byId.find(unit.id);
        const bool translated = given != byId.end() && !given->second->target.empty();
        const std::string& text = translated ? given->second->target : unit.source;
        if (translated) {
            ++report.translated;
        } else {
            report.untranslated.push_back(unit.id);
        }
        ++report.units;
        for (const auto& piece : piecesOf(text)) {
            const auto code = std::find_if(unit.codes.begin(), unit.codes.end(), [&](const InlineCode& c) { return c.id == piece.id; });
            switch (piece.type) {
            case Piece::Type::Text: odf::appendText(rendered[i], piece.text); break;
            case Piece::Type::Standalone: {
                const auto& span = locations_[i].codeSpans[static_cast<std::size_t>(code - unit.codes.begin())];
                rendered[i] += splice(locations_[i].part, span.first, span.second);
                break;
            }
            case Piece::Type::Open: rendered[i] += code->open; break;
            case Piece::Type::Close: rendered[i] += code->close; break;
            }
        }
    }
    std::reverse(report.untranslated.begin(), report.untranslated.end());

    std::string parts[std::size(kParts)];
    for (std::size_t partIndex = 0; partIndex < std::size(kParts); ++partIndex) {
        const std::string& bytes = parts_[partIndex];
        if (bytes.empty())
            continue;
        const auto tags = languageTags_[partIndex]->edits(bytes, documentLanguage);
        parts[partIndex] = splice(partIndex, 0, bytes.size(), &tags);
    }

    odf::PackageWriter writer(out, package_->mimetype());
    for (std::size_t partIndex = 0; partIndex < std::size(kParts); ++partIndex) {
        if (!parts[partIndex].empty())
            writer.add(kParts[partIndex], std::move(parts[partIndex]));
    }
    for (const auto& entry : package_->entryNames()) {
        if (entry == "mimetype" || entry == kParts[0] || entry == kParts[1])
            continue;
        if (entry == "meta.xml")
            writer.add(entry, localisedMeta(package_->read(entry), package_->sourceName() + ": meta.xml", language));
        else
            writer.copy(*package_, entry);
    }
    writer.commit();
    return report;
}

} // namespace partnering::l10n
