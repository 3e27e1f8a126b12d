#include "sidebar/LessonsPanel.hpp"

#include "UiText.hpp"
#include "DocumentAnswers.hpp"
#include "MainThread.hpp"
#include "UnoBoundary.hpp"
#include "library/LessonLibrary.hpp"

#include "lessons/Presentation.hpp"

#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XToolkit.hpp>
#include <com/sun/star/awt/XTextListener.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XPropertyChangeListener.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/ui/LayoutSize.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <cppuhelper/basemutex.hxx>
#include <cppuhelper/compbase3.hxx>
#include <cppuhelper/implbase4.hxx>
#include <rtl/ref.hxx>

#include <algorithm>
#include <exception>
#include <functional>
#include <initializer_list>
#include <thread>
#include <map>
#include <mutex>
#include <utility>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace partnering::uno {
namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

// Runs work on a remote library in a thread of its own, the newest request only: over a slow
// or dead link a search may take seconds, and typing must neither wait for it nor queue
// searches up. The work posts its own outcome to the main thread.
class LatestOnlyWorker {
public:
    void run(std::function<void()> work)
    {
        std::lock_guard lock(state_->mutex);
        state_->pending = std::move(work);
        if (state_->running)
            return;
        state_->running = true;
        try {
            std::thread(loop, state_).detach();
        } catch (...) {
            state_->running = false;
            state_->pending = nullptr;
            throw;
        }
    }

private:
    struct State {
        std::mutex mutex;
        std::function<void()> pending;
        bool running = false;
    };

    static void loop(const std::shared_ptr<State>& state)
    {
        for (;;) {
            std::function<void()> work;
            {
                std::lock_guard lock(state->mutex);
                if (!state->pending) {
                    state->running = false;
                    return;
                }
                work = std::move(state->pending);
                state->pending = nullptr;
            }
            try {
                work();
            } catch (...) {
                // The work reports its own failures.
            }
        }
    }

    std::shared_ptr<State> state_ = std::make_shared<State>();
};

// A library call's outcome, carried from the worker to the main thread.
template <class Value> struct Outcome {
    std::optional<Value> value;
    std::exception_ptr failure;

    template <class Call> static Outcome of(Call&& call)
    {
        Outcome outcome;
        try {
            outcome.value = call();
        } catch (...) {
            outcome.failure = std::current_exception();
        }
        return outcome;
    }
};

constexpr sal_Int32 kMargin = 6;
constexpr sal_Int32 kGap = 4;
constexpr sal_Int32 kRow = 24;
constexpr sal_Int32 kLabelRow = 18;
constexpr sal_Int32 kStatusRows = 40;
constexpr sal_Int32 kButtonRow = 28;
constexpr sal_Int32 kMinimalWidth = 240;
constexpr sal_Int16 kFilterLines = 12;
constexpr std::size_t kResultLimit = 25;

rtl::OUString ascii(const char* text) { return rtl::OUString::createFromAscii(text); }

css::uno::Sequence<rtl::OUString> toSequence(const std::vector<rtl::OUString>& items)
{
    return css::uno::Sequence<rtl::OUString>(items.data(), static_cast<sal_Int32>(items.size()));
}

bool isBlank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

// A drop-down that narrows the search to one value of a facet; entry 0 is "all".
struct Filter {
    Reference<css::awt::XControl> control;
    Reference<css::beans::XPropertySet> model;
    std::vector<std::string> values; // of entries 1..n
    std::string chosen;              // empty: no filter
};

