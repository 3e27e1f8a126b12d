#include "check/AgreementCheckDialog.hpp"

#include "UiText.hpp"
#include "UnoBoundary.hpp"
#include "check/StepReport.hpp"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/PushButtonType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/UnoControlDialog.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/awt/tree/XMutableTreeDataModel.hpp>
#include <com/sun/star/awt/tree/XMutableTreeNode.hpp>
#include <com/sun/star/awt/tree/XTreeControl.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/view/SelectionType.hpp>

#include <algorithm>

namespace partnering::uno {
namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

// The dialog's layout in dialog units (LibreOffice scales them with the UI font).
constexpr sal_Int32 kWidth = 330;
constexpr sal_Int32 kHeight = 220;
constexpr sal_Int32 kMargin = 6;
constexpr sal_Int32 kTreeTop = 38;
constexpr sal_Int32 kButtonHeight = 14;
constexpr sal_Int32 kButtonTop = kHeight - kMargin - kButtonHeight;
constexpr sal_Int32 kCloseWidth = 50;
constexpr sal_Int32 kOpenWidth = 150;

class AgreementCheckDialog {
public:
    AgreementCheckDialog(const Reference<css::uno::XComponentContext>& context,
                         const std::vector<journey::StepProgress>& steps,
                         const std::vector<fill::DraftPlaceholder>& placeholders)
        : context_(context)
    {
        model_.set(context->getServiceManager()->createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel",
                                                                             context),
                   UNO_QUERY_THROW);
        const Reference<css::beans::XPropertySet> dialog(model_, UNO_QUERY_THROW);
        dialog->setPropertyValue("Title", Any(uiText(context, "Check agreement")));
        dialog->setPropertyValue("Width", Any(kWidth));
        dialog->setPropertyValue("Height", Any(kHeight));
        dialog->setPropertyValue("Moveable", Any(true));
        dialog->setPropertyValue("Closeable", Any(true));

        const auto verdict = add("com.sun.star.awt.UnoControlFixedTextModel", "verdict", kMargin, kMargin,
                                 kWidth - 2 * kMargin, 10);
        verdict->setPropertyValue("Label", Any(overallState(context, steps)));
        verdict->setPropertyValue("FontWeight", Any(css::awt::FontWeight::BOLD));
        // The tree's label: LibreOffice names the tree after the text just before it.
        // Room for two lines: a translation may be longer than the English.
        const auto hint = add("com.sun.star.awt.UnoControlFixedTextModel", "hint", kMargin, kMargin + 13,
                              kWidth - 2 * kMargin, kTreeTop - kMargin - 13 - 1);
        hint->setPropertyValue("Label", Any(uiText(context, "Select a step and open the journey there to complete "
                                                            "or change its answers.")));
        hint->setPropertyValue("MultiLine", Any(true));

        const auto tree = add("com.sun.star.awt.tree.TreeControlModel", "steps", kMargin, kTreeTop,
                              kWidth - 2 * kMargin, kButtonTop - kTreeTop - kMargin);
        tree->setPropertyValue("DataModel", Any(stepTree(steps, placeholders)));
        tree->setPropertyValue("RootDisplayed", Any(false));
        tree->setPropertyValue("SelectionType", Any(css::view::SelectionType_SINGLE));
        tree->setPropertyValue("Tabstop", Any(true)); // the keyboard starts in the tree

        const auto open = add("com.sun.star.awt.UnoControlButtonModel", "open",
                              kWidth - kMargin - kCloseWidth - 4 - kOpenWidth, kButtonTop, kOpenWidth, kButtonHeight);
        open->setPropertyValue("Label", Any(uiText(context, "Open the journey at this step")));
        open->setPropertyValue("PushButtonType", Any(static_cast<sal_Int16>(css::awt::PushButtonType_OK)));
        open->setPropertyValue("DefaultButton", Any(true));
        const auto close = add("com.sun.star.awt.UnoControlButtonModel", "close", kWidth - kMargin - kCloseWidth,
                               kButtonTop, kCloseWidth, kButtonHeight);
        close->setPropertyValue("Label", Any(uiText(context, "Close")));
        close->setPropertyValue("PushButtonType", Any(static_cast<sal_Int16>(css::awt::PushButtonType_CANCEL)));

        // The first step that still needs something is where the user most likely goes on.
        preselected_ = journey::firstIncompleteStep(steps);
    }

    ~AgreementCheckDialog()
    {
        // The dialog's window goes with the control; a failure here must not leave the dialog open.
        reportFailures(logFailure("closing the agreement check"), [&] {
            if (dialog_.is())
                Reference<css::lang::XComponent>(static_cast<css::awt::XControl*>(dialog_.get()), UNO_QUERY_THROW)
                    ->dispose();
        });
    }

    AgreementCheckDialog(const AgreementCheckDialog&) = delete;
    AgreementCheckDialog& operator=(const AgreementCheckDialog&) = delete;

