#include "wizard/ListEditor.hpp"

#include "wizard/JourneyWizardController.hpp"

#include "UiText.hpp"
#include "UnoBoundary.hpp"

#include "journey/FieldText.hpp"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/grid/DefaultGridColumnModel.hpp>
#include <com/sun/star/awt/grid/DefaultGridDataModel.hpp>
#include <com/sun/star/awt/grid/XGridRowSelection.hpp>
#include <com/sun/star/awt/grid/XGridSelectionListener.hpp>
#include <com/sun/star/view/SelectionType.hpp>

#include <algorithm>

namespace partnering::uno {

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using journey::Question;

constexpr int kHeaderHeight = 10;
constexpr int kTableHeight = 68; // a header and four rows
constexpr int kButtonHeight = 14;
constexpr int kButtonWidth = 50;
constexpr int kGap = 4;
constexpr int kMaxColumns = 4;

const char* const kActions[] = {"add", "update", "remove"};

// The columns: the item's first question, then its short answers, then its paragraphs while
// fewer than three are shown; nested lists have tables of their own.
std::vector<const Question*> columnsOf(const Question& list, const Question& plainItem)
{
    if (list.items.empty())
        return {&plainItem};
    std::vector<const Question*> columns;
    for (const auto& question : list.items) {
        if (question.type == Question::Type::List || static_cast<int>(columns.size()) >= kMaxColumns)
            continue;
        if (columns.empty() || question.type != Question::Type::Paragraph)
            columns.push_back(&question);
    }
    for (const auto& question : list.items) {
        if (question.type == Question::Type::Paragraph && columns.size() < 3
            && std::find(columns.begin(), columns.end(), &question) == columns.end())
            columns.push_back(&question);
    }
    return columns;
}

} // namespace

ListEditor::ListEditor(const Reference<css::uno::XComponentContext>& context, ControlCanvas& canvas,
                       JourneyWizardController& controller, const Question& list, int id, ListEditor* parent,
                       const Reference<css::uno::XInterface>& listener)
    : context_(context), canvas_(canvas), controller_(controller), list_(&list),
      name_("l" + rtl::OUString::number(id)), parent_(parent)
{
    plainItem_ = list;
    plainItem_.type = list.itemType;
    plainItem_.required = true;
    plainItem_.path.clear();
    if (parent_ != nullptr)
        parent_->children_.push_back(this);

    rtl::OUString header = toOUString(list.label);
    if (parent_ != nullptr)
        header += " " + uiText(context_, "(of the item selected above)");
    canvas_.add("com.sun.star.awt.UnoControlFixedTextModel", name_ + ":label",
                {{"Label", Any(header)}, {"FontWeight", Any(css::awt::FontWeight::BOLD)},
                 {"HelpText", Any(toOUString(list.hint))}});

    // The items as a table: whole names in columns, a row per item, numbered as the picture of
    // the stakeholders numbers them.
    const auto columnModel = css::awt::grid::DefaultGridColumnModel::create(context_);
    columns_ = columnsOf(list, plainItem_);
    for (const Question* question : columns_) {
        const auto column = columnModel->createColumn();
        column->setTitle(toOUString(question->label));
        // The name takes most of the width (names run long: "Ministry of Social Affairs,
        // Veterans and Youth Rehabilitation"); levels and dates need only their few characters.
        const bool first = question == columns_.front();
        const bool fixed = question->type == Question::Type::Level || question->type == Question::Type::Date
                        || question->type == Question::Type::Boolean;
        column->setColumnWidth(fixed ? 34 : first ? 90 : 50);
        column->setMinWidth(20);
        column->setFlexibility(fixed ? 0 : first ? 4 : question->type == Question::Type::Paragraph ? 2 : 1);
        column->setResizeable(true);
        columnModel->addColumn(column);
    }
    canvas_.add("com.sun.star.awt.grid.UnoControlGridModel", name_ + ":table",
                {{"ColumnModel", Any(columnModel)},
                 {"GridDataModel", Any(Reference<css::awt::grid::XGridDataModel>(
                                       css::awt::grid::DefaultGridDataModel::create(context_), UNO_QUERY_THROW))},
                 {"ShowRowHeader", Any(true)},
                 {"RowHeaderWidth", Any(static_cast<sal_Int32>(14))},
                 {"ShowColumnHeader", Any(true)},
                 {"SelectionModel", Any(css::view::SelectionType_SINGLE)},
                 {"HScroll", Any(false)},
                 {"VScroll", Any(true)},
                 {"HelpText", Any(toOUString(list.hint))}});
    Reference<css::awt::grid::XGridRowSelection>(canvas_.control(name_ + ":table"), UNO_QUERY_THROW)
        ->addSelectionListener(Reference<css::awt::grid::XGridSelectionListener>(listener, UNO_QUERY_THROW));

    if (list.items.empty()) {
        fields_.push_back(std::make_unique<QuestionControls>(context_, canvas_, plainItem_, name_ + ":f:", listener));
    } else {
        for (const auto& question : list.items) {
            if (question.type != Question::Type::List)
                fields_.push_back(std::make_unique<QuestionControls>(context_, canvas_, question,
                                                                     name_ + ":f:" + toOUString(question.path), listener));
        }
    }

    const rtl::OUString labels[] = {
        uiText(context_, "Add"),
        /* TRANSLATORS: a button that writes the edited item back into the list */ uiText(context_, "Update"),
        uiText(context_, "Remove")};
    const rtl::OUString help[] = {uiText(context_, "Adds the fields above as a new item, then empties them for the next one."),
                                  uiText(context_, "Writes the fields above into the selected item."),
                                  uiText(context_, "Removes the selected item.")};
    for (int i = 0; i < 3; ++i) {
        const rtl::OUString button = name_ + ":" + rtl::OUString::createFromAscii(kActions[i]);
        canvas_.add("com.sun.star.awt.UnoControlButtonModel", button, {{"Label", Any(labels[i])}, {"HelpText", Any(help[i])}});
        Reference<css::awt::XButton>(canvas_.control(button), UNO_QUERY_THROW)
            ->addActionListener(Reference<css::awt::XActionListener>(listener, UNO_QUERY_THROW));
    }
}

