#include "sidebar/PanelControls.hpp"

#include "UiText.hpp"
#include "UnoBoundary.hpp"
#include "sidebar/PreviewText.hpp"

#include <com/sun/star/awt/FontDescriptor.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XDevice.hpp>
#include <com/sun/star/awt/XFont.hpp>
#include <com/sun/star/awt/XStyleSettings.hpp>
#include <com/sun/star/awt/XStyleSettingsSupplier.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XToolkit.hpp>
#include <com/sun/star/awt/XVclWindowPeer.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>

#include <algorithm>

namespace partnering::uno {
namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

constexpr sal_Int32 kMargin = 6;
constexpr sal_Int32 kGap = 4;
constexpr sal_Int32 kRow = 24;
constexpr sal_Int32 kLabelRow = 18;
constexpr sal_Int32 kStatusRows = 40;
constexpr sal_Int32 kButtonRow = 28;
constexpr sal_Int16 kFilterLines = 12;
constexpr sal_Int32 kFilterWidth = 200; // enough for the longest label of a filter, its button included
// Taken from the list's width for what is not text: its border, its vertical scroll bar and the
// entries' inner padding, with a few pixels to spare, so no row ever needs a horizontal bar.
constexpr sal_Int32 kListChrome = 30;
// Rows narrower than this would hold a word or two: the sidebar's panels are never that narrow
// (the panel asks for 240 pixels at least), a window not shown yet may be.
constexpr long kMinimalRowWidth = 160;

rtl::OUString ascii(const char* text) { return rtl::OUString::createFromAscii(text); }

css::uno::Sequence<rtl::OUString> toSequence(const std::vector<rtl::OUString>& items)
{
    return css::uno::Sequence<rtl::OUString>(items.data(), static_cast<sal_Int32>(items.size()));
}

} // namespace

Reference<css::awt::XControl> PanelControls::add(const char* name, const char* model, const char* control,
                                                 std::initializer_list<std::pair<const char*, css::uno::Any>> style)
{
    const auto factory = context_->getServiceManager();
    const Reference<css::awt::XControlModel> controlModel(factory->createInstanceWithContext(ascii(model), context_),
                                                          UNO_QUERY_THROW);
    // Style properties (Dropdown, MultiLine, RichText...) only take effect before the peer exists.
    const Reference<css::beans::XPropertySet> properties(controlModel, UNO_QUERY_THROW);
    for (const auto& [property, value] : style)
        properties->setPropertyValue(ascii(property), value);
    const Reference<css::awt::XControl> made(factory->createInstanceWithContext(ascii(control), context_), UNO_QUERY_THROW);
    made->setModel(controlModel);
    container_->addControl(ascii(name), made);
    return made;
}

void PanelControls::set(const Reference<css::awt::XControl>& control, const char* property, const css::uno::Any& value)
{
    Reference<css::beans::XPropertySet>(control->getModel(), UNO_QUERY_THROW)->setPropertyValue(ascii(property), value);
}

void PanelControls::nameForAccessibility(const Reference<css::awt::XControl>& control, const rtl::OUString& name)
{
    // No control model has it: only the window peer takes an accessible name (VCLXWindow's
    // "AccessibleName"), through an interface the API marks deprecated but has not replaced.
    const Reference<css::awt::XVclWindowPeer> peer(control->getPeer(), UNO_QUERY);
    if (!peer.is())
        return;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    peer->setProperty("AccessibleName", css::uno::Any(name));
#pragma GCC diagnostic pop
}

Filter PanelControls::addFilter(const char* name)
{
    Filter filter;
    filter.control = add(name, "com.sun.star.awt.UnoControlListBoxModel", "com.sun.star.awt.UnoControlListBox",
                         {{"Dropdown", css::uno::Any(true)}, {"LineCount", css::uno::Any(kFilterLines)}});
    filter.model.set(filter.control->getModel(), UNO_QUERY_THROW);
    filter.model->addPropertyChangeListener("SelectedItems", selectionListener_);
    return filter;
}

