#include "fill/StakeholderMap.hpp"

#include "fill/TextLines.hpp"
#include "l10n/Catalogs.hpp"
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

// The view box is kWidth wide; its height follows from the frame and from what goes below the plot.
constexpr double kWidth = 1000, kLeft = 90, kRight = 970, kTop = 50;
constexpr double kMinPlotHeight = 360;
constexpr int kLevels = 5;                  // interest and influence go from 1 to 5
constexpr double kLowLevels = 2;            // levels 1 and 2 are low, 3 to 5 high
constexpr double kMaxRadius = 14;           // a dot's radius when its cell has room
constexpr double kCellMargin = 8;           // dots keep this far from their cell's edges
constexpr double kHitSlack = 4;             // a click this close beside a dot still hits it
constexpr double kBelowPlot = 100;          // quadrant captions and the interest axis
constexpr int kLegendColumns = 3;
constexpr double kLegendRow = 32;
constexpr double kKeyFont = 18, kKeyLine = 24, kKeyGap = 4;
constexpr double kKeyColumnWidth = (kRight - kLeft) / 2 - 20;

struct Dot {
    std::size_t index; // in the stakeholders array; the number shown is index + 1
    double x, y;
    std::string sector;
};

struct KeyEntry {
    std::size_t index;
    double x, y; // the first line's baseline
    double nameX;
    std::vector<std::string> lines; // the name, wrapped
};

// Everything's place, in view box units, computed once for the SVG and the hit test alike.
struct Layout {
    double height = 0; // of the view box
    double plotBottom = 0;
    double radius = kMaxRadius;
    std::vector<Dot> dots;
    std::vector<std::string> sectors; // in the legend, in order of first appearance
    double legendTop = 0;
    std::vector<KeyEntry> key;
    // Where the view box sits in the frame (SVG's default xMidYMid meet):
    // frame = offset + view box * scale.
    double scale = 1, offsetX = 0, offsetY = 0;
};

int levelOf(const nlohmann::json& stakeholder, const char* key)
{
    const auto found = stakeholder.find(key);
    if (found == stakeholder.end() || !found->is_number_integer())
        return 0;
    const auto level = found->get<long long>();
    return level >= 1 && level <= kLevels ? static_cast<int>(level) : 0;
}

