#include "wizard/QuestionControls.hpp"

#include "UiText.hpp"
#include "UnoBoundary.hpp"

#include "error/Error.hpp"
#include "journey/ClauseLibrary.hpp"
#include "journey/FieldText.hpp"
#include "l10n/Currencies.hpp"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/XCheckBox.hpp>
#include <com/sun/star/awt/XDateField.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XNumericField.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/util/Date.hpp>

#include <algorithm>

namespace partnering::uno {

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using journey::Question;

constexpr int kLineHeight = 9;
constexpr int kFieldHeight = 12;
constexpr int kParagraphHeight = 40; // four lines and a little
constexpr int kRoomyHeight = 110;
constexpr int kGap = 5;
constexpr sal_Int32 kHintColour = 0x5A5A5A;
constexpr sal_Int32 kNormalColour = -1; // the theme's

css::uno::Sequence<rtl::OUString> toSequence(const std::vector<rtl::OUString>& items)
{
    return css::uno::Sequence<rtl::OUString>(items.data(), static_cast<sal_Int32>(items.size()));
}

} // namespace

int textLines(const rtl::OUString& text, int width)
{
    // A dialog unit is a quarter of an average Latin character; East Asian characters are twice as wide.
    int units = 0;
    for (sal_Int32 i = 0; i < text.getLength(); ++i)
        units += text[i] >= 0x1100 ? 8 : 4;
    return std::max(1, (units + std::max(width, 8) - 1) / std::max(width, 8));
}