// The controls, the search state and every listener. All callbacks come from VCL's main
// thread inside the office (or one at a time from a test client), so the state needs no lock;
// none of them may throw: failures end up as a message in the panel.
class LessonsView : public cppu::WeakImplHelper4<css::awt::XTextListener, css::awt::XActionListener,
                                                 css::beans::XPropertyChangeListener, css::awt::XWindowListener> {
public:
    LessonsView(Reference<css::uno::XComponentContext> context, Reference<css::frame::XFrame> frame,
                Reference<css::awt::XWindow> parentWindow)
        : context_(std::move(context)), frame_(std::move(frame)), parentWindow_(std::move(parentWindow))
    {
    }

    void create();
    void dispose() noexcept;
    // Narrows the panel to the lessons of journey step `step` (the wizard's "Lessons learned
    // for this step"), the query cleared.
    void showStep(int step) noexcept;
    const Reference<css::frame::XFrame>& frame() const { return frame_; }
    Reference<css::awt::XWindow> window() const { return Reference<css::awt::XWindow>(container_, UNO_QUERY); }

    // XTextListener: the search box changed.
    void SAL_CALL textChanged(const css::awt::TextEvent&) override
    {
        if (updating_)
            return;
        guarded([&] { search(); });
    }
    // XActionListener: "Insert citation".
    void SAL_CALL actionPerformed(const css::awt::ActionEvent&) override
    {
        guarded([&] { insertCitation(); });
    }
    // XPropertyChangeListener: a filter or a result was chosen (by the user, or by a client
    // through selectItemPos, which updates the model's SelectedItems too).
    void SAL_CALL propertyChange(const css::beans::PropertyChangeEvent& event) override
    {
        if (updating_)
            return;
        guarded([&] { selectionChanged(event.Source); });
    }
    // XWindowListener on the sidebar's parent window.
    void SAL_CALL windowResized(const css::awt::WindowEvent& event) override
    {
        guarded([&] { layout(event.Width, event.Height); });
    }
    void SAL_CALL windowMoved(const css::awt::WindowEvent&) override {}
    void SAL_CALL windowShown(const css::lang::EventObject&) override {}
    void SAL_CALL windowHidden(const css::lang::EventObject&) override {}
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    template <class Body> void guarded(Body&& body) noexcept
    {
        try {
            callCore(static_cast<cppu::OWeakObject*>(this), body);
        } catch (const css::uno::Exception& e) {
            showProblem(uiText(context_, "Something went wrong in the lessons panel."), e.Message);
        } catch (...) {
            showProblem(uiText(context_, "Something went wrong in the lessons panel."), rtl::OUString());
        }
    }

    // Style properties (Dropdown, MultiLine...) only take effect when set before the peer exists.
    Reference<css::awt::XControl> addControl(const char* name, const char* kind,
                                             std::initializer_list<std::pair<const char*, css::uno::Any>> style = {});
    Filter addFilter(const char* name);
    void set(const Reference<css::awt::XControl>& control, const char* property, const css::uno::Any& value);
    void layout(sal_Int32 width, sal_Int32 height);

    std::shared_ptr<const lessons::LessonSearch> library();
    void libraryOpened() noexcept;
    void search();
    void searched(unsigned generation, const Outcome<lessons::SearchResults>& outcome, int suggestedStep) noexcept;
    lessons::SearchRequest request(const std::string& query);
    void showResults(const lessons::SearchResults& results, int suggestedStep);
    void refill(Filter& filter, const std::vector<std::pair<std::string, std::string>>& entries,
                const rtl::OUString& all);
    void selectionChanged(const Reference<css::uno::XInterface>& source);
    void showLesson(std::size_t hit);
    void lessonFetched(unsigned generation, const Outcome<std::optional<lessons::Lesson>>& outcome,
                       const std::string& language) noexcept;
    void showFetchedLesson(const std::optional<lessons::Lesson>& lesson, const std::string& language);
    void insertCitation();
    void setStatus(const rtl::OUString& text);
    void clearLesson();
    void showProblem(const rtl::OUString& headline, const rtl::OUString& details) noexcept;

    Reference<css::uno::XComponentContext> context_;
    Reference<css::frame::XFrame> frame_;
    Reference<css::awt::XWindow> parentWindow_;
    Reference<css::awt::XControlContainer> container_;
    Reference<css::awt::XControl> searchLabel_, searchBox_, status_, results_, preview_, insertButton_;
    Filter language_, step_, tag_, partnerType_;

    std::vector<lessons::SearchHit> hits_;
    std::optional<lessons::Lesson> lesson_; // the selected one
    std::string lessonLanguage_;
    bool updating_ = false;

    bool awaitingLibrary_ = false; // a background open will call libraryOpened()
    // For a remote library: its searches and lesson previews, each the newest only; outcomes of
    // older ones that arrive late are dropped.
    LatestOnlyWorker searches_, lessons_;
    unsigned searchGeneration_ = 0, lessonGeneration_ = 0;
};

