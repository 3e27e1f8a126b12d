#include "lessons/GlossarySynonyms.hpp"

#include "lessons/IndexSchema.hpp"

namespace partnering::lessons {

std::string synonymKey(std::span<const Token> words)
{
    std::string key;
    for (const auto& word : words) {
        if (!key.empty())
            key.push_back(' ');
        key += word.folded.empty() ? word.term : word.folded;
    }
    return key;
}

std::size_t replaceSynonyms(Xapian::WritableDatabase& db, const glossary::Glossary& glossary)
{
    for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key)
        db.clear_synonyms(*key);
    AnalyzerCache analyzers;
    std::size_t entries = 0;
    for (const auto& concept_ : glossary.concepts()) {
        for (const auto& from : concept_.terms) {
            const std::string key = synonymKey(analyzers(from.language).tokenize(from.text));
            if (key.empty())
                continue;
            for (const auto& to : concept_.terms) {
                if (&to == &from)
                    continue;
                db.add_synonym(key, to.language + schema::kSynonymLanguageSeparator + to.text);
                ++entries;
            }
        }
    }
    return entries;
}

} // namespace partnering::lessons