std::string nameOf(const nlohmann::json& stakeholder)
{
    const auto found = stakeholder.find("name");
    return found != stakeholder.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::string keyNumber(std::size_t index)
{
    return std::to_string(index + 1) + ". ";
}

// Where `count` dots go in a cell: the grid of columns and rows that gives them the most room.
double bestSpacing(std::size_t count, double width, double height, std::size_t& columns)
{
    double best = 0;
    for (std::size_t c = 1; c <= count; ++c) {
        const std::size_t rows = (count + c - 1) / c;
        const double spacing = std::min(width / static_cast<double>(c), height / static_cast<double>(rows));
        if (spacing > best) {
            best = spacing;
            columns = c;
        }
    }
    return std::min(best, 2 * kMaxRadius + 4);
}

Layout layoutOf(const nlohmann::json& stakeholders, double widthCm, double heightCm)
{
    Layout layout;
    struct Placed {
        std::size_t index;
        int interest, influence;
        std::string sector;
    };
    std::vector<Placed> placed;
    if (stakeholders.is_array()) {
        for (std::size_t i = 0; i < stakeholders.size(); ++i) {
            const auto& stakeholder = stakeholders[i];
            if (!stakeholder.is_object())
                continue;
            const int interest = levelOf(stakeholder, "interest"), influence = levelOf(stakeholder, "influence");
            if (interest == 0 || influence == 0)
                continue;
            const auto sector = stakeholder.find("sector");
            placed.push_back({i, interest, influence, sector != stakeholder.end() && sector->is_string() ? sector->get<std::string>() : ""});
            if (!placed.back().sector.empty()
                && std::find(layout.sectors.begin(), layout.sectors.end(), placed.back().sector) == layout.sectors.end())
                layout.sectors.push_back(placed.back().sector);
        }
    }

    // Below the plot, from its bottom edge: captions, then the sectors' legend, then the key
    // in two columns (the first half on the left), each name wrapped to its column.
    const double legendRows = std::ceil(static_cast<double>(layout.sectors.size()) / kLegendColumns);
    const double keyTop = kBelowPlot + legendRows * kLegendRow + 10;
    const std::size_t leftCount = (placed.size() + 1) / 2;
    double columnHeight[2] = {0, 0};
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const int column = i < leftCount ? 0 : 1;
        KeyEntry entry{placed[i].index, kLeft + column * (kKeyColumnWidth + 40), keyTop + columnHeight[column] + kKeyFont, 0, {}};
        const double numberWidth = estimatedWidth(keyNumber(entry.index), kKeyFont);
        entry.nameX = entry.x + numberWidth;
        entry.lines = wrappedLines(nameOf(stakeholders[entry.index]), kKeyColumnWidth - numberWidth, kKeyFont);
        const double lines = static_cast<double>(std::max<std::size_t>(entry.lines.size(), 1));
        columnHeight[column] += lines * kKeyLine + kKeyGap;
        layout.key.push_back(std::move(entry));
    }
    const double below = keyTop + std::max(columnHeight[0], columnHeight[1]) + 10;

    // The plot takes what the frame's proportions leave it, so that a roomy frame is filled.
    const double ratio = widthCm > 0 && heightCm > 0 ? heightCm / widthCm : 0.5;
    const double plotHeight = std::max(kMinPlotHeight, kWidth * ratio - kTop - below);
    layout.plotBottom = kTop + plotHeight;
    layout.legendTop = layout.plotBottom + kBelowPlot;
    for (auto& entry : layout.key)
        entry.y += layout.plotBottom;
    layout.height = layout.plotBottom + below;

    // Dots sharing a cell sit side by side in a small grid centred on it; a crowded cell makes
    // every dot smaller (one size for all reads best) rather than let them overlap.
    const double cellWidth = (kRight - kLeft) / kLevels, cellHeight = plotHeight / kLevels;
    std::map<std::pair<int, int>, std::vector<const Placed*>> cells;
    for (const auto& p : placed)
        cells[{p.interest, p.influence}].push_back(&p);
    std::map<std::pair<int, int>, std::pair<double, std::size_t>> grids; // spacing, columns
    for (const auto& [cell, members] : cells) {
        std::size_t columns = 1;
        const double spacing = bestSpacing(members.size(), cellWidth - 2 * kCellMargin, cellHeight - 2 * kCellMargin, columns);
        grids[cell] = {spacing, columns};
        layout.radius = std::min(layout.radius, spacing * 0.45);
    }
    for (const auto& p : placed) {
        const auto& members = cells[{p.interest, p.influence}];
        const auto [spacing, columns] = grids[{p.interest, p.influence}];
        const std::size_t n = static_cast<std::size_t>(std::find(members.begin(), members.end(), &p) - members.begin());
        const std::size_t rows = (members.size() + columns - 1) / columns, row = n / columns;
        const std::size_t inRow = std::min(columns, members.size() - row * columns);
        const double centreX = kLeft + (p.interest - 0.5) * cellWidth;
        const double centreY = layout.plotBottom - (p.influence - 0.5) * cellHeight;
        layout.dots.push_back({p.index, centreX + (static_cast<double>(n % columns) - (static_cast<double>(inRow) - 1) / 2) * spacing,
                               centreY + (static_cast<double>(row) - (static_cast<double>(rows) - 1) / 2) * spacing, p.sector});
    }

    if (widthCm > 0 && heightCm > 0) {
        layout.scale = std::min(widthCm / kWidth, heightCm / layout.height);
        layout.offsetX = (widthCm - kWidth * layout.scale) / 2;
        layout.offsetY = (heightCm - layout.height * layout.scale) / 2;
    }
    return layout;
}