Reference<css::awt::XControl> LessonsView::addControl(const char* name, const char* kind,
                                                      std::initializer_list<std::pair<const char*, css::uno::Any>> style)
{
    const auto factory = context_->getServiceManager();
    const Reference<css::awt::XControlModel> model(
        factory->createInstanceWithContext("com.sun.star.awt.UnoControl" + ascii(kind) + "Model", context_),
        UNO_QUERY_THROW);
    const Reference<css::beans::XPropertySet> properties(model, UNO_QUERY_THROW);
    for (const auto& [property, value] : style)
        properties->setPropertyValue(ascii(property), value);
    const Reference<css::awt::XControl> control(
        factory->createInstanceWithContext("com.sun.star.awt.UnoControl" + ascii(kind), context_), UNO_QUERY_THROW);
    control->setModel(model);
    container_->addControl(ascii(name), control);
    return control;
}

void LessonsView::set(const Reference<css::awt::XControl>& control, const char* property, const css::uno::Any& value)
{
    Reference<css::beans::XPropertySet>(control->getModel(), UNO_QUERY_THROW)->setPropertyValue(ascii(property), value);
}

Filter LessonsView::addFilter(const char* name)
{
    Filter filter;
    filter.control = addControl(name, "ListBox", {{"Dropdown", css::uno::Any(true)}, {"LineCount", css::uno::Any(kFilterLines)}});
    filter.model.set(filter.control->getModel(), UNO_QUERY_THROW);
    filter.model->addPropertyChangeListener("SelectedItems", this);
    return filter;
}

// The panels alive now, and the step the wizard last asked a frame's panel to show: the
// sidebar makes the panel only once its deck opens, after the request.
struct StepRequests {
    std::mutex mutex;
    std::vector<LessonsView*> views;
    std::map<css::frame::XFrame*, std::pair<int, std::chrono::steady_clock::time_point>> pending;
};

StepRequests& stepRequests()
{
    static StepRequests requests;
    return requests;
}

// A request older than this is not what a panel opened now was asked for.
constexpr auto kStepRequestLifetime = std::chrono::seconds(10);

void LessonsView::create()
{
    const auto factory = context_->getServiceManager();
    const Reference<css::awt::XControl> container(
        factory->createInstanceWithContext("com.sun.star.awt.UnoControlContainer", context_), UNO_QUERY_THROW);
    container->setModel(Reference<css::awt::XControlModel>(
        factory->createInstanceWithContext("com.sun.star.awt.UnoControlContainerModel", context_), UNO_QUERY_THROW));
    container->createPeer(Reference<css::awt::XToolkit>(css::awt::Toolkit::create(context_).get()),
                        Reference<css::awt::XWindowPeer>(parentWindow_, UNO_QUERY_THROW));
    container_.set(container, UNO_QUERY_THROW);

    searchLabel_ = addControl("searchLabel", "FixedText");
    set(searchLabel_, "Label", css::uno::Any(uiText(context_, "Search the lessons learned:")));
    searchBox_ = addControl("search", "Edit");
    set(searchBox_, "HelpText", css::uno::Any(uiText(context_, "Type words in any language; results follow as you type.")));
    Reference<css::awt::XTextComponent>(searchBox_, UNO_QUERY_THROW)->addTextListener(this);

    language_ = addFilter("languageFilter");
    step_ = addFilter("stepFilter");
    tag_ = addFilter("tagFilter");
    partnerType_ = addFilter("partnerTypeFilter");

    status_ = addControl("status", "FixedText", {{"MultiLine", css::uno::Any(true)}});
    results_ = addControl("results", "ListBox");
    Reference<css::beans::XPropertySet>(results_->getModel(), UNO_QUERY_THROW)->addPropertyChangeListener("SelectedItems", this);
    preview_ = addControl("preview", "Edit", {{"MultiLine", css::uno::Any(true)},
                                              {"ReadOnly", css::uno::Any(true)},
                                              {"VScroll", css::uno::Any(true)},
                                              {"HScroll", css::uno::Any(false)}});
    insertButton_ = addControl("insertCitation", "Button");
    set(insertButton_, "Label", css::uno::Any(uiText(context_, "Insert citation")));
    set(insertButton_, "HelpText",
        css::uno::Any(uiText(context_, "Inserts the lesson's title, summary and source at the cursor.")));
    Reference<css::awt::XButton>(insertButton_, UNO_QUERY_THROW)->addActionListener(this);

    parentWindow_->addWindowListener(this);
    const auto size = parentWindow_->getPosSize();
    layout(size.Width, size.Height);
    window()->setVisible(true);
    std::optional<int> requested;
    {
        auto& requests = stepRequests();
        std::lock_guard lock(requests.mutex);
        requests.views.push_back(this);
        const auto pending = requests.pending.find(frame_.get());
        if (pending != requests.pending.end()) {
            if (std::chrono::steady_clock::now() - pending->second.second < kStepRequestLifetime)
                requested = pending->second.first;
            requests.pending.erase(pending);
        }
    }
    if (requested)
        showStep(*requested);
    else
        guarded([&] { search(); }); // an empty query: suggestions for where the document stands in the journey
}

