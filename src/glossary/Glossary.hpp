// The multilingual terminology of partnering, read from TBX (ISO 30042: TBX-Basic "martif"
// and TBX 2019): search uses it as synonyms across languages, translators' QA as preferred terms.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace partnering::glossary {

struct Term {
    std::string language; // canonical BCP 47
    std::string text;
    bool preferred = false;
};

struct Concept {
    std::string id;
    std::vector<Term> terms;

    // The preferred term in `language` (same primary language accepted), or nullptr.
    const Term* preferredIn(std::string_view language) const;
};

class Glossary {
public:
    // Throws InvalidInput "[partnering.glossary.*] file:line: reason" for a malformed or hostile
    // file, EnvironmentFailure when it cannot be read.
    static Glossary load(const std::string& path);
    static Glossary parse(std::string_view bytes, const std::string& sourceName);

    const std::vector<Concept>& concepts() const noexcept { return concepts_; }

private:
    std::vector<Concept> concepts_;
};

} // namespace partnering::glossary
