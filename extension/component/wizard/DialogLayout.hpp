// The wizard's dialog at a size that fits the screen and stays put. LibreOffice 7.4's roadmap
// wizard sizes itself for pages of 70 by 10 characters whenever a roadmap title or a step's
// state changes; this puts the dialog back at the size it had, or the one the user gave it.
#pragma once

#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/awt/Size.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>

#include <optional>

namespace partnering::uno {

class DialogLayout : public cppu::WeakImplHelper2<css::awt::XWindowListener, css::awt::XCallback> {
public:
    explicit DialogLayout(css::uno::Reference<css::uno::XComponentContext> context);

    // Follows `dialog` (the wizard's window) from now on; before it is shown, its first size is
    // taken when it shows. Calling it again with the same window does nothing.
    void follow(const css::uno::Reference<css::awt::XWindow>& dialog);
    void stop();

    // The size a wizard opens at on a work area (a screen without its panels): as large as
    // reads well, within the area with room for the window's frame, and at least 1024 x 700's.
    static css::awt::Rectangle opening(const css::awt::Rectangle& workArea);

    // XWindowListener
    void SAL_CALL windowResized(const css::awt::WindowEvent& event) override;
    void SAL_CALL windowMoved(const css::awt::WindowEvent&) override {}
    void SAL_CALL windowShown(const css::lang::EventObject& event) override;
    void SAL_CALL windowHidden(const css::lang::EventObject&) override {}
    void SAL_CALL disposing(const css::lang::EventObject&) override;
    // XCallback: puts the dialog back after the wizard shrank it.
    void SAL_CALL notify(const css::uno::Any&) override;

private:
    void restoreSoon();

    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::Reference<css::awt::XWindow> dialog_;
    std::optional<css::awt::Size> ownSize_; // what the wizard sizes itself to
    std::optional<css::awt::Size> wanted_;  // ours, or the user's
    bool restoring_ = false;
};

} // namespace partnering::uno
