#include "wizard/StepPage.hpp"

#include "ExtensionFolder.hpp"
#include "UiText.hpp"
#include "UnoBoundary.hpp"
#include "sidebar/LessonsPanel.hpp"

#include "error/Error.hpp"
#include "fill/DraftTemplates.hpp"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/ContainerWindowProvider.hpp>
#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XCheckBox.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XDateField.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/XUnitConversion.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/util/MeasureUnit.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/ui/dialogs/WizardTravelType.hpp>
#include <com/sun/star/util/Date.hpp>
#include <osl/file.hxx>

#include <algorithm>
#include <chrono>
#include <thread>
#include <cstdio>

namespace partnering::uno {

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using journey::Question;

// The page's layout, in the dialog units of JourneyStepPage.xdl (560 x 320).
constexpr int kPageWidth = 560;
constexpr int kPageHeight = 320;
constexpr int kMargin = 4;
constexpr int kGuidanceWidth = 160;
constexpr int kQuestionsX = kMargin + kGuidanceWidth + 8;
constexpr int kQuestionsWidth = kPageWidth - kQuestionsX - kMargin;
constexpr int kLabelHeight = 9;
constexpr int kFieldHeight = 12;
constexpr int kParagraphHeight = 22;
constexpr int kGap = 3;
constexpr int kStatusY = 284;
constexpr int kButtonHeight = 13;
constexpr sal_Int32 kMissingColour = 0xA00000;
constexpr sal_Int32 kCompleteColour = 0x006000;

const char* const kTemplates[] = {"agreement", "mou", "workplan"};

int fieldHeight(const Question& question)
{
    return question.type == Question::Type::Paragraph ? kParagraphHeight : kFieldHeight;
}

int blockHeight(const Question& question)
{
    return kLabelHeight + fieldHeight(question) + kGap;
}

// Lays blocks out in columns, each block going to the shortest column.
class Columns {
public:
    Columns(int x, int y, int width, int count) : x_(x), width_((width - (count - 1) * 6) / count), bottoms_(count, y) {}
    int columnWidth() const { return width_; }
    // Where a block of `height` goes: its x and y.
    std::pair<int, int> place(int height)
    {
        const auto shortest = std::min_element(bottoms_.begin(), bottoms_.end());
        const int column = static_cast<int>(shortest - bottoms_.begin());
        const int y = *shortest;
        *shortest += height;
        return {x_ + column * (width_ + 6), y};
    }
    int bottom() const { return *std::max_element(bottoms_.begin(), bottoms_.end()); }

private:
    int x_, width_;
    std::vector<int> bottoms_;
};

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

Sequence<rtl::OUString> toSequence(const std::vector<rtl::OUString>& items)
{
    Sequence<rtl::OUString> sequence(static_cast<sal_Int32>(items.size()));
    for (std::size_t i = 0; i < items.size(); ++i)
        sequence[static_cast<sal_Int32>(i)] = items[i];
    return sequence;
}

} // namespace

StepPage::StepPage(rtl::Reference<JourneyWizardController> controller, Reference<css::uno::XComponentContext> context,
                   int number, const Reference<css::awt::XWindow>& parent)
    : controller_(std::move(controller)), context_(std::move(context)), number_(number), step_(controller_->step(number))
{
    rtl::OUString url;
    const auto dialog = extensionFolder(context_) / "dialogs" / "JourneyStepPage.xdl";
    if (osl::FileBase::getFileURLFromSystemPath(toOUString(dialog.string()), url) != osl::FileBase::E_None)
        throw css::uno::RuntimeException("[partnering.wizard.no-page] cannot locate " + toOUString(dialog.string()), nullptr);
    const auto provider = css::awt::ContainerWindowProvider::create(context_);
    window_ = provider->createContainerWindow(url, rtl::OUString(), Reference<css::awt::XWindowPeer>(parent, UNO_QUERY_THROW),
                                              nullptr);
    container_.set(window_, UNO_QUERY_THROW);
    modelFactory_.set(Reference<css::awt::XControl>(window_, UNO_QUERY_THROW)->getModel(), UNO_QUERY_THROW);
    build();
    load();
}

