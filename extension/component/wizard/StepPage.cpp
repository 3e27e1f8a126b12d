#include "wizard/StepPage.hpp"

#include "wizard/JourneyWizardController.hpp"
#include "wizard/StakeholderGridView.hpp"

#include "error/ScopeGuards.hpp"
#include "UiText.hpp"
#include "UnoBoundary.hpp"
#include "sidebar/LessonsPanel.hpp"

#include "error/Error.hpp"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/ui/dialogs/WizardTravelType.hpp>

#include <algorithm>
#include <utility>

namespace partnering::uno {

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using journey::Question;

constexpr int kStatusLines = 5; // what a step needs, and a line to say what to do about it
constexpr int kHeadingHeight = 14;

rtl::OUString nameOf(const Reference<css::uno::XInterface>& source)
{
    rtl::OUString name;
    const Reference<css::awt::XControl> control(source, UNO_QUERY);
    if (control.is()) {
        const Reference<css::beans::XPropertySet> model(control->getModel(), UNO_QUERY);
        if (model.is())
            model->getPropertyValue("Name") >>= name;
    }
    return name;
}

Reference<css::awt::XWindowPeer> peerOf(const Reference<css::awt::XWindow>& window)
{
    const Reference<css::awt::XControl> control(window, UNO_QUERY);
    return control.is() ? control->getPeer() : Reference<css::awt::XWindowPeer>(window, UNO_QUERY_THROW);
}

} // namespace

StepPage::StepPage(rtl::Reference<JourneyWizardController> controller, Reference<css::uno::XComponentContext> context,
                   int number, const Reference<css::awt::XWindow>& parent)
    : controller_(std::move(controller)), context_(std::move(context)), number_(number), step_(controller_->step(number)),
      gaps_(context_, *controller_, number_, fields_, lists_)
{
    page_ = std::make_unique<ControlCanvas>(context_, peerOf(parent));
    questions_ = std::make_unique<QuestionsViewport>(context_, *page_, this);
    buildFrame();
    buildQuestions();
    page_->window()->addWindowListener(this);
    load();
}

void StepPage::buildFrame()
{
    page_->add("com.sun.star.awt.UnoControlFixedTextModel", "title",
               {{"Label", Any(toOUString(std::to_string(number_) + ". " + step_.title))},
                {"MultiLine", Any(true)},
                {"NoLabel", Any(true)},
                {"FontWeight", Any(css::awt::FontWeight::BOLD)}});
    std::string guidance;
    for (const auto& paragraph : step_.guidance)
        guidance += (guidance.empty() ? "" : "\n\n") + paragraph;
    page_->add("com.sun.star.awt.UnoControlEditModel", "guidance",
               {{"MultiLine", Any(true)}, {"VScroll", Any(true)}, {"ReadOnly", Any(true)}, {"Text", Any(toOUString(guidance))}});
    page_->add("com.sun.star.awt.UnoControlButtonModel", "lessons",
               {{"Label", Any(uiText(context_, "Lessons learned for this step"))}});
    Reference<css::awt::XButton>(page_->control("lessons"), UNO_QUERY_THROW)->addActionListener(this);
    page_->add("com.sun.star.awt.UnoControlEditModel", "message",
               {{"MultiLine", Any(true)}, {"VScroll", Any(true)}, {"ReadOnly", Any(true)}});
}

