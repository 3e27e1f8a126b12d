#include "fill/StakeholderMap.hpp"

#include "fill/TextLines.hpp"
#include "xml/XmlDocument.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

using partnering::fill::MapCaptions;
using partnering::fill::stakeholderAt;
using partnering::fill::stakeholderMapSvg;
using nlohmann::json;

namespace {

json smallStakeholders()
{
    std::ifstream in(std::string(PARTNERING_SOURCE_DIR) + "/examples/small.json");
    return json::parse(in)["partnership"]["stakeholders"];
}

json stakeholder(const std::string& name, int interest, int influence, const std::string& sector = "government")
{
    return {{"name", name}, {"sector", sector}, {"interest", interest}, {"influence", influence}};
}

struct Circle {
    double x, y, r;
    std::string kind; // its class: "stakeholder", "highlight" or "" (the sectors' legend)
};

struct Text {
    double x, y;
    std::string content, weight;
};

// What a renderer reads in the picture: its circles and texts, and where its view box sits
// in the frame (SVG's default preserveAspectRatio, xMidYMid meet).
struct Picture {
    std::vector<Circle> circles;
    std::vector<Text> texts;
    double scale = 0, offsetX = 0, offsetY = 0;

    std::vector<Circle> dots() const
    {
        std::vector<Circle> found;
        std::copy_if(circles.begin(), circles.end(), std::back_inserter(found),
                     [](const Circle& c) { return c.kind == "stakeholder"; });
        return found;
    }
    // The frame's coordinates of a point of the view box.
    double frameX(double x) const { return offsetX + x * scale; }
    double frameY(double y) const { return offsetY + y * scale; }
};

Picture read(const std::string& svg, double widthCm, double heightCm)
{
    const auto document = partnering::xml::parse(svg, "map.svg"); // throws unless well-formed
    Picture picture;
    const xmlNode* root = xmlDocGetRootElement(document.get());
    EXPECT_TRUE(partnering::xml::isElement(root, "http://www.w3.org/2000/svg", "svg"));
    std::istringstream viewBox(partnering::xml::attribute(root, "viewBox"));
    double x0 = 0, y0 = 0, width = 0, height = 0;
    viewBox >> x0 >> y0 >> width >> height;
    picture.scale = std::min(widthCm / width, heightCm / height);
    picture.offsetX = (widthCm - width * picture.scale) / 2;
    picture.offsetY = (heightCm - height * picture.scale) / 2;
    const auto number = [](const xmlNode* node, const char* name) { return std::stod(partnering::xml::attribute(node, name)); };
    for (const xmlNode* node = root->children; node != nullptr; node = node->next) {
        if (partnering::xml::isElement(node, "http://www.w3.org/2000/svg", "circle"))
            picture.circles.push_back({number(node, "cx"), number(node, "cy"), number(node, "r"),
                                       partnering::xml::attribute(node, "class")});
        else if (partnering::xml::isElement(node, "http://www.w3.org/2000/svg", "text"))
            picture.texts.push_back({number(node, "x"), number(node, "y"), partnering::xml::textOf(node),
                                     partnering::xml::attribute(node, "font-weight")});
    }
    return picture;
}

// The numbers written inside the dots, in the order of the dots.
std::vector<std::string> numbersInDots(const Picture& picture)
{
    std::vector<std::string> numbers;
    for (const auto& dot : picture.dots()) {
        for (const auto& text : picture.texts) {
            if (std::fabs(text.x - dot.x) < 0.05 && std::fabs(text.y - dot.y) < dot.r)
                numbers.push_back(text.content);
        }
    }
    return numbers;
}

TEST(StakeholderMap, OneNumberedDotPerPlacedStakeholderNumberedByItsPlaceInTheList)
{
    const auto picture = read(stakeholderMapSvg(smallStakeholders(), MapCaptions(), 16, 12), 16, 12);
    EXPECT_EQ(numbersInDots(picture), (std::vector<std::string>{"1", "2", "3", "4"}));

    // Without an interest or an influence there is no dot, and the others keep their numbers.
    json stakeholders = json::array({stakeholder("Ministry", 5, 5), {{"name", "Not yet placed"}, {"interest", 3}},
                                     stakeholder("Villages", 4, 2, "civil-society")});
    const auto partly = read(stakeholderMapSvg(stakeholders, MapCaptions(), 16, 12), 16, 12);
    EXPECT_EQ(numbersInDots(partly), (std::vector<std::string>{"1", "3"}));
    const auto key = [&](const std::string& content) {
        return std::any_of(partly.texts.begin(), partly.texts.end(), [&](const Text& t) { return t.content == content; });
    };
    EXPECT_TRUE(key("3. ") && key("Villages"));
    EXPECT_FALSE(key("Not yet placed"));
}

TEST(StakeholderMap, TheHitTestFindsEachDotsCentreAndNothingInAnEmptyCorner)
{
    const auto stakeholders = smallStakeholders();
    for (const auto& [width, height] : {std::pair{16.0, 12.0}, {17.0, 6.0}, {8.0, 20.0}}) {
        const auto picture = read(stakeholderMapSvg(stakeholders, MapCaptions(), width, height), width, height);
        const auto dots = picture.dots();
        ASSERT_EQ(dots.size(), 4u);
        for (std::size_t i = 0; i < dots.size(); ++i) {
            const auto found = stakeholderAt(stakeholders, width, height, picture.frameX(dots[i].x), picture.frameY(dots[i].y));
            EXPECT_EQ(found, std::optional<std::size_t>(i)) << width << "x" << height << " dot " << i;
            // Just inside its edge still hits it.
            const double edge = picture.frameX(dots[i].x + dots[i].r * 0.9);
            EXPECT_EQ(stakeholderAt(stakeholders, width, height, edge, picture.frameY(dots[i].y)), std::optional<std::size_t>(i));
        }
        EXPECT_EQ(stakeholderAt(stakeholders, width, height, 0.05, 0.05), std::nullopt);
        EXPECT_EQ(stakeholderAt(stakeholders, width, height, width - 0.05, height - 0.05), std::nullopt);
        // Interest 1, influence 1: nobody there.
        EXPECT_EQ(stakeholderAt(stakeholders, width, height, picture.frameX(90 + 91), picture.frameY(dots[0].y + 300)),
                  std::nullopt);
    }
    // Any unit will do: pixels of the same frame find the same stakeholders.
    const auto picture = read(stakeholderMapSvg(stakeholders, MapCaptions(), 16, 12), 16, 12);
    const auto dot = picture.dots()[2];
    EXPECT_EQ(stakeholderAt(stakeholders, 640, 480, picture.frameX(dot.x) * 40, picture.frameY(dot.y) * 40),
              std::optional<std::size_t>(2));
    EXPECT_EQ(stakeholderAt(json::array(), 16, 12, 8, 6), std::nullopt);
    EXPECT_EQ(stakeholderAt(stakeholders, 0, 12, 8, 6), std::nullopt);
}

TEST(StakeholderMap, StakeholdersInTheSameCellDoNotHideEachOther)
{
    for (const int count : {2, 5, 12, 60}) {
        json stakeholders = json::array();
        for (int i = 0; i < count; ++i)
            stakeholders.push_back(stakeholder("Commune council " + std::to_string(i + 1), 4, 2));
        stakeholders.push_back(stakeholder("Neighbour below", 4, 1));
        const auto picture = read(stakeholderMapSvg(stakeholders, MapCaptions(), 16, 12), 16, 12);
        const auto dots = picture.dots();
        ASSERT_EQ(dots.size(), static_cast<std::size_t>(count) + 1);
        for (std::size_t i = 0; i < dots.size(); ++i) {
            for (std::size_t j = i + 1; j < dots.size(); ++j)
                EXPECT_GE(std::hypot(dots[i].x - dots[j].x, dots[i].y - dots[j].y), dots[i].r + dots[j].r)
                    << count << " stakeholders: dots " << i + 1 << " and " << j + 1 << " overlap";
            EXPECT_EQ(stakeholderAt(stakeholders, 16, 12, picture.frameX(dots[i].x), picture.frameY(dots[i].y)),
                      std::optional<std::size_t>(i));
        }
    }
}

TEST(StakeholderMap, AHighlightedStakeholderHasARingAndABoldKeyEntry)
{
    const auto stakeholders = smallStakeholders();
    const auto plain = read(stakeholderMapSvg(stakeholders, MapCaptions(), 16, 12), 16, 12);
    EXPECT_EQ(std::count_if(plain.circles.begin(), plain.circles.end(), [](const Circle& c) { return c.kind == "highlight"; }), 0);

    const auto picture = read(stakeholderMapSvg(stakeholders, MapCaptions(), 16, 12, 1), 16, 12);
    std::vector<Circle> rings;
    std::copy_if(picture.circles.begin(), picture.circles.end(), std::back_inserter(rings),
                 [](const Circle& c) { return c.kind == "highlight"; });
    ASSERT_EQ(rings.size(), 1u);
    const auto dot = picture.dots()[1];
    EXPECT_DOUBLE_EQ(rings[0].x, dot.x);
    EXPECT_DOUBLE_EQ(rings[0].y, dot.y);
    EXPECT_GT(rings[0].r, dot.r);
    const auto bold = std::find_if(picture.texts.begin(), picture.texts.end(), [](const Text& t) { return t.weight == "bold" && t.content == "UNICEF Cambodia"; });
    EXPECT_NE(bold, picture.texts.end());
    // The dots stay where they were.
    EXPECT_EQ(picture.dots().size(), plain.dots().size());
    EXPECT_DOUBLE_EQ(picture.dots()[3].x, plain.dots()[3].x);
}

TEST(StakeholderMap, LongNamesAreWrappedNeverCut)
{
    const std::string longName = "Provincial Department of Social Affairs, Veterans and Youth Rehabilitation of Kampong "
                                 "Speu, with its district offices and the commune councils of the province";
    const std::string chineseName = "柬埔寨王国政府社会事务、退伍军人和青年康复部及其各省级和县级办事处与全体乡级理事会";
    json stakeholders = json::array({stakeholder(longName, 4, 4), stakeholder(chineseName, 2, 4), stakeholder("Ünïcode <&> co", 1, 1)});
    const std::string svg = stakeholderMapSvg(stakeholders, MapCaptions(), 16, 12);
    EXPECT_EQ(svg.find("…"), std::string::npos);
    EXPECT_NE(svg.find("Ünïcode &lt;&amp;&gt; co"), std::string::npos);
    const auto picture = read(svg, 16, 12);
    const auto linesOf = [&](const std::string& first) {
        std::string joined;
        std::size_t count = 0;
        const auto start = std::find_if(picture.texts.begin(), picture.texts.end(), [&](const Text& t) { return t.content.rfind(first, 0) == 0; });
        for (auto t = start; t != picture.texts.end() && t->x == start->x && (t == start || t->y > (t - 1)->y); ++t) {
            joined += (joined.empty() ? "" : " ") + t->content;
            ++count;
            EXPECT_LE(partnering::fill::estimatedWidth(t->content, 18), 420.0) << t->content;
        }
        return std::pair{joined, count};
    };
    const auto [latin, latinLines] = linesOf("Provincial");
    EXPECT_GE(latinLines, 2u);
    EXPECT_EQ(latin, longName);
    const auto [chinese, chineseLines] = linesOf("柬埔寨");
    EXPECT_GE(chineseLines, 2u);
    std::string unspaced = chinese;
    unspaced.erase(std::remove(unspaced.begin(), unspaced.end(), ' '), unspaced.end());
    EXPECT_EQ(unspaced, chineseName);
}

TEST(StakeholderMap, CaptionsAreTheAgreementsLanguage)
{
    MapCaptions french;
    french.interest = "Intérêt";
    french.influence = "Influence";
    french.keepSatisfied = "Veiller à leur satisfaction";
    french.manageClosely = "Gérer étroitement";
    french.monitor = "Surveiller";
    french.keepInformed = "Informer régulièrement";
    french.sectors = {{"government", "Gouvernement"}, {"united-nations", "Organisation des Nations Unies"}};
    const auto picture = read(stakeholderMapSvg(smallStakeholders(), french, 16, 12), 16, 12);
    std::vector<std::string> contents;
    for (const auto& text : picture.texts)
        contents.push_back(text.content);
    for (const char* caption : {"Intérêt →", "Influence →", "Veiller à leur satisfaction", "Gérer étroitement", "Surveiller",
                                "Informer régulièrement", "Gouvernement", "Organisation des Nations Unies"})
        EXPECT_NE(std::find(contents.begin(), contents.end(), caption), contents.end()) << caption;
    // The captions' lengths do not move the dots: the hit test does without them.
    const auto english = read(stakeholderMapSvg(smallStakeholders(), MapCaptions(), 16, 12), 16, 12);
    EXPECT_DOUBLE_EQ(english.dots()[0].y, picture.dots()[0].y);
}

} // namespace