Reference<css::beans::XPropertySet> StepPage::addControl(const char* service, const rtl::OUString& name, int x, int y,
                                                         int width, int height, const Properties& properties)
{
    const Reference<css::beans::XPropertySet> model(modelFactory_->createInstance(rtl::OUString::createFromAscii(service)),
                                                    UNO_QUERY_THROW);
    model->setPropertyValue("PositionX", Any(static_cast<sal_Int32>(x)));
    model->setPropertyValue("PositionY", Any(static_cast<sal_Int32>(y)));
    model->setPropertyValue("Width", Any(static_cast<sal_Int32>(width)));
    model->setPropertyValue("Height", Any(static_cast<sal_Int32>(height)));
    model->setPropertyValue("Name", Any(name));
    // Before the insertion: the control is made from them (a list box is a drop-down or not for good).
    for (const auto& [property, value] : properties)
        model->setPropertyValue(rtl::OUString::createFromAscii(property), value);
    // Inserting the model into the page's model makes the page create the control.
    Reference<css::container::XNameContainer>(modelFactory_, UNO_QUERY_THROW)->insertByName(name, Any(model));
    return model;
}

Reference<css::uno::XInterface> StepPage::control(const rtl::OUString& name) const
{
    return container_.is() ? Reference<css::uno::XInterface>(container_->getControl(name), UNO_QUERY)
                           : Reference<css::uno::XInterface>();
}

void StepPage::build()
{
    const auto title = addControl("com.sun.star.awt.UnoControlFixedTextModel", "title", kMargin, 2, kGuidanceWidth, 20, {{"MultiLine", Any(true)}});
    title->setPropertyValue("Label", Any(toOUString(std::to_string(number_) + ". " + step_.title)));
    title->setPropertyValue("FontWeight", Any(css::awt::FontWeight::BOLD));

    std::string guidance;
    for (const auto& paragraph : step_.guidance)
        guidance += (guidance.empty() ? "" : "\n\n") + paragraph;
    const auto text = addControl("com.sun.star.awt.UnoControlEditModel", "guidance", kMargin, 24, kGuidanceWidth, 254,
                                 {{"MultiLine", Any(true)}, {"VScroll", Any(true)}, {"ReadOnly", Any(true)}});
    text->setPropertyValue("Text", Any(toOUString(guidance)));

    const auto lessons = addControl("com.sun.star.awt.UnoControlButtonModel", "lessons", kMargin, kStatusY + 2,
                                    kGuidanceWidth, kButtonHeight + 2);
    lessons->setPropertyValue("Label", Any(uiText(context_, "Lessons learned for this step")));
    Reference<css::awt::XButton>(control("lessons"), UNO_QUERY_THROW)->addActionListener(this);

    const auto status = addControl("com.sun.star.awt.UnoControlEditModel", "message", kQuestionsX, kStatusY,
                                   kQuestionsWidth, kPageHeight - kStatusY - 2,
                                   {{"MultiLine", Any(true)}, {"VScroll", Any(true)}, {"ReadOnly", Any(true)}});

    int y = 2;
    buildQuestions(kQuestionsX, y, kQuestionsWidth);
    if (number_ == 7)
        buildDraftChoice(kQuestionsX, y, kQuestionsWidth);
}

void StepPage::buildQuestions(int x, int& y, int width)
{
    Columns columns(x, y, width, 3);
    for (const auto& question : step_.questions) {
        if (question.type == Question::Type::List)
            continue;
        const auto [fx, fy] = columns.place(blockHeight(question));
        const rtl::OUString name = "q:" + toOUString(question.path);
        fields_.push_back({&question, name});
        addField(question, name, fx, fy, columns.columnWidth(), fieldHeight(question));
    }
    y = columns.bottom();
    for (const auto& question : step_.questions) {
        if (question.type != Question::Type::List)
            continue;
        y = buildListEditor(question, -1, x, y, width) + 4;
        if (question.path == "partnership.stakeholders")
            buildStakeholderGrid(x, y, width);
    }
}