QuestionControls::QuestionControls(const Reference<css::uno::XComponentContext>& context, ControlCanvas& canvas,
                                   const Question& question, rtl::OUString name,
                                   const Reference<css::uno::XInterface>& listener, bool roomy)
    : context_(context), canvas_(canvas), question_(&question), name_(std::move(name)), roomy_(roomy)
{
    label_ = toOUString(question.label);
    if (question.required)
        label_ += " *";
    const rtl::OUString help = toOUString(question.hint);
    const auto type = question.type;
    if (type != Question::Type::Boolean) {
        canvas_.add("com.sun.star.awt.UnoControlFixedTextModel", name_ + ":label",
                    {{"Label", Any(label_)}, {"MultiLine", Any(true)}, {"HelpText", Any(help)}});
        if (!help.isEmpty() && (type == Question::Type::Paragraph || type == Question::Type::Clause || roomy_))
            canvas_.add("com.sun.star.awt.UnoControlFixedTextModel", name_ + ":hint",
                        {{"Label", Any(help)}, {"MultiLine", Any(true)}, {"NoLabel", Any(true)}, {"TextColor", Any(kHintColour)}});
    }
    switch (type) {
    case Question::Type::Choice:
    case Question::Type::Level: {
        std::vector<rtl::OUString> entries{rtl::OUString()};
        if (type == Question::Type::Choice) {
            for (const auto& choice : question.choices)
                entries.push_back(toOUString(choice.label));
        } else {
            // TRANSLATORS: the ends of a 1-to-5 scale in a list ("1 (low)", ..., "5 (high)").
            entries.push_back("1 " + uiText(context_, "(low)"));
            for (const char* level : {"2", "3", "4"})
                entries.push_back(rtl::OUString::createFromAscii(level));
            entries.push_back("5 " + uiText(context_, "(high)"));
        }
        canvas_.add("com.sun.star.awt.UnoControlListBoxModel", name_,
                    {{"Dropdown", Any(true)}, {"LineCount", Any(static_cast<sal_Int16>(10))},
                     {"StringItemList", Any(toSequence(entries))}, {"HelpText", Any(help)}});
        Reference<css::awt::XListBox>(canvas_.control(name_), UNO_QUERY_THROW)
            ->addItemListener(Reference<css::awt::XItemListener>(listener, UNO_QUERY_THROW));
        break;
    }
    case Question::Type::Boolean:
        canvas_.add("com.sun.star.awt.UnoControlCheckBoxModel", name_,
                    {{"Label", Any(label_)}, {"MultiLine", Any(true)}, {"HelpText", Any(help)}});
        Reference<css::awt::XCheckBox>(canvas_.control(name_), UNO_QUERY_THROW)
            ->addItemListener(Reference<css::awt::XItemListener>(listener, UNO_QUERY_THROW));
        break;
    case Question::Type::Date:
        // The UI locale's short date with a four-digit year: "12/31/26" reads as 1926 or as
        // 31 December to many of our users.
        canvas_.add("com.sun.star.awt.UnoControlDateFieldModel", name_,
                    {{"Dropdown", Any(true)}, {"DateFormat", Any(static_cast<sal_Int16>(2))}, {"HelpText", Any(help)}});
        Reference<css::awt::XTextComponent>(canvas_.control(name_), UNO_QUERY_THROW)
            ->addTextListener(Reference<css::awt::XTextListener>(listener, UNO_QUERY_THROW));
        break;
    case Question::Type::Money: {
        canvas_.add("com.sun.star.awt.UnoControlNumericFieldModel", name_,
                    {{"DecimalAccuracy", Any(static_cast<sal_Int16>(2))}, {"ShowThousandsSeparator", Any(true)},
                     {"StrictFormat", Any(true)}, {"ValueMin", Any(0.0)}, {"ValueMax", Any(1e15)},
                     {"HelpText", Any(uiText(context_, "The amount, in the currency chosen beside it."))}});
        Reference<css::awt::XTextComponent>(canvas_.control(name_), UNO_QUERY_THROW)
            ->addTextListener(Reference<css::awt::XTextListener>(listener, UNO_QUERY_THROW));
        // Named in the UI language, as ICU's CLDR data names them ("dollar des États-Unis (USD)").
        std::vector<rtl::OUString> entries{rtl::OUString()};
        currencies_.emplace_back();
        for (const auto& currency : l10n::currencies(uiLanguage(context_))) {
            currencies_.push_back(currency.code);
            entries.push_back(toOUString(currency.name + " (" + currency.code + ")"));
        }
        canvas_.add("com.sun.star.awt.UnoControlListBoxModel", name_ + ":currency",
                    {{"Dropdown", Any(true)}, {"LineCount", Any(static_cast<sal_Int16>(14))},
                     {"StringItemList", Any(toSequence(entries))},
                     {"HelpText", Any(uiText(context_, "The currency of the amount."))}});
        Reference<css::awt::XListBox>(canvas_.control(name_ + ":currency"), UNO_QUERY_THROW)
            ->addItemListener(Reference<css::awt::XItemListener>(listener, UNO_QUERY_THROW));
        break;
    }
    case Question::Type::Clause: {
        const journey::Clause* clause = journey::ClauseLibrary::standard().find(question.path);
        if (clause == nullptr)
            throw InvalidInput("partnering.wizard.unknown-clause", "the clause library has no clause " + question.path);
        clause_ = std::make_unique<ClauseControl>(context_, canvas_, *clause, name_, listener);
        break;
    }
    default: {
        const bool paragraph = type == Question::Type::Paragraph || roomy_;
        canvas_.add("com.sun.star.awt.UnoControlEditModel", name_,
                    {{"MultiLine", Any(paragraph)}, {"VScroll", Any(paragraph)}, {"HelpText", Any(help)}});
        Reference<css::awt::XTextComponent>(canvas_.control(name_), UNO_QUERY_THROW)
            ->addTextListener(Reference<css::awt::XTextListener>(listener, UNO_QUERY_THROW));
        break;
    }
    }
    const Reference<css::awt::XFocusListener> focus(listener, UNO_QUERY_THROW);
    if (!clause_) // which listens to its own
        Reference<css::awt::XWindow>(canvas_.control(name_), UNO_QUERY_THROW)->addFocusListener(focus);
    if (type == Question::Type::Money)
        Reference<css::awt::XWindow>(canvas_.control(name_ + ":currency"), UNO_QUERY_THROW)->addFocusListener(focus);
}