void StepPage::buildQuestions()
{
    // A step that asks one thing gives it the room of the page (the vision, the purpose).
    const auto single = std::count_if(step_.questions.begin(), step_.questions.end(),
                                      [](const Question& q) { return q.type != Question::Type::List; }) == 1;
    std::string group;
    int lists = 0;
    for (const auto& question : step_.questions) {
        if (question.group != group) {
            group = question.group;
            const rtl::OUString heading = "g" + rtl::OUString::number(static_cast<sal_Int64>(blocks_.size()));
            questions_->content().add("com.sun.star.awt.UnoControlFixedLineModel", heading, {{"Label", Any(toOUString(group))}});
            blocks_.push_back({heading});
        }
        if (question.type != Question::Type::List) {
            fields_.push_back(std::make_unique<QuestionControls>(context_, questions_->content(), question, "q:" + toOUString(question.path),
                                                                 listener(), single && question.type == Question::Type::Paragraph));
            blocks_.push_back({{}, fields_.back().get()});
            continue;
        }
        // The list, then the lists of its items (an objective's activities), each with an editor.
        std::vector<std::pair<const Question*, ListEditor*>> pending{{&question, nullptr}};
        while (!pending.empty()) {
            const auto [list, parent] = pending.front();
            pending.erase(pending.begin());
            lists_.push_back(std::make_unique<ListEditor>(context_, questions_->content(), *controller_, *list, lists++, parent, listener()));
            ListEditor* editor = lists_.back().get();
            blocks_.push_back({{}, nullptr, editor});
            for (const auto& item : list->items) {
                if (item.type == Question::Type::List)
                    pending.emplace_back(&item, editor);
            }
            if (list->path == "partnership.stakeholders") {
                parts_.push_back(std::make_unique<StakeholderGridView>(context_, questions_->content(), *controller_, *editor, listener()));
                blocks_.push_back({{}, nullptr, nullptr, parts_.back().get()});
            }
        }
    }
}

void StepPage::attach(std::unique_ptr<PagePart> part)
{
    parts_.push_back(std::move(part));
    blocks_.push_back({{}, nullptr, nullptr, parts_.back().get()});
    {
        const ScopedFlag loading(loading_);
        parts_.back()->refresh();
    }
    layout();
}

Reference<css::awt::XWindow> StepPage::getWindow()
{
    return page_ ? page_->window() : Reference<css::awt::XWindow>();
}

int StepPage::layoutQuestions(int width, bool place)
{
    constexpr int x = 2;
    int y = 3;
    std::vector<QuestionControls*> run;
    const auto flush = [&] {
        y += flowFields(run, x, y, width, place);
        run.clear();
    };
    for (const auto& block : blocks_) {
        if (block.field != nullptr) {
            run.push_back(block.field);
            continue;
        }
        flush();
        if (!block.heading.isEmpty()) {
            y += 4;
            if (place)
                questions_->content().place(block.heading, {x, y, width, kHeadingHeight - 4});
            y += kHeadingHeight;
        } else if (block.editor != nullptr) {
            if (place)
                block.editor->place(x, y, width);
            y += block.editor->height(width) + 6;
        } else if (block.part != nullptr) {
            if (place)
                block.part->place(x, y, width);
            y += block.part->height(width) + 4;
        }
    }
    flush();
    return y + 4;
}

void StepPage::layout()
{
    if (!page_)
        return;
    const auto pixels = page_->window()->getPosSize();
    if (pixels.Width <= 0 || pixels.Height <= 0)
        return;
    const auto units = page_->toUnits(pixels.Width, pixels.Height);
    const int width = units.Width, height = units.Height;

    // The guidance at the left, the questions at the right, what the step needs below them.
    const int guidance = std::clamp(width * 27 / 100, 110, 175);
    const rtl::OUString title = page_->model("title")->getPropertyValue("Label").get<rtl::OUString>();
    const int titleHeight = textLines(title, guidance - 12) * 10 + 2;
    page_->place("title", {4, 3, guidance, titleHeight});
    page_->place("guidance", {4, 5 + titleHeight, guidance, std::max(20, height - titleHeight - 27)});
    page_->place("lessons", {4, height - 19, guidance, 15});
    const int x = guidance + 10, right = std::max(width - x - 4, 80);
    const int status = std::clamp(height / 6, 30, kStatusLines * 9 + 6);
    page_->place("message", {x, height - status - 3, right, status});
    const Box viewport{x, 3, right, std::max(20, height - status - 9)};
    contentWidth_ = QuestionsViewport::contentWidth(viewport.width);
    questions_->place(*page_, viewport, layoutQuestions(contentWidth_, true));
}