std::string num(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

// The font size at which `content` fits `maxWidth`, `size` at most: captions come in every
// language, and a long translation must neither overflow nor move anything.
double fitted(const std::string& content, double maxWidth, double size)
{
    const double width = estimatedWidth(content, size);
    return width > maxWidth ? std::max(8.0, size * maxWidth / width) : size;
}

std::string text(double x, double y, const std::string& content, const char* anchor, double size, const char* extra = "")
{
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + num(size) + "\""
         + extra + ">" + xml::escape(content) + "</text>\n";
}

std::string circle(double x, double y, double r, const std::string& style)
{
    return "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" + num(r) + "\" " + style + "/>\n";
}

} // namespace

MapCaptions mapCaptions(const l10n::Translator& translator, std::map<std::string, std::string> sectors)
{
    MapCaptions captions;
    // Literals, not the defaults of MapCaptions: xgettext finds them here for fill.pot.
    // TRANSLATORS: axis of the stakeholder map in the agreement's annex (how interested a stakeholder is).
    captions.interest = translator.translate("Interest");
    // TRANSLATORS: axis of the stakeholder map in the agreement's annex (how much a stakeholder can sway it).
    captions.influence = translator.translate("Influence");
    // TRANSLATORS: quadrant of the stakeholder map: high influence, low interest.
    captions.keepSatisfied = translator.translate("Keep satisfied");
    // TRANSLATORS: quadrant of the stakeholder map: high influence, high interest.
    captions.manageClosely = translator.translate("Manage closely");
    // TRANSLATORS: quadrant of the stakeholder map: low influence, low interest.
    captions.monitor = translator.translate("Monitor");
    // TRANSLATORS: quadrant of the stakeholder map: low influence, high interest.
    captions.keepInformed = translator.translate("Keep informed");
    captions.sectors = std::move(sectors);
    return captions;
}

