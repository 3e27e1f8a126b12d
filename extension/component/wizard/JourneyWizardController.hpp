// The journey wizard's controller: the journey's seven steps as the pages of LibreOffice's
// roadmap wizard, over the core's JourneyForm; also the org.partnering.JourneyWizardController service.
#pragma once

#include "wizard/DialogLayout.hpp"
#include "wizard/DraftChoicePanel.hpp"

#include "fill/TemplateFiller.hpp"
#include "journey/JourneyForm.hpp"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/dialogs/XWizard.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <cppuhelper/implbase3.hxx>
#include <cppuhelper/weakref.hxx>
#include <org/partnering/XJourneyWizardController.hpp>
#include <rtl/ref.hxx>

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace partnering::uno {

class StepPage;

// Page ids are 0 to 6 for steps 1 to 7: LibreOffice 7.4's roadmap drops the first step's
// item when the first page id is not 0 (it compares page ids with its own state numbers).
inline int stepOfPage(sal_Int16 pageId) { return pageId + 1; }

class JourneyWizardController
    : public cppu::WeakImplHelper3<org::partnering::XJourneyWizardController, css::lang::XServiceInfo, css::awt::XCallback> {
public:
    // Resumes from the answers stored in `frame`'s document when it holds any.
    JourneyWizardController(css::uno::Reference<css::uno::XComponentContext> context,
                            css::uno::Reference<css::frame::XFrame> frame);
    // A draft Finish wrote and nobody opened goes with the controller.
    ~JourneyWizardController() override;

    // XWizardController
    css::uno::Reference<css::ui::dialogs::XWizardPage> SAL_CALL
    createPage(const css::uno::Reference<css::awt::XWindow>& parent, sal_Int16 pageId) override;
    rtl::OUString SAL_CALL getPageTitle(sal_Int16 pageId) override;
    // Next stays enabled: on an incomplete step it shows what is missing (StepPage::commitPage).
    sal_Bool SAL_CALL canAdvance() override { return true; }
    void SAL_CALL onActivatePage(sal_Int16) override {}
    void SAL_CALL onDeactivatePage(sal_Int16) override {}
    // With answers missing, asks whether to draft anyway, saying how many placeholders the draft
    // will carry; keeps the last page's choice of template and language, as the pages go when
    // the wizard closes.
    sal_Bool SAL_CALL confirmFinish() override;

    // XJourneyWizardController
    css::uno::Reference<css::ui::dialogs::XWizard> SAL_CALL createWizard() override;
    void SAL_CALL setAnswers(const rtl::OUString& json) override;
    rtl::OUString SAL_CALL getAnswers() override;
    rtl::OUString SAL_CALL getStepMessage(sal_Int16 number) override;
    css::uno::Reference<css::lang::XComponent> SAL_CALL openDraft() override;
    rtl::OUString SAL_CALL refreshDraft() override;

    // XServiceInfo
    rtl::OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override;
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override;

    // For the pages. The form is shared by the pages (UI thread) and UNO callers (tests,
    // macros): every use goes through withForm, which never calls UNO while it holds the lock.
    template <class Use>
    auto withForm(Use&& use)
    {
        std::lock_guard lock(formMutex_);
        return use(form_);
    }
    const journey::Step& step(int number) const { return steps_.at(static_cast<std::size_t>(number - 1)); }
    // What step `number` still needs, in plain words in the UI language.
    std::vector<journey::AnswerProblem> missing(int number);
    // The roadmap's ticks follow the answers.
    void updateTravelUI();
    // A page is shown: the wizard's window exists now, and is kept at a size that fits.
    void pageShown(int number);
    void pageDisposed(int number);
    // Opens the wizard at step `number` once it shows, passing the steps before it whatever
    // they still need (Check agreement's "Open the journey at this step").
    void startAt(int number) { startStep_ = number; }
    // XCallback: the jump, after the wizard has shown its first page.
    void SAL_CALL notify(const css::uno::Any&) override;
    bool jumping() const { return jumping_; }
    const css::uno::Reference<css::frame::XFrame>& frame() const { return frame_; }
    const l10n::Translator& translator() const noexcept { return translator_; } // the journey's, in the UI language
    const css::uno::Reference<css::uno::XComponentContext>& context() const noexcept { return context_; }
    // The wizard's own window, while it runs: what the pages' message boxes stand over.
    css::uno::Reference<css::awt::XWindow> dialogWindow() const;
    // Why the answers stored in the document could not be resumed; empty when they were (or none).
    const std::string& resumeProblem() const { return resumeProblem_; }
    bool resumed() const { return resumed_; }

private:
    DraftChoice draftChoice();
    // The answers with the last page's language, and the chosen template in that language.
    struct Draft {
        journey::AgreementAnswers answers;
        fill::TemplateFiller filler;
    };
    Draft prepareDraft();
    Draft draftOf(const DraftChoice& choice, journey::AgreementAnswers answers);
    // How many placeholders the draft that Finish makes will carry; nothing when the template
    // cannot be filled (logged; the question then speaks of gaps without a count).
    std::optional<int> placeholdersInDraft();
    // Finish on a new journey: fills the template into a new file before the wizard closes;
    // false (the user told why, the wizard kept open) when it cannot be written.
    bool writeNewDraft();
    void discardWrittenDraft() noexcept;

    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::Reference<css::frame::XFrame> frame_;
    l10n::Translator translator_;
    std::vector<journey::Step> steps_;
    bool resumed_ = false;      // set while form_ is made, so declared before it
    std::string resumeProblem_;
    std::mutex formMutex_;
    journey::JourneyForm form_;
    css::uno::WeakReference<css::ui::dialogs::XWizard> wizard_;
    std::map<int, rtl::Reference<StepPage>> pages_;
    DraftChoicePanel* draftPanel_ = nullptr; // on the last page, while it exists
    std::optional<DraftChoice> chosenDraft_;
    std::optional<std::filesystem::path> writtenDraft_; // by Finish, until openDraft() opens it
    rtl::Reference<DialogLayout> dialogLayout_;
    std::vector<bool> complete_; // the steps the roadmap ticks
    bool jumping_ = false;
    int startStep_ = 1;
};

} // namespace partnering::uno
