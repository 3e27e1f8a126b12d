// What the Lessons learned panel does: it routes the controls' events to the lessons library
// (in the background for a remote one), shows results, filters and the preview, and cites.
#pragma once

#include "sidebar/LatestOnlyWorker.hpp"
#include "sidebar/PanelControls.hpp"
#include "sidebar/SidebarLink.hpp"

#include "UnoBoundary.hpp"

#include "lessons/LessonSearch.hpp"

#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XTextListener.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/beans/XPropertyChangeListener.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace partnering::uno {

// A library call's outcome, carried from a worker to the main thread: its value, or why not.
template <class Value> struct LibraryOutcome {
    std::optional<Value> value;
    std::optional<Failure> failure;

    template <class Call> static LibraryOutcome of(Call&& call)
    {
        LibraryOutcome outcome;
        reportFailures([&](const Failure& failure) { outcome.failure = failure; }, [&] { outcome.value = call(); });
        return outcome;
    }
};

// The controls' listener and the search state. Callbacks come from VCL's main thread inside
// the office (or one at a time from a test client), so the state needs no lock; none of them
// may throw: failures end up as a message in the panel (reportFailures with inPanel()).
class LessonsView : public cppu::WeakImplHelper4<css::awt::XTextListener, css::awt::XActionListener,
                                                 css::beans::XPropertyChangeListener, css::awt::XWindowListener>,
                    public StepView {
public:
    LessonsView(css::uno::Reference<css::uno::XComponentContext> context, css::uno::Reference<css::frame::XFrame> frame,
                css::uno::Reference<css::awt::XWindow> parentWindow);

    // Makes the controls and shows the first lessons: the step the wizard asked for, or the
    // suggestions for where the document stands in the journey. Throws UNO exceptions.
    void create();
    // Joins the workers (see LatestOnlyWorker for how long that may take), unlinks the panel
    // and disposes the controls. Never throws.
    void dispose() noexcept;
    // The wizard's "Lessons learned for this step": the lessons of `step`, the query cleared.
    void showStep(int step) noexcept override;
    css::uno::Reference<css::awt::XWindow> window() const { return controls_.window(); }

    // XTextListener: the search box changed.
    void SAL_CALL textChanged(const css::awt::TextEvent&) override;
    // XActionListener: "Insert citation".
    void SAL_CALL actionPerformed(const css::awt::ActionEvent&) override;
    // XPropertyChangeListener: a filter or a result was chosen (by the user, or by a client
    // through the model's SelectedItems).
    void SAL_CALL propertyChange(const css::beans::PropertyChangeEvent& event) override;
    // XWindowListener on the sidebar's parent window.
    void SAL_CALL windowResized(const css::awt::WindowEvent& event) override;
    void SAL_CALL windowMoved(const css::awt::WindowEvent&) override {}
    void SAL_CALL windowShown(const css::lang::EventObject&) override {}
    void SAL_CALL windowHidden(const css::lang::EventObject&) override {}
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    // The reporter of the panel's callbacks (reportFailures): the failure shown in the panel.
    auto inPanel()
    {
        return [this](const Failure& failure) { showFailure(failure); };
    }
    void showFailure(const Failure& failure);

    std::shared_ptr<const lessons::LessonSearch> library();
    void libraryOpened() noexcept;
    lessons::SearchRequest request(const std::string& query);
    void search();
    void searched(unsigned generation, const LibraryOutcome<lessons::SearchResults>& outcome, int suggestedStep) noexcept;
    void showResults(const lessons::SearchResults& results, int suggestedStep);
    void showFilters(const lessons::FacetCounts& facets);
    lessons::Snippet searchedInsteadLine(const lessons::SearchResults& results) const;
    void showRows();
    void selectionChanged(const css::uno::Reference<css::uno::XInterface>& source);
    void showLesson(std::size_t hit);
    void lessonFetched(unsigned generation, const LibraryOutcome<std::optional<lessons::Lesson>>& outcome) noexcept;
    void showFetchedLesson(const std::optional<lessons::Lesson>& lesson);
    void insertCitation();
    void clearLesson();
    void showProblem(const rtl::OUString& headline, const rtl::OUString& details);

    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::Reference<css::frame::XFrame> frame_;
    css::uno::Reference<css::awt::XWindow> parentWindow_;
    std::string uiLanguage_;
    PanelControls controls_;

    std::vector<lessons::SearchHit> hits_;
    std::vector<std::size_t> rowHits_;      // the hit each row of the result list belongs to
    std::optional<std::size_t> selected_;   // the hit whose lesson is shown
    std::optional<lessons::Lesson> lesson_; // ... once it came from the library
    bool updating_ = false;                 // the panel itself is changing the controls

    bool awaitingLibrary_ = false; // a background open will call libraryOpened()
    // For a remote library: its searches and lesson previews, each the newest only; outcomes of
    // older ones that arrive late are dropped.
    LatestOnlyWorker searches_, lessons_;
    unsigned searchGeneration_ = 0, lessonGeneration_ = 0;
};

} // namespace partnering::uno
