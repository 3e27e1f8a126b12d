// The extension's own UI text at run time: messages written in English in the code, looked up
// in the "ui" catalogs (locales/ui/*.po) for LibreOffice's UI language, and shown to the user.
#pragma once

#include "UnoBoundary.hpp"

#include "l10n/Catalogs.hpp"

#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <string>

namespace partnering::uno {

// LibreOffice's UI language as a BCP 47 tag ("en-US" when the profile names none).
std::string uiLanguage(const css::uno::Reference<css::uno::XComponentContext>& context);

// `english` translated into the UI language; English when the extension's catalogs are
// missing or lack it. xgettext extracts the second argument (--keyword=uiText:2). Never throws.
rtl::OUString uiText(const css::uno::Reference<css::uno::XComponentContext>& context, const char* english);

// `english` in `language` (BCP 47) rather than the UI language: for text written into a
// document in the language of what it quotes. xgettext extracts the third argument.
rtl::OUString uiTextIn(const css::uno::Reference<css::uno::XComponentContext>& context, const std::string& language,
                       const char* english);

// The catalogs of one message domain installed with the extension ("journey": steps,
// questions, guidance; "clauses": the clause library; "fill": a draft's own words), read once
// per office session. Throws RuntimeException when the extension is not installed.
const l10n::Catalogs& domainCatalogs(const css::uno::Reference<css::uno::XComponentContext>& context,
                                    const std::string& domain);
const l10n::Catalogs& journeyCatalogs(const css::uno::Reference<css::uno::XComponentContext>& context);

enum class MessageKind { Info, Warning, Error };

// A message box over `frame`'s window (or no parent). Never throws: UI callbacks and
// dispatch() end here, and a failure to show the message must not reach LibreOffice (it is logged).
void showMessage(const css::uno::Reference<css::uno::XComponentContext>& context,
                 const css::uno::Reference<css::frame::XFrame>& frame, const rtl::OUString& title,
                 const rtl::OUString& message, MessageKind kind);
// The same over a dialog of ours (`parent`, e.g. the wizard's window) rather than a document.
void showMessage(const css::uno::Reference<css::uno::XComponentContext>& context,
                 const css::uno::Reference<css::awt::XWindow>& parent, const rtl::OUString& title,
                 const rtl::OUString& message, MessageKind kind);

// A reporter for reportFailures: an error box titled `title` over the window the user works in
// (a document's frame, or a dialog of ours), saying the failure's message, or `unknownText`
// for a failure that says nothing about itself.
FailureReporter errorBox(const css::uno::Reference<css::uno::XComponentContext>& context,
                         const css::uno::Reference<css::frame::XFrame>& frame, const rtl::OUString& title,
                         const rtl::OUString& unknownText);
FailureReporter errorBox(const css::uno::Reference<css::uno::XComponentContext>& context,
                         const css::uno::Reference<css::awt::XWindow>& parent, const rtl::OUString& title,
                         const rtl::OUString& unknownText);
// The failure's message, or `unknownText` for a failure that says nothing about itself.
rtl::OUString failureText(const Failure& failure, const rtl::OUString& unknownText);

// A question with Yes and No over `frame`'s window: true for Yes. Never throws; false when the
// box cannot be shown (a headless office answers No).
bool askYesNo(const css::uno::Reference<css::uno::XComponentContext>& context,
              const css::uno::Reference<css::frame::XFrame>& frame, const rtl::OUString& title,
              const rtl::OUString& question);
// The same over a dialog of ours (`parent`, e.g. the wizard's window) rather than a document.
bool askYesNo(const css::uno::Reference<css::uno::XComponentContext>& context,
              const css::uno::Reference<css::awt::XWindow>& parent, const rtl::OUString& title,
              const rtl::OUString& question);

} // namespace partnering::uno
