// One lesson text as an indexed document and back: the terms it is found by, the data it is
// shown from, and its facets. Shared by the indexer and the search (not a public header).
#pragma once

#include "lessons/Lesson.hpp"
#include "lessons/TextAnalyzer.hpp"

#include <xapian.h>

#include <string>
#include <vector>

namespace partnering::lessons {

// What a search result shows of a text, stored as the document's data.
struct StoredText {
    std::string lessonId;
    std::string source;
    std::vector<int> steps;
    std::vector<std::string> tags;
    std::vector<std::string> partnerTypes;
    std::vector<std::string> languages; // of the whole lesson
    LessonText text;
    std::string wordSpans; // packWordSpans() of the text's words, when the index kept them
};

struct Facets {
    std::vector<int> steps;
    std::vector<std::string> tags;
    std::vector<std::string> partnerTypes;
    std::vector<std::string> languages;
};

struct PreparedText {
    Xapian::Document document;
    std::string uniqueTerm;
    std::vector<std::string> spellingWords; // distinct words worth suggesting as corrections
};

// Builds the document of `text` (one of `lesson`'s texts); `analyzer` must be for its language.
PreparedText prepareText(const Lesson& lesson, const LessonText& text, TextAnalyzer& analyzer);

// Both throw EnvironmentFailure "[partnering.lessons.index-unusable]" for what the indexer did
// not write (a database of another tool, or a damaged one).
StoredText readStoredText(const Xapian::Document& document);
Facets unpackFacets(const std::string& packed);

// Every text of the lesson `lessonId` in the order of its file; none for an unknown id.
std::vector<StoredText> readLessonTexts(const Xapian::Database& db, const std::string& lessonId);

std::string packFacets(const Facets& facets);

// True for words the spelling corrector should know: alphabetic scripts, 3 letters or more.
bool worthSpelling(const std::string& word);

} // namespace partnering::lessons
