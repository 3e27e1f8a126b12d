// The answers to the journey's questions (a JSON document described by answers.schema.json):
// parsing and validation with JSON paths, and per-step progress through the journey.
#pragma once

#include "journey/Journey.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace partnering::journey {

// One problem with the answers: where (a JSON path such as "$.partners[1].sector") and why.
struct AnswerProblem {
    enum class Kind {
        Invalid,  // against the answers schema (validate()): `reason` in plain English (PlainReasons)
        Required, // a required question is not answered
        TooFew,   // a list has fewer than `min` items
    };
    std::string path{};
    // A plain sentence for the user. For Required and TooFew it names the question by its
    // label, translated: "Name of the partnership: not answered yet.", "Stakeholders: at least
    // 2 are needed, 0 so far."
    std::string reason{};
    Kind kind = Kind::Invalid;
    std::string label{};   // Required, TooFew: the question's label, translated
    int min = 0;           // TooFew: how many items the step needs
    std::size_t count = 0; // TooFew: how many it has
};

// What answers may hold before they are refused unread (InvalidInput
// "[partnering.answers.too-large]"): far beyond any journey (the large example is 33 kB of 668
// values), and small enough that a hostile draft cannot hold the wizard, Check or the CLI for
// long. A text answer's own limit is the schema's (20,000 characters).
inline constexpr std::size_t kMaxAnswersBytes = 16 * 1024 * 1024;
inline constexpr std::size_t kMaxAnswerValues = 100000; // objects, arrays and values
inline constexpr int kMaxAnswersDepth = 32;
// How much of the answers a message quotes: the first problems (then how many more), each
// path and reason cut to this many characters.
inline constexpr std::size_t kListedProblems = 10;
inline constexpr std::size_t kShownCharacters = 200;

// Answers that are well-formed JSON and valid against the answers schema (they may still be
// incomplete: see progress()).
class AgreementAnswers {
public:
    // Throws InvalidInput "[partnering.answers.invalid]" listing the first kListedProblems
    // problems, each as "sourceName: $.path: reason" on a line of its own, and how many more;
    // "[partnering.answers.not-json]" with line and column for text that is not JSON;
    // "[partnering.answers.too-large]" beyond kMaxAnswersBytes, kMaxAnswerValues or
    // kMaxAnswersDepth.
    static AgreementAnswers parse(std::string_view text, const std::string& sourceName);
    static AgreementAnswers fromJson(nlohmann::json json, const std::string& sourceName);

    // Every schema problem of `json`, in document order, its path and reason cut to
    // kShownCharacters; empty when it is valid.
    static std::vector<AnswerProblem> validate(const nlohmann::json& json);

    const nlohmann::json& json() const noexcept { return json_; }
    const std::string& language() const; // canonical BCP 47

    // The answers schema (JSON Schema draft 7), as shipped in the repository.
    static std::string_view schemaText();

private:
    explicit AgreementAnswers(nlohmann::json json) : json_(std::move(json)) {}
    nlohmann::json json_;
    std::string language_;
};

// How far the answers go through one step: complete when nothing required is missing.
struct StepProgress {
    int number = 0;
    std::string id;
    std::string title;
    std::vector<AnswerProblem> missing; // what is missing: Required and TooFew problems
    bool complete() const noexcept { return missing.empty(); }
};

// Progress through every step of `journey`, labels and reasons translated by `translator`.
std::vector<StepProgress> progress(const Journey& journey, const AgreementAnswers& answers,
                                   const l10n::Translator& translator);

// Where to go on with the answers a document stores as `storedAnswers` (JSON, possibly
// empty): the number of the first step of the standard journey not yet complete; the last
// step when all are; step 1 when there are no answers or they cannot be read.
int firstIncompleteStep(std::string_view storedAnswers);

// The same rule over progress already worked out: the first step not yet complete, the last
// step when all are, 0 when there are no steps.
int firstIncompleteStep(const std::vector<StepProgress>& steps);

} // namespace partnering::journey