bool ListEditor::owns(const rtl::OUString& control) const
{
    return control.startsWith(name_ + ":");
}

std::string ListEditor::path() const
{
    if (parent_ == nullptr)
        return list_->path;
    const std::string parentPath = parent_->path();
    const int item = parent_->selected();
    if (parentPath.empty() || item < 0)
        return {};
    return parentPath + "[" + std::to_string(item) + "]." + list_->path;
}

int ListEditor::selected() const
{
    const Reference<css::awt::grid::XGridRowSelection> table(canvas_.control(name_ + ":table"), UNO_QUERY);
    if (!table.is())
        return -1;
    const auto rows = table->getSelectedRows();
    return rows.getLength() > 0 ? rows[0] : -1;
}

void ListEditor::select(int item)
{
    const Reference<css::awt::grid::XGridRowSelection> table(canvas_.control(name_ + ":table"), UNO_QUERY_THROW);
    table->deselectAllRows();
    if (item >= 0 && item < rows_)
        table->selectRow(item);
    selectionChanged();
}

std::vector<rtl::OUString> ListEditor::cells(const journey::ItemTexts& texts) const
{
    std::vector<rtl::OUString> cells;
    for (const Question* question : columns_) {
        const auto text = texts.find(question->path);
        const std::string value = text == texts.end() ? std::string() : text->second;
        if (question->type == Question::Type::Choice) {
            const int position = journey::choicePosition(*question, value);
            cells.push_back(position > 0 ? toOUString(question->choices[static_cast<std::size_t>(position - 1)].label)
                                         : rtl::OUString());
        } else if (question->type == Question::Type::Boolean) {
            cells.push_back(value == "true" ? uiText(context_, "Yes") : value == "false" ? uiText(context_, "No") : rtl::OUString());
        } else {
            cells.push_back(toOUString(value).replace('\n', ' '));
        }
    }
    return cells;
}

void ListEditor::refresh()
{
    const std::string listPath = path();
    std::vector<journey::ItemTexts> items;
    if (!listPath.empty()) {
        controller_.withForm([&](journey::JourneyForm& form) {
            for (std::size_t i = 0; i < form.itemCount(listPath); ++i) {
                if (list_->items.empty())
                    items.push_back({{"", form.text(listPath + "[" + std::to_string(i) + "]")}});
                else
                    items.push_back(form.itemTexts(*list_, listPath, i));
            }
        });
    }
    const int keep = selected();
    const Reference<css::awt::grid::XMutableGridDataModel> data(canvas_.model(name_ + ":table")->getPropertyValue("GridDataModel"),
                                                                UNO_QUERY_THROW);
    data->removeAllRows();
    for (std::size_t row = 0; row < items.size(); ++row) {
        const auto texts = cells(items[row]);
        css::uno::Sequence<Any> values(static_cast<sal_Int32>(texts.size()));
        for (std::size_t column = 0; column < texts.size(); ++column)
            values[static_cast<sal_Int32>(column)] <<= texts[column];
        data->addRow(Any(rtl::OUString::number(static_cast<sal_Int64>(row + 1))), values);
        // A cell too narrow for its text shows it whole when the pointer rests on it.
        for (std::size_t column = 0; column < texts.size(); ++column)
            data->updateCellToolTip(static_cast<sal_Int32>(column), static_cast<sal_Int32>(row), Any(texts[column]));
    }
    rows_ = static_cast<int>(items.size());
    const Reference<css::awt::grid::XGridRowSelection> table(canvas_.control(name_ + ":table"), UNO_QUERY_THROW);
    table->deselectAllRows();
    if (keep >= 0 && keep < rows_)
        table->selectRow(keep);
    selectionChanged();
}

