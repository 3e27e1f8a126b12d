#include "wizard/ClauseControl.hpp"

#include "UiText.hpp"
#include "UnoBoundary.hpp"

#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

namespace partnering::uno {

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

constexpr int kFieldHeight = 12;
constexpr int kGap = 3;
constexpr int kLineHeight = 9;
constexpr int kFewestLines = 3;
constexpr int kMostLines = 8; // a longer wording scrolls in its box
constexpr std::size_t kPhraseLength = 80; // longer wordings get a paragraph's box

const l10n::Catalogs& clauseCatalogs(const Reference<css::uno::XComponentContext>& context)
{
    return domainCatalogs(context, "clauses");
}

} // namespace

ClauseControl::ClauseControl(const Reference<css::uno::XComponentContext>& context, ControlCanvas& canvas,
                             const journey::Clause& clause, rtl::OUString name, const Reference<css::uno::XInterface>& listener)
    : context_(context), canvas_(canvas), clause_(&clause), name_(std::move(name)),
      paragraph_(std::any_of(clause.options.begin(), clause.options.end(),
                             [](const journey::ClauseOption& option) { return option.wording.size() > kPhraseLength; })),
      draft_(clauseCatalogs(context_).translatorFor(uiLanguage(context_))),
      shown_(journey::ClauseLibrary::translated(clause, draft_))
{
    std::vector<rtl::OUString> entries;
    for (const auto& option : shown_.options) // named in the UI language, as the rest of the page
        entries.push_back(toOUString(option.label));
    // TRANSLATORS: the last entry of a clause's list of standard wordings: the user writes the clause in their own words.
    entries.push_back(uiText(context_, "Own wording"));
    canvas_.add("com.sun.star.awt.UnoControlListBoxModel", name_,
                {{"Dropdown", Any(true)},
                 {"LineCount", Any(static_cast<sal_Int16>(entries.size()))},
                 {"StringItemList", Any(css::uno::Sequence<rtl::OUString>(entries.data(), static_cast<sal_Int32>(entries.size())))},
                 {"HelpText", Any(uiText(context_, "A standard wording to start from. The text below is what the "
                                                   "draft will say; you may edit it."))}});
    canvas_.add("com.sun.star.awt.UnoControlEditModel", wordingName(),
                {{"MultiLine", Any(paragraph_)},
                 {"VScroll", Any(paragraph_)},
                 {"HelpText", Any(uiText(context_, "The clause as the draft will say it. Once you change it, it is "
                                                   "your own wording."))}});
    Reference<css::awt::XListBox>(canvas_.control(name_), UNO_QUERY_THROW)
        ->addItemListener(Reference<css::awt::XItemListener>(listener, UNO_QUERY_THROW));
    Reference<css::awt::XTextComponent>(canvas_.control(wordingName()), UNO_QUERY_THROW)
        ->addTextListener(Reference<css::awt::XTextListener>(listener, UNO_QUERY_THROW));
    const Reference<css::awt::XFocusListener> focus(listener, UNO_QUERY_THROW);
    for (const auto& control : {name_, wordingName()})
        Reference<css::awt::XWindow>(canvas_.control(control), UNO_QUERY_THROW)->addFocusListener(focus);
}

rtl::OUString ClauseControl::wordingText() const
{
    return Reference<css::awt::XTextComponent>(canvas_.control(wordingName()), UNO_QUERY_THROW)->getText();
}

std::string ClauseControl::text() const
{
    return journey::ClauseLibrary::answerFor(*clause_, toUtf8(wordingText()), draft_);
}

int ClauseControl::positionOf(const std::string& answer) const
{
    const nlohmann::json value = answer;
    const journey::ClauseOption* option = journey::ClauseLibrary::picked(*clause_, &value);
    return option != nullptr ? static_cast<int>(option - clause_->options.data()) : ownPosition();
}

void ClauseControl::select(int position)
{
    Reference<css::awt::XListBox>(canvas_.control(name_), UNO_QUERY_THROW)->selectItemPos(static_cast<sal_Int16>(position), true);
}

void ClauseControl::show(const std::string& text, const std::string& language)
{
    draft_ = clauseCatalogs(context_).translatorFor(language.empty() ? uiLanguage(context_) : language);
    shown_ = journey::ClauseLibrary::translated(*clause_, draft_);
    const nlohmann::json answer = text;
    const int position = positionOf(text);
    if (position == ownPosition())
        ownWording_ = text;
    Reference<css::awt::XTextComponent>(canvas_.control(wordingName()), UNO_QUERY_THROW)
        ->setText(toOUString(journey::ClauseLibrary::wording(*clause_, &answer, draft_)));
    select(position);
}

void ClauseControl::follow(const rtl::OUString& control)
{
    const Reference<css::awt::XTextComponent> box(canvas_.control(wordingName()), UNO_QUERY_THROW);
    if (control == name_) {
        const int position = Reference<css::awt::XListBox>(canvas_.control(name_), UNO_QUERY_THROW)->getSelectedItemPos();
        if (position >= 0 && position < ownPosition())
            box->setText(toOUString(shown_.options[static_cast<std::size_t>(position)].wording));
        else if (position == ownPosition() && !ownWording_.empty())
            box->setText(toOUString(ownWording_));
        // "Own wording" with none written yet keeps the wording shown, for the user to change.
        return;
    }
    const std::string answer = text();
    const int position = positionOf(answer);
    if (position == ownPosition())
        ownWording_ = answer;
    select(position);
}

int ClauseControl::wordingHeight(int width) const
{
    if (!paragraph_)
        return kFieldHeight;
    int lines = kFewestLines;
    for (const auto& option : shown_.options) // inside the box's border and scroll bar
        lines = std::max(lines, textLines(toOUString(option.wording), width - 14));
    return std::min(lines, kMostLines) * kLineHeight + 4;
}

int ClauseControl::height(int width) const
{
    return kFieldHeight + kGap + wordingHeight(width);
}

void ClauseControl::place(int x, int y, int width)
{
    canvas_.place(name_, {x, y, std::min(width, std::max(160, width / 2)), kFieldHeight});
    canvas_.place(wordingName(), {x, y + kFieldHeight + kGap, width, wordingHeight(width)});
}

} // namespace partnering::uno
