#include "sidebar/LessonsView.hpp"

#include "DocumentAnswers.hpp"
#include "MainThread.hpp"
#include "error/ScopeGuards.hpp"
#include "UiText.hpp"
#include "UnoBoundary.hpp"
#include "library/LessonLibrary.hpp"
#include "sidebar/CitationInWriter.hpp"
#include "sidebar/PreviewText.hpp"

#include "journey/AgreementAnswers.hpp"
#include "lessons/Citation.hpp"
#include "lessons/Presentation.hpp"

#include <rtl/ref.hxx>

#include <algorithm>
#include <utility>

namespace partnering::uno {
namespace {

using css::uno::Reference;

constexpr std::size_t kResultLimit = 25;

bool isBlank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

} // namespace

LessonsView::LessonsView(Reference<css::uno::XComponentContext> context, Reference<css::frame::XFrame> frame,
                         Reference<css::awt::XWindow> parentWindow)
    : context_(std::move(context)), frame_(std::move(frame)), parentWindow_(std::move(parentWindow))
{
}

void SAL_CALL LessonsView::textChanged(const css::awt::TextEvent&)
{
    if (!updating_)
        reportFailures(inPanel(), [&] { search(); });
}

void SAL_CALL LessonsView::actionPerformed(const css::awt::ActionEvent&)
{
    reportFailures(inPanel(), [&] { insertCitation(); });
}

void SAL_CALL LessonsView::propertyChange(const css::beans::PropertyChangeEvent& event)
{
    if (!updating_)
        reportFailures(inPanel(), [&] { selectionChanged(event.Source); });
}

void SAL_CALL LessonsView::windowResized(const css::awt::WindowEvent& event)
{
    reportFailures(inPanel(), [&] {
        if (controls_.layout(event.Width, event.Height))
            showRows(); // narrower or wider: the rows are fitted again
    });
}

void LessonsView::create()
{
    uiLanguage_ = uiLanguage(context_);
    controls_.create(context_, parentWindow_, {this, this, this});
    parentWindow_->addWindowListener(this);
    const std::optional<int> requested =
        SidebarLink::instance().attach(frame_, Reference<css::uno::XInterface>(static_cast<cppu::OWeakObject*>(this)));
    clearLesson();
    if (requested)
        showStep(*requested);
    else // an empty query: suggestions for where the document stands in the journey
        reportFailures(inPanel(), [&] { search(); });
}

void LessonsView::showStep(int step) noexcept
{
    if (!controls_.alive())
        return;
    reportFailures(inPanel(), [&] {
        controls_.step.chosen = std::to_string(step);
        {
            const ScopedFlag updating(updating_);
            controls_.setQuery(rtl::OUString());
        }
        search();
    });
}

void LessonsView::dispose() noexcept
{
    SidebarLink::instance().detach(Reference<css::uno::XInterface>(static_cast<cppu::OWeakObject*>(this)));
    // Their work may still post outcomes; those find the controls gone and do nothing.
    searches_.stop();
    lessons_.stop();
    // The sidebar is going away: nothing to report to but the log.
    reportFailures(logFailure("closing the lessons panel"), [&] {
        if (parentWindow_.is())
            parentWindow_->removeWindowListener(this);
    });
    controls_.dispose();
    parentWindow_.clear();
    frame_.clear();
}

std::shared_ptr<const lessons::LessonSearch> LessonsView::library()
{
    if (!lessonLibraryAtHand(context_)) {
        // A remote server or a folder to index may take seconds: Writer must not wait for it.
        controls_.setStatus(uiText(context_, "Opening the lessons library..."));
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
    std::shared_ptr<const lessons::LessonSearch> library;
    const auto cannotOpen = [&](const Failure& failure) {
        showProblem(uiText(context_, "The lessons library cannot be opened. Choose where it comes from in "
                                     "Tools > Options > Partnering Journey > Lessons library."),
                    failure.message);
    };
    reportFailures(cannotOpen, [&] { library = openLessonLibrary(context_); });
    return library;
}

void LessonsView::libraryOpened() noexcept
{
    awaitingLibrary_ = false;
    if (controls_.alive()) // not disposed meanwhile
        reportFailures(inPanel(), [&] { search(); });
}

lessons::SearchRequest LessonsView::request(const std::string& query)
{
    lessons::SearchRequest request;
    request.query = query;
    request.limit = kResultLimit;
    const std::string& language = controls_.language.chosen;
    request.readerLanguage = language.empty() ? defaultLanguage(context_) : language;
    if (!language.empty())
        request.languages = {language};
    if (!controls_.step.chosen.empty())
        request.steps = {std::stoi(controls_.step.chosen)};
    if (!controls_.tag.chosen.empty())
        request.tags = {controls_.tag.chosen};
    if (!controls_.partnerType.chosen.empty())
        request.partnerTypes = {controls_.partnerType.chosen};
    return request;
}

void LessonsView::search()
{
    const auto library = this->library();
    if (!library)
        return;
    const std::string query = toUtf8(controls_.query());
    auto searchRequest = request(isBlank(query) ? std::string() : query);
    int suggestion = 0;
    if (searchRequest.query.empty() && searchRequest.steps.empty()) {
        suggestion = journey::firstIncompleteStep(documentAnswers(frame_).value_or(std::string()));
        searchRequest.steps = {suggestion};
    }
    if (!library->remote()) {
        showResults(library->search(searchRequest), suggestion); // milliseconds: see the sidebar benchmark
        return;
    }
    const unsigned generation = ++searchGeneration_;
    const rtl::Reference<LessonsView> self(this);
    searches_.run([self, context = context_, library, searchRequest = std::move(searchRequest), generation, suggestion] {
        auto outcome = LibraryOutcome<lessons::SearchResults>::of([&] { return library->search(searchRequest); });
        runOnMainThread(context, [self, generation, suggestion, outcome = std::move(outcome)] {
            self->searched(generation, outcome, suggestion);
        });
    });
}

void LessonsView::searched(unsigned generation, const LibraryOutcome<lessons::SearchResults>& outcome,
                           int suggestedStep) noexcept
{
    if (!controls_.alive() || generation != searchGeneration_) // disposed, or the user typed on meanwhile
        return;
    reportFailures(inPanel(), [&] {
        if (outcome.failure)
            return showFailure(*outcome.failure);
        showResults(*outcome.value, suggestedStep);
    });
}

void LessonsView::showResults(const lessons::SearchResults& results, int suggestedStep)
{
    const ScopedFlag updating(updating_);
    clearLesson(); // before the rows: a new list starts with nothing selected
    hits_ = results.hits;
    showRows();
    showFilters(results.facets);

    rtl::OUString status;
    if (suggestedStep > 0)
        status = uiText(context_, "Suggested for the journey step this document is at: step %1.")
                     .replaceFirst("%1", rtl::OUString::number(suggestedStep));
    else if (hits_.empty())
        status = uiText(context_, "No lesson matches. Try other words or fewer filters.");
    else if (results.relaxed)
        status = uiText(context_, "No lesson has every word; these have some of them.");
    else
        status = uiText(context_, "Lessons found: %1")
                     .replaceFirst("%1", rtl::OUString::number(static_cast<sal_Int64>(results.matchingLessons)));
    controls_.setStatus(status);
    controls_.showSearchedInstead(searchedInsteadLine(results));
}

// "Showing results for: stakeholder mapping", the corrected words as its hits; empty when no
// word was corrected.
lessons::Snippet LessonsView::searchedInsteadLine(const lessons::SearchResults& results) const
{
    lessons::Snippet line;
    if (results.correctedQuery.empty())
        return line;
    // TRANSLATORS: above the lessons found when some words of the search are in no lesson; %1 is
    // the search with each such word replaced by the nearest word the lessons hold (in bold).
    const std::string pattern = toUtf8(uiText(context_, "Showing results for: %1"));
    const std::size_t at = pattern.find("%1");
    if (at == std::string::npos)
        return line;
    const lessons::Snippet query = lessons::searchedInstead(results);
    line.text = pattern.substr(0, at) + query.text + pattern.substr(at + 2);
    for (const auto& [begin, end] : query.hits)
        line.hits.emplace_back(at + begin, at + end);
    return line;
}

void LessonsView::showFilters(const lessons::FacetCounts& facets)
{
    std::vector<std::pair<std::string, std::string>> entries;
    for (const auto& [language, count] : facets.languages)
        entries.emplace_back(language, lessons::facetLabel(lessons::languageName(language, uiLanguage_), count));
    const std::string& chosenLanguage = controls_.language.chosen;
    controls_.refill(controls_.language, entries, uiText(context_, "All languages"),
                     lessons::facetLabel(lessons::languageName(chosenLanguage, uiLanguage_), 0));

    const rtl::OUString stepLabel = uiText(context_, "Step %1");
    auto stepName = [&](const std::string& step) { return toUtf8(stepLabel.replaceFirst("%1", toOUString(step))); };
    entries.clear();
    for (const auto& [step, count] : facets.steps)
        entries.emplace_back(std::to_string(step), lessons::facetLabel(stepName(std::to_string(step)), count));
    controls_.refill(controls_.step, entries, uiText(context_, "All journey steps"),
                     lessons::facetLabel(stepName(controls_.step.chosen), 0));

    entries.clear();
    for (const auto& [tag, count] : facets.tags)
        entries.emplace_back(tag, lessons::facetLabel(tag, count));
    controls_.refill(controls_.tag, entries, uiText(context_, "All tags"), lessons::facetLabel(controls_.tag.chosen, 0));

    entries.clear();
    for (const auto& [type, count] : facets.partnerTypes)
        entries.emplace_back(type, lessons::facetLabel(type, count));
    controls_.refill(controls_.partnerType, entries, uiText(context_, "All partner types"),
                     lessons::facetLabel(controls_.partnerType.chosen, 0));
}

void LessonsView::showRows()
{
    const ScopedFlag updating(updating_);
    // Before the sidebar gives the panel a size there is nothing to fit to: rows stay whole
    // until the first layout, which fits them again.
    const long width = controls_.resultRowWidth();
    std::vector<rtl::OUString> rows;
    rowHits_.clear();
    // TRANSLATORS: before a line of a search result quoted from the library's own advice, not from the lesson's source.
    const std::string adviceMark = toUtf8(uiText(context_, "Our advice:"));
    for (const auto& row :
         lessons::resultRows(hits_, width, width > 0 ? controls_.resultListMeasure() : nullptr, adviceMark)) {
        rows.push_back(toOUString(row.text));
        rowHits_.push_back(row.hit);
    }
    controls_.setResultRows(rows);
    if (selected_) { // fitted again to a new width: the lesson shown stays selected
        const auto row = std::find(rowHits_.begin(), rowHits_.end(), *selected_);
        if (row != rowHits_.end())
            controls_.selectResultRow(static_cast<std::size_t>(row - rowHits_.begin()));
    }
}

void LessonsView::selectionChanged(const Reference<css::uno::XInterface>& source)
{
    const Reference<css::uno::XInterface> model(source, css::uno::UNO_QUERY);
    css::uno::Sequence<sal_Int16> selected;
    Reference<css::beans::XPropertySet>(source, css::uno::UNO_QUERY_THROW)->getPropertyValue("SelectedItems") >>= selected;
    const sal_Int16 position = selected.getLength() > 0 ? selected[0] : -1;

    if (controls_.isResultList(model)) {
        if (position < 0 || static_cast<std::size_t>(position) >= rowHits_.size())
            clearLesson();
        else
            showLesson(rowHits_[static_cast<std::size_t>(position)]);
        return;
    }
    if (Filter* filter = controls_.filterOf(model)) {
        filter->chosen = position > 0 && static_cast<std::size_t>(position) <= filter->values.size()
                             ? filter->values[static_cast<std::size_t>(position) - 1]
                             : std::string();
        // The search refills this very list (its counts change); done inside the list's own
        // selection handling, the drop-down went on to show a blank entry. So: right after it.
        const rtl::Reference<LessonsView> self(this);
        runOnMainThread(context_, [self] {
            if (self->controls_.alive())
                reportFailures(self->inPanel(), [&] { self->search(); });
        });
    }
}

void LessonsView::showLesson(std::size_t hit)
{
    if (hit >= hits_.size())
        return clearLesson();
    if (selected_ == hit && lesson_)
        return; // another row of the same result
    const auto library = this->library();
    if (!library)
        return;
    selected_ = hit;
    const std::string id = hits_[hit].id;
    if (!library->remote())
        return showFetchedLesson(library->lesson(id));
    const unsigned generation = ++lessonGeneration_;
    const rtl::Reference<LessonsView> self(this);
    lessons_.run([self, context = context_, library, id, generation] {
        auto outcome = LibraryOutcome<std::optional<lessons::Lesson>>::of([&] { return library->lesson(id); });
        runOnMainThread(context, [self, generation, outcome = std::move(outcome)] { self->lessonFetched(generation, outcome); });
    });
}

void LessonsView::lessonFetched(unsigned generation, const LibraryOutcome<std::optional<lessons::Lesson>>& outcome) noexcept
{
    if (!controls_.alive() || generation != lessonGeneration_) // disposed, or another lesson chosen meanwhile
        return;
    reportFailures(inPanel(), [&] {
        if (outcome.failure)
            return showFailure(*outcome.failure);
        showFetchedLesson(*outcome.value);
    });
}

void LessonsView::showFetchedLesson(const std::optional<lessons::Lesson>& lesson)
{
    lesson_ = lesson;
    if (!lesson_ || !selected_) {
        clearLesson();
        controls_.setStatus(uiText(context_, "This lesson is no longer in the library."));
        return;
    }
    const lessons::SearchHit& hit = hits_.at(*selected_);
    lessons::PreviewLabels labels;
    labels.source = toUtf8(uiText(context_, "Source:"));
    labels.steps = toUtf8(uiText(context_, "Journey steps:"));
    labels.tags = toUtf8(uiText(context_, "Tags:"));
    labels.partnerTypes = toUtf8(uiText(context_, "Partner types:"));
    labels.languages = toUtf8(uiText(context_, "Languages:"));
    // TRANSLATORS: heading of the preview's part that is the library's own advice, which goes beyond the lesson's source.
    labels.advice = toUtf8(uiText(context_, "Our advice (not from the source)"));
    labels.uiLanguage = uiLanguage_;
    showPreview(controls_.previewModel(), lessons::preview(*lesson_, hit.language, hit.marked, labels), controls_.fieldFont());
    controls_.enableInsert(true);
}

void LessonsView::clearLesson()
{
    ++lessonGeneration_; // a preview still on its way is no longer wanted
    selected_.reset();
    lesson_.reset();
    showPreviewMessage(controls_.previewModel(), uiText(context_, "Select a lesson to read it here."), controls_.fieldFont());
    controls_.enableInsert(false);
}

void LessonsView::insertCitation()
{
    if (!lesson_ || !selected_) {
        controls_.setStatus(uiText(context_, "Select a lesson first."));
        return;
    }
    // The citation is written in the language of the text the panel shows, the advice's mark too.
    const std::string& language = hits_.at(*selected_).language;
    const std::string citedLanguage = lessons::displayedText(*lesson_, language).language;
    const auto advice = lessons::citedAdvice(
        *lesson_, language,
        // TRANSLATORS: written into the user's document before the advice a citation adds after the quoted lesson.
        toUtf8(uiTextIn(context_, citedLanguage, "Advice from the Partnering Journey library, not from the source:")));
    switch (uno::insertCitation(frame_, lessons::bibliographyEntry(*lesson_, language),
                                lessons::quotation(*lesson_, language), advice, uiText(context_, "Insert citation"))) {
    case CitationOutcome::Inserted:
        controls_.setStatus(uiText(context_, "Citation inserted. Edit > Undo removes it."));
        break;
    case CitationOutcome::NoWriterText:
        controls_.setStatus(uiText(context_, "Citations go into a Writer document; this window has none."));
        break;
    case CitationOutcome::Protected: // the results and the preview stay, for another place
        controls_.setStatus(uiText(context_, "The citation cannot go here: the document, or this part of it, is "
                                             "protected against changes."));
        break;
    }
}

void LessonsView::showFailure(const Failure& failure)
{
    showProblem(uiText(context_, "Something went wrong in the lessons panel."), failure.message);
}

void LessonsView::showProblem(const rtl::OUString& headline, const rtl::OUString& details)
{
    // Called by reporters only: when the panel itself is broken (disposed controls), its
    // failure goes to the log and Writer goes on regardless.
    const ScopedFlag updating(updating_);
    hits_.clear();
    rowHits_.clear();
    selected_.reset();
    lesson_.reset();
    controls_.setResultRows({});
    controls_.enableInsert(false);
    controls_.setStatus(headline);
    controls_.showSearchedInstead({});
    showPreviewMessage(controls_.previewModel(), details.isEmpty() ? headline : headline + "\n\n" + details,
                       controls_.fieldFont());
}

} // namespace partnering::uno
