// The draft a fill writes (.odt) as a package: the names of its custom properties, bookmarks and
// map, the layout it records, its meta.xml and manifest, and the answers read back from it.
#pragma once

#include "journey/AgreementAnswers.hpp"
#include "odf/OdfPackage.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace partnering::fill {

// The document property (File > Properties > Custom Properties) that carries the answers in
// a draft; LibreOffice keeps it when the user edits and saves, so the journey can resume.
inline constexpr std::string_view kAnswersProperty = "partnering-answers";
// The property that says which template, language, conditions and repeats made the draft
// (DraftLayout), so that a refresh in place can tell whether the new answers keep that layout.
inline constexpr std::string_view kLayoutProperty = "partnering-layout";
// Every filled value sits in a bookmark named "partnering-<n>-<field>", n counting the
// fields in document order from 1: a refresh finds the values there, whatever the user wrote
// around them.
inline constexpr std::string_view kBookmarkPrefix = "partnering-";
// The frame (draw:name) a template draws the stakeholder map in (templates/README.md); the
// draft keeps it, so that a refresh redraws the map in the same frame.
inline constexpr std::string_view kMapFrameName = "stakeholder-map";
// The map's picture in the draft.
inline constexpr std::string_view kMapPicture = "Pictures/stakeholder-map.svg";

// The kLayoutProperty value: which template in which language made the draft, and which
// conditions and repeats it took. A draft can be refreshed in place only when all of them stay
// the same.
struct DraftLayout {
    std::string templateName; // the template's file name without extension: "agreement"
    std::string language;     // the answers' language
    std::string shape;        // "1" or "0" per condition, "<items>," per repeat, in document order

    std::string toJson() const; // {"language":…,"shape":…,"template":…}
    // nullopt for text that is no layout (not a JSON object with a "shape"); a member that is
    // missing or not a string reads as "".
    static std::optional<DraftLayout> parse(std::string_view json);
    bool operator==(const DraftLayout&) const = default;
};

// What every draft made from one template holds besides its content: the template's meta.xml
// with the answers and layout properties put in, the template's other entries copied byte for
// byte, and a manifest listing them all. Built once per template, so a fill only writes bytes.
class DraftPackage {
public:
    // `drawsMap`: the template draws the stakeholder map, so the draft holds its picture.
    // Properties a previous fill left in the template's meta.xml are dropped, and so are its
    // thumbnail and an old map picture. Throws InvalidInput "[partnering.fill.bad-meta]" (a
    // meta.xml that is no ODF meta document), "[partnering.fill.encrypted]", and the XML errors.
    DraftPackage(odf::OdfPackage templatePackage, bool drawsMap);

    const odf::OdfPackage& templatePackage() const noexcept { return template_; }
    // The draft's meta.xml: the template's, holding `answersJson` and `layoutJson`.
    std::string meta(std::string_view answersJson, std::string_view layoutJson) const;
    const std::string& manifest() const noexcept { return manifest_; }
    const std::vector<std::string>& copiedEntries() const noexcept { return copied_; }

    // Writes the draft to `out` in one rename (odf::PackageWriter): `content` is its
    // content.xml; `mapSvg` the map's picture, used when the template draws the map.
    void write(const std::filesystem::path& out, std::string content, const journey::AgreementAnswers& answers,
               const DraftLayout& layout, std::string mapSvg) const;

private:
    odf::OdfPackage template_;
    bool drawsMap_;
    std::string metaBefore_, metaBetween_, metaAfter_; // meta.xml around the two properties' values
    std::vector<std::string> copied_;
    std::string manifest_;
};

// The answers stored in a draft a fill wrote, if it holds any. Throws what
// AgreementAnswers::parse() throws for a property that holds no valid answers.
std::optional<journey::AgreementAnswers> storedAnswers(const odf::OdfPackage& document);

} // namespace partnering::fill
