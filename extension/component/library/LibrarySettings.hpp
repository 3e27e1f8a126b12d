// The extension's settings (where the lessons library comes from, the default language): the
// one place that reads and writes /org.partnering.journey.Settings in LibreOffice's configuration.
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace partnering::uno {

enum class LibrarySource {
    Bundled, // the library indexed into the .oxt
    Folder,  // a folder of lesson files, indexed into the user profile
    Remote,  // an organisation's shared library, served by xapian-tcpsrv
};

struct LibrarySettings {
    LibrarySource source = LibrarySource::Bundled;
    std::string folder;             // system path of the lesson files, for Folder
    std::string host = "localhost"; // for Remote
    int port = 7777;
    std::string language; // default language of drafts and lessons; empty: the UI language

    // The same library (the language aside): an open library can be kept.
    bool sameLibraryAs(const LibrarySettings& other) const
    {
        return source == other.source && folder == other.folder && host == other.host && port == other.port;
    }
};

// Reading never fails (defaults when unreadable; an unknown source is the bundled library);
// writing commits at once and throws css::uno::RuntimeException when the configuration refuses.
LibrarySettings readLibrarySettings(const css::uno::Reference<css::uno::XComponentContext>& context);
void writeLibrarySettings(const css::uno::Reference<css::uno::XComponentContext>& context,
                          const LibrarySettings& settings);

// The default language: the settings' one, else the UI language.
std::string defaultLanguage(const css::uno::Reference<css::uno::XComponentContext>& context);

} // namespace partnering::uno