void PanelControls::create(const Reference<css::uno::XComponentContext>& context,
                           const Reference<css::awt::XWindow>& parentWindow, const PanelListener& listener)
{
    context_ = context;
    selectionListener_ = listener.selection;
    const auto factory = context_->getServiceManager();
    const Reference<css::awt::XControl> container(
        factory->createInstanceWithContext("com.sun.star.awt.UnoControlContainer", context_), UNO_QUERY_THROW);
    container->setModel(Reference<css::awt::XControlModel>(
        factory->createInstanceWithContext("com.sun.star.awt.UnoControlContainerModel", context_), UNO_QUERY_THROW));
    container->createPeer(Reference<css::awt::XToolkit>(css::awt::Toolkit::create(context_).get()),
                          Reference<css::awt::XWindowPeer>(parentWindow, UNO_QUERY_THROW));
    container_.set(container, UNO_QUERY_THROW);

    searchLabel_ = add("searchLabel", "com.sun.star.awt.UnoControlFixedTextModel", "com.sun.star.awt.UnoControlFixedText");
    set(searchLabel_, "Label", css::uno::Any(uiText(context_, "Search the lessons learned:")));
    searchBox_ = add("search", "com.sun.star.awt.UnoControlEditModel", "com.sun.star.awt.UnoControlEdit");
    set(searchBox_, "HelpText", css::uno::Any(uiText(context_, "Type words in any language; results follow as you type.")));
    Reference<css::awt::XTextComponent>(searchBox_, UNO_QUERY_THROW)->addTextListener(listener.search);

    language = addFilter("languageFilter");
    step = addFilter("stepFilter");
    tag = addFilter("tagFilter");
    partnerType = addFilter("partnerTypeFilter");
    // Without names of their own, the toolkit names the lists after the nearest label, the
    // search box's: a screen reader would read "Search the lessons learned" four times.
    // TRANSLATORS: what a screen reader calls the drop-down that narrows the lessons to one language.
    nameForAccessibility(language.control, uiText(context_, "Language"));
    // TRANSLATORS: what a screen reader calls the drop-down that narrows the lessons to one journey step.
    nameForAccessibility(step.control, uiText(context_, "Journey step"));
    // TRANSLATORS: what a screen reader calls the drop-down that narrows the lessons to one tag (keyword).
    nameForAccessibility(tag.control, uiText(context_, "Tag"));
    // TRANSLATORS: what a screen reader calls the drop-down that narrows the lessons to one kind of
    // partner (government, UN agency, business...).
    nameForAccessibility(partnerType.control, uiText(context_, "Partner type"));

    status_ = add("status", "com.sun.star.awt.UnoControlFixedTextModel", "com.sun.star.awt.UnoControlFixedText",
                  {{"MultiLine", css::uno::Any(true)}});
    // A line of its own, in the rich text control: only it shows the corrected words in bold.
    searchedInstead_ = add("searchedInstead", "com.sun.star.form.component.RichTextControl",
                           "com.sun.star.form.control.RichTextControl",
                           {{"RichText", css::uno::Any(true)},
                            {"MultiLine", css::uno::Any(false)},
                            {"ReadOnly", css::uno::Any(true)},
                            {"Border", css::uno::Any(sal_Int16(0))}});
    // No name of its own: a screen reader reads the rich text control by its text.
    Reference<css::awt::XWindow>(searchedInstead_, UNO_QUERY_THROW)->setVisible(false);
    results_ = add("results", "com.sun.star.awt.UnoControlListBoxModel", "com.sun.star.awt.UnoControlListBox");
    Reference<css::beans::XPropertySet>(results_->getModel(), UNO_QUERY_THROW)
        ->addPropertyChangeListener("SelectedItems", selectionListener_);
    // TRANSLATORS: what a screen reader calls the list of lessons the search found.
    nameForAccessibility(results_, uiText(context_, "Lessons"));
    // LibreOffice's rich text control (the forms' one, which needs no form around it): the only
    // toolkit control that shows bold runs inside a text, read-only and wrapping here.
    preview_ = add("preview", "com.sun.star.form.component.RichTextControl", "com.sun.star.form.control.RichTextControl",
                   {{"RichText", css::uno::Any(true)},
                    {"MultiLine", css::uno::Any(true)},
                    {"ReadOnly", css::uno::Any(true)},
                    {"HardLineBreaks", css::uno::Any(false)},
                    {"VScroll", css::uno::Any(true)},
                    {"HScroll", css::uno::Any(false)},
                    {"Border", css::uno::Any(sal_Int16(1))}});
    insertButton_ = add("insertCitation", "com.sun.star.awt.UnoControlButtonModel", "com.sun.star.awt.UnoControlButton");
    set(insertButton_, "Label", css::uno::Any(uiText(context_, "Insert citation")));
    set(insertButton_, "HelpText",
        css::uno::Any(uiText(context_, "Quotes the lesson at the cursor and adds it to the document's bibliography.")));
    Reference<css::awt::XButton>(insertButton_, UNO_QUERY_THROW)->addActionListener(listener.insert);

    const auto size = parentWindow->getPosSize();
    layout(size.Width, size.Height);
    window()->setVisible(true);
}

