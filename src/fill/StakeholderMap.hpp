// The stakeholder map of step 1, one picture for the journey wizard and the agreement's annex:
// stakeholders as numbered dots by interest (across) and influence (up), and where a point falls.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace partnering::l10n {
class Translator;
}

namespace partnering::fill {

// Every caption on the map, in the agreement's language.
struct MapCaptions {
    std::string interest = "Interest";
    std::string influence = "Influence";
    std::string keepSatisfied = "Keep satisfied"; // high influence, low interest
    std::string manageClosely = "Manage closely"; // high influence, high interest
    std::string monitor = "Monitor";              // low influence, low interest
    std::string keepInformed = "Keep informed";   // low influence, high interest
    std::map<std::string, std::string> sectors;   // "civil-society" -> "Civil society"
};

// The captions in the language of `translator` (the journey's catalogue), for the map in an
// agreement; `sectors` are the sector choices' labels in that language.
MapCaptions mapCaptions(const l10n::Translator& translator, std::map<std::string, std::string> sectors);

// The map as an SVG picture of `widthCm` x `heightCm`. `stakeholders` is the answers'
// partnership.stakeholders array; items without an interest or influence are left off. Each
// dot carries the stakeholder's number, its position in the array counted from 1, and is
// coloured by sector; stakeholders with the same interest and influence share their cell side
// by side (smaller dots when a cell is crowded, never one over another). Below the plot, the
// sectors' colours and the key "1. Name", long names wrapped, never cut. `highlighted` (an
// index into the array) gets a ring around its dot and its key entry in bold.
std::string stakeholderMapSvg(const nlohmann::json& stakeholders, const MapCaptions& captions, double widthCm,
                              double heightCm, std::optional<std::size_t> highlighted = std::nullopt);

// The stakeholder (index into `stakeholders`) whose dot is at (`xCm`, `yCm`) of the picture
// stakeholderMapSvg() draws at `widthCm` x `heightCm`, measured from its top left corner; the
// nearest dot when the point is on or just beside several; nullopt when no dot is there. Any
// one unit does for all four lengths (the wizard may give pixels). The captions' texts do not
// move the dots, which is why they are not asked for.
std::optional<std::size_t> stakeholderAt(const nlohmann::json& stakeholders, double widthCm, double heightCm, double xCm,
                                         double yCm);

} // namespace partnering::fill
