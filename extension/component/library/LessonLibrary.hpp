// The lessons library the user chose on the options page (bundled, a folder of lesson files
// indexed into the user profile, or a remote xapian-tcpsrv), opened once and shared.
#pragma once

#include "library/LibrarySettings.hpp"
#include "lessons/LessonSearch.hpp"

#include <com/sun/star/uno/XComponentContext.hpp>

#include <functional>
#include <memory>

namespace partnering::uno {

// The library the settings name, opened on first use and shared until the settings change;
// a recent failure to open it is thrown again at once.
// A folder library is (re)indexed into <user profile>/partnering/lessons first, only what
// changed. Throws UNO exceptions (throwAsUno) with the core's message, e.g. a RuntimeException
// "[partnering.lessons.no-index] ...", "[partnering.lessons.index-unusable] ...",
// "[partnering.lessons.remote-unreachable] ...".
std::shared_ptr<const lessons::LessonSearch>
openLessonLibrary(const css::uno::Reference<css::uno::XComponentContext>& context);

// Whether openLessonLibrary() answers without waiting: the bundled library (opened in
// milliseconds), one already open for the current settings, or one whose failure is recent
// (it is reported again for 30 seconds rather than tried at every keystroke).
bool lessonLibraryAtHand(const css::uno::Reference<css::uno::XComponentContext>& context);

// Opens the library in a thread of its own (a remote server may take seconds to answer, a
// folder to be indexed), then calls `done` in that thread whatever the outcome; afterwards
// lessonLibraryAtHand() holds. Opens already under way are joined, not repeated. The thread
// is joined when the office terminates; once it has, nothing is opened and `done` is dropped.
void openLessonLibraryInBackground(const css::uno::Reference<css::uno::XComponentContext>& context,
                                   std::function<void()> done);

// Forgets the open library (and a remembered failure) so the next openLessonLibrary() tries
// the settings again: after the user saved them, even unchanged.
void forgetLessonLibrary();

} // namespace partnering::uno
