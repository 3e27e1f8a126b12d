#include "lessons/IndexedText.hpp"

#include "error/Error.hpp"
#include "lessons/IndexSchema.hpp"
#include "lessons/TextWords.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <set>
#include <string_view>

namespace partnering::lessons {

namespace {

constexpr char kFieldSeparator = '\x1f';
constexpr char kItemSeparator = ' ';

// Where the words of the parts being indexed stand in the text a hit reads (TextWords): kept
// for languages segmented by dictionary, whose segmentation is most of a search's work.
struct SpanKeeper {
    std::vector<WordSpan>* spans = nullptr; // none: not kept
    std::size_t start = 0;                  // of the part in its joined text

    void keep(const Token& token) const
    {
        if (spans != nullptr)
            spans->emplace_back(start + token.begin, start + token.end);
    }
};

void indexField(Xapian::Document& document, TextAnalyzer& analyzer, const std::string& text, unsigned weight,
                Xapian::termpos& position, std::set<std::string>& spelling, const SpanKeeper& kept)
{
    for (const Token& token : analyzer.tokenize(text)) {
        kept.keep(token);
        ++position;
        document.add_posting(token.term, position, weight);
        if (!token.folded.empty())
            document.add_posting(token.folded, position, weight);
        if (analyzer.hasStemmer()) {
            const std::string stem = analyzer.stem(token.term);
            document.add_term(std::string(schema::kStem).append(stem), weight);
            if (!token.folded.empty()) {
                const std::string foldedStem = analyzer.stem(token.folded);
                if (foldedStem != stem)
                    document.add_term(std::string(schema::kStem).append(foldedStem), weight);
            }
        }
        if (worthSpelling(token.term))
            spelling.insert(token.term);
    }
    position += 100; // no phrase spans two fields
}

std::string join(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& item : items) {
        if (!out.empty())
            out.push_back(kItemSeparator);
        out += item;
    }
    return out;
}

std::vector<std::string> split(const std::string& text)
{
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find(kItemSeparator, start);
        const auto stop = end == std::string::npos ? text.size() : end;
        if (stop > start)
            items.push_back(text.substr(start, stop - start));
        start = stop + 1;
    }
    return items;
}

std::string primaryLanguage(const std::string& tag)
{
    return tag.substr(0, tag.find('-'));
}

// A document the indexer did not write (another tool's database, or a damaged one): the index
// cannot be searched, and the caller hears it as it hears of a corrupt index.
EnvironmentFailure notALessonText(const Xapian::Document& document, std::string_view why)
{
    return EnvironmentFailure("partnering.lessons.index-unusable",
                              "document " + std::to_string(document.get_docid()) + " of the index is not a lesson text ("
                                  + std::string(why) + ")");
}

} // namespace

bool worthSpelling(const std::string& word)
{
    if (word.size() < 3)
        return false;
    for (unsigned char c : word) {
        if (c >= '0' && c <= '9')
            return false;
        if (c >= 0xE0) // three- and four-byte UTF-8: CJK, Khmer, Thai...: no edit-distance spelling
            return false;
    }
    return true;
}

PreparedText prepareText(const Lesson& lesson, const LessonText& text, TextAnalyzer& analyzer)
{
    PreparedText prepared;
    Xapian::Document& document = prepared.document;
    std::set<std::string> spelling;
    Xapian::termpos position = 0;
    // Each paragraph is segmented alone, as a part of the joined text a hit reads (TextWords):
    // the space between two parts always parts two words.
    const bool keepSpans = analyzer.segmentsByDictionary();
    const auto indexParts = [&](const std::vector<const std::string*>& parts, auto weightOf, std::vector<WordSpan>& spans) {
        const std::vector<std::size_t> starts = keepSpans ? joinParts(parts).starts : std::vector<std::size_t>();
        for (std::size_t i = 0; i < parts.size(); ++i)
            indexField(document, analyzer, *parts[i], weightOf(i), position, spelling,
                       keepSpans ? SpanKeeper{&spans, starts[i]} : SpanKeeper{});
    };
    std::vector<WordSpan> titleSpans, bodySpans, adviceSpans;
    indexParts({&text.title}, [](std::size_t) { return schema::kTitleWeight; }, titleSpans);
    indexParts(bodyParts(text), [](std::size_t i) { return i == 0 ? schema::kSummaryWeight : schema::kBodyWeight; },
               bodySpans);
    indexParts(adviceParts(text), [](std::size_t) { return schema::kAdviceWeight; }, adviceSpans);
    if (keepSpans)
        document.add_value(schema::kWordSpansSlot, packWordSpans(titleSpans, bodySpans, adviceSpans));

    prepared.uniqueTerm = schema::uniqueIdTerm(lesson.id, text.language);
    document.add_boolean_term(prepared.uniqueTerm);
    document.add_boolean_term(schema::lessonTerm(lesson.id));
    document.add_boolean_term(std::string(schema::kLanguage).append(text.language));
    if (primaryLanguage(text.language) != text.language)
        document.add_boolean_term(std::string(schema::kLanguage).append(primaryLanguage(text.language)));
    for (int step : lesson.steps)
        document.add_boolean_term(std::string(schema::kStep).append(std::to_string(step)));
    for (const auto& tag : lesson.tags)
        document.add_boolean_term(std::string(schema::kTag).append(tag));
    for (const auto& partner : lesson.partnerTypes)
        document.add_boolean_term(std::string(schema::kPartnerType).append(partner));

    Facets facets;
    facets.steps = lesson.steps;
    facets.tags = lesson.tags;
    facets.partnerTypes = lesson.partnerTypes;
    for (const auto& other : lesson.texts)
        facets.languages.push_back(other.language);
    document.add_value(schema::kLessonIdSlot, lesson.id);
    document.add_value(schema::kFacetsSlot, packFacets(facets));

    nlohmann::json data{{"id", lesson.id},
                        {"source", lesson.source},
                        {"steps", lesson.steps},
                        {"tags", lesson.tags},
                        {"partner_types", lesson.partnerTypes},
                        {"languages", facets.languages},
                        {"lang", text.language},
                        {"title", text.title},
                        {"summary", text.summary},
                        {"body", text.paragraphs},
                        {"advice", text.advice}};
    document.set_data(data.dump());
    prepared.spellingWords.assign(spelling.begin(), spelling.end());
    return prepared;
}

