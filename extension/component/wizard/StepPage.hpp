// One page of the journey wizard, built from a step of the journey: it routes the events of its
// controls to the parts that own them (questions, list editors, the parts a controller attaches)
// and says what the step still needs. Its questions scroll when the page is too small for them.
#pragma once

#include "wizard/ControlCanvas.hpp"
#include "wizard/ListEditor.hpp"
#include "wizard/PagePart.hpp"
#include "wizard/QuestionControls.hpp"
#include "wizard/QuestionsViewport.hpp"
#include "wizard/StepGaps.hpp"

#include "UnoBoundary.hpp"

#include "journey/Journey.hpp"

#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XAdjustmentListener.hpp>
#include <com/sun/star/awt/XFocusListener.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <com/sun/star/awt/XMouseListener.hpp>
#include <com/sun/star/awt/XTextListener.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/awt/grid/XGridSelectionListener.hpp>
#include <com/sun/star/ui/dialogs/XWizardPage.hpp>
#include <cppuhelper/implbase9.hxx>
#include <rtl/ref.hxx>

#include <memory>
#include <string>
#include <vector>

namespace partnering::uno {

class JourneyWizardController;

class StepPage
    : public cppu::WeakImplHelper9<css::ui::dialogs::XWizardPage, css::awt::XTextListener, css::awt::XItemListener,
                                   css::awt::XActionListener, css::awt::XFocusListener, css::awt::XMouseListener,
                                   css::awt::XAdjustmentListener, css::awt::XWindowListener,
                                   css::awt::grid::XGridSelectionListener> {
public:
    StepPage(rtl::Reference<JourneyWizardController> controller, css::uno::Reference<css::uno::XComponentContext> context,
             int number, const css::uno::Reference<css::awt::XWindow>& parent);

    int number() const { return number_; }
    // The scrolled area, and this page as the listener of what is built in it.
    ControlCanvas& content() { return questions_->content(); }
    css::uno::Reference<css::uno::XInterface> listener() { return static_cast<cppu::OWeakObject*>(this); }
    // Adds `part` after the questions (the controller gives the last page the draft's choices).
    void attach(std::unique_ptr<PagePart> part);

    // Shows the form's answers in every control (after the answers changed elsewhere).
    void load();

    // XWizardPage
    css::uno::Reference<css::awt::XWindow> SAL_CALL getWindow() override;
    sal_Int16 SAL_CALL getPageId() override { return static_cast<sal_Int16>(number_ - 1); }
    void SAL_CALL activatePage() override;
    // Next on an incomplete step shows what it needs and stops once; the next Next goes on.
    sal_Bool SAL_CALL commitPage(sal_Int16 reason) override;
    sal_Bool SAL_CALL canAdvance() override { return true; }
    // XComponent
    void SAL_CALL dispose() override;
    void SAL_CALL addEventListener(const css::uno::Reference<css::lang::XEventListener>&) override {}
    void SAL_CALL removeEventListener(const css::uno::Reference<css::lang::XEventListener>&) override {}

    // The controls' events, each routed to its owner.
    void SAL_CALL textChanged(const css::awt::TextEvent& event) override;
    void SAL_CALL itemStateChanged(const css::awt::ItemEvent& event) override;
    void SAL_CALL actionPerformed(const css::awt::ActionEvent& event) override;
    void SAL_CALL focusGained(const css::awt::FocusEvent& event) override;
    void SAL_CALL focusLost(const css::awt::FocusEvent& event) override;
    void SAL_CALL mousePressed(const css::awt::MouseEvent& event) override;
    void SAL_CALL mouseReleased(const css::awt::MouseEvent&) override {}
    void SAL_CALL mouseEntered(const css::awt::MouseEvent&) override {}
    void SAL_CALL mouseExited(const css::awt::MouseEvent&) override {}
    void SAL_CALL adjustmentValueChanged(const css::awt::AdjustmentEvent& event) override;
    void SAL_CALL selectionChanged(const css::awt::grid::GridSelectionEvent& event) override;
    void SAL_CALL windowResized(const css::awt::WindowEvent& event) override;
    void SAL_CALL windowMoved(const css::awt::WindowEvent&) override {}
    void SAL_CALL windowShown(const css::lang::EventObject&) override {}
    void SAL_CALL windowHidden(const css::lang::EventObject&) override {}
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    void buildFrame();
    void buildQuestions();
    // Places everything for the page's size; the questions' area scrolls when they do not fit.
    void layout();
    int layoutQuestions(int width, bool place);

    QuestionControls* field(const rtl::OUString& control) const;
    ListEditor* editor(const rtl::OUString& control) const;
    PagePart* part(const rtl::OUString& control) const;
    // The answer the user changed in a page field's `control`, into the form.
    void takeAnswer(QuestionControls& field, const rtl::OUString& control);
    // What the step still needs, in its message box; `problem` is an answer just refused.
    void refreshStatus(const rtl::OUString& problem = rtl::OUString());
    void openLessons();
    void changed(); // the answers changed: the parts, the status and the roadmap follow
    // Runs a control's event; what it throws is told (reportFailures), never passed on.
    template <class Event> void routed(Event&& event) noexcept;
    // A core error on the page's status, anything else in an error box over the wizard.
    void tell(const Failure& failure);

    rtl::Reference<JourneyWizardController> controller_;
    css::uno::Reference<css::uno::XComponentContext> context_;
    int number_;
    journey::Step step_;
    std::unique_ptr<ControlCanvas> page_;
    std::unique_ptr<QuestionsViewport> questions_;
    std::vector<std::unique_ptr<QuestionControls>> fields_;
    std::vector<std::unique_ptr<ListEditor>> lists_;
    std::vector<std::unique_ptr<PagePart>> parts_;
    // What the scrolled area shows, top to bottom: a group's heading, a question, a list, a part.
    struct Block {
        rtl::OUString heading;
        QuestionControls* field = nullptr;
        ListEditor* editor = nullptr;
        PagePart* part = nullptr;
    };
    std::vector<Block> blocks_;
    StepGaps gaps_;
    bool loading_ = false; // our own writes to the controls are no edits
    int contentWidth_ = 0; // dialog units, as last laid out
};

} // namespace partnering::uno
