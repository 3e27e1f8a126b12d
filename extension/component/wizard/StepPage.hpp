// One page of the journey wizard, built from a step of the journey: its guidance, a control
// per question, list editors for repeated items, the stakeholder grid, and what is missing.
#pragma once

#include "wizard/JourneyWizardController.hpp"

#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <com/sun/star/awt/XTextListener.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/ui/dialogs/XWizardPage.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <cppuhelper/implbase6.hxx>
#include <rtl/ref.hxx>

#include <string>
#include <utility>
#include <vector>

namespace partnering::uno {

class StepPage
    : public cppu::WeakImplHelper6<css::ui::dialogs::XWizardPage, css::awt::XTextListener, css::awt::XItemListener,
                                   css::awt::XActionListener, css::awt::XWindowListener, css::awt::XCallback> {
public:
    StepPage(rtl::Reference<JourneyWizardController> controller, css::uno::Reference<css::uno::XComponentContext> context,
             int number, const css::uno::Reference<css::awt::XWindow>& parent);

    // Shows the form's answers in every control (after the answers changed elsewhere).
    void load();
    // The last page's choice of template and language; nothing on the other pages.
    std::optional<DraftChoice> draftChoice();

    // XWizardPage
    css::uno::Reference<css::awt::XWindow> SAL_CALL getWindow() override { return window_; }
    sal_Int16 SAL_CALL getPageId() override { return static_cast<sal_Int16>(number_ - 1); }
    void SAL_CALL activatePage() override;
    // Answers are taken as they are typed; going forward needs the step complete (travelNext and
    // the roadmap do not ask canAdvance, only the Next button does).
    sal_Bool SAL_CALL commitPage(sal_Int16 reason) override;
    sal_Bool SAL_CALL canAdvance() override;
    // XComponent
    void SAL_CALL dispose() override;
    void SAL_CALL addEventListener(const css::uno::Reference<css::lang::XEventListener>&) override {}
    void SAL_CALL removeEventListener(const css::uno::Reference<css::lang::XEventListener>&) override {}
    // XTextListener, XItemListener, XActionListener
    void SAL_CALL textChanged(const css::awt::TextEvent& event) override;
    void SAL_CALL itemStateChanged(const css::awt::ItemEvent& event) override;
    void SAL_CALL actionPerformed(const css::awt::ActionEvent& event) override;
    void SAL_CALL disposing(const css::lang::EventObject&) override {}
    // XWindowListener: the wizard's window, which is sized when shown, is fitted to the page then.
    void SAL_CALL windowShown(const css::lang::EventObject& event) override;
    void SAL_CALL windowResized(const css::awt::WindowEvent&) override {}
    void SAL_CALL windowMoved(const css::awt::WindowEvent&) override {}
    void SAL_CALL windowHidden(const css::lang::EventObject&) override {}
    // XCallback: showing lays the dialog out after windowShown, so the fitting waits for the next event.
    void SAL_CALL notify(const css::uno::Any&) override;

private:
    // One question's control: its name is "q:<path>" on the page, "l<n>:f:<path>" in a list editor.
    struct Field {
        const journey::Question* question;
        rtl::OUString control;
    };
    // Add, update and remove the items of one list; a nested list (an objective's activities)
    // edits the items of the item selected in its parent editor.
    struct ListEditor {
        const journey::Question* list;
        int parent; // index in lists_, -1 for a list of the step itself
        rtl::OUString id; // "l<n>"
        std::vector<Field> fields;
    };

    void build();
    void buildQuestions(int x, int& y, int width);
    int buildListEditor(const journey::Question& list, int parent, int x, int y, int width);
    void buildStakeholderGrid(int x, int& y, int width);
    void buildDraftChoice(int x, int& y, int width);
    void addField(const journey::Question& question, const rtl::OUString& control, int x, int y, int width, int height);
    using Properties = std::vector<std::pair<const char*, css::uno::Any>>;
    css::uno::Reference<css::beans::XPropertySet> addControl(const char* service, const rtl::OUString& name, int x, int y,
                                                             int width, int height, const Properties& properties = {});
    void fitDialog(); // the wizard sizes its pages for 70 characters by 10 lines: too small for ours
    css::uno::Reference<css::uno::XInterface> control(const rtl::OUString& name) const;

    std::string fieldText(const Field& field) const;
    void showFieldText(const Field& field, const std::string& text);
    // The answer the user just gave in the named control (if it is a question's), into the form.
    void takeAnswer(const rtl::OUString& controlName);
    std::string listPath(int editor) const; // empty when its parent has no item selected
    int selectedItem(int editor) const;
    void refreshList(int editor, int select);
    void showItem(int editor);
    void onListButton(int editor, const std::string& action);
    void refreshStatus(const rtl::OUString& problem = rtl::OUString());
    void refreshLanguages();
    void openLessons();
    template <class Action>
    void safely(Action&& action);

    rtl::Reference<JourneyWizardController> controller_;
    css::uno::Reference<css::uno::XComponentContext> context_;
    int number_;
    journey::Step step_;
    css::uno::Reference<css::awt::XWindow> window_;
    css::uno::Reference<css::awt::XControlContainer> container_;
    css::uno::Reference<css::lang::XMultiServiceFactory> modelFactory_;
    std::vector<Field> fields_;
    std::vector<ListEditor> lists_;
    std::vector<std::string> languages_; // of the draft, in the language list's order
    bool loading_ = false;               // our own writes to the controls are no edits
};

} // namespace partnering::uno
