// The stakeholder map on step 1, drawn: numbered dots on the interest/influence plane with the
// quadrants' captions in the UI language, the same picture as the agreement's annex (core
// fill::stakeholderMapSvg); a click on a dot selects that stakeholder in the list above it.
#pragma once

#include "wizard/PagePart.hpp"

#include <com/sun/star/uno/XComponentContext.hpp>

namespace partnering::uno {

class JourneyWizardController;
class ListEditor;

class StakeholderGridView : public PagePart {
public:
    // `listener` (an XMouseListener) hears clicks on the picture; `stakeholders` is the list
    // editor of partnership.stakeholders.
    StakeholderGridView(const css::uno::Reference<css::uno::XComponentContext>& context, ControlCanvas& canvas,
                        JourneyWizardController& controller, ListEditor& stakeholders,
                        const css::uno::Reference<css::uno::XInterface>& listener);

    bool owns(const rtl::OUString& control) const override;
    void changed(const rtl::OUString&) override {}
    void clicked(const rtl::OUString& control, sal_Int32 x, sal_Int32 y) override;
    void refresh() override;
    int height(int width) const override;
    void place(int x, int y, int width) override;

private:
    // The picture's size in centimetres: the control's shape, so the map fills it exactly.
    double pictureHeightCm() const;

    css::uno::Reference<css::uno::XComponentContext> context_;
    ControlCanvas& canvas_;
    JourneyWizardController& controller_;
    ListEditor& stakeholders_;
    Box area_;
    std::string drawn_; // the picture shown, to redraw it only when it changes
};

} // namespace partnering::uno
