// How lessons are laid out in the Xapian database: term prefixes, value slots and metadata
// keys, named once here. One document per lesson text (lesson x language).
#pragma once

#include <string>
#include <string_view>

namespace partnering::lessons::schema {

// Term prefixes.
inline constexpr std::string_view kUniqueId = "Q";    // Q<lesson id>@<language>: the one document of a text
inline constexpr std::string_view kLesson = "I";      // I<lesson id>: every text of a lesson
inline constexpr std::string_view kLanguage = "L";    // L<language> and L<primary language subtag>
inline constexpr std::string_view kStep = "S";        // S<journey step number>
inline constexpr std::string_view kTag = "K";         // K<tag>
inline constexpr std::string_view kPartnerType = "P"; // P<partner type>
inline constexpr std::string_view kStem = "Z";        // Z<stem>: a word's Snowball stem in its text's language
// Unprefixed terms are words (NFKC, case-folded) and their folded forms, with positions.

// Value slots.
inline constexpr unsigned kLessonIdSlot = 0; // collapse key: one result per lesson
inline constexpr unsigned kFacetsSlot = 1;   // packed facets of the lesson, see packFacets()
inline constexpr unsigned kWordSpansSlot = 2; // where a text's words stand, see packWordSpans(): only
                                              // for languages segmented by dictionary, optional

// Metadata keys.
inline constexpr std::string_view kFormatKey = "partnering:format";
// 2: a text's document data carries its advice ("advice"), and advice words are indexed.
inline constexpr std::string_view kFormatVersion = "2";
inline constexpr std::string_view kFileKeyPrefix = "file:";          // file:<path> -> "<hash> <size> <mtime>\t<lesson id>"
inline constexpr std::string_view kGlossaryKey = "partnering:glossary"; // fingerprint of the glossary used for synonyms
inline constexpr std::string_view kBuiltAtKey = "partnering:built-at";  // when the last build started, ns
inline constexpr std::string_view kStemmersKey = "partnering:stemmers"; // languages with a stemmer, space-separated

// Synonym values carry their language: "<language>:<term as written>".
inline constexpr char kSynonymLanguageSeparator = ':';

// Weight of a word by where it stands (within-document frequency increment).
inline constexpr unsigned kTitleWeight = 4;
inline constexpr unsigned kSummaryWeight = 2;
inline constexpr unsigned kBodyWeight = 1;
inline constexpr unsigned kAdviceWeight = 1; // the library's own advice: found as the body is

inline std::string uniqueIdTerm(std::string_view lessonId, std::string_view language)
{
    return std::string(kUniqueId).append(lessonId).append("@").append(language);
}

inline std::string lessonTerm(std::string_view lessonId)
{
    return std::string(kLesson).append(lessonId);
}

} // namespace partnering::lessons::schema