void LessonsView::showStep(int step) noexcept
{
    guarded([&] {
        step_.chosen = std::to_string(step);
        updating_ = true;
        struct Reset {
            bool& flag;
            ~Reset() { flag = false; }
        } reset{updating_};
        Reference<css::awt::XTextComponent>(searchBox_, UNO_QUERY_THROW)->setText(rtl::OUString());
        search();
    });
}

void LessonsView::dispose() noexcept
{
    {
        auto& requests = stepRequests();
        std::lock_guard lock(requests.mutex);
        requests.views.erase(std::remove(requests.views.begin(), requests.views.end(), this), requests.views.end());
    }
    try {
        if (parentWindow_.is())
            parentWindow_->removeWindowListener(this);
        if (container_.is())
            Reference<css::lang::XComponent>(container_, UNO_QUERY_THROW)->dispose(); // and every control in it
    } catch (...) {
        // The sidebar is going away; nothing to report to.
    }
    container_.clear();
    parentWindow_.clear();
    frame_.clear();
}

void LessonsView::layout(sal_Int32 width, sal_Int32 height)
{
    if (!container_.is() || width <= 0 || height <= 0)
        return;
    window()->setPosSize(0, 0, width, height, css::awt::PosSize::POSSIZE);
    const sal_Int32 inner = std::max<sal_Int32>(width - 2 * kMargin, 40);
    const sal_Int32 half = (inner - kGap) / 2;
    auto place = [](const Reference<css::awt::XControl>& control, sal_Int32 x, sal_Int32 y, sal_Int32 w, sal_Int32 h) {
        Reference<css::awt::XWindow>(control, UNO_QUERY_THROW)->setPosSize(x, y, w, std::max<sal_Int32>(h, 1),
                                                                            css::awt::PosSize::POSSIZE);
    };
    sal_Int32 y = kMargin;
    place(searchLabel_, kMargin, y, inner, kLabelRow);
    y += kLabelRow;
    place(searchBox_, kMargin, y, inner, kRow);
    y += kRow + kGap;
    place(language_.control, kMargin, y, half, kRow);
    place(step_.control, kMargin + half + kGap, y, half, kRow);
    y += kRow + kGap;
    place(tag_.control, kMargin, y, half, kRow);
    place(partnerType_.control, kMargin + half + kGap, y, half, kRow);
    y += kRow + kGap;
    place(status_, kMargin, y, inner, kStatusRows);
    y += kStatusRows + kGap;
    const sal_Int32 buttonY = height - kMargin - kButtonRow;
    const sal_Int32 rest = std::max<sal_Int32>(buttonY - kGap - y, 2 * kRow);
    const sal_Int32 listHeight = rest * 2 / 5;
    place(results_, kMargin, y, inner, listHeight);
    y += listHeight + kGap;
    place(preview_, kMargin, y, inner, rest - listHeight - kGap);
    place(insertButton_, kMargin, std::max(buttonY, y + rest - listHeight), inner, kButtonRow);
}

