// One list of a wizard page (stakeholders, partners, a partner's contributions, ...): its items
// in a table with columns, the selected item's fields below it, and Add, Update and Remove.
#pragma once

#include "wizard/ControlCanvas.hpp"
#include "wizard/QuestionControls.hpp"

#include "journey/Journey.hpp"
#include "journey/JourneyForm.hpp"

#include <memory>
#include <string>
#include <vector>

namespace partnering::uno {

class JourneyWizardController;

class ListEditor {
public:
    // The list `list`, named "l<id>"; `parent` edits the items whose list this is (an
    // objective's activities), nullptr for a list of the step itself. `listener` hears the
    // fields' edits (QuestionControls), the buttons (XActionListener) and the table
    // (XGridSelectionListener).
    ListEditor(const css::uno::Reference<css::uno::XComponentContext>& context, ControlCanvas& canvas,
               JourneyWizardController& controller, const journey::Question& list, int id, ListEditor* parent,
               const css::uno::Reference<css::uno::XInterface>& listener);

    const journey::Question& list() const { return *list_; }
    const rtl::OUString& name() const { return name_; }
    ListEditor* parent() const { return parent_; }
    // Whether the control named `control` belongs to this editor (its table, buttons or fields).
    bool owns(const rtl::OUString& control) const;

    // Where its items live in the answers ("partners[1].contributions"); empty while its parent
    // has no item selected.
    std::string path() const;
    int selected() const; // -1 for none
    void select(int item);

    // Shows the answers' items again, keeping the selection where it can.
    void refresh();
    // The table's selection changed: the fields show the selected item (or nothing).
    void selectionChanged();
    // "add", "update" or "remove" pressed; throws InvalidInput when the form refuses the item.
    void press(const std::string& action);

    int height(int width) const;
    void place(int x, int y, int width);
    const Box& area() const { return area_; }
    // Where the control named `control` is: one of its fields, or the whole editor.
    Box areaOf(const rtl::OUString& control) const;

    void markMissing(bool missing);
    // The first field of the editor, to type a new item into.
    void focus();

private:
    journey::ItemTexts editedTexts() const;
    std::vector<QuestionControls*> fields() const;
    void showItem(int item);
    void enableButtons();
    std::vector<rtl::OUString> cells(const journey::ItemTexts& texts) const;

    css::uno::Reference<css::uno::XComponentContext> context_;
    ControlCanvas& canvas_;
    JourneyWizardController& controller_;
    const journey::Question* list_;
    journey::Question plainItem_; // a list of plain values (purpose.values): its one field
    rtl::OUString name_;
    ListEditor* parent_;
    std::vector<const journey::Question*> columns_;
    std::vector<std::unique_ptr<QuestionControls>> fields_;
    std::vector<ListEditor*> children_;
    int rows_ = 0;
    bool missing_ = false;
    Box area_;
};

} // namespace partnering::uno
