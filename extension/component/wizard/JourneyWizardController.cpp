#include "wizard/JourneyWizardController.hpp"

#include "wizard/DraftRefreshInWriter.hpp"
#include "wizard/JourneyWizard.hpp"
#include "wizard/StepPage.hpp"

#include "ExtensionFolder.hpp"
#include "UiText.hpp"
#include "DocumentAnswers.hpp"
#include "error/ScopeGuards.hpp"
#include "UnoBoundary.hpp"
#include "library/LessonLibrary.hpp"

#include "fill/DraftTemplates.hpp"
#include "fill/TemplateFiller.hpp"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/Wizard.hpp>
#include <com/sun/star/ui/dialogs/WizardButton.hpp>
#include <cppuhelper/supportsservice.hxx>
#include <osl/file.hxx>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <random>
#include <utility>

namespace partnering::uno {

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

constexpr const char* kImplementationName = "org.partnering.comp.JourneyWizardController";
constexpr const char* kServiceName = "org.partnering.JourneyWizardController";

journey::JourneyForm initialForm(const Reference<css::uno::XComponentContext>& context,
                                 const Reference<css::frame::XFrame>& frame, bool& resumed, std::string& problem)
{
    std::optional<journey::JourneyForm> form;
    // Answers that cannot be resumed are told to the user (resumeProblem), who starts afresh.
    const auto notResumed = [&](const Failure& failure) { problem = toUtf8(failure.message); };
    reportFailures(notResumed, [&] {
        if (const auto stored = documentAnswers(frame))
            form.emplace(journey::AgreementAnswers::parse(*stored, std::string(fill::kAnswersProperty)));
    });
    resumed = form.has_value();
    if (!form)
        reportFailures(logFailure("starting the journey in the default language"),
                       [&] { form.emplace(defaultLanguage(context)); });
    if (!form)
        form.emplace(std::string(l10n::kSourceLanguage));
    return std::move(*form);
}

std::filesystem::path uniqueDraftPath()
{
    std::random_device random;
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    return std::filesystem::temp_directory_path()
         / ("partnering-draft-" + std::to_string(stamp) + "-" + std::to_string(random()) + ".odt");
}

} // namespace

JourneyWizardController::JourneyWizardController(Reference<css::uno::XComponentContext> context,
                                                 Reference<css::frame::XFrame> frame)
    : context_(std::move(context)),
      frame_(std::move(frame)),
      translator_(journeyCatalogs(context_).translatorFor(uiLanguage(context_))),
      steps_(journey::Journey::standard().steps(translator_)),
      form_(initialForm(context_, frame_, resumed_, resumeProblem_))
{
}

JourneyWizardController::~JourneyWizardController()
{
    discardWrittenDraft();
}

Reference<css::ui::dialogs::XWizardPage> JourneyWizardController::createPage(const Reference<css::awt::XWindow>& parent,
                                                                              sal_Int16 pageId)
{
    return callCore(static_cast<cppu::OWeakObject*>(this), [&] {
        const int number = stepOfPage(pageId);
        if (number < 1 || number > static_cast<int>(steps_.size()))
            throw InvalidInput("partnering.journey.unknown-step", "no page " + std::to_string(pageId));
        rtl::Reference<StepPage> page(new StepPage(this, context_, number, parent));
        pages_[number] = page;
        if (number == static_cast<int>(steps_.size())) {
            // The draft Finish makes is chosen where the journey ends, whatever that step asks.
            auto panel = std::make_unique<DraftChoicePanel>(context_, page->content(), *this, resumed_, page->listener());
            draftPanel_ = panel.get();
            page->attach(std::move(panel));
        }
        return Reference<css::ui::dialogs::XWizardPage>(page.get());
    });
}

rtl::OUString JourneyWizardController::getPageTitle(sal_Int16 pageId)
{
    return callCore(static_cast<cppu::OWeakObject*>(this), [&] {
        // The roadmap numbers the steps itself; a tick marks the complete ones.
        const int number = stepOfPage(pageId);
        if (number < 1 || number > static_cast<int>(steps_.size()))
            throw InvalidInput("partnering.journey.unknown-step", "no page " + std::to_string(pageId));
        rtl::OUString title = toOUString(step(number).title);
        if (complete_.empty())
            complete_ = withForm([](journey::JourneyForm& form) { return form.completeSteps(); });
        if (complete_.at(static_cast<std::size_t>(number - 1)))
            title += " " + rtl::OUString(static_cast<sal_Unicode>(0x2713));
        return title;
    });
}