std::shared_ptr<const lessons::LessonSearch> LessonsView::library()
{
    if (!lessonLibraryAtHand(context_)) {
        // A remote server or a folder to index may take seconds: Writer must not wait for it.
        setStatus(uiText(context_, "Opening the lessons library..."));
        if (!awaitingLibrary_) {
            awaitingLibrary_ = true;
            const rtl::Reference<LessonsView> self(this);
            const auto context = context_;
            openLessonLibraryInBackground(context_, [self, context] {
                runOnMainThread(context, [self] { self->libraryOpened(); });
            });
        }
        return nullptr;
    }
    try {
        return callCore(static_cast<cppu::OWeakObject*>(this), [&] { return openLessonLibrary(context_); });
    } catch (const css::uno::Exception& e) {
        showProblem(uiText(context_, "The lessons library cannot be opened. Choose where it comes from in "
                                     "Tools > Options > Partnering Journey > Lessons library."),
                    e.Message);
        return nullptr;
    }
}

void LessonsView::libraryOpened() noexcept
{
    awaitingLibrary_ = false;
    if (container_.is()) // not disposed meanwhile
        guarded([&] { search(); });
}

lessons::SearchRequest LessonsView::request(const std::string& query)
{
    lessons::SearchRequest request;
    request.query = query;
    request.limit = kResultLimit;
    request.readerLanguage = language_.chosen.empty() ? defaultLanguage(context_) : language_.chosen;
    if (!language_.chosen.empty())
        request.languages = {language_.chosen};
    if (!step_.chosen.empty())
        request.steps = {std::stoi(step_.chosen)};
    if (!tag_.chosen.empty())
        request.tags = {tag_.chosen};
    if (!partnerType_.chosen.empty())
        request.partnerTypes = {partnerType_.chosen};
    return request;
}

void LessonsView::search()
{
    const auto library = this->library();
    if (!library)
        return;
    const std::string query = toUtf8(Reference<css::awt::XTextComponent>(searchBox_, UNO_QUERY_THROW)->getText());
    auto searchRequest = request(isBlank(query) ? std::string() : query);
    int suggestion = 0;
    if (searchRequest.query.empty() && searchRequest.steps.empty()) {
        suggestion = lessons::suggestedStep(documentAnswers(frame_).value_or(std::string()));
        searchRequest.steps = {suggestion};
    }
    if (!library->remote()) {
        showResults(library->search(searchRequest), suggestion); // milliseconds: see the sidebar benchmark
        return;
    }
    const unsigned generation = ++searchGeneration_;
    const rtl::Reference<LessonsView> self(this);
    searches_.run([self, context = context_, library, searchRequest = std::move(searchRequest), generation, suggestion] {
        auto outcome = Outcome<lessons::SearchResults>::of([&] { return library->search(searchRequest); });
        runOnMainThread(context, [self, generation, suggestion, outcome = std::move(outcome)] {
            self->searched(generation, outcome, suggestion);
        });
    });
}

void LessonsView::searched(unsigned generation, const Outcome<lessons::SearchResults>& outcome, int suggestedStep) noexcept
{
    if (!container_.is() || generation != searchGeneration_) // disposed, or the user typed on meanwhile
        return;
    guarded([&] {
        if (outcome.failure)
            std::rethrow_exception(outcome.failure);
        showResults(*outcome.value, suggestedStep);
    });
}

