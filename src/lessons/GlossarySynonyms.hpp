// The glossary as Xapian synonyms across languages: the indexer writes each term under its key,
// and the search looks up the same key for the words a reader typed. Not a public header.
#pragma once

#include "glossary/Glossary.hpp"
#include "lessons/TextAnalyzer.hpp"

#include <xapian.h>

#include <cstddef>
#include <span>
#include <string>

namespace partnering::lessons {

// The key a run of words has in the synonym table: each word folded (or as written, when
// folding changes nothing), joined by spaces, so that "Stratégie de sortie" and "strategie de
// sortie" find the same synonyms.
std::string synonymKey(std::span<const Token> words);

// Replaces the database's synonyms with the glossary's: every term of a concept leads to every
// other term of it, as "<language>:<term as written>" (schema::kSynonymLanguageSeparator).
// Returns the number of entries written.
std::size_t replaceSynonyms(Xapian::WritableDatabase& db, const glossary::Glossary& glossary);

} // namespace partnering::lessons