void StepPage::addField(const Question& question, const rtl::OUString& name, int x, int y, int width, int height)
{
    rtl::OUString label = toOUString(question.label);
    if (question.type == Question::Type::Money)
        label += " " + uiText(context_, "(amount and currency: 120000 USD)");
    const rtl::OUString help = toOUString(question.hint);
    if (question.type == Question::Type::Boolean) {
        const auto box = addControl("com.sun.star.awt.UnoControlCheckBoxModel", name, x, y + kLabelHeight, width, height);
        box->setPropertyValue("Label", Any(label));
        box->setPropertyValue("HelpText", Any(help));
        Reference<css::awt::XCheckBox>(control(name), UNO_QUERY_THROW)->addItemListener(this);
        return;
    }
    const auto caption = addControl("com.sun.star.awt.UnoControlFixedTextModel", "label:" + name, x, y, width, kLabelHeight);
    caption->setPropertyValue("Label", Any(label));
    caption->setPropertyValue("HelpText", Any(help));
    Reference<css::beans::XPropertySet> model;
    switch (question.type) {
    case Question::Type::Choice:
    case Question::Type::Level: {
        std::vector<rtl::OUString> entries{rtl::OUString()};
        if (question.type == Question::Type::Choice) {
            for (const auto& choice : question.choices)
                entries.push_back(toOUString(choice.label));
        } else {
            for (const char* level : {"1", "2", "3", "4", "5"})
                entries.push_back(rtl::OUString::createFromAscii(level));
        }
        model = addControl("com.sun.star.awt.UnoControlListBoxModel", name, x, y + kLabelHeight, width, height,
                           {{"Dropdown", Any(true)}});
        model->setPropertyValue("LineCount", Any(static_cast<sal_Int16>(8)));
        model->setPropertyValue("StringItemList", Any(toSequence(entries)));
        Reference<css::awt::XListBox>(control(name), UNO_QUERY_THROW)->addItemListener(this);
        break;
    }
    case Question::Type::Date:
        // The UI locale's short date with a four-digit year (ExtDateFieldFormat::SystemShortYYYY):
        // "12/31/26" reads as 1926 or as 31 December to many of our users.
        model = addControl("com.sun.star.awt.UnoControlDateFieldModel", name, x, y + kLabelHeight, width, height,
                           {{"Dropdown", Any(true)}, {"DateFormat", Any(static_cast<sal_Int16>(2))}});
        Reference<css::awt::XTextComponent>(control(name), UNO_QUERY_THROW)->addTextListener(this);
        break;
    default:
        const bool paragraph = question.type == Question::Type::Paragraph;
        model = addControl("com.sun.star.awt.UnoControlEditModel", name, x, y + kLabelHeight, width, height,
                           {{"MultiLine", Any(paragraph)}, {"VScroll", Any(paragraph)}});
        Reference<css::awt::XTextComponent>(control(name), UNO_QUERY_THROW)->addTextListener(this);
        break;
    }
    model->setPropertyValue("HelpText", Any(help));
}

int StepPage::buildListEditor(const Question& list, int parent, int x, int y, int width)
{
    const int index = static_cast<int>(lists_.size());
    const rtl::OUString id = "l" + rtl::OUString::number(index);
    lists_.push_back({&list, parent, id, {}});

    rtl::OUString header = toOUString(list.label);
    if (parent >= 0)
        header += ": " + uiText(context_, "for the item selected above");
    const auto caption = addControl("com.sun.star.awt.UnoControlFixedTextModel", id + ":label", x, y, width, kLabelHeight);
    caption->setPropertyValue("Label", Any(header));
    caption->setPropertyValue("FontWeight", Any(css::awt::FontWeight::BOLD));
    caption->setPropertyValue("HelpText", Any(toOUString(list.hint)));
    y += kLabelHeight + 1;

    // The items' fields to the right of the list, in columns.
    constexpr int listWidth = 118;
    const int fieldsX = x + listWidth + 6, fieldsWidth = width - listWidth - 6;
    Columns columns(fieldsX, y, fieldsWidth, 3);
    if (list.items.empty()) {
        Question plain = list;
        plain.type = list.itemType;
        plain.label = list.label;
        const auto [fx, fy] = columns.place(blockHeight(plain));
        const rtl::OUString name = id + ":f:";
        lists_[static_cast<std::size_t>(index)].fields.push_back({&list, name});
        addField(plain, name, fx, fy, fieldsWidth, fieldHeight(plain));
        columns.place(0);
    } else {
        for (const auto& question : list.items) {
            if (question.type == Question::Type::List)
                continue;
            const auto [fx, fy] = columns.place(blockHeight(question));
            const rtl::OUString name = id + ":f:" + toOUString(question.path);
            lists_[static_cast<std::size_t>(index)].fields.push_back({&question, name});
            addField(question, name, fx, fy, columns.columnWidth(), fieldHeight(question));
        }
    }
    const int height = std::max(columns.bottom() - y, 50);

    const auto items = addControl("com.sun.star.awt.UnoControlListBoxModel", id + ":list", x, y, listWidth,
                                  height - kButtonHeight - 2);
    items->setPropertyValue("HelpText", Any(toOUString(list.hint)));
    Reference<css::awt::XListBox>(control(id + ":list"), UNO_QUERY_THROW)->addItemListener(this);
    const std::pair<const char*, rtl::OUString> buttons[] = {{"add", uiText(context_, "Add")},
                                                              {"update", /* TRANSLATORS: a button that writes the edited item back into the list */ uiText(context_, "Update")},
                                                              {"remove", uiText(context_, "Remove")}};
    int bx = x;
    for (const auto& [action, label] : buttons) {
        const rtl::OUString name = id + ":" + rtl::OUString::createFromAscii(action);
        const auto button = addControl("com.sun.star.awt.UnoControlButtonModel", name, bx, y + height - kButtonHeight,
                                       38, kButtonHeight);
        button->setPropertyValue("Label", Any(label));
        Reference<css::awt::XButton>(control(name), UNO_QUERY_THROW)->addActionListener(this);
        bx += 40;
    }
    y += height;
    // Nested lists follow their parent.
    for (const auto& question : list.items) {
        if (question.type == Question::Type::List)
            y = buildListEditor(question, index, x, y + 4, width);
    }
    return y;
}

