#include "wizard/DraftChoicePanel.hpp"

#include "wizard/JourneyWizardController.hpp"

#include "ExtensionFolder.hpp"
#include "UiText.hpp"
#include "UnoBoundary.hpp"

#include "fill/DraftTemplates.hpp"
#include "journey/AnswersLanguage.hpp"
#include "l10n/Catalogs.hpp"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/XListBox.hpp>

#include <algorithm>

namespace partnering::uno {

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

const char* const kTemplates[] = {"agreement", "mou", "workplan"};
constexpr int kLine = 10;
constexpr int kField = 12;
constexpr sal_Int32 kWarningColour = 0xA04000;

css::uno::Sequence<rtl::OUString> toSequence(const std::vector<rtl::OUString>& items)
{
    return css::uno::Sequence<rtl::OUString>(items.data(), static_cast<sal_Int32>(items.size()));
}

} // namespace

DraftChoicePanel::DraftChoicePanel(const Reference<css::uno::XComponentContext>& context, ControlCanvas& canvas,
                                   JourneyWizardController& controller, bool resumed,
                                   const Reference<css::uno::XInterface>& listener)
    : context_(context), canvas_(canvas), controller_(controller), resumed_(resumed)
{
    canvas_.add("com.sun.star.awt.UnoControlFixedLineModel", "draft:label",
                {{"Label", Any(uiText(context_, "The draft that Finish opens in Writer"))}});
    // Each list right after its label: a screen reader names a list after the label before it.
    canvas_.add("com.sun.star.awt.UnoControlFixedTextModel", "template:label", {{"Label", Any(uiText(context_, "Template"))}});
    const std::vector<rtl::OUString> templates{uiText(context_, "Partnership agreement"),
                                               uiText(context_, "Memorandum of understanding"),
                                               uiText(context_, "Work plan")};
    canvas_.add("com.sun.star.awt.UnoControlListBoxModel", "template",
                {{"Dropdown", Any(true)}, {"StringItemList", Any(toSequence(templates))}});
    canvas_.add("com.sun.star.awt.UnoControlFixedTextModel", "language:label",
                {{"Label", Any(uiText(context_, "Language of the agreement"))}});
    canvas_.add("com.sun.star.awt.UnoControlListBoxModel", "language",
                {{"Dropdown", Any(true)}, {"LineCount", Any(static_cast<sal_Int16>(8))}});
    for (const char* list : {"template", "language"})
        Reference<css::awt::XListBox>(canvas_.control(rtl::OUString::createFromAscii(list)), UNO_QUERY_THROW)
            ->addItemListener(Reference<css::awt::XItemListener>(listener, UNO_QUERY_THROW));
    Reference<css::awt::XListBox>(canvas_.control("template"), UNO_QUERY_THROW)->selectItemPos(0, true);
    if (resumed_) {
        // Finish refreshes the fields of the draft in place (refreshDraftInWriter), keeping what
        // the user wrote around them; a new document only when the layout must change.
        canvas_.add("com.sun.star.awt.UnoControlFixedTextModel", "draft:note",
                    {{"MultiLine", Any(true)},
                     {"Label", Any(uiText(context_, "This journey was resumed from the document you are editing. "
                                                    "Finish updates its fields with your answers and keeps "
                                                    "everything you wrote around them (Edit > Undo reverts it)."))}});
    }
    canvas_.add("com.sun.star.awt.UnoControlFixedTextModel", "draft:warning",
                {{"MultiLine", Any(true)}, {"TextColor", Any(kWarningColour)}, {"FontWeight", Any(css::awt::FontWeight::BOLD)}});
    listLanguages();
}

bool DraftChoicePanel::owns(const rtl::OUString& control) const
{
    return control == "template" || control == "language" || control.startsWith("draft:");
}

void DraftChoicePanel::changed(const rtl::OUString& control)
{
    if (control == "template")
        listLanguages();
    checkLanguage();
}

void DraftChoicePanel::refresh()
{
    checkLanguage();
}

