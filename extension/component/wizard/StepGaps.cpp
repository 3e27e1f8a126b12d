#include "wizard/StepGaps.hpp"

#include "wizard/JourneyWizardController.hpp"

#include "UiText.hpp"
#include "UnoBoundary.hpp"

#include <charconv>

namespace partnering::uno {

namespace {

constexpr sal_Int32 kCompleteColour = 0x006000;
constexpr sal_Int32 kNormalColour = 0x303030;

} // namespace

StepGaps::StepGaps(const css::uno::Reference<css::uno::XComponentContext>& context, JourneyWizardController& controller,
                   int number, const std::vector<std::unique_ptr<QuestionControls>>& fields,
                   const std::vector<std::unique_ptr<ListEditor>>& lists)
    : context_(context), controller_(controller), number_(number), fields_(fields), lists_(lists)
{
}

bool StepGaps::complete()
{
    return controller_.missing(number_).empty();
}

StepGaps::Target StepGaps::locate(const std::string& problemPath) const
{
    Target target;
    std::string rest = problemPath.rfind("$.", 0) == 0 ? problemPath.substr(2) : problemPath;
    for (const auto& field : fields_) {
        if (field->question().path == rest) {
            target.field = field.get();
            return target;
        }
    }
    // Into the lists: "partners[0].contributions[1].kind" selects partner 1, then contribution 2.
    const ListEditor* parent = nullptr;
    for (bool deeper = true; deeper;) {
        deeper = false;
        for (const auto& editor : lists_) {
            if (editor->parent() != parent)
                continue;
            const std::string& path = editor->list().path;
            if (rest == path) {
                target.editor = editor.get();
                return target;
            }
            if (rest.rfind(path + "[", 0) != 0)
                continue;
            target.editor = editor.get();
            const std::size_t close = rest.find(']', path.size());
            int item = -1;
            std::from_chars(rest.data() + path.size() + 1, rest.data() + close, item);
            target.items.emplace_back(editor.get(), item);
            rest = close + 2 < rest.size() ? rest.substr(close + 2) : std::string();
            parent = editor.get();
            deeper = !rest.empty();
            break;
        }
    }
    return target;
}

bool StepGaps::told(const Target& target) const
{
    if (tellAll_)
        return true;
    if (target.field != nullptr)
        return left_.count(target.field->question().path) > 0;
    return target.editor != nullptr && left_.count(toUtf8(target.editor->name())) > 0;
}

StepGaps::Status StepGaps::refresh(const rtl::OUString& problem)
{
    const auto missing = controller_.missing(number_);
    for (const auto& field : fields_)
        field->markMissing(false);
    for (const auto& editor : lists_)
        editor->markMissing(false);
    rtl::OUString lines;
    for (const auto& gap : missing) {
        const Target target = locate(gap.path);
        if (!told(target))
            continue;
        if (target.field != nullptr)
            target.field->markMissing(true);
        else if (target.editor != nullptr)
            target.editor->markMissing(true);
        lines += "\n" + rtl::OUString(static_cast<sal_Unicode>(0x2022)) + " " + toOUString(gap.reason);
    }
    Status status{rtl::OUString(), kNormalColour};
    if (missing.empty()) {
        status = {uiText(context_, "This step is complete."), kCompleteColour};
    } else if (lines.isEmpty()) {
        status.text = uiText(context_, "Answers marked * are needed before this step is complete.");
    } else {
        status = {uiText(context_, "This step still needs:") + lines, kMissingColour};
        if (tellAll_)
            status.text += "\n" + uiText(context_, "Press Next again to go on without them; Finish says what the draft still lacks.");
    }
    if (!problem.isEmpty())
        status = {uiText(context_, "This answer was not taken:") + " " + problem + "\n" + status.text, kMissingColour};
    return status;
}

std::optional<Box> StepGaps::focusFirst()
{
    const auto missing = controller_.missing(number_);
    if (missing.empty())
        return std::nullopt;
    const Target target = locate(missing.front().path);
    for (const auto& [list, item] : target.items)
        list->select(item);
    if (target.field != nullptr) {
        target.field->focus();
        return target.field->area();
    }
    if (target.editor != nullptr) {
        target.editor->focus();
        return target.editor->area();
    }
    return std::nullopt;
}

} // namespace partnering::uno
