#include "wizard/StakeholderGridView.hpp"

#include "wizard/JourneyWizardController.hpp"
#include "wizard/ListEditor.hpp"

#include "UiText.hpp"
#include "UnoBoundary.hpp"

#include "fill/StakeholderMap.hpp"
#include "journey/AnswerPath.hpp"

#include <com/sun/star/awt/ImageScaleMode.hpp>
#include <com/sun/star/awt/XMouseListener.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/graphic/GraphicProvider.hpp>
#include <com/sun/star/graphic/XGraphic.hpp>
#include <com/sun/star/io/SequenceInputStream.hpp>

#include <algorithm>

namespace partnering::uno {

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

const rtl::OUString kMap = "grid:map";
const rtl::OUString kCaption = "grid:caption";
constexpr int kCaptionHeight = 10;
constexpr double kCmPerPixel = 2.54 / 96; // the picture drawn at the screen's own scale: its text reads as the dialog's

nlohmann::json stakeholdersOf(JourneyWizardController& controller)
{
    static const auto path = journey::AnswerPath::parse("partnership.stakeholders");
    return controller.withForm([](journey::JourneyForm& form) {
        const nlohmann::json* stakeholders = path.find(form.json());
        return stakeholders != nullptr ? *stakeholders : nlohmann::json::array();
    });
}

} // namespace

StakeholderGridView::StakeholderGridView(const Reference<css::uno::XComponentContext>& context, ControlCanvas& canvas,
                                         JourneyWizardController& controller, ListEditor& stakeholders,
                                         const Reference<css::uno::XInterface>& listener)
    : context_(context), canvas_(canvas), controller_(controller), stakeholders_(stakeholders)
{
    canvas_.add("com.sun.star.awt.UnoControlFixedTextModel", kCaption,
                {{"Label", Any(uiText(context_, "Stakeholder map: the higher a stakeholder's influence and the further "
                                                "right its interest, the closer the partnership must work with it"))},
                 {"MultiLine", Any(true)}});
    canvas_.add("com.sun.star.awt.UnoControlImageControlModel", kMap,
                {{"ScaleImage", Any(true)},
                 {"ScaleMode", Any(css::awt::ImageScaleMode::ISOTROPIC)},
                 {"Border", Any(static_cast<sal_Int16>(1))},
                 {"HelpText", Any(uiText(context_, "Each dot is a stakeholder, numbered as in the list above. "
                                                   "Click a dot to select that stakeholder."))}});
    Reference<css::awt::XWindow>(canvas_.control(kMap), UNO_QUERY_THROW)
        ->addMouseListener(Reference<css::awt::XMouseListener>(listener, UNO_QUERY_THROW));
}

bool StakeholderGridView::owns(const rtl::OUString& control) const
{
    return control == kMap || control == kCaption;
}

css::awt::Size StakeholderGridView::pictureSize() const
{
    const auto pixels = canvas_.toPixels(std::max(area_.width, 100), std::max(area_.height - kCaptionHeight * 2, 60));
    return {pixels.Width, pixels.Height};
}

void StakeholderGridView::refresh()
{
    std::map<std::string, std::string> sectors;
    for (const auto& question : stakeholders_.list().items) {
        for (const auto& choice : question.choices)
            sectors[choice.value] = choice.label;
    }
    // The captions the agreement's annex gets, in the wizard's language: one picture, one wording.
    const auto captions = fill::mapCaptions(
        domainCatalogs(controller_.context(), "fill").translatorFor(controller_.translator().language()), std::move(sectors));
    const auto stakeholders = stakeholdersOf(controller_);
    std::optional<std::size_t> chosen;
    if (stakeholders_.selected() >= 0)
        chosen = static_cast<std::size_t>(stakeholders_.selected());
    const auto size = pictureSize();
    const std::string svg
        = fill::stakeholderMapSvg(stakeholders, captions, size.Width * kCmPerPixel, size.Height * kCmPerPixel, chosen);
    if (svg == drawn_)
        return; // typing elsewhere on the page changes nothing here
    drawn_ = svg;

    const css::uno::Sequence<sal_Int8> bytes(reinterpret_cast<const sal_Int8*>(svg.data()), static_cast<sal_Int32>(svg.size()));
    css::beans::PropertyValue source;
    source.Name = "InputStream";
    source.Value <<= css::io::SequenceInputStream::createStreamFromSequence(context_, bytes);
    const auto graphic = css::graphic::GraphicProvider::create(context_)->queryGraphic(
        css::uno::Sequence<css::beans::PropertyValue>(&source, 1));
    canvas_.set(kMap, "Graphic", Any(graphic));
}

void StakeholderGridView::clicked(const rtl::OUString& control, sal_Int32 x, sal_Int32 y)
{
    if (control != kMap)
        return;
    // The picture fills the control at the screen's scale: a pixel is a pixel of the picture.
    const auto picture = pictureSize();
    const auto stakeholders = stakeholdersOf(controller_);
    const auto hit = fill::stakeholderAt(stakeholders, picture.Width, picture.Height, x, y);
    if (hit)
        stakeholders_.select(static_cast<int>(*hit));
}

int StakeholderGridView::height(int width) const
{
    // Tall enough for the plane and, under it, the key of names.
    return kCaptionHeight * 2 + std::clamp(width * 3 / 4, 140, 330) + 6;
}

void StakeholderGridView::place(int x, int y, int width)
{
    const bool resized = area_.width != width;
    area_ = {x, y, width, height(width) - 6};
    canvas_.place(kCaption, {x, y, width, kCaptionHeight * 2});
    canvas_.place(kMap, {x, y + kCaptionHeight * 2, width, area_.height - kCaptionHeight * 2});
    if (resized)
        refresh(); // drawn in the shape of its new place
}

} // namespace partnering::uno
