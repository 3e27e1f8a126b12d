// One question's controls on a wizard page: its label, its input (a number and a currency list
// for an amount, a clause's options and wording), and the conversions between them and the
// answers' field text (core FieldText).
#pragma once

#include "wizard/ClauseControl.hpp"
#include "wizard/ControlCanvas.hpp"

#include "journey/Journey.hpp"

#include <com/sun/star/uno/XComponentContext.hpp>

#include <memory>
#include <string>
#include <vector>

namespace partnering::uno {

// The colour of a missing answer's label and of the page's message about it.
inline constexpr sal_Int32 kMissingColour = 0xB00000;

class QuestionControls {
public:
    // Controls named `name` (the input), `name`+":label", ":hint", ":currency", ":wording" on `canvas`;
    // `listener` (an XTextListener, XItemListener and XFocusListener) hears their edits.
    // `roomy` gives a paragraph the height of a page's only answer.
    QuestionControls(const css::uno::Reference<css::uno::XComponentContext>& context, ControlCanvas& canvas,
                     const journey::Question& question, rtl::OUString name,
                     const css::uno::Reference<css::uno::XInterface>& listener, bool roomy = false);

    const journey::Question& question() const { return *question_; }
    const rtl::OUString& name() const { return name_; }
    // Whether the control named `control` is one of this question's inputs.
    bool owns(const rtl::OUString& control) const;

    // The answer as the form holds it ("in-kind", "3", "2025-01-31", "120000 USD", ...).
    std::string text() const;
    // `language` (BCP 47), the draft's, is the one a clause's wording is shown in.
    void show(const std::string& text, const std::string& language = {});
    // After the user changed `control`, the question's other inputs follow it (a clause's wording
    // and its choice of option).
    void follow(const rtl::OUString& control);

    // Narrow questions share a row in columns; the others take the whole width.
    bool narrow() const;
    int height(int width) const;
    void place(int x, int y, int width);
    // Where it was placed last, in the canvas' dialog units.
    const Box& area() const { return area_; }

    // A missing answer's label is marked, and says so to a screen reader through its text.
    void markMissing(bool missing);
    void focus();

private:
    int labelHeight(int width) const;
    int hintHeight(int width) const;
    int inputHeight(int width) const;
    int checkBoxHeight(int width) const;

    css::uno::Reference<css::uno::XComponentContext> context_;
    ControlCanvas& canvas_;
    const journey::Question* question_;
    rtl::OUString name_;
    rtl::OUString label_;
    bool roomy_;
    bool missing_ = false;
    std::vector<std::string> currencies_; // codes, in the currency list's order
    std::unique_ptr<ClauseControl> clause_;
    Box area_;
};

// Lays `fields` out from (x, y) across `width` as a form reads: short answers side by side in
// up to three columns, long ones across the whole width. Returns the height they take; only
// measures when `place` is false.
int flowFields(const std::vector<QuestionControls*>& fields, int x, int y, int width, bool place);

} // namespace partnering::uno
