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

#include <map>
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
        // The English text is still right: a missing catalog is no reason to fail a message.
        reportFailures(logFailure("reading the UI's catalogs"), [&] {
            catalog.catalogs = std::make_unique<l10n::Catalogs>(extensionFolder(context) / "locale", "ui");
            catalog.translator = catalog.catalogs->translatorFor(uiLanguage(context));
        });
    });
    return catalog;
}

} // namespace

const l10n::Catalogs& domainCatalogs(const css::uno::Reference<css::uno::XComponentContext>& context,
                                    const std::string& domain)
{
    // Entries are never removed, so the references handed out stay valid.
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<l10n::Catalogs>> catalogs;
    std::lock_guard lock(mutex);
    auto& found = catalogs[domain];
    if (!found)
        found = std::make_unique<l10n::Catalogs>(extensionFolder(context) / "locale", domain);
    return *found;
}

const l10n::Catalogs& journeyCatalogs(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    return domainCatalogs(context, "journey");
}

std::string uiLanguage(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    std::string language = "en-US";
    reportFailures(logFailure("reading the UI language"), [&] { language = readUiLanguage(context); });
    return language;
}

rtl::OUString uiText(const css::uno::Reference<css::uno::XComponentContext>& context, const char* english)
{
    rtl::OUString text = rtl::OUString::createFromAscii(english);
    reportFailures(logFailure("translating a UI text"),
                   [&] { text = toOUString(uiCatalog(context).translator.translate(english)); });
    return text;
}

rtl::OUString uiTextIn(const css::uno::Reference<css::uno::XComponentContext>& context, const std::string& language,
                       const char* english)
{
    rtl::OUString text = rtl::OUString::createFromAscii(english);
    reportFailures(logFailure("translating a text into a document's language"), [&] {
        if (const auto& catalogs = uiCatalog(context).catalogs)
            text = toOUString(catalogs->translatorFor(language).translate(english));
    });
    return text;
}

namespace {

short runMessageBox(const css::uno::Reference<css::uno::XComponentContext>& context,
                    const css::uno::Reference<css::awt::XWindow>& parent, const rtl::OUString& title,
                    const rtl::OUString& message, css::awt::MessageBoxType type, sal_Int32 buttons)
{
    const auto toolkit = css::awt::Toolkit::create(context);
    const css::uno::Reference<css::awt::XMessageBoxFactory> factory(toolkit, css::uno::UNO_QUERY_THROW);
    const css::uno::Reference<css::awt::XWindowPeer> peer(parent, css::uno::UNO_QUERY);
    const auto box = factory->createMessageBox(peer, type, buttons, title, message);
    return box.is() ? box->execute() : 0; // execute() returns at once in a headless office
}

css::uno::Reference<css::awt::XWindow> windowOf(const css::uno::Reference<css::frame::XFrame>& frame)
{
    return frame.is() ? frame->getContainerWindow() : css::uno::Reference<css::awt::XWindow>();
}

} // namespace

void showMessage(const css::uno::Reference<css::uno::XComponentContext>& context,
                 const css::uno::Reference<css::frame::XFrame>& frame, const rtl::OUString& title,
                 const rtl::OUString& message, MessageKind kind)
{
    showMessage(context, windowOf(frame), title, message, kind);
}

void showMessage(const css::uno::Reference<css::uno::XComponentContext>& context,
                 const css::uno::Reference<css::awt::XWindow>& parent, const rtl::OUString& title,
                 const rtl::OUString& message, MessageKind kind)
{
    // Nothing is left to tell the user with when the box fails: the log has it.
    reportFailures(logFailure("showing a message box"), [&] {
        const auto type = kind == MessageKind::Error     ? css::awt::MessageBoxType_ERRORBOX
                          : kind == MessageKind::Warning ? css::awt::MessageBoxType_WARNINGBOX
                                                         : css::awt::MessageBoxType_INFOBOX;
        runMessageBox(context, parent, title, message, type, css::awt::MessageBoxButtons::BUTTONS_OK);
    });
}

rtl::OUString failureText(const Failure& failure, const rtl::OUString& unknownText)
{
    return failure.kind == FailureKind::Unknown ? unknownText : failure.message;
}

FailureReporter errorBox(const css::uno::Reference<css::uno::XComponentContext>& context,
                         const css::uno::Reference<css::frame::XFrame>& frame, const rtl::OUString& title,
                         const rtl::OUString& unknownText)
{
    return [=](const Failure& failure) {
        showMessage(context, frame, title, failureText(failure, unknownText), MessageKind::Error);
    };
}

FailureReporter errorBox(const css::uno::Reference<css::uno::XComponentContext>& context,
                         const css::uno::Reference<css::awt::XWindow>& parent, const rtl::OUString& title,
                         const rtl::OUString& unknownText)
{
    return [=](const Failure& failure) {
        showMessage(context, parent, title, failureText(failure, unknownText), MessageKind::Error);
    };
}

bool askYesNo(const css::uno::Reference<css::uno::XComponentContext>& context,
              const css::uno::Reference<css::frame::XFrame>& frame, const rtl::OUString& title,
              const rtl::OUString& question)
{
    return askYesNo(context, windowOf(frame), title, question);
}

bool askYesNo(const css::uno::Reference<css::uno::XComponentContext>& context,
              const css::uno::Reference<css::awt::XWindow>& parent, const rtl::OUString& title,
              const rtl::OUString& question)
{
    // A box that cannot be shown answers No (so does a headless office).
    bool yes = false;
    reportFailures(logFailure("asking a question"), [&] {
        yes = runMessageBox(context, parent, title, question, css::awt::MessageBoxType_QUERYBOX,
                            css::awt::MessageBoxButtons::BUTTONS_YES_NO | css::awt::MessageBoxButtons::DEFAULT_BUTTON_YES)
            == css::awt::MessageBoxResults::YES;
    });
    return yes;
}

} // namespace partnering::uno