void LessonsView::showResults(const lessons::SearchResults& results, int suggestedStep)
{
    updating_ = true;
    struct Reset {
        bool& flag;
        ~Reset() { flag = false; }
    } reset{updating_};

    hits_ = results.hits;
    std::vector<rtl::OUString> lines;
    for (const auto& hit : hits_) {
        const auto text = lessons::resultLines(hit);
        lines.push_back(toOUString(text.heading));
        lines.push_back(toOUString(text.snippet));
    }
    set(results_, "StringItemList", css::uno::Any(toSequence(lines)));
    set(results_, "SelectedItems", css::uno::Any(css::uno::Sequence<sal_Int16>()));
    clearLesson();

    std::vector<std::pair<std::string, std::string>> entries;
    for (const auto& [language, count] : results.facets.languages)
        entries.emplace_back(language, lessons::facetLabel(language, count));
    refill(language_, entries, uiText(context_, "All languages"));
    entries.clear();
    const rtl::OUString stepLabel = uiText(context_, "Step %1");
    for (const auto& [step, count] : results.facets.steps)
        entries.emplace_back(std::to_string(step),
                             lessons::facetLabel(toUtf8(stepLabel.replaceFirst("%1", rtl::OUString::number(step))), count));
    refill(step_, entries, uiText(context_, "All journey steps"));
    entries.clear();
    for (const auto& [tag, count] : results.facets.tags)
        entries.emplace_back(tag, lessons::facetLabel(tag, count));
    refill(tag_, entries, uiText(context_, "All tags"));
    entries.clear();
    for (const auto& [type, count] : results.facets.partnerTypes)
        entries.emplace_back(type, lessons::facetLabel(type, count));
    refill(partnerType_, entries, uiText(context_, "All partner types"));

    rtl::OUString status;
    if (suggestedStep > 0)
        status = uiText(context_, "Suggested for the journey step this document is at: step %1.")
                     .replaceFirst("%1", rtl::OUString::number(suggestedStep));
    else if (hits_.empty())
        status = uiText(context_, "No lesson matches. Try other words or fewer filters.");
    else if (!results.correctedQuery.empty())
        status = uiText(context_, "Nothing for the words as typed; showing lessons for: %1")
                     .replaceFirst("%1", toOUString(results.correctedQuery));
    else if (results.relaxed)
        status = uiText(context_, "No lesson has every word; these have some of them.");
    else
        status = uiText(context_, "Lessons found: %1").replaceFirst("%1", rtl::OUString::number(
                                                                              static_cast<sal_Int64>(results.matchingLessons)));
    setStatus(status);
}

void LessonsView::refill(Filter& filter, const std::vector<std::pair<std::string, std::string>>& entries,
                         const rtl::OUString& all)
{
    std::vector<rtl::OUString> labels{all};
    filter.values.clear();
    sal_Int16 selected = 0;
    for (const auto& [value, label] : entries) {
        filter.values.push_back(value);
        labels.push_back(toOUString(label));
        if (value == filter.chosen)
            selected = static_cast<sal_Int16>(filter.values.size());
    }
    if (!filter.chosen.empty() && selected == 0) {
        // The chosen value matches nothing now; it stays chosen, and visible, until changed.
        filter.values.push_back(filter.chosen);
        labels.push_back(toOUString(lessons::facetLabel(filter.chosen, 0)));
        selected = static_cast<sal_Int16>(filter.values.size());
    }
    filter.model->setPropertyValue("StringItemList", css::uno::Any(toSequence(labels)));
    filter.model->setPropertyValue("SelectedItems", css::uno::Any(css::uno::Sequence<sal_Int16>(&selected, 1)));
}

void LessonsView::selectionChanged(const Reference<css::uno::XInterface>& source)
{
    const Reference<css::uno::XInterface> model(source, UNO_QUERY);
    css::uno::Sequence<sal_Int16> selected;
    Reference<css::beans::XPropertySet>(source, UNO_QUERY_THROW)->getPropertyValue("SelectedItems") >>= selected;
    const sal_Int16 position = selected.getLength() > 0 ? selected[0] : -1;

    if (model == Reference<css::uno::XInterface>(results_->getModel(), UNO_QUERY)) {
        if (position < 0)
            clearLesson();
        else
            showLesson(static_cast<std::size_t>(position) / 2); // two lines per result
        return;
    }
    for (Filter* filter : {&language_, &step_, &tag_, &partnerType_}) {
        if (model != Reference<css::uno::XInterface>(filter->model, UNO_QUERY))
            continue;
        filter->chosen = position > 0 && static_cast<std::size_t>(position) <= filter->values.size()
                             ? filter->values[static_cast<std::size_t>(position) - 1]
                             : std::string();
        search();
        return;
    }
}

