// Fuzz target: a lesson file from its bytes through parsing and checking to the index
// documents of its texts, written into an in-memory Xapian database and read back, and their
// words read at the spans the index kept.
#include "error/Error.hpp"
#include "lessons/IndexedText.hpp"
#include "lessons/Lesson.hpp"
#include "lessons/TextAnalyzer.hpp"
#include "lessons/TextWords.hpp"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

using namespace partnering;

namespace {

void tokensWithin(const std::vector<lessons::Token>& tokens, const std::string& text)
{
    for (const auto& token : tokens)
        if (token.begin >= token.end || token.end > text.size() || token.term.empty())
            std::abort();
}

void wordsWithinText(const lessons::TextWords& words)
{
    tokensWithin(words.titleTokens, words.title);
    tokensWithin(words.bodyTokens, words.body);
    tokensWithin(words.adviceTokens, words.advice);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    lessons::Lesson lesson;
    try {
        lesson = lessons::parseLesson(bytes, "fuzz.xml");
    } catch (const InvalidInput&) {
        return 0; // a clear refusal is the right answer to a bad file
    }
    // Analysers live as long as one input: each language's ICU rules are loaded again, so a
    // language that breaks them breaks this input, not a later one.
    lessons::AnalyzerCache analyzers;
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const auto& text : lesson.texts) {
        const auto prepared = lessons::prepareText(lesson, text, analyzers(text.language));
        db.replace_document(prepared.uniqueTerm, prepared.document);
        // What the index stores must read back as the lesson that was written.
        const auto stored = lessons::readStoredText(prepared.document);
        if (stored.lessonId != lesson.id || stored.text.title != text.title || stored.text.paragraphs != text.paragraphs
            || stored.steps != lesson.steps || stored.tags != lesson.tags)
            std::abort();
        // A hit reads the words at the spans the index kept, and at spans of any bytes (a
        // damaged index): never a word outside its text.
        for (const std::string_view spans : {std::string_view(stored.wordSpans), bytes.substr(0, 64)})
            wordsWithinText(lessons::wordsOf(stored.text, analyzers(text.language), spans));
    }
    db.commit();
    if (db.get_doccount() != lesson.texts.size())
        std::abort();
    return 0;
}