QuestionControls* StepPage::field(const rtl::OUString& control) const
{
    for (const auto& field : fields_) {
        if (field->owns(control))
            return field.get();
    }
    return nullptr;
}

ListEditor* StepPage::editor(const rtl::OUString& control) const
{
    for (const auto& editor : lists_) {
        if (editor->owns(control))
            return editor.get();
    }
    return nullptr;
}

PagePart* StepPage::part(const rtl::OUString& control) const
{
    for (const auto& part : parts_) {
        if (part->owns(control))
            return part.get();
    }
    return nullptr;
}

template <class Event> void StepPage::routed(Event&& event) noexcept
{
    // UI callbacks: nothing may reach LibreOffice.
    reportFailures([this](const Failure& failure) { tell(failure); }, [&] {
        if (controller_.is() && page_)
            event();
    });
}

void StepPage::tell(const Failure& failure)
{
    // An answer the form refuses is said on the page, in the form's own words.
    if (failure.fromCore())
        return refreshStatus(failure.reason);
    showMessage(context_, controller_.is() ? controller_->dialogWindow() : nullptr, uiText(context_, "Partnership journey"),
                failureText(failure, uiText(context_, "The journey wizard failed unexpectedly.")), MessageKind::Error);
}

void StepPage::load()
{
    {
        const ScopedFlag loading(loading_);
        for (const auto& field : fields_) {
            const auto [text, language] = controller_->withForm([&](journey::JourneyForm& form) {
                return std::make_pair(form.text(field->question().path), form.language());
            });
            field->show(text, language);
        }
        for (const auto& editor : lists_) {
            if (editor->parent() == nullptr)
                editor->refresh();
        }
        for (const auto& part : parts_)
            part->refresh();
    }
    refreshStatus();
}

void StepPage::takeAnswer(QuestionControls& field, const rtl::OUString& control)
{
    {
        const ScopedFlag loading(loading_);
        field.follow(control);
    }
    const std::string text = field.text();
    controller_->withForm([&](journey::JourneyForm& form) { form.setText(field.question(), field.question().path, text); });
    changed();
}

void StepPage::changed()
{
    {
        const ScopedFlag loading(loading_);
        for (const auto& part : parts_)
            part->refresh();
    }
    refreshStatus();
    // Typing changes no height; a list's new row or a warning's lines may.
    if (questions_->content().toPixels(contentWidth_, layoutQuestions(contentWidth_, false)).Height
        != questions_->contentPixelHeight())
        layout();
    controller_->updateTravelUI();
}

void StepPage::textChanged(const css::awt::TextEvent& event)
{
    if (loading_)
        return;
    routed([&] {
        const rtl::OUString name = nameOf(event.Source);
        if (auto* answer = field(name))
            takeAnswer(*answer, name);
    });
}

void StepPage::itemStateChanged(const css::awt::ItemEvent& event)
{
    if (loading_)
        return;
    routed([&] {
        const rtl::OUString name = nameOf(event.Source);
        if (auto* answer = field(name)) {
            takeAnswer(*answer, name);
        } else if (auto* owner = part(name)) {
            owner->changed(name);
            layout();
        }
    });
}

void StepPage::actionPerformed(const css::awt::ActionEvent& event)
{
    routed([&] {
        const rtl::OUString name = nameOf(event.Source);
        if (name == "lessons") {
            openLessons();
        } else if (auto* list = editor(name)) {
            gaps_.left(toUtf8(list->name()));
            list->press(toUtf8(name.copy(list->name().getLength() + 1)));
            changed();
        }
    });
}

