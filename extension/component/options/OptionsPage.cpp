// Tools > Options > Partnering Journey > Lessons library: shows the settings in the page's
// controls ("initialize", "back"), saves them ("ok"), enables the controls of the source chosen,
// picks the folder (Browse...) and tries the server typed (Test connection). The page itself
// is dialogs/Options.xdl, whose buttons and radio buttons call the methods named below.
#include "UiText.hpp"
#include "UnoBoundary.hpp"
#include "library/LessonLibrary.hpp"
#include "options/ConnectionTest.hpp"

#include "l10n/Catalogs.hpp"

#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XFixedText.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XNumericField.hpp>
#include <com/sun/star/awt/XRadioButton.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FolderPicker.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <osl/file.hxx>

#include <filesystem>
#include <string>
#include <vector>

namespace partnering::uno {
namespace {

using Page = css::uno::Reference<css::awt::XControlContainer>;

template <class Interface>
css::uno::Reference<Interface> control(const Page& page, const char* name)
{
    return css::uno::Reference<Interface>(page->getControl(rtl::OUString::createFromAscii(name)), css::uno::UNO_QUERY_THROW);
}

void enable(const Page& page, std::initializer_list<const char*> names, bool enabled)
{
    for (const char* name : names)
        control<css::awt::XWindow>(page, name)->setEnable(enabled);
}

// The methods the page's controls call (Options.xdl: vnd.sun.star.UNO:<method>).
constexpr const char* kOptionsEvent = "external_event"; // "initialize", "ok", "back"
constexpr const char* kSourceChosen = "sourceChosen";
constexpr const char* kBrowse = "browse";
constexpr const char* kTestConnection = "testConnection";

class OptionsPage
    : public cppu::WeakImplHelper2<css::awt::XContainerWindowEventHandler, css::lang::XServiceInfo> {
public:
    explicit OptionsPage(css::uno::Reference<css::uno::XComponentContext> context)
        : context_(std::move(context)), connectionTest_(context_)
    {
    }

    // The options dialog calls this with "initialize" when the page opens, "ok" when the user
    // confirms and "back" when they reset the page; the page's own controls with their
    // methods. Never throws: the dialog must stay usable.
    sal_Bool SAL_CALL callHandlerMethod(const css::uno::Reference<css::awt::XWindow>& window,
                                        const css::uno::Any& event, const rtl::OUString& method) override
    {
        const Page page(window, css::uno::UNO_QUERY);
        if (!page.is())
            return false;
        bool handled = true; // a failure is handled too: the page says what went wrong
        const auto sayOnPage = [&](const Failure& failure) {
            tell(page, failureText(failure, uiText(context_, "The settings could not be read or saved.")));
        };
        reportFailures(sayOnPage, [&] { handled = handle(page, event, method); });
        return handled;
    }

    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedMethodNames() override
    {
        css::uno::Sequence<rtl::OUString> names(4);
        names[0] = rtl::OUString::createFromAscii(kOptionsEvent);
        names[1] = rtl::OUString::createFromAscii(kSourceChosen);
        names[2] = rtl::OUString::createFromAscii(kBrowse);
        names[3] = rtl::OUString::createFromAscii(kTestConnection);
        return names;
    }

    rtl::OUString SAL_CALL getImplementationName() override { return "org.partnering.comp.OptionsPage"; }
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override { return cppu::supportsService(this, name); }
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override
    {
        const rtl::OUString name("org.partnering.OptionsPage");
        return css::uno::Sequence<rtl::OUString>(&name, 1);
    }

private:
    bool handle(const Page& page, const css::uno::Any& event, const rtl::OUString& method)
    {
        if (method.equalsAscii(kOptionsEvent)) {
            rtl::OUString action;
            event >>= action;
            if (action == "ok")
                save(page);
            else if (action == "initialize" || action == "back")
                show(page);
            else
                return false;
        } else if (method.equalsAscii(kSourceChosen)) {
            enableForSource(page);
        } else if (method.equalsAscii(kBrowse)) {
            browse(page);
        } else if (method.equalsAscii(kTestConnection)) {
            testConnection(page);
        } else {
            return false;
        }
        return true;
    }

    static LibrarySource chosenSource(const Page& page)
    {
        if (control<css::awt::XRadioButton>(page, "FolderRadio")->getState())
            return LibrarySource::Folder;
        if (control<css::awt::XRadioButton>(page, "RemoteRadio")->getState())
            return LibrarySource::Remote;
        return LibrarySource::Bundled;
    }

    // Only the controls of the source chosen can be used: the folder's with "a folder", the
    // server's with the shared library.
    void enableForSource(const Page& page)
    {
        const auto source = chosenSource(page);
        enable(page, {"FolderLabel", "FolderField", "BrowseButton"}, source == LibrarySource::Folder);
        enable(page, {"HostLabel", "HostField", "PortLabel", "PortField", "ConnectionStatus"},
               source == LibrarySource::Remote);
        enable(page, {"TestButton"}, source == LibrarySource::Remote && !connectionTest_.running());
    }

    void show(const Page& page)
    {
        const auto settings = readLibrarySettings(context_);
        control<css::awt::XRadioButton>(page, "BundledRadio")->setState(settings.source == LibrarySource::Bundled);
        control<css::awt::XRadioButton>(page, "FolderRadio")->setState(settings.source == LibrarySource::Folder);
        control<css::awt::XRadioButton>(page, "RemoteRadio")->setState(settings.source == LibrarySource::Remote);
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
        if (!connectionTest_.running())
            showConnection(page, {}, {});
        enableForSource(page);
        tell(page, {});
    }

    void save(const Page& page)
    {
        LibrarySettings settings;
        settings.source = chosenSource(page);
        settings.folder = toUtf8(control<css::awt::XTextComponent>(page, "FolderField")->getText().trim());
        settings.host = toUtf8(control<css::awt::XTextComponent>(page, "HostField")->getText().trim());
        settings.port = static_cast<int>(control<css::awt::XNumericField>(page, "PortField")->getValue());
        const auto position = control<css::awt::XListBox>(page, "LanguageList")->getSelectedItemPos();
        if (position >= 0 && static_cast<std::size_t>(position) < languages_.size())
            settings.language = languages_[static_cast<std::size_t>(position)];
        else
            settings.language = readLibrarySettings(context_).language;
        writeLibrarySettings(context_, settings);
        forgetLessonLibrary();
    }

    // LibreOffice's folder picker, opened at the folder typed (if it exists); OK fills the field.
    void browse(const Page& page)
    {
        const auto field = control<css::awt::XTextComponent>(page, "FolderField");
        const auto picker = css::ui::dialogs::FolderPicker::create(context_);
        picker->setTitle(uiText(context_, "Choose the folder of lesson files"));
        const rtl::OUString typed = field->getText().trim();
        std::error_code error;
        rtl::OUString url;
        if (!typed.isEmpty() && std::filesystem::is_directory(toUtf8(typed), error)
            && osl::FileBase::getFileURLFromSystemPath(typed, url) == osl::FileBase::E_None)
            picker->setDisplayDirectory(url);
        if (picker->execute() != css::ui::dialogs::ExecutableDialogResults::OK)
            return;
        rtl::OUString path;
        if (osl::FileBase::getSystemPathFromFileURL(picker->getDirectory(), path) != osl::FileBase::E_None) {
            tell(page, uiText(context_, "Only a folder on this computer or a mounted network drive can be used."));
            return;
        }
        // The picker names a folder with a trailing slash; the field shows it as typed paths are.
        if (path.getLength() > 1 && path.endsWith("/"))
            path = path.copy(0, path.getLength() - 1);
        field->setText(path);
        tell(page, {});
    }

    // Tries the server and port as typed, not yet saved; the outcome replaces "Connecting...".
    void testConnection(const Page& page)
    {
        const std::string host = toUtf8(control<css::awt::XTextComponent>(page, "HostField")->getText().trim());
        const int port = static_cast<int>(control<css::awt::XNumericField>(page, "PortField")->getValue());
        const rtl::OUString where = toOUString(host) + ":" + rtl::OUString::number(port);
        if (connectionTest_.running())
            return; // the button is disabled while a test runs; a second click changes nothing
        // "Connecting..." before the worker starts: its outcome can be shown before start()
        // returns (a click through accessibility runs on a bridge thread, the outcome on the
        // main thread), and it must not be overwritten then; a refusal takes a millisecond.
        showConnection(page, uiText(context_, "Connecting to %1...").replaceFirst("%1", where), {});
        connectionTest_.start(host, port, [this, page, host, port](const lessons::RemoteCheck& check) {
            try {
                showConnection(page, describe(check, host, port), toOUString(check.detail));
                enableForSource(page);
            } catch (const css::uno::RuntimeException&) {
                // The page was closed meanwhile: its controls are disposed, or no longer found
                // (UNO_QUERY_THROW on none). Nobody is left to show the outcome to.
            }
        });
        enableForSource(page);
    }

    rtl::OUString describe(const lessons::RemoteCheck& check, const std::string& host, int port) const
    {
        const rtl::OUString server = toOUString(host);
        const rtl::OUString where = server + ":" + rtl::OUString::number(port);
        switch (check.outcome) {
        case lessons::RemoteCheckOutcome::Connected:
            if (check.lessonCount == 0)
                return uiText(context_, "Connected, but this library has no lessons yet.");
            return uiText(context_, "Connected. Lessons in this library: %1.")
                .replaceFirst("%1", rtl::OUString::number(static_cast<sal_Int64>(check.lessonCount)));
        case lessons::RemoteCheckOutcome::BadAddress:
            return uiText(context_, "Type the server's name and a port from 1 to 65535 first.");
        case lessons::RemoteCheckOutcome::UnknownHost:
            return uiText(context_, "No server called \"%1\" was found. Check the name.").replaceFirst("%1", server);
        case lessons::RemoteCheckOutcome::Refused:
            return uiText(context_, "The server %1 refused the connection: nothing is listening on port %2. "
                                    "Check the port, or ask whether the library is running.")
                .replaceFirst("%1", server)
                .replaceFirst("%2", rtl::OUString::number(port));
        case lessons::RemoteCheckOutcome::Unreachable:
            return uiText(context_, "The server %1 cannot be reached from this computer. Check the name and "
                                    "your network connection.")
                .replaceFirst("%1", server);
        case lessons::RemoteCheckOutcome::Silent:
            return uiText(context_, "No answer from %1 within %2 seconds. The library may be busy or stopped, "
                                    "or this port belongs to another service.")
                .replaceFirst("%1", where)
                .replaceFirst("%2", rtl::OUString::number(static_cast<sal_Int64>(ConnectionTest::kTimeout.count())));
        case lessons::RemoteCheckOutcome::NotALibrary:
            break;
        }
        return uiText(context_, "Something answered at %1, but it is not a lessons library. Check the port.")
            .replaceFirst("%1", where);
    }

    // The outcome in plain words; the network library's own words as its tooltip.
    static void showConnection(const Page& page, const rtl::OUString& text, const rtl::OUString& detail)
    {
        const auto status = control<css::awt::XControl>(page, "ConnectionStatus");
        css::uno::Reference<css::awt::XFixedText>(status, css::uno::UNO_QUERY_THROW)->setText(text);
        css::uno::Reference<css::beans::XPropertySet>(status->getModel(), css::uno::UNO_QUERY_THROW)
            ->setPropertyValue("HelpText", css::uno::Any(detail));
    }

    static void tell(const Page& page, const rtl::OUString& text)
    {
        control<css::awt::XFixedText>(page, "StatusLabel")->setText(text);
    }

    css::uno::Reference<css::uno::XComponentContext> context_;
    std::vector<std::string> languages_; // the language list's entries, "" for the UI language
    ConnectionTest connectionTest_;      // last: joined first, while the members its outcome uses exist
};

} // namespace
} // namespace partnering::uno

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_partnering_OptionsPage_get_implementation(css::uno::XComponentContext* context, const css::uno::Sequence<css::uno::Any>&)
{
    return cppu::acquire(new partnering::uno::OptionsPage(context));
}
