// The Lessons learned panel's controls inside the sidebar's window: made once, laid out to the
// size the sidebar gives, and measuring text in the result list's font so rows always fit.
#pragma once

#include "lessons/FittedLines.hpp"
#include "lessons/LessonSearch.hpp"

#include <com/sun/star/awt/FontDescriptor.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XTextListener.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/XPropertyChangeListener.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace partnering::uno {

// A drop-down that narrows the search to one value of a facet; entry 0 is "all".
struct Filter {
    css::uno::Reference<css::awt::XControl> control;
    css::uno::Reference<css::beans::XPropertySet> model;
    std::vector<std::string> values; // of entries 1..n
    std::string chosen;              // empty: no filter
};

// What the panel's controls report to: the search box's text, the button, and the lists'
// selections (SelectedItems of their models, which a user's click and a client both change).
struct PanelListener {
    css::uno::Reference<css::awt::XTextListener> search;
    css::uno::Reference<css::awt::XActionListener> insert;
    css::uno::Reference<css::beans::XPropertyChangeListener> selection;
};

class PanelControls {
public:
    // Makes every control in a new window under `parentWindow`. Throws UNO exceptions.
    void create(const css::uno::Reference<css::uno::XComponentContext>& context,
                const css::uno::Reference<css::awt::XWindow>& parentWindow, const PanelListener& listener);
    // Disposes the window and every control in it. Never throws.
    void dispose() noexcept;
    bool alive() const { return container_.is(); }
    css::uno::Reference<css::awt::XWindow> window() const;

    // Places the controls in `width` x `height`. True when the result rows' width changed.
    bool layout(sal_Int32 width, sal_Int32 height);

    rtl::OUString query() const;
    void setQuery(const rtl::OUString& text);
    void setStatus(const rtl::OUString& text);
    // The line above the result list that says what was searched instead of the words typed,
    // its `hits` (the corrected words) in bold; hidden when `line` is empty.
    void showSearchedInstead(const lessons::Snippet& line);
    void setResultRows(const std::vector<rtl::OUString>& rows); // none selected
    void selectResultRow(std::size_t row);
    void enableInsert(bool enabled);
    css::uno::Reference<css::awt::XControlModel> previewModel() const;
    // The font the toolkit gives text fields (height in points), for the preview's text.
    css::awt::FontDescriptor fieldFont() const;

    // How wide a result row may be without a horizontal scroll bar (0 until the first layout
    // with a size), and how wide text is in the result list's font (both in pixels).
    long resultRowWidth() const { return resultRowWidth_; }
    lessons::TextWidth resultListMeasure() const;

    bool isResultList(const css::uno::Reference<css::uno::XInterface>& model) const;
    // The filter whose list model is `model`, or nullptr.
    Filter* filterOf(const css::uno::Reference<css::uno::XInterface>& model);
    // The filter's entries (value, label), "all" first; the chosen value stays chosen (and
    // shown, with `noneLabel`) even when no lesson has it now.
    void refill(Filter& filter, const std::vector<std::pair<std::string, std::string>>& entries, const rtl::OUString& all,
                const std::string& noneLabel);

    Filter language, step, tag, partnerType;

private:
    css::uno::Reference<css::awt::XControl>
    add(const char* name, const char* model, const char* control,
        std::initializer_list<std::pair<const char*, css::uno::Any>> style = {});
    Filter addFilter(const char* name);
    static void set(const css::uno::Reference<css::awt::XControl>& control, const char* property, const css::uno::Any& value);
    static void nameForAccessibility(const css::uno::Reference<css::awt::XControl>& control, const rtl::OUString& name);

    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::Reference<css::beans::XPropertyChangeListener> selectionListener_;
    css::uno::Reference<css::awt::XControlContainer> container_;
    css::uno::Reference<css::awt::XControl> searchLabel_, searchBox_, status_, searchedInstead_, results_, preview_,
        insertButton_;
    bool searchedInsteadShown_ = false;
    sal_Int32 width_ = 0, height_ = 0; // of the last layout
    long resultRowWidth_ = 0;
};

} // namespace partnering::uno
