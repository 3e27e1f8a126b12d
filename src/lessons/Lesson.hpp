// A lesson learned as stored in a lesson file (urn:x-partnering:lesson:1, DESIGN.md), and
// reading one with every check: well-formed, safe, schema-valid and meaningful.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace partnering::lessons {

inline constexpr const char* kLessonNamespace = "urn:x-partnering:lesson:1";

struct LessonText {
    std::string language; // canonical BCP 47
    std::string title;
    std::string summary;                 // may be empty
    std::vector<std::string> paragraphs; // the body: what the source says
    // Advice of the library's own that goes beyond the source (<advice>): never shown or
    // quoted as the source's words. May be empty.
    std::vector<std::string> advice;
};

struct Lesson {
    std::string id; // [a-z0-9-]+
    std::vector<int> steps; // journey steps (1 to journey::Journey::stepCount()), sorted, unique
    std::string source;
    std::vector<std::string> tags;
    std::vector<std::string> partnerTypes;
    std::vector<LessonText> texts; // one per language, in file order

    // The text in `language` (exact tag, then same primary language), or nullptr.
    const LessonText* textIn(std::string_view language) const;
};

// The largest lesson file accepted: the longest shipped one, in six languages, takes 12 KB.
inline constexpr std::size_t kMaxLessonBytes = 4u << 20;

// "[partnering.lessons.too-large]": a lesson file over kMaxLessonBytes.
[[noreturn]] void rejectTooLarge(const std::string& sourceName, std::uint64_t size);

// Parses and checks one lesson file's bytes. `sourceName` names it in errors, which are
// InvalidInput "[id] file:line: message": "[partnering.lessons.too-large]",
// the parser's "[partnering.xml.*]" (XmlDocument.hpp),
// "[partnering.lessons.not-a-lesson]", "[partnering.lessons.missing-id]", "[partnering.lessons.bad-id]",
// "[partnering.lessons.unknown-step]", "[partnering.lessons.bad-keyword]",
// "[partnering.lessons.missing-language]", "[partnering.lessons.bad-language]",
// "[partnering.lessons.empty-text]" (an empty title, body or paragraph, advice's included),
// "[partnering.lessons.duplicate-language]" and
// "[partnering.lessons.schema]" (anything else the schema index/lesson.rng forbids).
Lesson parseLesson(std::string_view bytes, const std::string& sourceName);

} // namespace partnering::lessons
