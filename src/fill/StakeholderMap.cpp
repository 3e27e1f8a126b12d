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

// At most `limit` characters (not bytes: names are in any script), with an ellipsis when cut.
std::string shortened(const std::string& name, std::size_t limit)
{
    std::size_t characters = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if ((static_cast<unsigned char>(name[i]) & 0xC0) == 0x80)
            continue;
        if (++characters > limit)
            return name.substr(0, i) + "…";
    }
    return name;
}

} // namespace

std::string stakeholderMapSvg(const nlohmann::json& stakeholders, const MapCaptions& captions, double widthCm,
                              double heightCm)
{
    struct Placed {
        int number;
        std::string name, sector;
        int interest, influence;
    };
    std::vector<Placed> placed;
    std::vector<std::string> sectorsShown;
    for (const auto& stakeholder : stakeholders) {
        if (!stakeholder.is_object() || !stakeholder.contains("interest") || !stakeholder.contains("influence"))
            continue;
        const std::string sector = stakeholder.value("sector", "");
        if (!sector.empty() && std::find(sectorsShown.begin(), sectorsShown.end(), sector) == sectorsShown.end())
            sectorsShown.push_back(sector);
        placed.push_back({static_cast<int>(placed.size()) + 1, stakeholder.value("name", ""), sector,
                          stakeholder["interest"].get<int>(), stakeholder["influence"].get<int>()});
    }

    // The plot keeps the frame's proportions; the key (numbers to names, in two columns) and
    // the sector legend go below it, so names never overlap however many share a cell.
    const double width = 1000;
    const double plotHeight = std::max(360.0, width * heightCm / std::max(widthCm, 1.0) - 120);
    const double left = 90, right = width - 30, top = 20, bottom = top + plotHeight;
    const auto rows = static_cast<double>((placed.size() + 1) / 2);
    const double legendTop = bottom + 70;
    const double keyTop = legendTop + 32 * std::ceil(static_cast<double>(sectorsShown.size()) / 4.0) + 10;
    const double height = keyTop + 26 * rows + 10;
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

    // Stakeholders on the same cell sit side by side in rows of four.
    std::map<std::pair<int, int>, int> inCell;
    for (const auto& p : placed) {
        const int n = inCell[{p.interest, p.influence}]++;
        const double x = xOf(p.interest) + (n % 4 - 1.5) * 30;
        const double y = yOf(p.influence) + (n / 4) * 30 - 10;
        svg += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"14\" fill=\"" + colourOf(p.sector)
             + "\" stroke=\"#222222\" stroke-width=\"1.5\"/>\n";
        svg += text(x, y + 6, std::to_string(p.number), "middle", 16, " font-weight=\"bold\"");
    }
    double legendX = left;
    double legendY = legendTop;
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
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const double x = i < (placed.size() + 1) / 2 ? left : midX + 10;
        const double y = keyTop + 26 * static_cast<double>(i % ((placed.size() + 1) / 2)) + 18;
        svg += text(x, y, std::to_string(placed[i].number) + ". " + shortened(placed[i].name, 40), "start", 18);
    }
    svg += "</svg>\n";
    return svg;
}

} // namespace partnering::fill
