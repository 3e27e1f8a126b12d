#include "sidebar/PreviewText.hpp"

#include "UnoBoundary.hpp"

#include <com/sun/star/awt/FontSlant.hpp>
#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/text/XTextAppend.hpp>

#include <algorithm>
#include <string_view>

namespace partnering::uno {
namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using Role = lessons::PreviewParagraph::Role;

constexpr sal_Int32 kParagraphGap = 150; // 1/100 mm below each paragraph
// The library's own advice stands apart from what the source says: a gap above its heading,
// and its paragraphs indented under it.
constexpr sal_Int32 kAdviceGap = 400;    // 1/100 mm above the advice's heading
constexpr sal_Int32 kAdviceIndent = 500; // 1/100 mm

void add(std::vector<css::beans::PropertyValue>& properties, const char* name, const css::uno::Any& value)
{
    properties.emplace_back(rtl::OUString::createFromAscii(name), 0, value, css::beans::PropertyState_DIRECT_VALUE);
}

// One value for the Latin, Asian and complex scripts: the edit engine keeps them apart, and a
// Chinese or Arabic word takes the Asian or complex one.
void addForEveryScript(std::vector<css::beans::PropertyValue>& properties, const char* name, const css::uno::Any& value)
{
    const std::string base(name);
    add(properties, name, value);
    add(properties, (base + "Asian").c_str(), value);
    add(properties, (base + "Complex").c_str(), value);
}

std::vector<css::beans::PropertyValue> characterProperties(Role role, bool marked, const css::awt::FontDescriptor& font)
{
    std::vector<css::beans::PropertyValue> properties;
    // The Latin font only: the Asian and complex ones stay the engine's, which has their glyphs.
    if (!font.Name.isEmpty())
        add(properties, "CharFontName", css::uno::Any(font.Name));
    const float baseHeight = font.Height > 0 ? static_cast<float>(font.Height) : 9.0f;
    const float height = role == Role::Title ? baseHeight * 1.25f
                         : role == Role::Source || role == Role::Detail ? baseHeight * 0.9f
                                                                        : baseHeight;
    addForEveryScript(properties, "CharHeight", css::uno::Any(height));
    addForEveryScript(properties, "CharWeight", css::uno::Any(marked ? css::awt::FontWeight::BOLD : css::awt::FontWeight::NORMAL));
    // Headings that are not the lesson's words (its source, whose advice follows) in italics.
    const bool italic = role == Role::Source || role == Role::AdviceHeading;
    addForEveryScript(properties, "CharPosture", css::uno::Any(italic ? css::awt::FontSlant_ITALIC : css::awt::FontSlant_NONE));
    return properties;
}

std::vector<css::beans::PropertyValue> paragraphProperties(Role role)
{
    std::vector<css::beans::PropertyValue> properties;
    add(properties, "ParaBottomMargin", css::uno::Any(kParagraphGap));
    add(properties, "ParaTopMargin", css::uno::Any(role == Role::AdviceHeading ? kAdviceGap : sal_Int32(0)));
    add(properties, "ParaLeftMargin", css::uno::Any(role == Role::Advice ? kAdviceIndent : sal_Int32(0)));
    return properties;
}

css::uno::Sequence<css::beans::PropertyValue> toSequence(const std::vector<css::beans::PropertyValue>& properties)
{
    return css::uno::Sequence<css::beans::PropertyValue>(properties.data(), static_cast<sal_Int32>(properties.size()));
}

} // namespace

void showPreview(const Reference<css::awt::XControlModel>& model, const std::vector<lessons::PreviewParagraph>& paragraphs,
                 const css::awt::FontDescriptor& font)
{
    const Reference<css::text::XTextAppend> append(model, UNO_QUERY_THROW);
    const Reference<css::beans::XPropertySet> properties(model, UNO_QUERY_THROW);
    // The model's Text resets the whole edit engine (XText::setString would only replace the
    // range the text object was made with).
    properties->setPropertyValue("Text", css::uno::Any(rtl::OUString()));
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        const auto& paragraph = paragraphs[i];
        const std::string& words = paragraph.text.text;
        std::size_t at = 0;
        auto appendRun = [&](std::size_t end, bool marked) {
            if (end > at)
                append->appendTextPortion(toOUString(std::string_view(words).substr(at, end - at)),
                                          toSequence(characterProperties(paragraph.role, marked, font)));
            at = end;
        };
        for (const auto& [begin, end] : paragraph.text.hits) {
            if (begin < at || begin >= end || end > words.size())
                continue; // out of order or outside: not trusted
            appendRun(begin, false);
            appendRun(end, true);
        }
        appendRun(words.size(), false);
        if (i + 1 < paragraphs.size())
            append->finishParagraph(toSequence(paragraphProperties(paragraph.role)));
    }
}

void showPreviewMessage(const Reference<css::awt::XControlModel>& model, const rtl::OUString& message,
                        const css::awt::FontDescriptor& font)
{
    // Written as paragraphs of plain text, so nothing of the last lesson's formatting is left.
    std::vector<lessons::PreviewParagraph> paragraphs;
    const std::string text = toUtf8(message);
    for (std::size_t at = 0; at <= text.size();) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        if (end > at)
            paragraphs.push_back({Role::Body, {text.substr(at, end - at), {}}});
        at = end + 1;
    }
    showPreview(model, paragraphs, font);
}

} // namespace partnering::uno
