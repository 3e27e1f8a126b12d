// The part of a wizard page that holds its questions: a window the size the page gives it, the
// questions' own window inside it, taller when they need more room, and a bar to scroll them.
#pragma once

#include "wizard/ControlCanvas.hpp"

#include <com/sun/star/awt/XAdjustmentListener.hpp>

#include <memory>

namespace partnering::uno {

class QuestionsViewport {
public:
    // Inside `page`; `listener` hears the scroll bar.
    QuestionsViewport(const css::uno::Reference<css::uno::XComponentContext>& context, const ControlCanvas& page,
                      const css::uno::Reference<css::awt::XAdjustmentListener>& listener);

    // Where the questions' controls go.
    ControlCanvas& content() { return *content_; }
    // The width the questions get, in dialog units, inside a viewport `width` units wide.
    static int contentWidth(int width);

    // Shows the viewport at `box` (the page's dialog units) over questions `contentHeight`
    // units tall, keeping what is scrolled in sight as far as it can.
    void place(const ControlCanvas& page, const Box& box, int contentHeight);
    // Scrolls so the top of the questions shows `top` pixels down them.
    void scrollTo(sal_Int32 top);
    // Scrolls the least that shows `box` (in the questions' dialog units) whole.
    void ensureVisible(const Box& box);
    sal_Int32 contentPixelHeight() const { return contentPixels_.Height; }

    void dispose();

private:
    std::unique_ptr<ControlCanvas> viewport_, content_;
    css::awt::Size contentPixels_;
    sal_Int32 top_ = 0; // pixels of the questions scrolled out of sight
};

} // namespace partnering::uno