void StepPage::focusGained(const css::awt::FocusEvent& event)
{
    routed([&] {
        const rtl::OUString name = nameOf(event.Source);
        if (const auto* answer = field(name))
            questions_->ensureVisible(answer->area());
        else if (const auto* list = editor(name))
            questions_->ensureVisible(list->areaOf(name));
    });
}

void StepPage::focusLost(const css::awt::FocusEvent& event)
{
    routed([&] {
        if (const auto* answer = field(nameOf(event.Source))) {
            gaps_.left(answer->question().path);
            refreshStatus();
        }
    });
}

void StepPage::mousePressed(const css::awt::MouseEvent& event)
{
    routed([&] {
        const rtl::OUString name = nameOf(event.Source);
        if (auto* owner = part(name))
            owner->clicked(name, event.X, event.Y);
    });
}

void StepPage::adjustmentValueChanged(const css::awt::AdjustmentEvent& event)
{
    routed([&] { questions_->scrollTo(event.Value); });
}

void StepPage::selectionChanged(const css::awt::grid::GridSelectionEvent& event)
{
    if (loading_)
        return;
    routed([&] {
        if (auto* list = editor(nameOf(event.Source))) {
            const ScopedFlag loading(loading_);
            list->selectionChanged();
            for (const auto& part : parts_)
                part->refresh();
        }
    });
}

void StepPage::windowResized(const css::awt::WindowEvent&)
{
    routed([&] { layout(); });
}

void StepPage::refreshStatus(const rtl::OUString& problem)
{
    const auto status = gaps_.refresh(problem);
    page_->set("message", "TextColor", css::uno::Any(status.colour));
    page_->set("message", "Text", css::uno::Any(status.text));
}

sal_Bool StepPage::commitPage(sal_Int16 reason)
{
    if (reason != css::ui::dialogs::WizardTravelType::FORWARD || !controller_.is() || controller_->jumping())
        return true;
    bool mayGoOn = true; // a failure to tell must not lock the user in
    reportFailures(logFailure("telling what a step still needs"), [&] {
        if (gaps_.complete() || gaps_.toldAll())
            return;
        // Once: what the step needs, and the first of it to type into. The user may go on anyway.
        gaps_.tellAll(true);
        refreshStatus();
        if (const auto box = gaps_.focusFirst())
            questions_->ensureVisible(*box);
        mayGoOn = false;
    });
    return mayGoOn;
}

void StepPage::openLessons()
{
    // The sidebar belongs to the document window behind the wizard.
    if (controller_->frame().is())
        showLessonsForStep(controller_->frame(), number_);
    Reference<css::frame::XDispatchProvider> provider(controller_->frame(), UNO_QUERY);
    if (!provider.is())
        provider.set(css::frame::Desktop::create(context_)->getCurrentFrame(), UNO_QUERY);
    if (!provider.is())
        return;
    css::frame::DispatchHelper::create(context_)->executeDispatch(provider, ".uno:SidebarDeck.PartneringLessonsDeck", "_self",
                                                                   0, css::uno::Sequence<css::beans::PropertyValue>());
}

void StepPage::activatePage()
{
    routed([&] {
        gaps_.tellAll(false);
        load();
        layout();
        controller_->pageShown(number_);
    });
}

void StepPage::dispose()
{
    // Without a controller the events that the windows' going sends (focus moving, a last
    // resize) are no longer routed: the controls they name are going too.
    const rtl::Reference<JourneyWizardController> controller = std::move(controller_);
    controller_.clear();
    reportFailures(logFailure("closing a journey page"), [&] {
        if (controller.is())
            controller->pageDisposed(number_);
        if (page_)
            page_->window()->removeWindowListener(this);
        // Inner windows first: each was made inside the one before it.
        if (questions_)
            questions_->dispose();
        if (page_)
            page_->dispose();
    });
    parts_.clear();
    lists_.clear();
    fields_.clear();
    blocks_.clear();
    questions_.reset();
    page_.reset();
}

} // namespace partnering::uno
