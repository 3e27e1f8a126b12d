// Tools > Options > Partnering Journey > Lessons library: shows the settings in the page's
// controls ("initialize", "back") and saves them ("ok"). The page itself is dialogs/Options.xdl.
#include "ExtensionFolder.hpp"
#include "UiText.hpp"
#include "UnoBoundary.hpp"
#include "library/LessonLibrary.hpp"

#include "l10n/Catalogs.hpp"

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XFixedText.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XNumericField.hpp>
#include <com/sun/star/awt/XRadioButton.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <exception>
#include <string>
#include <vector>

namespace partnering::uno {
namespace {

template <class Interface>
css::uno::Reference<Interface> control(const css::uno::Reference<css::awt::XControlContainer>& page, const char* name)
{
    return css::uno::Reference<Interface>(page->getControl(rtl::OUString::createFromAscii(name)), css::uno::UNO_QUERY_THROW);
}

class OptionsPage
    : public cppu::WeakImplHelper2<css::awt::XContainerWindowEventHandler, css::lang::XServiceInfo> {
public:
    explicit OptionsPage(css::uno::Reference<css::uno::XComponentContext> context) : context_(std::move(context)) {}

    // The options dialog calls this with "initialize" when the page opens, "ok" when the user
    // confirms and "back" when they reset the page. Never throws: the dialog must stay usable.
    sal_Bool SAL_CALL callHandlerMethod(const css::uno::Reference<css::awt::XWindow>& window,
                                        const css::uno::Any& event, const rtl::OUString& method) override
    {
        if (method != "external_event")
            return false;
        rtl::OUString action;
        event >>= action;
        css::uno::Reference<css::awt::XControlContainer> page(window, css::uno::UNO_QUERY);
        if (!page.is())
            return false;
        try {
            if (action == "ok")
                save(page);
            else if (action == "initialize" || action == "back")
                show(page);
            else
                return false;
            return true;
        } catch (const std::exception& e) {
            tell(page, toOUString(e.what()));
        } catch (const css::uno::Exception& e) {
            tell(page, e.Message);
        } catch (...) {
            tell(page, uiText(context_, "The settings could not be read or saved."));
        }
        return true;
    }

    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedMethodNames() override
    {
        const rtl::OUString name("external_event");
        return css::uno::Sequence<rtl::OUString>(&name, 1);
    }

    rtl::OUString SAL_CALL getImplementationName() override { return "org.partnering.comp.OptionsPage"; }
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override { return cppu::supportsService(this, name); }
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override
    {
        const rtl::OUString name("org.partnering.OptionsPage");
        return css::uno::Sequence<rtl::OUString>(&name, 1);
    }

private:
    void show(const css::uno::Reference<css::awt::XControlContainer>& page)
    {
        const auto settings = readLibrarySettings(context_);
        control<css::awt::XRadioButton>(page, "BundledRadio")->setState(settings.source != "folder" && settings.source != "remote");
        control<css::awt::XRadioButton>(page, "FolderRadio")->setState(settings.source == "folder");
        control<css::awt::XRadioButton>(page, "RemoteRadio")->setState(settings.source == "remote");
        control<css::awt::XTextComponent>(page, "FolderField")->setText(toOUString(settings.folder));
        control<css::awt::XTextComponent>(page, "HostField")->setText(toOUString(settings.host));
        control<css::awt::XNumericField>(page, "PortField")->setValue(settings.port);

        // The first entry follows the UI language; then every language the journey speaks.
        languages_ = {""};
        for (const auto& language : journeyCatalogs(context_).languages())
            languages_.push_back(language);
        const auto list = control<css::awt::XListBox>(page, "LanguageList");
        list->removeItems(0, list->getItemCount());
        sal_Int16 selected = 0;
        for (std::size_t i = 0; i < languages_.size(); ++i) {
            const auto& tag = languages_[i];
            list->addItem(tag.empty() ? uiText(context_, "The language of LibreOffice's menus")
                                      : toOUString(l10n::languageAutonym(tag) + " (" + tag + ")"),
                          static_cast<sal_Int16>(i));
            if (tag == settings.language)
                selected = static_cast<sal_Int16>(i);
        }
        list->selectItemPos(selected, true);
        tell(page, {});
    }

    void save(const css::uno::Reference<css::awt::XControlContainer>& page)
    {
        LibrarySettings settings;
        settings.source = control<css::awt::XRadioButton>(page, "FolderRadio")->getState()   ? "folder"
                          : control<css::awt::XRadioButton>(page, "RemoteRadio")->getState() ? "remote"
                                                                                              : "bundled";
        settings.folder = toUtf8(control<css::awt::XTextComponent>(page, "FolderField")->getText().trim());
        settings.host = toUtf8(control<css::awt::XTextComponent>(page, "HostField")->getText().trim());
        settings.port = static_cast<int>(control<css::awt::XNumericField>(page, "PortField")->getValue());
        const auto position = control<css::awt::XListBox>(page, "LanguageList")->getSelectedItemPos();
        if (position >= 0 && static_cast<std::size_t>(position) < languages_.size())
            settings.language = languages_[static_cast<std::size_t>(position)];
        else
            settings.language = readLibrarySettings(context_).language;
        writeLibrarySettings(context_, settings);
    }

    void tell(const css::uno::Reference<css::awt::XControlContainer>& page, const rtl::OUString& text)
    {
        try {
            control<css::awt::XFixedText>(page, "StatusLabel")->setText(text);
        } catch (...) {
        }
    }

    css::uno::Reference<css::uno::XComponentContext> context_;
    std::vector<std::string> languages_; // the language list's entries, "" for the UI language
};

} // namespace
} // namespace partnering::uno

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_partnering_OptionsPage_get_implementation(css::uno::XComponentContext* context, const css::uno::Sequence<css::uno::Any>&)
{
    return cppu::acquire(new partnering::uno::OptionsPage(context));
}
