// Where the installed extension lives on disk (it changes with every reinstall), so the
// core can find the data files shipped in the .oxt: translations, lessons, templates.
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

#include <filesystem>

namespace partnering::uno {

inline constexpr const char* kExtensionIdentifier = "org.partnering.journey";

// Throws css::uno::RuntimeException when the extension is not installed in this office.
std::filesystem::path extensionFolder(const css::uno::Reference<css::uno::XComponentContext>& context);

} // namespace partnering::uno
