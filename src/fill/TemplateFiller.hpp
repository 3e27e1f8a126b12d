// Fills agreement templates (.ott built from templates/*.fodt, conventions in
// templates/README.md) with journey answers and writes the draft (.odt).
#pragma once

#include "fill/DraftPackage.hpp"
#include "journey/AgreementAnswers.hpp"
#include "journey/Journey.hpp"
#include "odf/OdfPackage.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace partnering::fill {

struct DraftField {
    std::string bookmark;
    std::string text; // as written into the draft, line breaks as '\n'; a placeholder's label
    bool placeholder = false; // unanswered: Writer's placeholder field showing the label
    std::string description;  // a placeholder's tooltip
};

// What a fill writes that a refresh in place needs.
struct DraftFields {
    std::string layout;                           // the kLayoutProperty value
    std::vector<DraftField> fields;               // in document order
    std::optional<std::string> stakeholderMapSvg; // when the template draws the map
};

struct FillOptions {
    // Where the compiled catalogs are (<folder>/<language>/LC_MESSAGES/<domain>.mo): the draft
    // takes from them, in its language, the questions' labels its placeholders show, choice
    // labels ("in-kind" -> "En nature"), the clause library's wordings, yes/no and the map's
    // captions. Empty: all of them in English.
    std::filesystem::path localeFolder;
};

// A template read and compiled once: every fill after that only writes bytes. Everything in
// the template that is not a field, condition or repeat is copied byte for byte. One filler
// may be used by one thread at a time.
class TemplateFiller {
public:
    // Throws InvalidInput naming the template (and the line and field) for a template that is
    // not a package, is damaged, or uses a field the answers schema does not know:
    // "[partnering.fill.not-a-text-template]", "[partnering.fill.unknown-field]",
    // "[partnering.fill.bad-field]", "[partnering.fill.bad-section]", "[partnering.fill.mixed-repeat]",
    // "[partnering.fill.bad-map]", "[partnering.fill.bad-meta]", "[partnering.fill.encrypted]", plus
    // the package's "[partnering.odf.*]" and the XML's "[partnering.xml.*]".
    static TemplateFiller open(const std::filesystem::path& templatePath);
    static TemplateFiller fromPackage(odf::OdfPackage package);
    // Checks the body of a flat template (.fodt) as open() checks a package's, before it is
    // packaged: the errors name `sourceName` and the lines of the file its author edits.
    static void checkFlat(std::string_view flatXml, const std::string& sourceName);
    ~TemplateFiller();
    TemplateFiller(TemplateFiller&&) noexcept;
    TemplateFiller& operator=(TemplateFiller&&) noexcept;

    // Writes the filled document to `out` in one rename: `out` is either the previous file
    // or the complete new one, never a part. Throws InvalidInput "[partnering.fill.bad-language]"
    // for answers in a language or currency ICU cannot format, EnvironmentFailure
    // "[partnering.odf.write]" when `out` cannot be written.
    void fill(const journey::AgreementAnswers& answers, const std::filesystem::path& out,
              const FillOptions& options = {}) const;

    // The fields and layout that fill() would write, without writing a draft.
    DraftFields draftFields(const journey::AgreementAnswers& answers, const FillOptions& options = {}) const;

    // The filled content.xml alone.
    std::string fillContent(const journey::AgreementAnswers& answers, const FillOptions& options = {}) const;

    // The fields as written in the template ("partners[].name"), in document order.
    std::vector<std::string> fields() const;

private:
    struct Compiled;
    explicit TemplateFiller(std::unique_ptr<Compiled> compiled);
    std::unique_ptr<Compiled> compiled_;
};

} // namespace partnering::fill
