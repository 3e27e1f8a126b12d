#include "fill/StakeholderMap.hpp"

#include "xml/XmlDocument.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

namespace partnering::fill {

namespace {

// One colour per sector, distinguishable in print and for colour-blind readers (Okabe-Ito).
const std::pair<const char*, const char*> kSectorColours[] = {
    {"civil-society", "#E69F00"}, {"academia", "#56B4E9"}, {"business", "#009E73"}, {"united-nations", "#0072B2"},
    {"government", "#D55E00"},    {"donor", "#CC79A7"},    {"foundation", "#F0E442"}};

std::string colourOf(const std::string& sector)
{
    for (const auto& [name, colour] : kSectorColours) {
        if (sector == name)
            return colour;
    }
    return "#777777";
}

std::string num(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

std::string text(double x, double y, const std::string& content, const char* anchor, int size, const char* extra = "")
{
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + std::to_string(size)
         + "\"" + extra + ">" + xml::escape(content) + "</text>\n";
}

} // namespace

std::string stakeholderMapSvg(const nlohmann::json& stakeholders, const MapCaptions& captions, double widthCm,
                              double heightCm)
{
    const double width = 1000;
    const double height = std::max(400.0, width * heightCm / std::max(widthCm, 1.0));
    const double left = 90, right = width - 30, top = 30, bottom = height - 130;
    const auto xOf = [&](double interest) { return left + (interest - 0.5) / 5.0 * (right - left); };
    const auto yOf = [&](double influence) { return bottom - (influence - 0.5) / 5.0 * (bottom - top); };
    const double midX = (left + right) / 2, midY = (top + bottom) / 2;

    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
                    + num(widthCm) + "cm\" height=\"" + num(heightCm) + "cm\" viewBox=\"0 0 " + num(width) + " " + num(height)
                    + "\" font-family=\"DejaVu Sans, Noto Sans, Noto Sans Arabic, Noto Sans Khmer, Noto Sans CJK SC, sans-serif\">\n";
    svg += "<rect x=\"" + num(left) + "\" y=\"" + num(top) + "\" width=\"" + num(right - left) + "\" height=\"" + num(bottom - top)
         + "\" fill=\"#FAFAFA\" stroke=\"#333333\" stroke-width=\"2\"/>\n";
    svg += "<rect x=\"" + num(midX) + "\" y=\"" + num(top) + "\" width=\"" + num(right - midX) + "\" height=\"" + num(midY - top)
         + "\" fill=\"#EEF3FA\"/>\n";
    svg += "<line x1=\"" + num(midX) + "\" y1=\"" + num(top) + "\" x2=\"" + num(midX) + "\" y2=\"" + num(bottom)
         + "\" stroke=\"#999999\" stroke-dasharray=\"8,6\"/>\n";
    svg += "<line x1=\"" + num(left) + "\" y1=\"" + num(midY) + "\" x2=\"" + num(right) + "\" y2=\"" + num(midY)
         + "\" stroke=\"#999999\" stroke-dasharray=\"8,6\"/>\n";
    const char* quiet = " fill=\"#888888\"";
    svg += text((left + midX) / 2, top + 30, captions.keepSatisfied, "middle", 22, quiet);
    svg += text((midX + right) / 2, top + 30, captions.manageClosely, "middle", 22, quiet);
    svg += text((left + midX) / 2, bottom - 14, captions.monitor, "middle", 22, quiet);
    svg += text((midX + right) / 2, bottom - 14, captions.keepInformed, "middle", 22, quiet);
    svg += text((left + right) / 2, bottom + 40, captions.interest + " →", "middle", 24);
    svg += "<text x=\"40\" y=\"" + num(midY) + "\" text-anchor=\"middle\" font-size=\"24\" transform=\"rotate(-90 40 "
         + num(midY) + ")\">" + xml::escape(captions.influence) + " →</text>\n";

    // Stakeholders on the same cell are spread around it so none hides another.
    std::map<std::pair<int, int>, int> placed;
    std::vector<std::string> sectorsShown;
    for (const auto& stakeholder : stakeholders) {
        if (!stakeholder.is_object() || !stakeholder.contains("interest") || !stakeholder.contains("influence"))
            continue;
        const int interest = stakeholder["interest"].get<int>();
        const int influence = stakeholder["influence"].get<int>();
        const int n = placed[{interest, influence}]++;
        const double angle = n * 2.399963; // golden angle
        const double radius = n == 0 ? 0 : 14.0 * std::sqrt(n);
        const double x = xOf(interest) + radius * std::cos(angle);
        const double y = yOf(influence) + radius * std::sin(angle);
        const std::string sector = stakeholder.value("sector", "");
        if (!sector.empty() && std::find(sectorsShown.begin(), sectorsShown.end(), sector) == sectorsShown.end())
            sectorsShown.push_back(sector);
        svg += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"11\" fill=\"" + colourOf(sector)
             + "\" stroke=\"#222222\" stroke-width=\"1.5\"/>\n";
        const bool labelLeft = x > right - 180;
        svg += text(labelLeft ? x - 16 : x + 16, y + 7, stakeholder.value("name", ""), labelLeft ? "end" : "start", 18);
    }
    double legendX = left;
    double legendY = bottom + 78;
    for (const auto& sector : sectorsShown) {
        const auto caption = captions.sectors.find(sector);
        const std::string label = caption != captions.sectors.end() ? caption->second : sector;
        const double legendWidth = 40 + 10.5 * static_cast<double>(std::min<std::size_t>(label.size(), 24));
        if (legendX + legendWidth > right && legendX > left) {
            legendX = left;
            legendY += 32;
        }
        svg += "<circle cx=\"" + num(legendX + 10) + "\" cy=\"" + num(legendY - 7) + "\" r=\"9\" fill=\"" + colourOf(sector)
             + "\" stroke=\"#222222\"/>\n";
        svg += text(legendX + 26, legendY, label, "start", 18);
        legendX += legendWidth;
    }
    svg += "</svg>\n";
    return svg;
}

} // namespace partnering::fill