void StepPage::buildStakeholderGrid(int x, int& y, int width)
{
    const auto caption = addControl("com.sun.star.awt.UnoControlFixedTextModel", "grid:label", x, y, width, kLabelHeight);
    caption->setPropertyValue("Label", Any(uiText(context_, "Stakeholder map: influence up, interest across")));
    caption->setPropertyValue("FontWeight", Any(css::awt::FontWeight::BOLD));
    y += kLabelHeight + 1;
    constexpr int cellHeight = 26;
    const int cellWidth = (width - 2) / 2;
    // Rows top to bottom: high influence first; columns: low interest first.
    const char* const cells[] = {"grid:keep-satisfied", "grid:manage-closely", "grid:monitor", "grid:keep-informed"};
    for (int i = 0; i < 4; ++i) {
        const auto cell = addControl("com.sun.star.awt.UnoControlFixedTextModel", rtl::OUString::createFromAscii(cells[i]),
                                     x + (i % 2) * (cellWidth + 2), y + (i / 2) * (cellHeight + 2), cellWidth, cellHeight,
                                     {{"MultiLine", Any(true)}, {"Border", Any(static_cast<sal_Int16>(2))}});
        cell->setPropertyValue("BackgroundColor", Any(static_cast<sal_Int32>(i == 1 ? 0xE4ECF7 : 0xF7F7F7)));
    }
    y += 2 * cellHeight + 6;
}

void StepPage::buildDraftChoice(int x, int& y, int width)
{
    y += 4;
    const auto caption = addControl("com.sun.star.awt.UnoControlFixedTextModel", "draft:label", x, y, width, kLabelHeight);
    caption->setPropertyValue("Label", Any(uiText(context_, "The draft that Finish opens in Writer")));
    caption->setPropertyValue("FontWeight", Any(css::awt::FontWeight::BOLD));
    y += kLabelHeight + 1;
    const int half = (width - 6) / 2;
    addControl("com.sun.star.awt.UnoControlFixedTextModel", "template:label", x, y, half, kLabelHeight)
        ->setPropertyValue("Label", Any(uiText(context_, "Template")));
    addControl("com.sun.star.awt.UnoControlFixedTextModel", "language:label", x + half + 6, y, half, kLabelHeight)
        ->setPropertyValue("Label", Any(uiText(context_, "Language of the agreement")));
    const std::vector<rtl::OUString> templates{uiText(context_, "Partnership agreement"),
                                               uiText(context_, "Memorandum of understanding"),
                                               uiText(context_, "Work plan")};
    const auto templateList = addControl("com.sun.star.awt.UnoControlListBoxModel", "template", x, y + kLabelHeight, half,
                                         kFieldHeight, {{"Dropdown", Any(true)}});
    templateList->setPropertyValue("StringItemList", Any(toSequence(templates)));
    const auto languageList = addControl("com.sun.star.awt.UnoControlListBoxModel", "language", x + half + 6,
                                         y + kLabelHeight, half, kFieldHeight, {{"Dropdown", Any(true)}});
    languageList->setPropertyValue("LineCount", Any(static_cast<sal_Int16>(8)));
    const Reference<css::awt::XListBox> templateBox(control("template"), UNO_QUERY_THROW);
    templateBox->selectItemPos(0, true);
    templateBox->addItemListener(this);
    y += kLabelHeight + kFieldHeight + 4;
    if (controller_->resumed()) {
        // Finish refreshes the fields of the draft in place (refreshDraftInWriter), keeping what
        // the user wrote around them; a new document only when the layout must change.
        const auto note = addControl("com.sun.star.awt.UnoControlFixedTextModel", "draft:note", x, y, width, 2 * kLabelHeight,
                                      {{"MultiLine", Any(true)}});
        note->setPropertyValue("Label", Any(uiText(context_, "This journey was resumed from the document you are editing. "
                                                             "Finish updates its fields with your answers and keeps "
                                                             "everything you wrote around them (Edit > Undo reverts it).")));
        y += 2 * kLabelHeight;
    }
    refreshLanguages();
}

