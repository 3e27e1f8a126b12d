#include "wizard/JourneyWizardController.hpp"

#include "wizard/DraftRefreshInWriter.hpp"
#include "wizard/JourneyWizard.hpp"
#include "wizard/StepPage.hpp"

#include "ExtensionFolder.hpp"
#include "UiText.hpp"
#include "DocumentAnswers.hpp"
#include "UnoBoundary.hpp"
#include "library/LessonLibrary.hpp"

#include "fill/DraftTemplates.hpp"
#include "fill/TemplateFiller.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/Wizard.hpp>
#include <cppuhelper/supportsservice.hxx>
#include <osl/file.hxx>

#include <chrono>
#include <filesystem>
#include <random>

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
    try {
        if (const auto stored = documentAnswers(frame)) {
            resumed = true;
            return journey::JourneyForm(journey::AgreementAnswers::parse(*stored, std::string(fill::kAnswersProperty)));
        }
    } catch (const partnering::Error& e) {
        resumed = false;
        problem = e.what();
    } catch (const css::uno::Exception& e) {
        resumed = false;
        problem = toUtf8(e.Message);
    }
    try {
        return journey::JourneyForm(defaultLanguage(context));
    } catch (const partnering::Error&) {
        return journey::JourneyForm(std::string(l10n::kSourceLanguage));
    }
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

Reference<css::ui::dialogs::XWizardPage> JourneyWizardController::createPage(const Reference<css::awt::XWindow>& parent,
                                                                              sal_Int16 pageId)
{
    return callCore(static_cast<cppu::OWeakObject*>(this), [&] {
        const int number = stepOfPage(pageId);
        if (number < 1 || number > static_cast<int>(steps_.size()))
            throw InvalidInput("partnering.journey.unknown-step", "no page " + std::to_string(pageId));
        rtl::Reference<StepPage> page(new StepPage(this, context_, number, parent));
        pages_[number] = page;
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
        if (stepComplete(number))
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
    });
}

rtl::OUString JourneyWizardController::getAnswers()
{
    return callCore(static_cast<cppu::OWeakObject*>(this),
                    [&] { return toOUString(withForm([](journey::JourneyForm& form) { return form.json().dump(2); })); });
}

rtl::OUString JourneyWizardController::getStepMessage(sal_Int16 number)
{
    return callCore(static_cast<cppu::OWeakObject*>(this), [&] { return stepMessage(number); });
}

rtl::OUString JourneyWizardController::stepMessage(int number)
{
    const auto missing = withForm([&](journey::JourneyForm& form) { return form.missing(number, translator_); });
    if (missing.empty())
        return uiText(context_, "This step is complete.");
    rtl::OUString text = uiText(context_, "Before going on, this step needs:");
    for (const auto& problem : missing)
        text += "\n" + rtl::OUString(static_cast<sal_Unicode>(0x2022)) + " " + toOUString(problem.reason) + " (" + toOUString(problem.path) + ")";
    return text;
}

bool JourneyWizardController::stepComplete(int number)
{
    return withForm([&](journey::JourneyForm& form) { return form.missing(number, translator_).empty(); });
}

void JourneyWizardController::updateTravelUI()
{
    const Reference<css::ui::dialogs::XWizard> wizard(wizard_);
    if (wizard.is())
        wizard->updateTravelUI();
}

Reference<css::awt::XWindow> JourneyWizardController::dialogWindow()
{
    const Reference<css::ui::dialogs::XWizard> wizard(wizard_);
    return wizard.is() ? wizard->getDialogWindow() : Reference<css::awt::XWindow>();
}

void JourneyWizardController::jumpTo(int number)
{
    const Reference<css::ui::dialogs::XWizard> wizard(wizard_);
    if (!wizard.is() || number < 1 || number > static_cast<int>(steps_.size()))
        return;
    // Passing the steps before it is not going on from them: their gaps do not hold the user.
    jumping_ = true;
    try {
        wizard->advanceTo(static_cast<sal_Int16>(number - 1));
    } catch (...) {
        jumping_ = false;
        throw;
    }
    jumping_ = false;
}

void JourneyWizardController::pageDisposed(int number)
{
    pages_.erase(number);
}

