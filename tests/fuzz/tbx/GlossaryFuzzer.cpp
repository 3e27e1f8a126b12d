// Fuzz target: a TBX glossary from its bytes through parsing to the cross-language synonyms
// the indexer writes from it, in an in-memory Xapian database.
#include "error/Error.hpp"
#include "glossary/Glossary.hpp"
#include "lessons/GlossarySynonyms.hpp"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace partnering;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    glossary::Glossary glossary;
    try {
        glossary = glossary::Glossary::parse(bytes, "fuzz.tbx");
    } catch (const InvalidInput&) {
        return 0; // a clear refusal is the right answer to a bad file
    }
    for (const auto& concept_ : glossary.concepts()) {
        for (const auto& term : concept_.terms) {
            // A preferred term is found as preferred in its own language.
            if (term.preferred && concept_.preferredIn(term.language) == nullptr)
                std::abort();
        }
    }
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    lessons::replaceSynonyms(db, glossary);
    db.commit();
    return 0;
}
