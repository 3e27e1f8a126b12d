// The translatable text of an agreement template, for translators' tools: one unit per
// paragraph or heading with formatting and fields as protected inline codes, and the
// localised template built back from a translation.
#pragma once

#include "odf/OdfPackage.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace partnering::l10n {

// A piece of a paragraph the translator must keep but may move: a field, a formatted run,
// a picture, a footnote (whose paragraphs are units of their own). In unit text, {N/} stands for a standalone code and {N}...{/N} for a pair;
// a literal "{" is written "{{".
struct InlineCode {
    int id = 0;
    bool paired = false;
    std::string open;    // the template's bytes: the whole element, or its start tag
    std::string close;   // a pair's end tag
    std::string meaning; // for the translator: "field <partners[].name>", "formatting (Strong Emphasis)"
};

struct TextUnit {
    std::string id;      // "content.xml/p12": the 12th paragraph of the part; stable while the template is
    std::string source;  // the English text with its codes
    std::string target;  // the translation, empty while untranslated
    std::string context; // where: the heading above and the template sections around it
    std::vector<InlineCode> codes;
    int line = 0;
};

struct MergeReport {
    int units = 0;
    int translated = 0; // the others keep their source text
    std::vector<std::string> untranslated; // unit ids
};

class LanguageTags; // translation/DocumentLanguage.hpp, private to the library

class TemplateText {
public:
    // Throws InvalidInput for a package that is not a usable template (see OdfPackage), and
    // "[partnering.l10n.bad-space-count]" for a <text:s/> whose count is no count of spaces.
    // `templatePackage` must outlive the result.
    static TemplateText extract(const odf::OdfPackage& templatePackage);

    const std::vector<TextUnit>& units() const noexcept { return units_; }

    // Writes the localised template: each unit's target in place of its source, with its
    // codes' bytes; the language (and for right-to-left languages the direction of
    // paragraphs, tables and pages) set in the styles. Targets are matched to units by id
    // and must carry the source's codes: a dropped, repeated or invented code, or a unit
    // whose source no longer matches the template, throws InvalidInput
    // "[partnering.l10n.bad-codes]"/"[partnering.l10n.unknown-unit]" naming the unit, and
    // nothing is written.
    MergeReport merge(const std::vector<TextUnit>& translation, const std::string& languageTag,
                      const std::filesystem::path& out) const;

private:
    struct Location {
        std::size_t part;       // content.xml or styles.xml
        std::size_t begin, end; // the paragraph's content, in bytes
        std::vector<std::pair<std::size_t, std::size_t>> codeSpans; // beside the unit's codes: their bytes
    };
    // One part's units and where they are, and where the part sets its language.
    struct PartText {
        std::vector<TextUnit> units;
        std::vector<Location> locations; // beside units
        std::shared_ptr<const LanguageTags> languageTags;
    };
    static PartText extractPart(std::size_t partIndex, const std::string& bytes, const std::string& name);

    const odf::OdfPackage* package_ = nullptr; // the caller's, which must outlive this
    std::vector<TextUnit> units_;
    std::vector<Location> locations_; // beside units_
    std::vector<std::string> parts_;  // content.xml and styles.xml as read (empty when absent)
    std::vector<std::shared_ptr<const LanguageTags>> languageTags_; // beside parts_: where each sets its language
};

// Checks that `target` carries exactly the codes of `unit` (each once, pairs in order and
// properly nested). Returns the problem, or an empty string.
std::string codeProblem(const TextUnit& unit, const std::string& target);

// Number of words in unit text, codes left out (ICU word boundaries, so Khmer and Chinese
// count words too).
int wordCount(const std::string& unitText);

} // namespace partnering::l10n