void DraftChoicePanel::listLanguages()
{
    const int chosen = std::max<int>(0, Reference<css::awt::XListBox>(canvas_.control("template"), UNO_QUERY_THROW)->getSelectedItemPos());
    const auto languages = fill::templateLanguages(extensionFolder(context_) / "templates", kTemplates[chosen]);
    // Keep the language the user chose, else the answers' own.
    const DraftChoice before = choice();
    const std::string current = !before.language.empty()
                                    ? before.language
                                    : controller_.withForm([](journey::JourneyForm& form) { return form.language(); });
    std::vector<rtl::OUString> names;
    languages_.clear();
    sal_Int16 selected = 0;
    for (const auto& language : languages) {
        if (language.tag == current || (selected == 0 && current.rfind(language.tag + "-", 0) == 0))
            selected = static_cast<sal_Int16>(languages_.size());
        languages_.push_back(language.tag);
        names.push_back(toOUString(language.name));
    }
    canvas_.set("language", "StringItemList", Any(toSequence(names)));
    if (!names.empty())
        Reference<css::awt::XListBox>(canvas_.control("language"), UNO_QUERY_THROW)->selectItemPos(selected, true);
}

DraftChoice DraftChoicePanel::choice() const
{
    DraftChoice choice;
    const Reference<css::awt::XListBox> templateBox(canvas_.control("template"), UNO_QUERY);
    const Reference<css::awt::XListBox> languageBox(canvas_.control("language"), UNO_QUERY);
    if (!templateBox.is() || !languageBox.is())
        return choice;
    const int chosen = templateBox->getSelectedItemPos();
    if (chosen >= 0 && chosen < 3)
        choice.templateName = kTemplates[chosen];
    const int language = languageBox->getSelectedItemPos();
    if (language >= 0 && language < static_cast<int>(languages_.size()))
        choice.language = languages_[static_cast<std::size_t>(language)];
    return choice;
}

void DraftChoicePanel::checkLanguage()
{
    const auto answers = controller_.withForm([](journey::JourneyForm& form) { return form.json(); });
    const auto written = journey::writtenLanguage(answers, extensionFolder(context_) / "textcat");
    const std::string draft = choice().language;
    rtl::OUString warning;
    if (written && !draft.empty() && !journey::sameLanguage(*written, draft)) {
        warning = uiText(context_, "Your answers are written in %1, but the draft will be in %2: its own text "
                                   "will be in %2 and your answers in %1. Translate your answers first, or "
                                   "choose %1 for the draft.")
                      .replaceAll("%1", toOUString(l10n::languageAutonym(*written)))
                      .replaceAll("%2", toOUString(l10n::languageAutonym(draft)));
    }
    warning_ = warning;
    canvas_.set("draft:warning", "Label", Any(warning_));
}

int DraftChoicePanel::height(int width) const
{
    int height = 12 + kLine + kField + 6;
    if (resumed_)
        height += textLines(canvas_.model("draft:note")->getPropertyValue("Label").get<rtl::OUString>(), width) * kLine + 4;
    if (!warning_.isEmpty())
        height += textLines(warning_, width) * kLine + 4;
    return height;
}

void DraftChoicePanel::place(int x, int y, int width)
{
    canvas_.place("draft:label", {x, y, width, 12});
    y += 12;
    const int half = (width - 6) / 2;
    canvas_.place("template:label", {x, y, half, kLine});
    canvas_.place("language:label", {x + half + 6, y, half, kLine});
    y += kLine;
    canvas_.place("template", {x, y, half, kField});
    canvas_.place("language", {x + half + 6, y, half, kField});
    y += kField + 6;
    if (resumed_) {
        const int lines = textLines(canvas_.model("draft:note")->getPropertyValue("Label").get<rtl::OUString>(), width);
        canvas_.place("draft:note", {x, y, width, lines * kLine});
        y += lines * kLine + 4;
    }
    canvas_.place("draft:warning", {x, y, width, warning_.isEmpty() ? 1 : textLines(warning_, width) * kLine});
    canvas_.show("draft:warning", !warning_.isEmpty());
}

} // namespace partnering::uno
