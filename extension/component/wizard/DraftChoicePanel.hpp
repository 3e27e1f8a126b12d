// The last page's choice of the draft that Finish makes: the template and its language, with a
// warning when that language is not the one the answers are written in.
#pragma once

#include "wizard/PagePart.hpp"

#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>
#include <vector>

namespace partnering::uno {

class JourneyWizardController;

// The template and language of the draft.
struct DraftChoice {
    std::string templateName = "agreement";
    std::string language; // BCP 47; empty: the answers' language
};

class DraftChoicePanel : public PagePart {
public:
    // `listener` (an XItemListener) hears the two lists; `resumed` says Finish refreshes the
    // document the journey was resumed from.
    DraftChoicePanel(const css::uno::Reference<css::uno::XComponentContext>& context, ControlCanvas& canvas,
                     JourneyWizardController& controller, bool resumed,
                     const css::uno::Reference<css::uno::XInterface>& listener);

    DraftChoice choice() const;

    bool owns(const rtl::OUString& control) const override;
    void changed(const rtl::OUString& control) override;
    void refresh() override;
    int height(int width) const override;
    void place(int x, int y, int width) override;

private:
    void listLanguages();
    // The language check: the draft's fixed text in one language, the answers in another.
    void checkLanguage();

    css::uno::Reference<css::uno::XComponentContext> context_;
    ControlCanvas& canvas_;
    JourneyWizardController& controller_;
    bool resumed_;
    std::vector<std::string> languages_; // of the draft, in the language list's order
    rtl::OUString warning_;
};

} // namespace partnering::uno