std::string stakeholderMapSvg(const nlohmann::json& stakeholders, const MapCaptions& captions, double widthCm,
                              double heightCm, std::optional<std::size_t> highlighted)
{
    const Layout layout = layoutOf(stakeholders, widthCm, heightCm);
    const double top = kTop, bottom = layout.plotBottom;
    // A level of 3 or more is high (as JourneyForm's grid says): the quadrants part between
    // levels 2 and 3, so that no dot sits on their border.
    const double midX = kLeft + (kLowLevels / kLevels) * (kRight - kLeft);
    const double midY = bottom - (kLowLevels / kLevels) * (bottom - top);

    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
                    + num(widthCm) + "cm\" height=\"" + num(heightCm) + "cm\" viewBox=\"0 0 " + num(kWidth) + " "
                    + num(layout.height)
                    + "\" font-family=\"DejaVu Sans, Noto Sans, Noto Sans Arabic, Noto Sans Khmer, Noto Sans CJK SC, sans-serif\">\n";
    svg += "<rect x=\"" + num(kLeft) + "\" y=\"" + num(top) + "\" width=\"" + num(kRight - kLeft) + "\" height=\""
         + num(bottom - top) + "\" fill=\"#FAFAFA\" stroke=\"#333333\" stroke-width=\"2\"/>\n";
    svg += "<rect x=\"" + num(midX) + "\" y=\"" + num(top) + "\" width=\"" + num(kRight - midX) + "\" height=\""
         + num(midY - top) + "\" fill=\"#EEF3FA\"/>\n";
    svg += "<line x1=\"" + num(midX) + "\" y1=\"" + num(top) + "\" x2=\"" + num(midX) + "\" y2=\"" + num(bottom)
         + "\" stroke=\"#999999\" stroke-dasharray=\"8,6\"/>\n";
    svg += "<line x1=\"" + num(kLeft) + "\" y1=\"" + num(midY) + "\" x2=\"" + num(kRight) + "\" y2=\"" + num(midY)
         + "\" stroke=\"#999999\" stroke-dasharray=\"8,6\"/>\n";

    // The quadrants' captions sit outside the plot, above and below it, where no dot can be.
    const char* quiet = " fill=\"#666666\"";
    const auto quadrant = [&](double x, double y, const std::string& caption) {
        const double room = x < midX ? midX - kLeft : kRight - midX;
        svg += text(x, y, caption, "middle", fitted(caption, room - 20, 22), quiet);
    };
    quadrant((kLeft + midX) / 2, top - 14, captions.keepSatisfied);
    quadrant((midX + kRight) / 2, top - 14, captions.manageClosely);
    quadrant((kLeft + midX) / 2, bottom + 28, captions.monitor);
    quadrant((midX + kRight) / 2, bottom + 28, captions.keepInformed);
    const std::string interest = captions.interest + " →", influence = captions.influence + " →";
    const double centreY = (top + bottom) / 2;
    svg += text((kLeft + kRight) / 2, bottom + 64, interest, "middle", fitted(interest, kRight - kLeft, 24));
    svg += "<text x=\"40\" y=\"" + num(centreY) + "\" text-anchor=\"middle\" font-size=\""
         + num(fitted(influence, bottom - top, 24)) + "\" transform=\"rotate(-90 40 " + num(centreY) + ")\">"
         + xml::escape(influence) + "</text>\n";

    for (const auto& dot : layout.dots) {
        const std::string number = std::to_string(dot.index + 1);
        svg += circle(dot.x, dot.y, layout.radius,
                      "class=\"stakeholder\" fill=\"" + colourOf(dot.sector) + "\" stroke=\"#222222\" stroke-width=\"1.5\"");
        // The number inside its dot, as large as the dot lets it be.
        const double size = std::min(layout.radius * 1.15, 1.7 * layout.radius / (0.6 * static_cast<double>(number.size())));
        svg += text(dot.x, dot.y + size * 0.36, number, "middle", size, " font-weight=\"bold\"");
    }
    // The ring goes over the dots, so that neighbours in a crowded cell do not hide it.
    for (const auto& dot : layout.dots) {
        if (highlighted == dot.index)
            svg += circle(dot.x, dot.y, layout.radius + std::max(3.0, layout.radius * 0.35),
                          "class=\"highlight\" fill=\"none\" stroke=\"#000000\" stroke-width=\"3\"");
    }

    const double legendColumn = (kRight - kLeft) / kLegendColumns;
    for (std::size_t i = 0; i < layout.sectors.size(); ++i) {
        const auto caption = captions.sectors.find(layout.sectors[i]);
        const std::string label = caption != captions.sectors.end() ? caption->second : layout.sectors[i];
        const double x = kLeft + static_cast<double>(i % kLegendColumns) * legendColumn;
        const double y = layout.legendTop + static_cast<double>(i / kLegendColumns) * kLegendRow;
        svg += circle(x + 10, y - 7, 9, "fill=\"" + colourOf(layout.sectors[i]) + "\" stroke=\"#222222\"");
        svg += text(x + 26, y, label, "start", fitted(label, legendColumn - 36, 18));
    }

    for (const auto& entry : layout.key) {
        const char* weight = highlighted == entry.index ? " font-weight=\"bold\"" : "";
        svg += text(entry.x, entry.y, keyNumber(entry.index), "start", kKeyFont, weight);
        for (std::size_t line = 0; line < entry.lines.size(); ++line)
            svg += text(entry.nameX, entry.y + static_cast<double>(line) * kKeyLine, entry.lines[line], "start", kKeyFont, weight);
    }
    svg += "</svg>\n";
    return svg;
}

std::optional<std::size_t> stakeholderAt(const nlohmann::json& stakeholders, double widthCm, double heightCm, double xCm,
                                         double yCm)
{
    if (!(widthCm > 0 && heightCm > 0))
        return std::nullopt;
    const Layout layout = layoutOf(stakeholders, widthCm, heightCm);
    const double x = (xCm - layout.offsetX) / layout.scale, y = (yCm - layout.offsetY) / layout.scale;
    std::optional<std::size_t> nearest;
    double nearestDistance = layout.radius + kHitSlack;
    for (const auto& dot : layout.dots) {
        const double distance = std::hypot(dot.x - x, dot.y - y);
        if (distance <= nearestDistance) {
            nearest = dot.index;
            nearestDistance = distance;
        }
    }
    return nearest;
}

} // namespace partnering::fill