Reference<css::ui::dialogs::XWizard> JourneyWizardController::createWizard()
{
    return callCore(static_cast<cppu::OWeakObject*>(this), [&] {
        Sequence<sal_Int16> path(static_cast<sal_Int32>(steps_.size()));
        for (sal_Int32 i = 0; i < path.getLength(); ++i)
            path[i] = static_cast<sal_Int16>(i); // page i shows step i + 1
        const auto wizard = css::ui::dialogs::Wizard::createSinglePathWizard(context_, path, this);
        wizard->setTitle(uiText(context_, "Partnership journey"));
        wizard_ = wizard;
        return wizard;
    });
}

void JourneyWizardController::setAnswers(const rtl::OUString& json)
{
    callCore(static_cast<cppu::OWeakObject*>(this), [&] {
        const auto answers = journey::AgreementAnswers::parse(toUtf8(json), "answers");
        withForm([&](journey::JourneyForm& form) { form.replaceAnswers(answers); });
        const auto pages = pages_;
        for (const auto& [number, page] : pages)
            page->load();
        updateTravelUI(); // the roadmap's ticks for the new answers
    });
}

rtl::OUString JourneyWizardController::getAnswers()
{
    return callCore(static_cast<cppu::OWeakObject*>(this),
                    [&] { return toOUString(withForm([](journey::JourneyForm& form) { return form.json().dump(2); })); });
}

rtl::OUString JourneyWizardController::getStepMessage(sal_Int16 number)
{
    return callCore(static_cast<cppu::OWeakObject*>(this), [&] {
        const auto gaps = missing(number);
        if (gaps.empty())
            return uiText(context_, "This step is complete.");
        rtl::OUString text = uiText(context_, "This step still needs:");
        for (const auto& gap : gaps)
            text += "\n" + rtl::OUString(static_cast<sal_Unicode>(0x2022)) + " " + toOUString(gap.reason);
        return text;
    });
}

std::vector<journey::AnswerProblem> JourneyWizardController::missing(int number)
{
    return withForm([&](journey::JourneyForm& form) { return form.missing(number, translator_); });
}

void JourneyWizardController::updateTravelUI()
{
    // Only when a step's tick changes: the roadmap wizard lays itself out again at every update.
    auto complete = withForm([](journey::JourneyForm& form) { return form.completeSteps(); });
    if (complete == complete_)
        return;
    complete_ = std::move(complete);
    const Reference<css::ui::dialogs::XWizard> wizard(wizard_);
    if (wizard.is())
        wizard->updateTravelUI();
}

void JourneyWizardController::pageShown(int)
{
    const Reference<css::ui::dialogs::XWizard> wizard(wizard_);
    if (!wizard.is())
        return;
    if (!dialogLayout_.is())
        dialogLayout_ = new DialogLayout(context_);
    dialogLayout_->follow(wizard->getDialogWindow());
    // The journey has no help pages of its own: its guidance is on every page. (The buttons
    // exist once the wizard runs.)
    wizard->enableButton(css::ui::dialogs::WizardButton::HELP, false);
    // The wizard travels only once it runs: the jump waits for its first page to be shown.
    if (startStep_ > 1)
        css::awt::AsyncCallback::create(context_)->addCallback(this, css::uno::Any());
}

void JourneyWizardController::notify(const css::uno::Any&)
{
    const int number = std::exchange(startStep_, 1);
    const Reference<css::ui::dialogs::XWizard> wizard(wizard_);
    if (!wizard.is() || number <= 1 || number > static_cast<int>(steps_.size()))
        return;
    // Passing the steps before it is not going on from them: their gaps do not hold the user.
    const ScopedFlag jumping(jumping_);
    // When the jump fails the journey stays at its first step; the user travels on from there.
    reportFailures(logFailure("opening the journey at a later step"),
                   [&] { wizard->advanceTo(static_cast<sal_Int16>(number - 1)); });
}

void JourneyWizardController::pageDisposed(int number)
{
    if (number == static_cast<int>(steps_.size()))
        draftPanel_ = nullptr;
    pages_.erase(number);
    if (pages_.empty() && dialogLayout_.is())
        dialogLayout_->stop();
}

