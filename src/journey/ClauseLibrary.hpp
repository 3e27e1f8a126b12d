// The clause library: standard wordings a clause of the agreement may take (clauses.xml), each
// translated into every template language, and what a clause answer prints in a draft.
#pragma once

#include "l10n/Catalogs.hpp"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace partnering::journey {

struct ClauseOption {
    std::string id;      // what an answer holds to pick it: "strict"
    std::string label;   // a short name, for a choice of options
    std::string wording; // the clause's text, one paragraph
};

struct Clause {
    std::string path;          // the answer's keys: "governance.confidentiality"
    std::string defaultOption; // the id an unanswered clause takes
    std::vector<ClauseOption> options;

    const ClauseOption* option(std::string_view id) const;
};

class ClauseLibrary {
public:
    // The library built into the core, parsed once.
    static const ClauseLibrary& standard();
    // Throws InvalidInput "[partnering.journey.bad-clauses]" with the line.
    static ClauseLibrary fromDefinition(std::string_view xml, const std::string& sourceName);

    const std::vector<Clause>& clauses() const noexcept { return clauses_; }
    // The clause answered at `keys` ("governance.confidentiality"); nullptr when none is.
    const Clause* find(std::string_view keys) const;

    // The clause with its labels and wordings in the translator's language (domain "clauses").
    static Clause translated(const Clause& clause, const l10n::Translator& translator);

    // What a draft prints for a clause answer (nullptr or blank when unanswered): an option's id
    // gives that option's wording in the translator's language, other text is the user's own
    // wording and stays as written, no answer gives the default option's wording.
    static std::string wording(const Clause& clause, const nlohmann::json* answer, const l10n::Translator& translator);
    // The option an answer picks: its own id, the default's when unanswered; nullptr for the
    // user's own wording.
    static const ClauseOption* picked(const Clause& clause, const nlohmann::json* answer);
    // The answer that a clause's text stands for, as the user edits the wording shown: the id of
    // the option whose wording in the translator's language it is (spaces and line breaks
    // aside), else the text itself (the user's own wording); blank for a blank text.
    static std::string answerFor(const Clause& clause, std::string_view text, const l10n::Translator& translator);

private:
    std::vector<Clause> clauses_;
};

} // namespace partnering::journey