bool QuestionControls::owns(const rtl::OUString& control) const
{
    if (clause_)
        return clause_->owns(control);
    return control == name_ || (question_->type == Question::Type::Money && control == name_ + ":currency");
}

void QuestionControls::follow(const rtl::OUString& control)
{
    if (clause_)
        clause_->follow(control);
}

std::string QuestionControls::text() const
{
    if (clause_)
        return clause_->text();
    const auto input = canvas_.control(name_);
    switch (question_->type) {
    case Question::Type::Choice:
    case Question::Type::Level:
        return journey::choiceText(*question_, Reference<css::awt::XListBox>(input, UNO_QUERY_THROW)->getSelectedItemPos());
    case Question::Type::Boolean:
        return Reference<css::awt::XCheckBox>(input, UNO_QUERY_THROW)->getState() == 1 ? "true" : "false";
    case Question::Type::Date: {
        const Reference<css::awt::XDateField> date(input, UNO_QUERY_THROW);
        if (date->isEmpty())
            return {};
        const css::util::Date value = date->getDate();
        return journey::isoDate({value.Year, value.Month, value.Day});
    }
    case Question::Type::Money: {
        std::optional<double> amount;
        if (!Reference<css::awt::XTextComponent>(input, UNO_QUERY_THROW)->getText().trim().isEmpty())
            amount = Reference<css::awt::XNumericField>(input, UNO_QUERY_THROW)->getValue();
        const int position =
            Reference<css::awt::XListBox>(canvas_.control(name_ + ":currency"), UNO_QUERY_THROW)->getSelectedItemPos();
        const std::string currency = position > 0 && position < static_cast<int>(currencies_.size())
                                         ? currencies_[static_cast<std::size_t>(position)]
                                         : std::string();
        return journey::moneyText(amount, currency);
    }
    default:
        return toUtf8(Reference<css::awt::XTextComponent>(input, UNO_QUERY_THROW)->getText());
    }
}

void QuestionControls::show(const std::string& text, const std::string& language)
{
    if (clause_)
        return clause_->show(text, language);
    const auto input = canvas_.control(name_);
    switch (question_->type) {
    case Question::Type::Choice:
    case Question::Type::Level:
        Reference<css::awt::XListBox>(input, UNO_QUERY_THROW)
            ->selectItemPos(static_cast<sal_Int16>(journey::choicePosition(*question_, text)), true);
        break;
    case Question::Type::Boolean:
        Reference<css::awt::XCheckBox>(input, UNO_QUERY_THROW)->setState(text == "true" ? 1 : 0);
        break;
    case Question::Type::Date: {
        const Reference<css::awt::XDateField> date(input, UNO_QUERY_THROW);
        if (const auto day = journey::calendarDate(text))
            date->setDate(css::util::Date(static_cast<sal_uInt16>(day->day), static_cast<sal_uInt16>(day->month),
                                          static_cast<sal_Int16>(day->year)));
        else
            date->setEmpty();
        break;
    }
    case Question::Type::Money: {
        const auto money = journey::moneyParts(text);
        if (money.amount)
            Reference<css::awt::XNumericField>(input, UNO_QUERY_THROW)->setValue(*money.amount);
        else
            Reference<css::awt::XTextComponent>(input, UNO_QUERY_THROW)->setText(rtl::OUString());
        const auto found = std::find(currencies_.begin(), currencies_.end(), money.currency);
        Reference<css::awt::XListBox>(canvas_.control(name_ + ":currency"), UNO_QUERY_THROW)
            ->selectItemPos(static_cast<sal_Int16>(found == currencies_.end() ? 0 : found - currencies_.begin()), true);
        break;
    }
    default:
        Reference<css::awt::XTextComponent>(input, UNO_QUERY_THROW)->setText(toOUString(text));
        break;
    }
}

