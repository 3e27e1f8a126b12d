// The partnership development journey: its seven steps with their guidance and questions,
// read from the definition built into the library, translatable per language.
#pragma once

#include "l10n/Catalogs.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace partnering::journey {

struct Choice {
    std::string value; // what the answers hold: "civil-society"
    std::string label; // what the user reads
};

// One question of a step, or a list of repeated items (partners, stakeholders...) whose
// `items` are the questions asked about each item.
struct Question {
    // Clause: one of the clause library's standard wordings (ClauseLibrary), or the user's own.
    enum class Type { Text, Paragraph, Choice, Level, Boolean, Date, Money, Clause, List };
    std::string path; // dotted, into the answers (relative to one item inside a list)
    Type type = Type::Text;
    bool required = false;
    int min = 0;                   // lists: how many items the step needs
    Type itemType = Type::Text;    // lists of plain values (no `items`): their type
    std::string label;
    std::string hint;
    std::string group; // the title of the group of questions it belongs to on its page; may be empty
    std::vector<Choice> choices;
    std::vector<Question> items;
};

struct Step {
    int number = 0;    // 1..7, the order of the journey
    std::string id;    // stable, language-neutral: "context", "vision", ...
    std::string title; // in the translator's language
    std::vector<std::string> guidance; // paragraphs
    std::vector<Question> questions;
};

class Journey {
public:
    // The journey every partnership follows, parsed once from the built-in definition.
    static const Journey& standard();

    int stepCount() const noexcept { return static_cast<int>(steps_.size()); }

    // All steps in order, titles translated by `translator`.
    std::vector<Step> steps(const l10n::Translator& translator) const;

    // One step by its number; throws InvalidInput "[partnering.journey.unknown-step]".
    Step step(int number, const l10n::Translator& translator) const;

    // The question (in English) whose answers live at `keys` ("partners.representative.name",
    // "partners" for the list itself); nullptr when no question asks for them.
    const Question* questionAt(std::string_view keys) const;

    // Builds a journey from a definition document (the format of journey.xml).
    static Journey fromDefinition(std::string_view xml, const std::string& sourceName);

private:
    std::vector<Step> steps_; // English
};

} // namespace partnering::journey