void LessonsView::showLesson(std::size_t hit)
{
    if (hit >= hits_.size())
        return clearLesson();
    const auto library = this->library();
    if (!library)
        return;
    const std::string id = hits_[hit].id, language = hits_[hit].language;
    if (!library->remote())
        return showFetchedLesson(library->lesson(id), language);
    const unsigned generation = ++lessonGeneration_;
    const rtl::Reference<LessonsView> self(this);
    lessons_.run([self, context = context_, library, id, language, generation] {
        auto outcome = Outcome<std::optional<lessons::Lesson>>::of([&] { return library->lesson(id); });
        runOnMainThread(context, [self, generation, language, outcome = std::move(outcome)] {
            self->lessonFetched(generation, outcome, language);
        });
    });
}

void LessonsView::lessonFetched(unsigned generation, const Outcome<std::optional<lessons::Lesson>>& outcome,
                                const std::string& language) noexcept
{
    if (!container_.is() || generation != lessonGeneration_) // disposed, or another lesson chosen meanwhile
        return;
    guarded([&] {
        if (outcome.failure)
            std::rethrow_exception(outcome.failure);
        showFetchedLesson(*outcome.value, language);
    });
}

void LessonsView::showFetchedLesson(const std::optional<lessons::Lesson>& lesson, const std::string& language)
{
    lesson_ = lesson;
    if (!lesson_) {
        clearLesson();
        setStatus(uiText(context_, "This lesson is no longer in the library."));
        return;
    }
    lessonLanguage_ = language;
    lessons::PreviewLabels labels;
    labels.source = toUtf8(uiText(context_, "Source:"));
    labels.steps = toUtf8(uiText(context_, "Journey steps:"));
    labels.tags = toUtf8(uiText(context_, "Tags:"));
    labels.partnerTypes = toUtf8(uiText(context_, "Partner types:"));
    labels.languages = toUtf8(uiText(context_, "Languages:"));
    set(preview_, "Text", css::uno::Any(toOUString(lessons::previewText(*lesson_, lessonLanguage_, labels))));
    set(insertButton_, "Enabled", css::uno::Any(true));
}

void LessonsView::clearLesson()
{
    ++lessonGeneration_; // a preview still on its way is no longer wanted
    lesson_.reset();
    set(preview_, "Text", css::uno::Any(uiText(context_, "Select a lesson to read it here.")));
    set(insertButton_, "Enabled", css::uno::Any(false));
}

void LessonsView::insertCitation()
{
    if (!lesson_) {
        setStatus(uiText(context_, "Select a lesson first."));
        return;
    }
    const auto controller = frame_.is() ? frame_->getController() : Reference<css::frame::XController>();
    const Reference<css::text::XTextViewCursorSupplier> cursorSupplier(controller, UNO_QUERY);
    if (!cursorSupplier.is()) {
        setStatus(uiText(context_, "Citations go into a Writer document; this window has none."));
        return;
    }
    // The citation is written in the lesson's language, its label included.
    const auto paragraphs =
        lessons::citationParagraphs(*lesson_, lessonLanguage_, toUtf8(uiTextIn(context_, lessonLanguage_, "Source:")));
    const auto viewCursor = cursorSupplier->getViewCursor();
    const auto text = viewCursor->getText();
    // A model cursor at the end of the selection: the user's selection is kept, not replaced.
    const Reference<css::text::XTextRange> cursor(text->createTextCursorByRange(viewCursor->getEnd()).get());
    const Reference<css::document::XUndoManagerSupplier> undoSupplier(controller->getModel(), UNO_QUERY_THROW);
    const auto undoManager = undoSupplier->getUndoManager();
    undoManager->enterUndoContext(uiText(context_, "Insert citation"));
    try {
        for (const auto& paragraph : paragraphs) {
            text->insertString(cursor, toOUString(paragraph), false);
            text->insertControlCharacter(cursor, css::text::ControlCharacter::PARAGRAPH_BREAK, false);
        }
    } catch (...) {
        undoManager->leaveUndoContext();
        throw;
    }
    undoManager->leaveUndoContext();
    setStatus(uiText(context_, "Citation inserted. Edit > Undo removes it."));
}