void StepPage::refreshLanguages()
{
    const Reference<css::awt::XListBox> templateBox(control("template"), UNO_QUERY);
    const Reference<css::awt::XListBox> languageBox(control("language"), UNO_QUERY);
    if (!templateBox.is() || !languageBox.is())
        return;
    const int chosen = std::max<int>(0, templateBox->getSelectedItemPos());
    const auto languages = fill::templateLanguages(extensionFolder(context_) / "templates", kTemplates[chosen]);
    const std::string current = controller_->withForm([](journey::JourneyForm& form) { return form.language(); });
    std::vector<rtl::OUString> names;
    languages_.clear();
    sal_Int16 selected = 0;
    for (const auto& language : languages) {
        if (language.tag == current || (selected == 0 && current.rfind(language.tag + "-", 0) == 0))
            selected = static_cast<sal_Int16>(languages_.size());
        languages_.push_back(language.tag);
        names.push_back(toOUString(language.name));
    }
    Reference<css::beans::XPropertySet>(Reference<css::awt::XControl>(languageBox, UNO_QUERY_THROW)->getModel(),
                                        UNO_QUERY_THROW)
        ->setPropertyValue("StringItemList", Any(toSequence(names)));
    if (!names.empty())
        languageBox->selectItemPos(selected, true);
}

std::optional<DraftChoice> StepPage::draftChoice()
{
    const Reference<css::awt::XListBox> templateBox(control("template"), UNO_QUERY);
    const Reference<css::awt::XListBox> languageBox(control("language"), UNO_QUERY);
    if (!templateBox.is() || !languageBox.is())
        return std::nullopt;
    DraftChoice choice;
    const int chosen = templateBox->getSelectedItemPos();
    if (chosen >= 0 && chosen < 3)
        choice.templateName = kTemplates[chosen];
    const int language = languageBox->getSelectedItemPos();
    if (language >= 0 && language < static_cast<int>(languages_.size()))
        choice.language = languages_[static_cast<std::size_t>(language)];
    return choice;
}

std::string StepPage::fieldText(const Field& field) const
{
    const auto source = control(field.control);
    switch (field.question->type == Question::Type::List ? field.question->itemType : field.question->type) {
    case Question::Type::Choice:
    case Question::Type::Level: {
        const int position = Reference<css::awt::XListBox>(source, UNO_QUERY_THROW)->getSelectedItemPos();
        if (position <= 0)
            return {};
        if (field.question->type == Question::Type::Level)
            return std::to_string(position);
        return field.question->choices.at(static_cast<std::size_t>(position - 1)).value;
    }
    case Question::Type::Boolean:
        return Reference<css::awt::XCheckBox>(source, UNO_QUERY_THROW)->getState() == 1 ? "true" : "false";
    case Question::Type::Date: {
        const Reference<css::awt::XDateField> date(source, UNO_QUERY_THROW);
        if (date->isEmpty())
            return {};
        const css::util::Date value = date->getDate();
        char iso[32];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", static_cast<int>(value.Year), static_cast<int>(value.Month),
                      static_cast<int>(value.Day));
        return iso;
    }
    default:
        return toUtf8(Reference<css::awt::XTextComponent>(source, UNO_QUERY_THROW)->getText());
    }
}

void StepPage::showFieldText(const Field& field, const std::string& text)
{
    const auto target = control(field.control);
    switch (field.question->type == Question::Type::List ? field.question->itemType : field.question->type) {
    case Question::Type::Choice:
    case Question::Type::Level: {
        sal_Int16 position = 0;
        if (field.question->type == Question::Type::Level && text.size() == 1 && text[0] >= '1' && text[0] <= '5')
            position = static_cast<sal_Int16>(text[0] - '0');
        for (std::size_t i = 0; i < field.question->choices.size(); ++i) {
            if (field.question->choices[i].value == text)
                position = static_cast<sal_Int16>(i + 1);
        }
        Reference<css::awt::XListBox>(target, UNO_QUERY_THROW)->selectItemPos(position, true);
        break;
    }
    case Question::Type::Boolean:
        Reference<css::awt::XCheckBox>(target, UNO_QUERY_THROW)->setState(text == "true" ? 1 : 0);
        break;
    case Question::Type::Date: {
        const Reference<css::awt::XDateField> date(target, UNO_QUERY_THROW);
        if (text.size() == 10) {
            date->setDate(css::util::Date(static_cast<sal_uInt16>(std::stoi(text.substr(8, 2))),
                                          static_cast<sal_uInt16>(std::stoi(text.substr(5, 2))),
                                          static_cast<sal_Int16>(std::stoi(text.substr(0, 4)))));
        } else {
            date->setEmpty();
        }
        break;
    }
    default:
        Reference<css::awt::XTextComponent>(target, UNO_QUERY_THROW)->setText(toOUString(text));
        break;
    }
}

