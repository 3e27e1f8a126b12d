// The answers being edited in the journey wizard: fields and list items addressed by path,
// what each step still needs, and where the stakeholders sit on the interest/influence grid.
#pragma once

#include "journey/AgreementAnswers.hpp"
#include "journey/Journey.hpp"
#include "l10n/Catalogs.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace partnering::journey {

// The four quadrants of the stakeholder map (as on the agreement's annex): influence up,
// interest across; a level of 3 or more counts as high.
enum class GridQuadrant { KeepSatisfied, ManageClosely, Monitor, KeepInformed };

struct GridEntry {
    std::size_t index = 0; // in partnership.stakeholders
    std::string name;
    int interest = 0;
    int influence = 0;
    GridQuadrant quadrant = GridQuadrant::Monitor;
};

// The text of each field of one list item, keyed by the item question's path ("name",
// "representative.name"; "" for a list of plain values such as purpose.values): what the
// wizard's fields hold while the user edits an item.
using ItemTexts = std::map<std::string, std::string>;

// Answers that are always valid against the answers schema: every change is checked first
// and refused with InvalidInput (the form unchanged) when it would make them invalid.
//
// Paths are AnswerPath's, dotted keys with [index] for list items: "partnership.name",
// "partners[1].contributions[0].kind"; InvalidInput "[partnering.form.bad-path]" for others. Field texts are what a text field shows: a choice's
// value ("in-kind"), a level "1".."5", "true"/"false", an ISO date "2025-01-31", money as
// "120000 USD"; a blank text removes the answer.
class JourneyForm {
public:
    explicit JourneyForm(const std::string& languageTag); // no answers yet
    explicit JourneyForm(const AgreementAnswers& answers);  // resumes from them

    const nlohmann::json& json() const noexcept { return json_; }
    AgreementAnswers answers() const;
    std::string language() const;
    void setLanguage(const std::string& languageTag); // throws InvalidInput for a bad tag

    // Replaces every answer; throws InvalidInput (from AgreementAnswers) when they are invalid.
    void replaceAnswers(const AgreementAnswers& answers);

    std::string text(std::string_view path) const;
    void setText(const Question& question, std::string_view path, std::string_view text);

    std::size_t itemCount(std::string_view listPath) const;
    ItemTexts itemTexts(const Question& list, std::string_view listPath, std::size_t index) const;
    // What the wizard's list shows for an item: its first answered text field, numbered.
    std::string itemSummary(const Question& list, std::string_view listPath, std::size_t index) const;
    // Appends an item made of `texts`; returns its index.
    std::size_t addItem(const Question& list, std::string_view listPath, const ItemTexts& texts);
    // Replaces the item's fields with `texts`, keeping its nested lists (an objective's activities).
    void updateItem(const Question& list, std::string_view listPath, std::size_t index, const ItemTexts& texts);
    void removeItem(std::string_view listPath, std::size_t index);

    // What step `number` still needs (empty when complete), labels translated by `translator`.
    std::vector<AnswerProblem> missing(int number, const l10n::Translator& translator) const;
    // The same for every step, in order: true when the step is complete.
    std::vector<bool> completeSteps() const;

    // Stakeholders with both an interest and an influence, in the order entered.
    std::vector<GridEntry> stakeholderGrid() const;

private:
    void commit(nlohmann::json changed); // validates, then takes `changed`
    nlohmann::json json_;
};

} // namespace partnering::journey