sal_Bool JourneyWizardController::confirmFinish()
{
    bool confirmed = true; // when asking fails, the default choice still makes a draft
    reportFailures(logFailure("confirming the journey's end"), [&] {
        int gaps = 0;
        rtl::OUString steps;
        for (int number = 1; number <= static_cast<int>(steps_.size()); ++number) {
            const auto count = static_cast<int>(missing(number).size());
            if (count == 0)
                continue;
            gaps += count;
            steps += (steps.isEmpty() ? rtl::OUString() : rtl::OUString(", ")) + rtl::OUString::number(number);
        }
        if (gaps > 0) {
            // The counts after a colon: no plural to agree with them in any language.
            rtl::OUString question = uiText(context_, "Answers still missing: %1. Steps to complete: %2.")
                                         .replaceAll("%1", rtl::OUString::number(gaps))
                                         .replaceAll("%2", steps)
                                   + "\n\n";
            if (const auto placeholders = placeholdersInDraft())
                question += uiText(context_, "Placeholders in the draft: %1. Each shows in grey the question it "
                                             "stands for; type over it in Writer, or come back to the journey to "
                                             "answer it. Make the draft now?")
                                .replaceAll("%1", rtl::OUString::number(*placeholders));
            else
                question += uiText(context_, "The draft will have a gap for each of them, to fill in Writer or by "
                                             "coming back to the journey. Make the draft now?");
            if (!askYesNo(context_, dialogWindow(), uiText(context_, "Partnership journey"), question)) {
                confirmed = false;
                return;
            }
        }
        chosenDraft_.reset();
        if (draftPanel_ != nullptr)
            chosenDraft_ = draftPanel_->choice();
    });
    if (confirmed && !resumed_)
        confirmed = writeNewDraft();
    return confirmed;
}

bool JourneyWizardController::writeNewDraft()
{
    // Written while the wizard is still open: when the disk is full or the folder refuses, the
    // user reads why over the wizard and keeps every answer to press Finish again.
    const auto failed = [&](const Failure& failure) {
        showMessage(context_, dialogWindow(), uiText(context_, "Partnership journey"),
                    uiText(context_, "The draft could not be written; your answers are kept. Make room or fix the "
                                     "problem below, then press Finish again.")
                        + "\n\n" + failureText(failure, uiText(context_, "The journey wizard failed unexpectedly.")),
                    MessageKind::Error);
    };
    return reportFailures(failed, [&] {
        discardWrittenDraft();
        const Draft prepared = prepareDraft();
        const auto path = uniqueDraftPath();
        prepared.filler.fill(prepared.answers, path, {extensionFolder(context_) / "locale"});
        writtenDraft_ = path;
    });
}

void JourneyWizardController::discardWrittenDraft() noexcept
{
    if (!writtenDraft_)
        return;
    std::error_code ignored;
    std::filesystem::remove(*writtenDraft_, ignored);
    writtenDraft_.reset();
}

Reference<css::awt::XWindow> JourneyWizardController::dialogWindow() const
{
    const Reference<css::ui::dialogs::XWizard> wizard(wizard_);
    return wizard.is() ? wizard->getDialogWindow() : nullptr;
}

DraftChoice JourneyWizardController::draftChoice()
{
    if (draftPanel_ != nullptr)
        return draftPanel_->choice();
    return chosenDraft_ ? *chosenDraft_ : DraftChoice();
}

JourneyWizardController::Draft JourneyWizardController::prepareDraft()
{
    const DraftChoice choice = draftChoice();
    if (!choice.language.empty())
        withForm([&](journey::JourneyForm& form) { form.setLanguage(choice.language); });
    return draftOf(choice, withForm([](journey::JourneyForm& form) { return form.answers(); }));
}

JourneyWizardController::Draft JourneyWizardController::draftOf(const DraftChoice& choice, journey::AgreementAnswers answers)
{
    const auto templates = extensionFolder(context_) / "templates";
    auto filler = fill::TemplateFiller::open(fill::templateFile(templates, choice.templateName, answers.language()));
    return {std::move(answers), std::move(filler)};
}

std::optional<int> JourneyWizardController::placeholdersInDraft()
{
    std::optional<int> count;
    reportFailures(logFailure("counting the draft's placeholders"), [&] {
        const DraftChoice choice = draftChoice();
        // The answers as the draft would take them, the journey's own left as they are: the
        // user may still say No and go on answering.
        auto answers = withForm([&](journey::JourneyForm& form) {
            journey::JourneyForm chosen = form;
            if (!choice.language.empty())
                chosen.setLanguage(choice.language);
            return chosen.answers();
        });
        const Draft draft = draftOf(choice, std::move(answers));
        const auto fields = draft.filler.draftFields(draft.answers, {extensionFolder(context_) / "locale"}).fields;
        count = static_cast<int>(std::count_if(fields.begin(), fields.end(), [](const auto& f) { return f.placeholder; }));
    });
    return count;
}

