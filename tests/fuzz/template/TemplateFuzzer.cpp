// Fuzz target: a template package from its zip bytes through compiling its content to a fill
// with fixed answers (examples/small.json), written as a draft package and read back.
#include "ScratchFolder.hpp"
#include "error/Error.hpp"
#include "fill/DraftPackage.hpp"
#include "fill/TemplateFiller.hpp"
#include "journey/AgreementAnswers.hpp"
#include "odf/OdfPackage.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

using namespace partnering;

namespace {

journey::AgreementAnswers fixedAnswers()
{
    const std::string path = PARTNERING_SOURCE_DIR "/examples/small.json";
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return journey::AgreementAnswers::parse(bytes.str(), path);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const auto answers = fixedAnswers();
    static const auto draft = fuzz::scratchFolder() / "draft.odt";

    std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        auto filler = fill::TemplateFiller::fromPackage(odf::OdfPackage::fromBytes(std::move(bytes), "fuzz.ott"));
        filler.fields();
        filler.fillContent(answers);
        filler.fill(answers, draft);
    } catch (const InvalidInput&) {
        return 0; // a clear refusal is the right answer to a bad template
    }
    // What the filler wrote is a package we read back, with the answers in it.
    const auto written = fill::storedAnswers(odf::OdfPackage::open(draft));
    if (!written || written->json() != answers.json())
        std::abort();
    return 0;
}
