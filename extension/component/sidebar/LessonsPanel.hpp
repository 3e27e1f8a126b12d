// The "Lessons learned" panel of Writer's sidebar: search as you type, filters with counts,
// results with marked hits, a preview, and "Insert citation" into the document as one undo step.
#pragma once

#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

namespace partnering::uno {

// Ids shared with registry/Sidebar.xcu and registry/Factories.xcu.
inline constexpr const char* kLessonsPanelFactoryName = "PartneringLessonsPanelFactory";
inline constexpr const char* kLessonsPanelId = "PartneringLessonsPanel";

// The panel's controls live in a child window of `parentWindow`; `frame` is the Writer
// frame whose document citations go into. Throws RuntimeException when the toolkit refuses.
css::uno::Reference<css::ui::XUIElement>
createLessonsPanel(const css::uno::Reference<css::uno::XComponentContext>& context,
                   const css::uno::Reference<css::frame::XFrame>& frame,
                   const css::uno::Reference<css::awt::XWindow>& parentWindow, const rtl::OUString& resourceUrl);

// Asks the Lessons learned panel of `frame` to show the lessons of journey step `step`: the
// panel open now changes at once, one the sidebar opens in the next seconds starts so.
void showLessonsForStep(const css::uno::Reference<css::frame::XFrame>& frame, int step);

} // namespace partnering::uno