void LessonsView::setStatus(const rtl::OUString& text) { set(status_, "Label", css::uno::Any(text)); }

void LessonsView::showProblem(const rtl::OUString& headline, const rtl::OUString& details) noexcept
{
    try {
        updating_ = true;
        hits_.clear();
        lesson_.reset();
        set(results_, "StringItemList", css::uno::Any(css::uno::Sequence<rtl::OUString>()));
        set(insertButton_, "Enabled", css::uno::Any(false));
        setStatus(headline);
        set(preview_, "Text", css::uno::Any(details.isEmpty() ? headline : headline + "\n\n" + details));
    } catch (...) {
        // The panel itself is broken (disposed controls); Writer must go on regardless.
    }
    updating_ = false;
}

// The UI element the sidebar holds: it hands out the view's window and sizes, and disposes
// the view with itself.
class LessonsPanel : private cppu::BaseMutex,
                     public cppu::WeakComponentImplHelper3<css::ui::XUIElement, css::ui::XToolPanel, css::ui::XSidebarPanel> {
public:
    LessonsPanel(Reference<css::frame::XFrame> frame, rtl::OUString resourceUrl, rtl::Reference<LessonsView> view)
        : WeakComponentImplHelper3(m_aMutex), frame_(std::move(frame)), resourceUrl_(std::move(resourceUrl)),
          view_(std::move(view))
    {
    }

    Reference<css::frame::XFrame> SAL_CALL getFrame() override { return frame_; }
    rtl::OUString SAL_CALL getResourceURL() override { return resourceUrl_; }
    sal_Int16 SAL_CALL getType() override { return css::ui::UIElementType::TOOLPANEL; }
    Reference<css::uno::XInterface> SAL_CALL getRealInterface() override
    {
        return static_cast<css::ui::XToolPanel*>(this);
    }

    Reference<css::awt::XWindow> SAL_CALL getWindow() override
    {
        osl::MutexGuard guard(m_aMutex);
        return view_.is() ? view_->window() : Reference<css::awt::XWindow>();
    }
    Reference<css::accessibility::XAccessible> SAL_CALL
    createAccessible(const Reference<css::accessibility::XAccessible>&) override
    {
        return Reference<css::accessibility::XAccessible>(getWindow(), UNO_QUERY);
    }

    css::ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32) override
    {
        // Fills the deck: below the minimum the results and the preview get too short to read.
        return css::ui::LayoutSize(420, -1, 640);
    }
    sal_Int32 SAL_CALL getMinimalWidth() override { return kMinimalWidth; }

private:
    void SAL_CALL disposing() override
    {
        rtl::Reference<LessonsView> view;
        {
            osl::MutexGuard guard(m_aMutex);
            view = view_;
            view_.clear();
            frame_.clear();
        }
        if (view.is())
            view->dispose();
    }

    Reference<css::frame::XFrame> frame_;
    rtl::OUString resourceUrl_;
    rtl::Reference<LessonsView> view_;
};

} // namespace

Reference<css::ui::XUIElement> createLessonsPanel(const Reference<css::uno::XComponentContext>& context,
                                                  const Reference<css::frame::XFrame>& frame,
                                                  const Reference<css::awt::XWindow>& parentWindow,
                                                  const rtl::OUString& resourceUrl)
{
    rtl::Reference<LessonsView> view(new LessonsView(context, frame, parentWindow));
    try {
        view->create();
    } catch (...) {
        view->dispose();
        throw;
    }
    return new LessonsPanel(frame, resourceUrl, view);
}

void showLessonsForStep(const Reference<css::frame::XFrame>& frame, int step)
{
    std::vector<rtl::Reference<LessonsView>> views;
    {
        auto& requests = stepRequests();
        std::lock_guard lock(requests.mutex);
        requests.pending[frame.get()] = {step, std::chrono::steady_clock::now()};
        for (LessonsView* view : requests.views) {
            if (view->frame() == frame)
                views.emplace_back(view);
        }
    }
    for (const auto& view : views)
        view->showStep(step);
}

} // namespace partnering::uno
