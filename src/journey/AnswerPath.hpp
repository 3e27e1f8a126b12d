// A path into the answers JSON, "partners[1].name" or "partners[].name": the one parser of
// both the wizard's and the templates' paths, and the lookups the form and the filler make.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace partnering::journey {

struct EveryItemSplit;

// The values a path reaches when every list on the way is walked item by item.
struct GatheredValues {
    std::vector<const nlohmann::json*> values; // in document order
    bool mapped = false; // the path went through a list: one value per item, not one value
};

// Paths are keys joined by ".", each key of letters, digits and "_" (as the answers schema
// names its answers), each followed by any number of "[N]" (item N of a list, from 0) or
// "[]" (every item of a list); a path may start with one of those, inside an item that is a
// list itself. A leading "$" is allowed, as AnswerProblem::path writes them ("$.partners[0]");
// "$" alone is the place the path is applied to, as is the default AnswerPath.
class AnswerPath {
public:
    struct Step {
        enum class Kind { Key, Item, EveryItem };
        Kind kind = Kind::Key;
        std::string key;       // Key
        std::size_t index = 0; // Item
        bool operator==(const Step&) const = default;
    };

    AnswerPath() = default; // no steps: the answers themselves, or the item a lookup starts in

    // Throws InvalidInput "[partnering.journey.bad-path]" for text that is not a path.
    static AnswerPath parse(std::string_view text);
    // nullopt for text that is not a path, for callers who report it in their own words.
    static std::optional<AnswerPath> tryParse(std::string_view text);

    const std::vector<Step>& steps() const noexcept { return steps_; }
    bool empty() const noexcept { return steps_.empty(); }
    bool repeats() const noexcept; // it has an "[]" step
    std::string text() const;      // "partners[1].name"; "$" for no steps
    // The keys alone, "partners.name" for "partners[1].name": where answers of one question
    // live whatever the item (the journey's question paths, the filler's choice labels).
    std::string keys() const;

    // This path followed by `rest`.
    AnswerPath then(const AnswerPath& rest) const;

    // The list walked by the first "[]" and the path inside each of its items:
    // "partners[].focal_point.name" -> {"partners", "focal_point.name"}; "purpose.values[]" ->
    // {"purpose.values", ""}. nullopt for a path without "[]".
    std::optional<EveryItemSplit> splitAtEveryItem() const;

    // The one value at this path below `from`; nullptr when there is none. A key needs an
    // object holding it, [N] a list that long; a path with "[]" names no single value.
    const nlohmann::json* find(const nlohmann::json& from) const;
    nlohmann::json* find(nlohmann::json& from) const;

    // What place() did; the caller says it in its own words.
    enum class Placement {
        Placed,
        MissingItem, // an [N] on the way names an item the list does not have
        NotAField,   // the path does not end in a key of an object (or an object on the way is something else)
    };
    // Sets the value at this path below `root`, creating the objects on the way; a null
    // `value` removes the answer (and creates nothing). List items on the way must exist:
    // lists are created whole, by placing an array. `root` is unchanged unless Placed.
    [[nodiscard]] Placement place(nlohmann::json& root, nlohmann::json value) const;

    // Every value at this path below `from`, walking the lists on the way: "[]" walks every
    // item, and so does a key met at a list ("partners.name" is each partner's name, as the
    // templates write it). A list at the end of the path is one value.
    GatheredValues gather(const nlohmann::json& from) const;

    bool operator==(const AnswerPath&) const = default;

private:
    std::vector<Step> steps_;
};

// A path cut at its first "[]": AnswerPath::splitAtEveryItem().
struct EveryItemSplit {
    AnswerPath list;   // the list every item of which is walked
    AnswerPath inItem; // the rest of the path, inside each item
};

// Where a template's lookups stand while it repeats part of itself over a list (an "each:"
// section, a row with "partners[].name"): the list as the template names it ("" at the
// root), where the list is in the answers as keys() gives them, and the current item (at the
// root: the answers themselves).
struct RepeatScope {
    std::string list;
    std::string keys;
    const nlohmann::json* item = nullptr;
};

// What a template's path stands for: its values, and where they are as keys() gives them.
struct ResolvedAnswer {
    std::vector<const nlohmann::json*> values;
    bool mapped = false; // as GatheredValues::mapped
    std::string keys;
};

// `path` gathered inside `scope`'s item; the keys are the scope's followed by the path's.
ResolvedAnswer resolveIn(const RepeatScope& scope, const AnswerPath& path);

// `path` read from the innermost of `scopes` (innermost last) whose item holds the path's
// first key, so that "name" inside a partner is the partner's and "partnership.name" is the
// answers' own; a path that does not start with a key reads the innermost scope. No values
// (and the path's own keys) when no scope has it.
ResolvedAnswer resolve(const std::vector<RepeatScope>& scopes, const AnswerPath& path);

} // namespace partnering::journey