void ListEditor::selectionChanged()
{
    showItem(selected());
    enableButtons();
    for (ListEditor* child : children_)
        child->refresh();
}

void ListEditor::showItem(int item)
{
    const std::string listPath = path();
    journey::ItemTexts texts;
    if (!listPath.empty() && item >= 0 && item < rows_) {
        texts = controller_.withForm([&](journey::JourneyForm& form) {
            if (list_->items.empty())
                return journey::ItemTexts{{"", form.text(listPath + "[" + std::to_string(item) + "]")}};
            return form.itemTexts(*list_, listPath, static_cast<std::size_t>(item));
        });
    }
    for (const auto& field : fields_) {
        const auto text = texts.find(field->question().path);
        field->show(text == texts.end() ? std::string() : text->second);
    }
}

void ListEditor::enableButtons()
{
    const bool open = !path().empty();
    const bool chosen = open && selected() >= 0;
    canvas_.set(name_ + ":add", "Enabled", Any(open));
    canvas_.set(name_ + ":update", "Enabled", Any(chosen));
    canvas_.set(name_ + ":remove", "Enabled", Any(chosen));
    for (const auto& field : fields_)
        canvas_.set(field->name(), "Enabled", Any(open));
}

journey::ItemTexts ListEditor::editedTexts() const
{
    journey::ItemTexts texts;
    for (const auto& field : fields_)
        texts[field->question().path] = field->text();
    return texts;
}

void ListEditor::press(const std::string& action)
{
    const std::string listPath = path();
    const int item = selected();
    if (listPath.empty() || (action != "add" && item < 0))
        return; // the buttons are disabled then; a late click changes nothing
    const auto texts = editedTexts();
    int select = item;
    controller_.withForm([&](journey::JourneyForm& form) {
        if (action == "add")
            form.addItem(*list_, listPath, texts);
        else if (action == "update")
            form.updateItem(*list_, listPath, static_cast<std::size_t>(item), texts);
        else if (action == "remove")
            form.removeItem(listPath, static_cast<std::size_t>(item));
    });
    if (action != "update")
        select = -1; // the editor is free for the next item
    const Reference<css::awt::grid::XGridRowSelection> table(canvas_.control(name_ + ":table"), UNO_QUERY_THROW);
    table->deselectAllRows();
    refresh();
    if (select >= 0)
        this->select(select);
    if (action == "add")
        focus();
}

std::vector<QuestionControls*> ListEditor::fields() const
{
    std::vector<QuestionControls*> fields;
    for (const auto& field : fields_)
        fields.push_back(field.get());
    return fields;
}

int ListEditor::height(int width) const
{
    return kHeaderHeight + kTableHeight + kGap + flowFields(fields(), 0, 0, width, false) + kButtonHeight + kGap;
}

void ListEditor::place(int x, int y, int width)
{
    area_ = {x, y, width, height(width)};
    canvas_.place(name_ + ":label", {x, y, width, kHeaderHeight});
    y += kHeaderHeight;
    canvas_.place(name_ + ":table", {x, y, width, kTableHeight});
    y += kTableHeight + kGap;
    y += flowFields(fields(), x, y, width, true);
    for (int i = 0; i < 3; ++i)
        canvas_.place(name_ + ":" + rtl::OUString::createFromAscii(kActions[i]),
                      {x + i * (kButtonWidth + 4), y, kButtonWidth, kButtonHeight});
}

Box ListEditor::areaOf(const rtl::OUString& control) const
{
    for (const auto& field : fields_) {
        if (field->owns(control))
            return field->area();
    }
    return area_;
}

void ListEditor::markMissing(bool missing)
{
    if (missing == missing_)
        return;
    missing_ = missing;
    canvas_.set(name_ + ":label", "TextColor", Any(missing ? kMissingColour : sal_Int32(-1)));
}

void ListEditor::focus()
{
    if (!fields_.empty())
        fields_.front()->focus();
}

} // namespace partnering::uno
