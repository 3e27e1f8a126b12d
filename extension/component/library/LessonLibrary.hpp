// The lessons library the user chose on the options page (bundled, a folder of lesson files
// indexed into the user profile, or a remote xapian-tcpsrv), read from our configuration.
#pragma once

#include "lessons/LessonSearch.hpp"

#include <com/sun/star/uno/XComponentContext.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace partnering::uno {

struct LibrarySettings {
    std::string source = "bundled"; // "bundled", "folder" or "remote"
    std::string folder;             // system path of the lesson files, for "folder"
    std::string host = "localhost"; // for "remote"
    int port = 7777;
    std::string language; // default language of drafts and lessons; empty: the UI language
};

// /org.partnering.journey.Settings. Reading never fails (defaults when unreadable);
// writing commits at once and throws RuntimeException when the configuration refuses.
LibrarySettings readLibrarySettings(const css::uno::Reference<css::uno::XComponentContext>& context);
void writeLibrarySettings(const css::uno::Reference<css::uno::XComponentContext>& context,
                          const LibrarySettings& settings);

// The default language: the settings' one, else the UI language.
std::string defaultLanguage(const css::uno::Reference<css::uno::XComponentContext>& context);

// The library the settings name, opened on first use and shared until the settings change;
// a recent failure to open it is thrown again at once.
// A "folder" library is (re)indexed into <user profile>/partnering/lessons first, only what
// changed. Throws the core's EnvironmentFailure ("[partnering.lessons.no-index]",
// "[partnering.lessons.index-unusable]", "[partnering.lessons.remote-unreachable]", ...).
std::shared_ptr<const lessons::LessonSearch>
openLessonLibrary(const css::uno::Reference<css::uno::XComponentContext>& context);

// Whether openLessonLibrary() answers without waiting: the bundled library (opened in
// milliseconds), one already open for the current settings, or one whose failure is recent
// (it is reported again for 30 seconds rather than tried at every keystroke).
bool lessonLibraryAtHand(const css::uno::Reference<css::uno::XComponentContext>& context);

// Opens the library in a thread of its own (a remote server may take seconds to answer, a
// folder to be indexed), then calls `done` in that thread whatever the outcome; afterwards
// lessonLibraryAtHand() holds. Opens already under way are joined, not repeated.
void openLessonLibraryInBackground(const css::uno::Reference<css::uno::XComponentContext>& context,
                                   std::function<void()> done);

// Forgets the open library so the next openLessonLibrary() follows new settings.
void forgetLessonLibrary();

} // namespace partnering::uno