std::string StepPage::listPath(int editor) const
{
    const auto& list = lists_.at(static_cast<std::size_t>(editor));
    if (list.parent < 0)
        return list.list->path;
    const std::string parentPath = listPath(list.parent);
    const int parentItem = selectedItem(list.parent);
    if (parentPath.empty() || parentItem < 0)
        return {};
    return parentPath + "[" + std::to_string(parentItem) + "]." + list.list->path;
}

int StepPage::selectedItem(int editor) const
{
    const Reference<css::awt::XListBox> box(control(lists_.at(static_cast<std::size_t>(editor)).id + ":list"), UNO_QUERY);
    return box.is() ? box->getSelectedItemPos() : -1;
}

void StepPage::refreshList(int editor, int select)
{
    const auto& list = lists_.at(static_cast<std::size_t>(editor));
    const std::string path = listPath(editor);
    std::vector<rtl::OUString> summaries;
    if (!path.empty()) {
        controller_->withForm([&](journey::JourneyForm& form) {
            for (std::size_t i = 0; i < form.itemCount(path); ++i)
                summaries.push_back(toOUString(form.itemSummary(*list.list, path, i)));
        });
    }
    const Reference<css::awt::XListBox> box(control(list.id + ":list"), UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet>(Reference<css::awt::XControl>(box, UNO_QUERY_THROW)->getModel(), UNO_QUERY_THROW)
        ->setPropertyValue("StringItemList", Any(toSequence(summaries)));
    if (select >= 0 && select < static_cast<int>(summaries.size()))
        box->selectItemPos(static_cast<sal_Int16>(select), true);
    showItem(editor);
}

void StepPage::showItem(int editor)
{
    const auto& list = lists_.at(static_cast<std::size_t>(editor));
    const std::string path = listPath(editor);
    const int item = selectedItem(editor);
    journey::ItemTexts texts;
    if (!path.empty() && item >= 0) {
        texts = controller_->withForm([&](journey::JourneyForm& form) {
            if (list.list->items.empty())
                return journey::ItemTexts{{"", form.text(path + "[" + std::to_string(item) + "]")}};
            return form.itemTexts(*list.list, path, static_cast<std::size_t>(item));
        });
    }
    for (const auto& field : list.fields) {
        const auto text = texts.find(list.list->items.empty() ? std::string() : field.question->path);
        showFieldText(field, text == texts.end() ? std::string() : text->second);
    }
    for (std::size_t child = 0; child < lists_.size(); ++child) {
        if (lists_[child].parent == editor)
            refreshList(static_cast<int>(child), 0);
    }
}

void StepPage::load()
{
    loading_ = true;
    try {
        const auto texts = controller_->withForm([&](journey::JourneyForm& form) {
            std::vector<std::string> result;
            for (const auto& field : fields_)
                result.push_back(form.text(field.question->path));
            return result;
        });
        for (std::size_t i = 0; i < fields_.size(); ++i)
            showFieldText(fields_[i], texts[i]);
        for (std::size_t editor = 0; editor < lists_.size(); ++editor) {
            if (lists_[editor].parent < 0)
                refreshList(static_cast<int>(editor), std::max(0, selectedItem(static_cast<int>(editor))));
        }
        if (number_ == 7)
            refreshLanguages();
    } catch (...) {
        loading_ = false;
        throw;
    }
    loading_ = false;
    refreshStatus();
}

void StepPage::refreshStatus(const rtl::OUString& problem)
{
    const Reference<css::awt::XTextComponent> message(control("message"), UNO_QUERY);
    if (message.is()) {
        const bool complete = controller_->stepComplete(number_);
        rtl::OUString text = controller_->stepMessage(number_);
        if (!problem.isEmpty())
            text = uiText(context_, "This answer was not taken:") + " " + problem + "\n" + text;
        Reference<css::beans::XPropertySet>(Reference<css::awt::XControl>(message, UNO_QUERY_THROW)->getModel(), UNO_QUERY_THROW)
            ->setPropertyValue("TextColor", Any(complete && problem.isEmpty() ? kCompleteColour : kMissingColour));
        message->setText(text);
    }
    if (number_ == 1 && control("grid:monitor").is()) {
        const auto grid = controller_->withForm([](journey::JourneyForm& form) { return form.stakeholderGrid(); });
        // TRANSLATORS: the four quadrants of the stakeholder interest/influence grid, each an
        // instruction for how to engage the stakeholders placed in it ("Monitor" = keep an eye on them).
        const rtl::OUString captions[] = {uiText(context_, "Keep satisfied"), uiText(context_, "Manage closely"),
                                          uiText(context_, "Monitor"), uiText(context_, "Keep informed")};
        const journey::GridQuadrant quadrants[] = {journey::GridQuadrant::KeepSatisfied, journey::GridQuadrant::ManageClosely,
                                                   journey::GridQuadrant::Monitor, journey::GridQuadrant::KeepInformed};
        const char* const cells[] = {"grid:keep-satisfied", "grid:manage-closely", "grid:monitor", "grid:keep-informed"};
        for (int i = 0; i < 4; ++i) {
            rtl::OUString names;
            for (const auto& entry : grid) {
                if (entry.quadrant != quadrants[i])
                    continue;
                if (!names.isEmpty())
                    names += ", ";
                names += toOUString(entry.name) + " (" + rtl::OUString::number(entry.interest) + "/"
                       + rtl::OUString::number(entry.influence) + ")";
            }
            const Reference<css::awt::XControl> cell(control(rtl::OUString::createFromAscii(cells[i])), UNO_QUERY_THROW);
            Reference<css::beans::XPropertySet>(cell->getModel(), UNO_QUERY_THROW)
                ->setPropertyValue("Label", Any(captions[i] + ": " + names));
        }
    }
    controller_->updateTravelUI();
}

template <class Action>
void StepPage::safely(Action&& action)
{
    // UI callbacks: nothing may reach LibreOffice; what went wrong is shown on the page.
    try {
        action();
    } catch (const partnering::Error& e) {
        try {
            refreshStatus(toOUString(e.reason()));
        } catch (...) {
        }
    } catch (const css::uno::Exception& e) {
        showMessage(context_, controller_.is() ? controller_->frame() : nullptr, uiText(context_, "Partnership journey"),
                    e.Message, MessageKind::Error);
    } catch (const std::exception& e) {
        showMessage(context_, controller_.is() ? controller_->frame() : nullptr, uiText(context_, "Partnership journey"),
                    toOUString(e.what()), MessageKind::Error);
    } catch (...) {
    }
}

void StepPage::takeAnswer(const rtl::OUString& controlName)
{
    for (const auto& field : fields_) {
        if (field.control == controlName) {
            const std::string text = fieldText(field);
            controller_->withForm([&](journey::JourneyForm& form) { form.setText(*field.question, field.question->path, text); });
            refreshStatus();
            return;
        }
    }
}

void StepPage::textChanged(const css::awt::TextEvent& event)
{
    if (loading_ || !controller_.is())
        return;
    safely([&] {
        takeAnswer(nameOf(event.Source));
    });
}

void StepPage::itemStateChanged(const css::awt::ItemEvent& event)
{
    if (loading_ || !controller_.is())
        return;
    safely([&] {
        const rtl::OUString name = nameOf(event.Source);
        if (name == "template") {
            refreshLanguages();
            return;
        }
        for (std::size_t editor = 0; editor < lists_.size(); ++editor) {
            if (name == lists_[editor].id + ":list") {
                loading_ = true;
                try {
                    showItem(static_cast<int>(editor));
                } catch (...) {
                    loading_ = false;
                    throw;
                }
                loading_ = false;
                return;
            }
        }
        takeAnswer(name);
    });
}

void StepPage::actionPerformed(const css::awt::ActionEvent& event)
{
    if (!controller_.is())
        return;
    safely([&] {
        const rtl::OUString name = nameOf(event.Source);
        if (name == "lessons") {
            openLessons();
            return;
        }
        for (std::size_t editor = 0; editor < lists_.size(); ++editor) {
            const rtl::OUString prefix = lists_[editor].id + ":";
            if (name.startsWith(prefix))
                onListButton(static_cast<int>(editor), toUtf8(name.copy(prefix.getLength())));
        }
    });
}

void StepPage::onListButton(int editor, const std::string& action)
{
    const auto& list = lists_.at(static_cast<std::size_t>(editor));
    const std::string path = listPath(editor);
    if (path.empty()) {
        refreshStatus(uiText(context_, "Select an item in the list above first."));
        return;
    }
    const int item = selectedItem(editor);
    if (action != "add" && item < 0) {
        refreshStatus(uiText(context_, "Select an item in the list first."));
        return;
    }
    journey::ItemTexts texts;
    for (const auto& field : list.fields)
        texts[list.list->items.empty() ? std::string() : field.question->path] = fieldText(field);
    int select = item;
    controller_->withForm([&](journey::JourneyForm& form) {
        if (action == "add")
            select = static_cast<int>(form.addItem(*list.list, path, texts));
        else if (action == "update")
            form.updateItem(*list.list, path, static_cast<std::size_t>(item), texts);
        else if (action == "remove")
            form.removeItem(path, static_cast<std::size_t>(item));
    });
    if (action == "remove")
        select = std::min(item, static_cast<int>(controller_->withForm([&](journey::JourneyForm& form) { return form.itemCount(path); })) - 1);
    loading_ = true;
    try {
        refreshList(editor, select);
        if (action == "add" && select < 0)
            showItem(editor);
    } catch (...) {
        loading_ = false;
        throw;
    }
    loading_ = false;
    refreshStatus();
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
                                                                   0, Sequence<css::beans::PropertyValue>());
}