rtl::OUString JourneyWizardController::refreshDraft()
{
    return callCore(static_cast<cppu::OWeakObject*>(this), [&] {
        const Draft draft = prepareDraft();
        return refreshDraftInWriter(context_, frame_, draft.filler, draft.answers, {extensionFolder(context_) / "locale"});
    });
}

Reference<css::lang::XComponent> JourneyWizardController::openDraft()
{
    return callCore(static_cast<cppu::OWeakObject*>(this), [&] {
        // The draft Finish wrote, or (after a refresh in place the user turned down) a new one.
        const auto draft = writtenDraft_ ? *std::exchange(writtenDraft_, std::nullopt) : uniqueDraftPath();
        if (!std::filesystem::exists(draft)) {
            const Draft prepared = prepareDraft();
            prepared.filler.fill(prepared.answers, draft, {extensionFolder(context_) / "locale"});
        }

        // Opened as a template, the filled file becomes a new untitled document: saving it
        // asks where, and the temporary file can go at once.
        rtl::OUString url;
        osl::FileBase::getFileURLFromSystemPath(toOUString(draft.string()), url);
        Sequence<css::beans::PropertyValue> arguments(1);
        arguments[0].Name = "AsTemplate";
        arguments[0].Value <<= true;
        Reference<css::lang::XComponent> document;
        {
            const AtScopeExit removeDraft([&draft]() noexcept {
                std::error_code ignored;
                std::filesystem::remove(draft, ignored);
            });
            document = css::frame::Desktop::create(context_)->loadComponentFromURL(url, "_blank", 0, arguments);
        }
        if (!document.is())
            throw EnvironmentFailure("partnering.wizard.not-opened", "Writer could not open the draft " + draft.string());
        return document;
    });
}

rtl::OUString JourneyWizardController::getImplementationName()
{
    return rtl::OUString::createFromAscii(kImplementationName);
}

sal_Bool JourneyWizardController::supportsService(const rtl::OUString& name)
{
    return cppu::supportsService(this, name);
}

Sequence<rtl::OUString> JourneyWizardController::getSupportedServiceNames()
{
    Sequence<rtl::OUString> names(1);
    names[0] = rtl::OUString::createFromAscii(kServiceName);
    return names;
}

void runJourneyWizard(const Reference<css::uno::XComponentContext>& context, const Reference<css::frame::XFrame>& frame,
                      int firstStep)
{
    const rtl::OUString title = uiText(context, "Partnership journey");
    const auto failed = errorBox(context, frame, title, uiText(context, "The journey wizard failed unexpectedly."));
    reportFailures(failed, [&] {
        const rtl::Reference<JourneyWizardController> controller(new JourneyWizardController(context, frame));
        if (!controller->resumeProblem().empty())
            showMessage(context, frame, title,
                        uiText(context, "The journey stored in this document cannot be resumed; the wizard starts afresh.")
                            + "\n" + toOUString(controller->resumeProblem()),
                        MessageKind::Warning);
        const auto wizard = controller->createWizard();
        controller->startAt(firstStep);
        const bool finished = wizard->execute() == css::ui::dialogs::ExecutableDialogResults::OK;
        // LibreOffice 7.4's wizard object is not an XComponent: it goes with its last reference.
        if (const Reference<css::lang::XComponent> component{wizard, UNO_QUERY}; component.is())
            component->dispose();
        if (!finished)
            return;
        if (controller->resumed()) {
            // The draft the wizard resumed from takes the new answers in place; when its layout
            // no longer fits them, the user chooses a new document or keeps the draft as it is.
            const rtl::OUString obstacle = controller->refreshDraft();
            if (obstacle.isEmpty()
                || !askYesNo(context, frame, title,
                             uiText(context, "This draft cannot be refreshed in place:") + "\n" + obstacle + "\n\n"
                                 + uiText(context, "Open the refreshed draft as a new document? Your draft stays as it is.")))
                return;
        }
        controller->openDraft();
    });
}

} // namespace partnering::uno

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_partnering_JourneyWizardController_get_implementation(css::uno::XComponentContext* context,
                                                          const css::uno::Sequence<css::uno::Any>& arguments)
{
    // A constructor must not throw C++ exceptions into LibreOffice's service manager.
    return partnering::uno::callCore(nullptr, [&] {
        css::uno::Reference<css::frame::XFrame> frame;
        if (arguments.getLength() > 0)
            arguments[0] >>= frame;
        return cppu::acquire(new partnering::uno::JourneyWizardController(context, frame));
    });
}