sal_Bool JourneyWizardController::confirmFinish()
{
    try {
        chosenDraft_.reset();
        chosenDraft_ = draftChoice();
    } catch (...) {
        // The default choice still makes a draft.
    }
    return true;
}

DraftChoice JourneyWizardController::draftChoice()
{
    const auto last = pages_.find(static_cast<int>(steps_.size()));
    if (last != pages_.end()) {
        if (auto choice = last->second->draftChoice())
            return *choice;
    }
    return chosenDraft_ ? *chosenDraft_ : DraftChoice();
}

JourneyWizardController::Draft JourneyWizardController::prepareDraft()
{
    DraftChoice choice = draftChoice();
    if (!choice.language.empty())
        withForm([&](journey::JourneyForm& form) { form.setLanguage(choice.language); });
    auto answers = withForm([](journey::JourneyForm& form) { return form.answers(); });
    const auto templates = extensionFolder(context_) / "templates";
    auto filler = fill::TemplateFiller::open(fill::templateFile(templates, choice.templateName, answers.language()));
    auto translator = journeyCatalogs(context_).translatorFor(answers.language());
    return {std::move(answers), std::move(filler), std::move(translator)};
}

rtl::OUString JourneyWizardController::refreshDraft()
{
    return callCore(static_cast<cppu::OWeakObject*>(this), [&] {
        const Draft draft = prepareDraft();
        return refreshDraftInWriter(context_, frame_, draft.filler.draftFields(draft.answers, {&draft.translator}),
                                    draft.answers.json().dump());
    });
}

Reference<css::lang::XComponent> JourneyWizardController::openDraft()
{
    return callCore(static_cast<cppu::OWeakObject*>(this), [&] {
        const Draft prepared = prepareDraft();
        const auto draft = uniqueDraftPath();
        prepared.filler.fill(prepared.answers, draft, {&prepared.translator});

        // Opened as a template, the filled file becomes a new untitled document: saving it
        // asks where, and the temporary file can go at once.
        rtl::OUString url;
        osl::FileBase::getFileURLFromSystemPath(toOUString(draft.string()), url);
        Sequence<css::beans::PropertyValue> arguments(1);
        arguments[0].Name = "AsTemplate";
        arguments[0].Value <<= true;
        Reference<css::lang::XComponent> document;
        try {
            document = css::frame::Desktop::create(context_)->loadComponentFromURL(url, "_blank", 0, arguments);
        } catch (...) {
            std::error_code ignored;
            std::filesystem::remove(draft, ignored);
            throw;
        }
        std::error_code ignored;
        std::filesystem::remove(draft, ignored);
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
    try {
        const rtl::Reference<JourneyWizardController> controller(new JourneyWizardController(context, frame));
        if (!controller->resumeProblem().empty())
            showMessage(context, frame, title,
                        uiText(context, "The journey stored in this document cannot be resumed; the wizard starts afresh.")
                            + "\n" + toOUString(controller->resumeProblem()),
                        MessageKind::Warning);
        const auto wizard = controller->createWizard();
        if (firstStep > 1)
            controller->jumpTo(firstStep);
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
    } catch (const css::uno::Exception& e) {
        showMessage(context, frame, title, e.Message, MessageKind::Error);
    } catch (const std::exception& e) {
        showMessage(context, frame, title, toOUString(e.what()), MessageKind::Error);
    } catch (...) {
        showMessage(context, frame, title, uiText(context, "The journey wizard failed unexpectedly."), MessageKind::Error);
    }
}

} // namespace partnering::uno

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_partnering_JourneyWizardController_get_implementation(css::uno::XComponentContext* context,
                                                          const css::uno::Sequence<css::uno::Any>& arguments)
{
    // A constructor must not throw C++ exceptions into LibreOffice's service manager.
    try {
        css::uno::Reference<css::frame::XFrame> frame;
        if (arguments.getLength() > 0)
            arguments[0] >>= frame;
        return cppu::acquire(new partnering::uno::JourneyWizardController(context, frame));
    } catch (const css::uno::Exception&) {
        throw;
    } catch (const std::exception& e) {
        throw css::uno::RuntimeException(partnering::uno::toOUString(e.what()), nullptr);
    }
}
