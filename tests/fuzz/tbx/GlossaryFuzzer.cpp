// Fuzz target: a TBX glossary from its bytes through parsing to the cross-language synonyms
// the indexer writes from it, in a Xapian database.
#include "ScratchFolder.hpp"
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
    // Xapian's in-memory backend has no synonyms: an on-disk database, opened once, whose
    // synonyms each input replaces as a rebuild of the library does.
    static Xapian::WritableDatabase db((fuzz::scratchFolder() / "synonyms").string(), Xapian::DB_CREATE_OR_OVERWRITE);
    lessons::replaceSynonyms(db, glossary);
    db.commit();
    return 0;
}
