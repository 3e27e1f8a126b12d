#include "UiText.hpp"

#include "ExtensionFolder.hpp"
#include "UnoBoundary.hpp"

#include "l10n/Catalogs.hpp"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxResults.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>

#include <memory>
#include <mutex>

namespace partnering::uno {
namespace {

std::string readUiLanguage(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    css::beans::NamedValue path(rtl::OUString("nodepath"), css::uno::Any(rtl::OUString("/org.openoffice.Setup/L10N")));
    css::uno::Sequence<css::uno::Any> arguments(1);
    arguments[0] <<= path;
    const auto provider = css::configuration::theDefaultProvider::get(context);
    const css::uno::Reference<css::container::XNameAccess> node(
        provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", arguments),
        css::uno::UNO_QUERY_THROW);
    rtl::OUString locale;
    node->getByName("ooLocale") >>= locale;
    return locale.isEmpty() ? "en-US" : toUtf8(locale);
}

// The catalogs and the translator are read once per office session.
struct UiCatalog {
    std::once_flag once;
    std::unique_ptr<l10n::Catalogs> catalogs;
    l10n::Translator translator;
};

UiCatalog& uiCatalog(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    static UiCatalog catalog;
    std::call_once(catalog.once, [&] {
        try {
            catalog.catalogs = std::make_unique<l10n::Catalogs>(extensionFolder(context) / "locale", "ui");
            catalog.translator = catalog.catalogs->translatorFor(uiLanguage(context));
        } catch (...) {
            // The English text is still right: a missing catalog is no reason to fail a message.
        }
    });
    return catalog;
}

} // namespace

const l10n::Catalogs& journeyCatalogs(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    static std::mutex mutex;
    static std::unique_ptr<l10n::Catalogs> catalogs;
    std::lock_guard lock(mutex);
    if (!catalogs)
        catalogs = std::make_unique<l10n::Catalogs>(extensionFolder(context) / "locale", "journey");
    return *catalogs;
}

std::string uiLanguage(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    try {
        return readUiLanguage(context);
    } catch (...) {
        return "en-US";
    }
}

rtl::OUString uiText(const css::uno::Reference<css::uno::XComponentContext>& context, const char* english)
{
    try {
        return toOUString(uiCatalog(context).translator.translate(english));
    } catch (...) {
        return rtl::OUString::createFromAscii(english);
    }
}

rtl::OUString uiTextIn(const css::uno::Reference<css::uno::XComponentContext>& context, const std::string& language,
                       const char* english)
{
    try {
        if (const auto& catalogs = uiCatalog(context).catalogs)
            return toOUString(catalogs->translatorFor(language).translate(english));
    } catch (...) {
    }
    return rtl::OUString::createFromAscii(english);
}

namespace {

short runMessageBox(const css::uno::Reference<css::uno::XComponentContext>& context,
                    const css::uno::Reference<css::awt::XWindowPeer>& parent, const rtl::OUString& title,
                    const rtl::OUString& message, css::awt::MessageBoxType type, sal_Int32 buttons)
{
    const auto toolkit = css::awt::Toolkit::create(context);
    const css::uno::Reference<css::awt::XMessageBoxFactory> factory(toolkit, css::uno::UNO_QUERY_THROW);
    const auto box = factory->createMessageBox(parent, type, buttons, title, message);
    return box.is() ? box->execute() : 0; // execute() returns at once in a headless office
}

css::uno::Reference<css::awt::XWindowPeer> windowOf(const css::uno::Reference<css::frame::XFrame>& frame)
{
    return frame.is() ? css::uno::Reference<css::awt::XWindowPeer>(frame->getContainerWindow(), css::uno::UNO_QUERY)
                      : css::uno::Reference<css::awt::XWindowPeer>();
}

short askYesNoOver(const css::uno::Reference<css::uno::XComponentContext>& context,
                   const css::uno::Reference<css::awt::XWindowPeer>& parent, const rtl::OUString& title,
                   const rtl::OUString& question)
{
    return runMessageBox(context, parent, title, question, css::awt::MessageBoxType_QUERYBOX,
                         css::awt::MessageBoxButtons::BUTTONS_YES_NO | css::awt::MessageBoxButtons::DEFAULT_BUTTON_YES);
}

} // namespace

void showMessage(const css::uno::Reference<css::uno::XComponentContext>& context,
                 const css::uno::Reference<css::frame::XFrame>& frame, const rtl::OUString& title,
                 const rtl::OUString& message, MessageKind kind)
{
    try {
        const auto type = kind == MessageKind::Error     ? css::awt::MessageBoxType_ERRORBOX
                          : kind == MessageKind::Warning ? css::awt::MessageBoxType_WARNINGBOX
                                                         : css::awt::MessageBoxType_INFOBOX;
        runMessageBox(context, windowOf(frame), title, message, type, css::awt::MessageBoxButtons::BUTTONS_OK);
    } catch (...) {
        // Nothing left to tell the user with; LibreOffice must go on.
    }
}

bool askYesNo(const css::uno::Reference<css::uno::XComponentContext>& context,
              const css::uno::Reference<css::frame::XFrame>& frame, const rtl::OUString& title,
              const rtl::OUString& question)
{
    try {
        return askYesNoOver(context, windowOf(frame), title, question) == css::awt::MessageBoxResults::YES;
    } catch (...) {
        return false;
    }
}

bool askYesNo(const css::uno::Reference<css::uno::XComponentContext>& context,
              const css::uno::Reference<css::awt::XWindow>& parent, const rtl::OUString& title,
              const rtl::OUString& question)
{
    try {
        return askYesNoOver(context, css::uno::Reference<css::awt::XWindowPeer>(parent, css::uno::UNO_QUERY), title, question)
            == css::awt::MessageBoxResults::YES;
    } catch (...) {
        return false;
    }
}

} // namespace partnering::uno