void PanelControls::dispose() noexcept
{
    // The sidebar is going away: nothing to report to but the log.
    reportFailures(logFailure("disposing the lessons panel's controls"), [&] {
        if (container_.is())
            Reference<css::lang::XComponent>(container_, UNO_QUERY_THROW)->dispose(); // and every control in it
    });
    container_.clear();
}

Reference<css::awt::XWindow> PanelControls::window() const
{
    return Reference<css::awt::XWindow>(container_, UNO_QUERY);
}

bool PanelControls::layout(sal_Int32 width, sal_Int32 height)
{
    if (!container_.is() || width <= 0 || height <= 0)
        return false;
    width_ = width;
    height_ = height;
    window()->setPosSize(0, 0, width, height, css::awt::PosSize::POSSIZE);
    const sal_Int32 inner = std::max<sal_Int32>(width - 2 * kMargin, 40);
    const sal_Int32 half = (inner - kGap) / 2;
    auto place = [](const Reference<css::awt::XControl>& control, sal_Int32 x, sal_Int32 y, sal_Int32 w, sal_Int32 h) {
        Reference<css::awt::XWindow>(control, UNO_QUERY_THROW)->setPosSize(x, y, w, std::max<sal_Int32>(h, 1),
                                                                            css::awt::PosSize::POSSIZE);
    };
    sal_Int32 y = kMargin;
    place(searchLabel_, kMargin, y, inner, kLabelRow);
    y += kLabelRow;
    place(searchBox_, kMargin, y, inner, kRow);
    y += kRow + kGap;
    // Two filters a row when both labels fit ("Chinese (Simplified) (3)", "Toutes les étapes
    // du parcours"), else one a row: a cut label hides what the filter is set to.
    const bool paired = half >= kFilterWidth;
    for (Filter* filter : {&language, &step, &tag, &partnerType}) {
        const bool right = paired && (filter == &step || filter == &partnerType);
        place(filter->control, right ? kMargin + half + kGap : kMargin, y, paired ? half : inner, kRow);
        if (!paired || right)
            y += kRow + kGap;
    }
    place(status_, kMargin, y, inner, kStatusRows);
    y += kStatusRows + kGap;
    if (searchedInsteadShown_) {
        place(searchedInstead_, kMargin, y, inner, kRow);
        y += kRow + kGap;
    }
    const sal_Int32 buttonY = height - kMargin - kButtonRow;
    const sal_Int32 rest = std::max<sal_Int32>(buttonY - kGap - y, 2 * kRow);
    const sal_Int32 listHeight = rest * 2 / 5;
    place(results_, kMargin, y, inner, listHeight);
    y += listHeight + kGap;
    place(preview_, kMargin, y, inner, rest - listHeight - kGap);
    place(insertButton_, kMargin, std::max(buttonY, y + rest - listHeight), inner, kButtonRow);

    const long rowWidth = std::max<long>(inner - kListChrome, kMinimalRowWidth);
    const bool changed = rowWidth != resultRowWidth_;
    resultRowWidth_ = rowWidth;
    return changed;
}