bool QuestionControls::narrow() const
{
    return question_->type != Question::Type::Paragraph && question_->type != Question::Type::Clause && !roomy_;
}

int QuestionControls::labelHeight(int width) const
{
    return question_->type == Question::Type::Boolean ? 0 : textLines(label_, width) * kLineHeight + 1;
}

int QuestionControls::hintHeight(int width) const
{
    const auto hint = canvas_.model(name_ + ":hint");
    return hint.is() ? textLines(toOUString(question_->hint), width) * kLineHeight + 2 : 0;
}

int QuestionControls::inputHeight(int width) const
{
    if (clause_)
        return clause_->height(width);
    if (roomy_)
        return kRoomyHeight;
    return question_->type == Question::Type::Paragraph ? kParagraphHeight : kFieldHeight;
}

int QuestionControls::checkBoxHeight(int width) const
{
    return std::max(kFieldHeight, textLines(label_, width - 12) * kLineHeight + 2);
}

int QuestionControls::height(int width) const
{
    // A check box sits a label's line down, level with the inputs beside it.
    if (question_->type == Question::Type::Boolean)
        return kLineHeight + 1 + checkBoxHeight(width) + kGap;
    return labelHeight(width) + hintHeight(width) + inputHeight(width) + kGap;
}

void QuestionControls::place(int x, int y, int width)
{
    area_ = {x, y, width, height(width)};
    if (question_->type == Question::Type::Boolean) {
        canvas_.place(name_, {x, y + kLineHeight + 1, width, checkBoxHeight(width)});
        return;
    }
    const int labels = labelHeight(width);
    canvas_.place(name_ + ":label", {x, y, width, labels});
    y += labels;
    if (const int hint = hintHeight(width); hint > 0) {
        canvas_.place(name_ + ":hint", {x, y, width, hint});
        y += hint;
    }
    if (question_->type == Question::Type::Money) {
        const int amountWidth = std::max(40, width * 2 / 5);
        canvas_.place(name_, {x, y, amountWidth, inputHeight(width)});
        canvas_.place(name_ + ":currency", {x + amountWidth + 3, y, width - amountWidth - 3, inputHeight(width)});
        return;
    }
    if (clause_)
        return clause_->place(x, y, width);
    canvas_.place(name_, {x, y, width, inputHeight(width)});
}

void QuestionControls::markMissing(bool missing)
{
    if (missing == missing_)
        return;
    missing_ = missing;
    const rtl::OUString label = question_->type == Question::Type::Boolean ? name_ : name_ + ":label";
    canvas_.set(label, "TextColor", Any(missing ? kMissingColour : kNormalColour));
    canvas_.set(label, "FontWeight", Any(missing ? css::awt::FontWeight::BOLD : css::awt::FontWeight::NORMAL));
}

int flowFields(const std::vector<QuestionControls*>& fields, int x, int y, int width, bool place)
{
    constexpr int kColumnGap = 6;
    const int columns = width >= 360 ? 3 : width >= 220 ? 2 : 1;
    const int columnWidth = (width - (columns - 1) * kColumnGap) / columns;
    const int top = y;
    int rowHeight = 0, inRow = 0;
    for (QuestionControls* field : fields) {
        if (!field->narrow() || inRow == columns) {
            y += rowHeight;
            rowHeight = 0;
            inRow = 0;
        }
        if (!field->narrow()) {
            if (place)
                field->place(x, y, width);
            y += field->height(width);
            continue;
        }
        if (place)
            field->place(x + inRow * (columnWidth + kColumnGap), y, columnWidth);
        rowHeight = std::max(rowHeight, field->height(columnWidth));
        ++inRow;
    }
    return y + rowHeight - top;
}

void QuestionControls::focus()
{
    const Reference<css::awt::XWindow> input(canvas_.control(name_), UNO_QUERY);
    if (input.is())
        input->setFocus();
}

} // namespace partnering::uno
