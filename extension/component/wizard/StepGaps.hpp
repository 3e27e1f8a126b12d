// What a step of the journey still needs, said on its page in plain words: the gaps among the
// answers the user has left (all of them once Next was pressed), their labels marked, and the
// first of them put in front of the user to type into.
#pragma once

#include "wizard/ListEditor.hpp"
#include "wizard/QuestionControls.hpp"

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace partnering::uno {

class JourneyWizardController;

class StepGaps {
public:
    StepGaps(const css::uno::Reference<css::uno::XComponentContext>& context, JourneyWizardController& controller,
             int number, const std::vector<std::unique_ptr<QuestionControls>>& fields,
             const std::vector<std::unique_ptr<ListEditor>>& lists);

    // The user has left this answer (a question's path) or changed this list (its editor's name):
    // its gaps are told from now on.
    void left(const std::string& answer) { left_.insert(answer); }
    // Next was pressed on the incomplete step: every gap is told. False again when the page shows.
    void tellAll(bool all) { tellAll_ = all; }
    bool toldAll() const { return tellAll_; }
    bool complete();

    // The page's message (what the step needs; `problem` an answer just refused first) and its
    // colour; the labels of the told gaps are marked.
    struct Status {
        rtl::OUString text;
        sal_Int32 colour = 0;
    };
    Status refresh(const rtl::OUString& problem);

    // Selects the list items the first gap sits in and puts the cursor in its field; where that
    // field is, to bring it into sight (nothing when the step is complete).
    std::optional<Box> focusFirst();

private:
    // Where a gap ("$.partners[0].focal_point.name") is asked on the page.
    struct Target {
        QuestionControls* field = nullptr;
        ListEditor* editor = nullptr;
        std::vector<std::pair<ListEditor*, int>> items; // to select first, outermost first
    };
    Target locate(const std::string& problemPath) const;
    bool told(const Target& target) const;

    css::uno::Reference<css::uno::XComponentContext> context_;
    JourneyWizardController& controller_;
    int number_;
    const std::vector<std::unique_ptr<QuestionControls>>& fields_;
    const std::vector<std::unique_ptr<ListEditor>>& lists_;
    std::set<std::string> left_;
    bool tellAll_ = false;
};

} // namespace partnering::uno
