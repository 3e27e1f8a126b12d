#include "wizard/QuestionsViewport.hpp"

#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/ScrollBarOrientation.hpp>
#include <com/sun/star/awt/XScrollBar.hpp>

#include <algorithm>

namespace partnering::uno {

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

const rtl::OUString kBar = "scroll";
constexpr int kBarWidth = 9;

} // namespace

QuestionsViewport::QuestionsViewport(const Reference<css::uno::XComponentContext>& context, const ControlCanvas& page,
                                     const Reference<css::awt::XAdjustmentListener>& listener)
    : viewport_(std::make_unique<ControlCanvas>(context, page.peer()))
{
    content_ = std::make_unique<ControlCanvas>(context, viewport_->peer());
    viewport_->window()->setVisible(true);
    content_->window()->setVisible(true);
    // In the viewport beside the questions: placed on the page next to the viewport, the bar
    // was drawn but never took a click in LibreOffice 7.4.
    viewport_->add("com.sun.star.awt.UnoControlScrollBarModel", kBar,
                   {{"Orientation", Any(css::awt::ScrollBarOrientation::VERTICAL)}, {"LiveScroll", Any(true)}});
    Reference<css::awt::XScrollBar>(viewport_->control(kBar), UNO_QUERY_THROW)->addAdjustmentListener(listener);
}

int QuestionsViewport::contentWidth(int width)
{
    return width - kBarWidth - 3;
}

void QuestionsViewport::place(const ControlCanvas& page, const Box& box, int contentHeight)
{
    const auto at = page.toPixels(box.x, box.y), size = page.toPixels(box.width, box.height);
    viewport_->window()->setPosSize(at.Width, at.Height, size.Width, size.Height, css::awt::PosSize::POSSIZE);
    contentPixels_ = content_->toPixels(contentWidth(box.width), contentHeight);
    const bool scrolls = contentPixels_.Height > size.Height;
    const auto inside = viewport_->toUnits(size.Width, size.Height);
    viewport_->place(kBar, {inside.Width - kBarWidth, 0, kBarWidth, inside.Height});
    viewport_->show(kBar, scrolls);
    if (scrolls) {
        viewport_->set(kBar, "ScrollValueMax", Any(contentPixels_.Height));
        viewport_->set(kBar, "VisibleSize", Any(size.Height));
        viewport_->set(kBar, "LineIncrement", Any(std::max<sal_Int32>(size.Height / 12, 8)));
        viewport_->set(kBar, "BlockIncrement", Any(std::max<sal_Int32>(size.Height * 9 / 10, 8)));
    }
    scrollTo(scrolls ? top_ : 0);
}

void QuestionsViewport::scrollTo(sal_Int32 top)
{
    const sal_Int32 visible = viewport_->window()->getPosSize().Height;
    top_ = std::clamp<sal_Int32>(top, 0, std::max<sal_Int32>(0, contentPixels_.Height - visible));
    content_->window()->setPosSize(0, -top_, contentPixels_.Width, contentPixels_.Height, css::awt::PosSize::POSSIZE);
    const Reference<css::awt::XScrollBar> bar(viewport_->control(kBar), UNO_QUERY);
    if (bar.is() && bar->getValue() != top_)
        bar->setValue(top_);
}

void QuestionsViewport::ensureVisible(const Box& box)
{
    const sal_Int32 top = content_->toPixels(0, box.y).Height;
    const sal_Int32 bottom = content_->toPixels(0, box.y + box.height).Height;
    const sal_Int32 visible = viewport_->window()->getPosSize().Height;
    if (top < top_)
        scrollTo(top - 6);
    else if (bottom > top_ + visible)
        scrollTo(std::min(top - 6, bottom - visible + 6));
}

void QuestionsViewport::dispose()
{
    // The inner window first: it was made inside the other.
    content_->dispose();
    viewport_->dispose();
}

} // namespace partnering::uno