void StepPage::activatePage()
{
    safely([&] {
        fitDialog();
        load();
    });
}

void StepPage::fitDialog()
{
    const Reference<css::awt::XWindow> dialog = controller_->dialogWindow();
    const Reference<css::awt::XUnitConversion> units(window_, UNO_QUERY);
    if (!dialog.is() || !units.is())
        return;
    const Reference<css::awt::XWindow2> shown(dialog, UNO_QUERY);
    if (shown.is() && !shown->isVisible()) {
        // Showing sizes the dialog to its optimal size: fit it once it is shown.
        dialog->addWindowListener(this);
        return;
    }
    // The page, plus the roadmap at its left and the buttons below it.
    const css::awt::Size page
        = units->convertSizeToPixel(css::awt::Size(kPageWidth, kPageHeight), css::util::MeasureUnit::APPFONT);
    sal_Int32 width = page.Width + 190, height = page.Height + 70;
    const css::awt::Rectangle frame = dialog->getPosSize();
    if (frame.Width >= width && frame.Height >= height)
        return;
    sal_Int32 x = 0, y = 0;
    if (controller_->frame().is() && controller_->frame()->getContainerWindow().is()) {
        const css::awt::Rectangle screen = controller_->frame()->getContainerWindow()->getPosSize();
        width = std::min(width, screen.Width);
        height = std::min(height, screen.Height);
        x = screen.X + std::max<sal_Int32>(0, (screen.Width - width) / 2);
        y = screen.Y + std::max<sal_Int32>(0, (screen.Height - height) / 2);
    }
    dialog->setPosSize(x, y, std::max(width, frame.Width), std::max(height, frame.Height), css::awt::PosSize::POSSIZE);
}