lessons::TextWidth PanelControls::resultListMeasure() const
{
    const Reference<css::awt::XDevice> device(results_.is() ? results_->getPeer() : nullptr, UNO_QUERY);
    // An empty descriptor: the list's own font, as the toolkit draws its entries.
    const Reference<css::awt::XFont> font = device.is() ? device->getFont(css::awt::FontDescriptor()) : nullptr;
    return [font](std::string_view text) -> long {
        if (!font.is()) // no peer (being disposed): a rough guess will do
            return static_cast<long>(text.size()) * 7;
        return font->getStringWidth(toOUString(text));
    };
}

rtl::OUString PanelControls::query() const
{
    return Reference<css::awt::XTextComponent>(searchBox_, UNO_QUERY_THROW)->getText();
}

void PanelControls::setQuery(const rtl::OUString& text)
{
    Reference<css::awt::XTextComponent>(searchBox_, UNO_QUERY_THROW)->setText(text);
}

void PanelControls::setStatus(const rtl::OUString& text) { set(status_, "Label", css::uno::Any(text)); }

void PanelControls::showSearchedInstead(const lessons::Snippet& line)
{
    const bool shown = !line.text.empty();
    if (shown)
        showPreview(searchedInstead_->getModel(), {{lessons::PreviewParagraph::Role::Body, line}}, fieldFont());
    if (shown == searchedInsteadShown_)
        return;
    searchedInsteadShown_ = shown;
    Reference<css::awt::XWindow>(searchedInstead_, UNO_QUERY_THROW)->setVisible(shown);
    layout(width_, height_);
}

void PanelControls::setResultRows(const std::vector<rtl::OUString>& rows)
{
    set(results_, "StringItemList", css::uno::Any(toSequence(rows)));
    set(results_, "SelectedItems", css::uno::Any(css::uno::Sequence<sal_Int16>()));
}

void PanelControls::selectResultRow(std::size_t row)
{
    const sal_Int16 position = static_cast<sal_Int16>(row);
    set(results_, "SelectedItems", css::uno::Any(css::uno::Sequence<sal_Int16>(&position, 1)));
}

void PanelControls::enableInsert(bool enabled) { set(insertButton_, "Enabled", css::uno::Any(enabled)); }

Reference<css::awt::XControlModel> PanelControls::previewModel() const { return preview_->getModel(); }

css::awt::FontDescriptor PanelControls::fieldFont() const
{
    const Reference<css::awt::XStyleSettingsSupplier> supplier(searchBox_, UNO_QUERY);
    const auto settings = supplier.is() ? supplier->getStyleSettings() : nullptr;
    return settings.is() ? settings->getFieldFont() : css::awt::FontDescriptor();
}

bool PanelControls::isResultList(const Reference<css::uno::XInterface>& model) const
{
    return results_.is() && model == Reference<css::uno::XInterface>(results_->getModel(), UNO_QUERY);
}

Filter* PanelControls::filterOf(const Reference<css::uno::XInterface>& model)
{
    for (Filter* filter : {&language, &step, &tag, &partnerType}) {
        if (model == Reference<css::uno::XInterface>(filter->model, UNO_QUERY))
            return filter;
    }
    return nullptr;
}

void PanelControls::refill(Filter& filter, const std::vector<std::pair<std::string, std::string>>& entries,
                           const rtl::OUString& all, const std::string& noneLabel)
{
    std::vector<rtl::OUString> labels{all};
    filter.values.clear();
    sal_Int16 selected = 0;
    for (const auto& [value, label] : entries) {
        filter.values.push_back(value);
        labels.push_back(toOUString(label));
        if (value == filter.chosen)
            selected = static_cast<sal_Int16>(filter.values.size());
    }
    if (!filter.chosen.empty() && selected == 0) {
        // The chosen value matches nothing now; it stays chosen, and visible, until changed.
        filter.values.push_back(filter.chosen);
        labels.push_back(toOUString(noneLabel));
        selected = static_cast<sal_Int16>(filter.values.size());
    }
    filter.model->setPropertyValue("StringItemList", css::uno::Any(toSequence(labels)));
    filter.model->setPropertyValue("SelectedItems", css::uno::Any(css::uno::Sequence<sal_Int16>(&selected, 1)));
}

} // namespace partnering::uno
