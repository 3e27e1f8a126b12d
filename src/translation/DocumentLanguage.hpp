// The language of a localised template's parts: styles.xml and content.xml get the language in
// their text properties (and right-to-left direction where ICU says so), meta.xml its dc:language.
#pragma once

#include "odf/XmlScan.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace partnering::l10n {

// Which of ODF's three sets of text-properties attributes a language's text uses, as
// LibreOffice splits scripts: Western, Asian (CJK) or complex (CTL, e.g. Arabic, Khmer, Thai).
enum class ScriptClass { Western, Asian, Complex };

struct DocumentLanguage {
    std::string language; // ISO 639: "fr"
    std::string country;  // ISO 3166, the likeliest one when the tag names none: "FR"
    ScriptClass scripts = ScriptClass::Western;
    bool rightToLeft = false;

    // From ICU's likely subtags: the script the language is written in decides the class and
    // the direction, so a language we have not met yet is handled without a list of our own.
    // Throws InvalidInput "[partnering.l10n.bad-language-tag]" for a tag ICU cannot read.
    static DocumentLanguage of(const std::string& languageTag);
};

// Bytes [begin, end) of a part replaced by `text`.
struct ByteEdit {
    std::size_t begin = 0, end = 0;
    std::string text;
};

// The start tags of a part (styles.xml, content.xml) that carry its language and direction,
// found in a scan the caller has already made: a localised part is the original with these
// tags edited, every other byte copied as it is.
class LanguageTags {
public:
    LanguageTags() = default;
    explicit LanguageTags(const std::vector<odf::ScannedElement>& elements);

    // The language set on every text style that names one and on the default style; for a
    // right-to-left language, the direction of paragraphs, tables and pages too, left/right
    // alignment mirrored to start/end. Each edit replaces one start tag; in byte order.
    std::vector<ByteEdit> edits(std::string_view bytes, const DocumentLanguage& language) const;

private:
    enum class Kind { TextProperties, DefaultTextProperties, Direction };
    struct Tag {
        Kind kind = Kind::TextProperties;
        std::size_t start = 0, end = 0;           // the start tag
        std::vector<odf::ScannedAttribute> attributes;
        std::string foPrefix, stylePrefix;        // bound where the tag is; empty: not bound
    };
    std::vector<Tag> tags_;
};

// `bytes` with the edits applied (in byte order, not overlapping).
std::string applyEdits(std::string_view bytes, const std::vector<ByteEdit>& edits);

// styles.xml or content.xml (`bytes`, named `name` in errors) localised as LanguageTags::edits() says.
std::string localisedPart(const std::string& bytes, const std::string& name, const DocumentLanguage& language);

// meta.xml with dc:language set to `languageTag`.
std::string localisedMeta(const std::string& bytes, const std::string& name, const std::string& languageTag);

} // namespace partnering::l10n