void StepPage::windowShown(const css::lang::EventObject& event)
{
    safely([&] {
        const Reference<css::awt::XWindow> dialog(event.Source, UNO_QUERY);
        if (dialog.is())
            dialog->removeWindowListener(this);
        // The dialog's first layout runs in an idle after it is shown and would shrink it back
        // to its optimal size; a size set after that first layout holds. So wait a moment off
        // the main thread, then fit the dialog from the main thread's event loop.
        const Reference<css::awt::XCallback> self(this);
        const Reference<css::awt::XRequestCallback> callbacks = css::awt::AsyncCallback::create(context_);
        std::thread([self, callbacks] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            try {
                callbacks->addCallback(self, Any());
            } catch (...) {
                // The office is closing: nothing to fit any more.
            }
        }).detach();
    });
}

void StepPage::notify(const Any&)
{
    if (controller_.is())
        safely([&] { fitDialog(); });
}

sal_Bool StepPage::commitPage(sal_Int16 reason)
{
    return reason != css::ui::dialogs::WizardTravelType::FORWARD || controller_->jumping() || canAdvance();
}

sal_Bool StepPage::canAdvance()
{
    try {
        return controller_.is() && controller_->stepComplete(number_);
    } catch (...) {
        return false;
    }
}

void StepPage::dispose()
{
    try {
        if (controller_.is())
            controller_->pageDisposed(number_);
        const Reference<css::lang::XComponent> window(window_, UNO_QUERY);
        container_.clear();
        window_.clear();
        if (window.is())
            window->dispose();
    } catch (...) {
    }
    controller_.clear();
}

} // namespace partnering::uno
