// A clause question's input on a wizard page: a drop-down of the clause library's standard
// wordings (and "Own wording") over an editable box showing the wording the draft will print.
#pragma once

#include "wizard/ControlCanvas.hpp"

#include "journey/ClauseLibrary.hpp"
#include "l10n/Catalogs.hpp"

#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace partnering::uno {

class ClauseControl {
public:
    // The drop-down named `name` and the wording's box `name`+":wording" on `canvas`; `listener`
    // (an XTextListener, XItemListener and XFocusListener) hears their edits. The options are
    // named in the UI language; the wordings come in the draft's, given to show().
    ClauseControl(const css::uno::Reference<css::uno::XComponentContext>& context, ControlCanvas& canvas,
                  const journey::Clause& clause, rtl::OUString name, const css::uno::Reference<css::uno::XInterface>& listener);

    bool owns(const rtl::OUString& control) const { return control == name_ || control == wordingName(); }

    // The answer the wording's box stands for: an option's id, else the user's own wording
    // (blank when the box is).
    std::string text() const;
    // Shows the answer `text` (an option's id, the user's own wording, blank for the default
    // option) with the options' wordings in `language` (BCP 47).
    void show(const std::string& text, const std::string& language);
    // After the user changed `control`, the other one follows: the box shows the wording of the
    // option chosen, the drop-down names the option whose wording the box holds.
    void follow(const rtl::OUString& control);

    int height(int width) const;
    void place(int x, int y, int width);

private:
    rtl::OUString wordingName() const { return name_ + ":wording"; }
    int ownPosition() const { return static_cast<int>(clause_->options.size()); } // "Own wording"
    // The drop-down's entry for an answer: its option's, "Own wording" for the user's own.
    int positionOf(const std::string& answer) const;
    int wordingHeight(int width) const;
    rtl::OUString wordingText() const;
    void select(int position);

    css::uno::Reference<css::uno::XComponentContext> context_;
    ControlCanvas& canvas_;
    const journey::Clause* clause_;
    rtl::OUString name_;
    bool paragraph_; // wordings a paragraph long (a notice period is a phrase)
    l10n::Translator draft_; // the clause library in the draft's language
    journey::Clause shown_;  // the clause with its wordings in that language
    // The user's own wording, kept while an option is tried so that choosing "Own wording"
    // again brings it back.
    std::string ownWording_;
};

} // namespace partnering::uno
