// The stakeholder map of step 1 as an SVG picture for the agreement's annex: stakeholders
// plotted by interest (across) and influence (up), coloured by sector.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>

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

// `stakeholders` is the answers' partnership.stakeholders array (items without interest or
// influence are left off the map). The picture is `widthCm` x `heightCm`.
std::string stakeholderMapSvg(const nlohmann::json& stakeholders, const MapCaptions& captions, double widthCm,
                              double heightCm);

} // namespace partnering::fill