StoredText readStoredText(const Xapian::Document& document)
{
    StoredText stored;
    try {
        const auto data = nlohmann::json::parse(document.get_data());
        stored.lessonId = data.at("id").get<std::string>();
        stored.source = data.at("source").get<std::string>();
        stored.steps = data.at("steps").get<std::vector<int>>();
        stored.tags = data.at("tags").get<std::vector<std::string>>();
        stored.partnerTypes = data.at("partner_types").get<std::vector<std::string>>();
        stored.languages = data.at("languages").get<std::vector<std::string>>();
        stored.text.language = data.at("lang").get<std::string>();
        stored.text.title = data.at("title").get<std::string>();
        stored.text.summary = data.at("summary").get<std::string>();
        stored.text.paragraphs = data.at("body").get<std::vector<std::string>>();
        // A server's index built before advice existed (format 1) has none.
        stored.text.advice = data.value("advice", std::vector<std::string>());
        stored.wordSpans = document.get_value(schema::kWordSpansSlot);
    } catch (const nlohmann::json::exception& e) {
        throw notALessonText(document, e.what());
    }
    return stored;
}

std::vector<StoredText> readLessonTexts(const Xapian::Database& db, const std::string& lessonId)
{
    std::vector<StoredText> texts;
    const std::string term = schema::lessonTerm(lessonId);
    for (auto posting = db.postlist_begin(term); posting != db.postlist_end(term); ++posting)
        texts.push_back(readStoredText(db.get_document(*posting)));
    if (texts.empty())
        return texts;
    // Each text lists the lesson's languages in file order; the documents' order is the index's.
    const std::vector<std::string> order = texts.front().languages;
    auto rank = [&](const StoredText& text) { return std::find(order.begin(), order.end(), text.text.language); };
    std::stable_sort(texts.begin(), texts.end(), [&](const StoredText& a, const StoredText& b) { return rank(a) < rank(b); });
    return texts;
}

std::string packFacets(const Facets& facets)
{
    std::vector<std::string> steps;
    for (int step : facets.steps)
        steps.push_back(std::to_string(step));
    std::string packed = join(steps);
    packed.push_back(kFieldSeparator);
    packed += join(facets.tags);
    packed.push_back(kFieldSeparator);
    packed += join(facets.partnerTypes);
    packed.push_back(kFieldSeparator);
    packed += join(facets.languages);
    return packed;
}

Facets unpackFacets(const std::string& packed)
{
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (;;) {
        const auto end = packed.find(kFieldSeparator, start);
        fields.push_back(packed.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    fields.resize(4);
    Facets facets;
    for (const auto& step : split(fields[0])) {
        int number = 0;
        const auto [end, error] = std::from_chars(step.data(), step.data() + step.size(), number);
        if (error != std::errc() || end != step.data() + step.size())
            throw EnvironmentFailure("partnering.lessons.index-unusable",
                                     "the index holds a step that is not a number: \"" + step + "\"");
        facets.steps.push_back(number);
    }
    facets.tags = split(fields[1]);
    facets.partnerTypes = split(fields[2]);
    facets.languages = split(fields[3]);
    return facets;
}

} // namespace partnering::lessons