    int run(const Reference<css::frame::XFrame>& frame)
    {
        const Reference<css::awt::XWindow> parent = frame.is() ? frame->getContainerWindow() : nullptr;
        dialog_ = css::awt::UnoControlDialog::create(context_);
        dialog_->setModel(Reference<css::awt::XControlModel>(model_, UNO_QUERY_THROW));
        dialog_->createPeer(Reference<css::awt::XToolkit>(css::awt::Toolkit::create(context_), UNO_QUERY_THROW),
                            Reference<css::awt::XWindowPeer>(parent, UNO_QUERY));
        centreOver(parent);

        const Reference<css::awt::tree::XTreeControl> tree(dialog_->getControl("steps"), UNO_QUERY_THROW);
        // Every gap in view at once, and the step to go on with already chosen.
        for (const auto& step : topNodes_) {
            const Reference<css::awt::tree::XTreeNode> node(step.get());
            if (node->getChildCount() > 0)
                tree->expandNode(node);
            sal_Int32 number = 0;
            if ((step->getDataValue() >>= number) && number == preselected_)
                tree->select(Any(node));
        }
        if (dialog_->execute() != 1) // the "Open the journey" button is the dialog's OK
            return 0;
        return chosenStep(tree);
    }

private:
    Reference<css::beans::XPropertySet> add(const char* service, const char* name, sal_Int32 x, sal_Int32 y,
                                            sal_Int32 width, sal_Int32 height)
    {
        const Reference<css::beans::XPropertySet> control(
            Reference<css::lang::XMultiServiceFactory>(model_, UNO_QUERY_THROW)
                ->createInstance(rtl::OUString::createFromAscii(service)),
            UNO_QUERY_THROW);
        control->setPropertyValue("PositionX", Any(x));
        control->setPropertyValue("PositionY", Any(y));
        control->setPropertyValue("Width", Any(width));
        control->setPropertyValue("Height", Any(height));
        control->setPropertyValue("Name", Any(rtl::OUString::createFromAscii(name)));
        Reference<css::container::XNameContainer>(model_, UNO_QUERY_THROW)
            ->insertByName(rtl::OUString::createFromAscii(name), Any(control));
        return control;
    }

    // One node per step ("2. Agree an overarching vision: incomplete") with a child per gap;
    // every node carries its step's number, so a selected gap means its step. After the steps,
    // the placeholders still in the document under their count: they stand for no step (0).
    Reference<css::awt::tree::XTreeDataModel> stepTree(const std::vector<journey::StepProgress>& steps,
                                                       const std::vector<fill::DraftPlaceholder>& placeholders)
    {
        const Reference<css::awt::tree::XMutableTreeDataModel> data(
            context_->getServiceManager()->createInstanceWithContext("com.sun.star.awt.tree.MutableTreeDataModel",
                                                                     context_),
            UNO_QUERY_THROW);
        const auto root = data->createNode(Any(rtl::OUString()), false);
        data->setRoot(root);
        for (const auto& step : steps) {
            const Any number(static_cast<sal_Int32>(step.number));
            const auto node = data->createNode(Any(stepHeading(context_, step)), false);
            node->setDataValue(number);
            for (const auto& missing : step.missing) {
                const auto gap = data->createNode(Any(toOUString(missing.reason)), false);
                gap->setDataValue(number);
                node->appendChild(gap);
            }
            root->appendChild(node);
            topNodes_.push_back(node);
        }
        const Any noStep(static_cast<sal_Int32>(0));
        const auto heading = data->createNode(Any(placeholdersHeading(context_, placeholders)), false);
        heading->setDataValue(noStep);
        for (const auto& placeholder : placeholders) {
            const auto gap = data->createNode(Any(toOUString(placeholder.label)), false);
            gap->setDataValue(noStep);
            heading->appendChild(gap);
        }
        root->appendChild(heading);
        topNodes_.push_back(heading);
        return Reference<css::awt::tree::XTreeDataModel>(data.get());
    }

    int chosenStep(const Reference<css::awt::tree::XTreeControl>& tree) const
    {
        Reference<css::awt::tree::XTreeNode> selected;
        tree->getSelection() >>= selected;
        const Reference<css::awt::tree::XMutableTreeNode> node(selected, UNO_QUERY);
        sal_Int32 number = 0;
        if (node.is() && (node->getDataValue() >>= number) && number > 0)
            return number;
        return preselected_; // nothing selected, or a placeholder: the step the dialog offered
    }

    // In the middle of the document's window, where the user is looking (the toolkit would put
    // the dialog at the window's top left corner).
    void centreOver(const Reference<css::awt::XWindow>& parent)
    {
        if (!parent.is())
            return;
        const auto outer = parent->getPosSize();
        const auto own = dialog_->getPosSize();
        dialog_->setPosSize(std::max<sal_Int32>(0, (outer.Width - own.Width) / 2),
                            std::max<sal_Int32>(0, (outer.Height - own.Height) / 2), 0, 0, css::awt::PosSize::POS);
    }

    Reference<css::uno::XComponentContext> context_;
    Reference<css::uno::XInterface> model_;
    Reference<css::awt::XUnoControlDialog> dialog_;
    std::vector<Reference<css::awt::tree::XMutableTreeNode>> topNodes_; // the steps', then the placeholders'
    int preselected_ = 0;
};

} // namespace

int chooseStepToOpen(const Reference<css::uno::XComponentContext>& context, const Reference<css::frame::XFrame>& frame,
                     const std::vector<journey::StepProgress>& steps,
                     const std::vector<fill::DraftPlaceholder>& placeholders)
{
    AgreementCheckDialog dialog(context, steps, placeholders);
    return dialog.run(frame);
}

} // namespace partnering::uno
