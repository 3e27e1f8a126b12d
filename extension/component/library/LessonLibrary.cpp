#include "library/LessonLibrary.hpp"

#include "ExtensionFolder.hpp"
#include "UiText.hpp"
#include "UnoBoundary.hpp"

#include "error/Error.hpp"
#include "lessons/LessonIndex.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/PathSubstitution.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <osl/file.hxx>

#include <chrono>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace partnering::uno {
namespace {

constexpr const char* kSettings = "/org.partnering.journey.Settings";

css::uno::Reference<css::uno::XInterface> settingsNode(const css::uno::Reference<css::uno::XComponentContext>& context,
                                                      const char* group, bool writable)
{
    css::beans::NamedValue path(rtl::OUString("nodepath"),
                                css::uno::Any(rtl::OUString::createFromAscii(kSettings) + "/" +
                                              rtl::OUString::createFromAscii(group)));
    css::uno::Sequence<css::uno::Any> arguments(1);
    arguments[0] <<= path;
    return css::configuration::theDefaultProvider::get(context)->createInstanceWithArguments(
        writable ? rtl::OUString("com.sun.star.configuration.ConfigurationUpdateAccess")
                 : rtl::OUString("com.sun.star.configuration.ConfigurationAccess"),
        arguments);
}

std::string stringValue(const css::uno::Reference<css::container::XNameAccess>& node, const char* name)
{
    rtl::OUString value;
    node->getByName(rtl::OUString::createFromAscii(name)) >>= value;
    return toUtf8(value);
}

std::filesystem::path systemPath(const rtl::OUString& url)
{
    rtl::OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
        throw EnvironmentFailure("partnering.extension.bad-url", "not a local folder: " + toUtf8(url));
    return std::filesystem::path(toUtf8(path));
}

std::filesystem::path profileLessonsFolder(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    const auto substitution = css::util::PathSubstitution::create(context);
    return systemPath(substitution->substituteVariables("$(user)", true)) / "partnering" / "lessons";
}

// A library that could not be opened is not tried again at every keystroke: its failure is
// reported again until the settings change or this long has passed.
constexpr auto kRetryAfterFailure = std::chrono::seconds(30);

struct Failure {
    LibrarySettings settings;
    std::exception_ptr error;
    std::chrono::steady_clock::time_point when;
};

struct OpenLibrary {
    std::mutex mutex;
    std::shared_ptr<const lessons::LessonSearch> search;
    LibrarySettings settings; // what `search` was opened from
    std::optional<Failure> failure;
    bool opening = false; // a background open is under way
    std::vector<std::function<void()>> waiting;
};

OpenLibrary& openLibrary()
{
    // Never destroyed: a background open may still be running when the office exits.
    static OpenLibrary* library = new OpenLibrary;
    return *library;
}

bool sameLibrary(const LibrarySettings& a, const LibrarySettings& b)
{
    return a.source == b.source && a.folder == b.folder && a.host == b.host && a.port == b.port;
}

std::shared_ptr<const lessons::LessonSearch> open(const css::uno::Reference<css::uno::XComponentContext>& context,
                                                  const LibrarySettings& settings)
{
    if (settings.source == "remote") {
        if (settings.port <= 0 || settings.port > 65535)
            throw InvalidInput("partnering.settings.bad-port",
                               "the port of the remote lessons library must be 1 to 65535, not " +
                                   std::to_string(settings.port));
        return std::make_shared<const lessons::LessonSearch>(
            lessons::LessonSearch::openRemote(settings.host, static_cast<unsigned>(settings.port)));
    }
    if (settings.source == "folder") {
        if (settings.folder.empty() || !std::filesystem::is_directory(settings.folder))
            throw EnvironmentFailure("partnering.settings.no-folder",
                                     "the lessons folder \"" + settings.folder + "\" does not exist");
        const auto database = profileLessonsFolder(context);
        std::filesystem::create_directories(database);
        {
            lessons::LessonIndex index(database);
            index.build({settings.folder}); // only what changed; bad files are skipped
        }
        return std::make_shared<const lessons::LessonSearch>(lessons::LessonSearch::openLocal(database));
    }
    return std::make_shared<const lessons::LessonSearch>(
        lessons::LessonSearch::openLocal(extensionFolder(context) / "lessons"));
}

} // namespace

LibrarySettings readLibrarySettings(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    LibrarySettings settings;
    try {
        const css::uno::Reference<css::container::XNameAccess> library(settingsNode(context, "Library", false),
                                                                       css::uno::UNO_QUERY_THROW);
        settings.source = stringValue(library, "Source");
        settings.folder = stringValue(library, "Folder");
        settings.host = stringValue(library, "Host");
        sal_Int32 port = settings.port;
        library->getByName("Port") >>= port;
        settings.port = port;
        const css::uno::Reference<css::container::XNameAccess> general(settingsNode(context, "General", false),
                                                                       css::uno::UNO_QUERY_THROW);
        settings.language = stringValue(general, "Language");
    } catch (...) {
        // Defaults: the bundled library and the UI language.
    }
    return settings;
}

void writeLibrarySettings(const css::uno::Reference<css::uno::XComponentContext>& context,
                          const LibrarySettings& settings)
{
    const css::uno::Reference<css::container::XNameReplace> library(settingsNode(context, "Library", true),
                                                                    css::uno::UNO_QUERY_THROW);
    library->replaceByName("Source", css::uno::Any(toOUString(settings.source)));
    library->replaceByName("Folder", css::uno::Any(toOUString(settings.folder)));
    library->replaceByName("Host", css::uno::Any(toOUString(settings.host)));
    library->replaceByName("Port", css::uno::Any(static_cast<sal_Int32>(settings.port)));
    css::uno::Reference<css::util::XChangesBatch>(library, css::uno::UNO_QUERY_THROW)->commitChanges();
    const css::uno::Reference<css::container::XNameReplace> general(settingsNode(context, "General", true),
                                                                    css::uno::UNO_QUERY_THROW);
    general->replaceByName("Language", css::uno::Any(toOUString(settings.language)));
    css::uno::Reference<css::util::XChangesBatch>(general, css::uno::UNO_QUERY_THROW)->commitChanges();
    forgetLessonLibrary();
}

std::string defaultLanguage(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    const auto settings = readLibrarySettings(context);
    return settings.language.empty() ? uiLanguage(context) : settings.language;
}

namespace {

bool recentFailure(const OpenLibrary& library, const LibrarySettings& settings)
{
    return library.failure && sameLibrary(library.failure->settings, settings)
        && std::chrono::steady_clock::now() - library.failure->when < kRetryAfterFailure;
}

} // namespace

std::shared_ptr<const lessons::LessonSearch>
openLessonLibrary(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    const auto settings = readLibrarySettings(context);
    auto& library = openLibrary();
    {
        std::lock_guard lock(library.mutex);
        if (library.search && sameLibrary(library.settings, settings))
            return library.search;
        if (recentFailure(library, settings))
            std::rethrow_exception(library.failure->error);
    }
    // Opened without the lock: lessonLibraryAtHand() must answer while a slow server is tried.
    std::shared_ptr<const lessons::LessonSearch> search;
    try {
        search = open(context, settings);
    } catch (...) {
        std::lock_guard lock(library.mutex);
        library.failure = Failure{settings, std::current_exception(), std::chrono::steady_clock::now()};
        throw;
    }
    std::lock_guard lock(library.mutex);
    library.search = search;
    library.settings = settings;
    library.failure.reset();
    return search;
}

bool lessonLibraryAtHand(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    const auto settings = readLibrarySettings(context);
    if (settings.source != "remote" && settings.source != "folder")
        return true;
    auto& library = openLibrary();
    std::lock_guard lock(library.mutex);
    return (library.search && sameLibrary(library.settings, settings)) || recentFailure(library, settings);
}

void openLessonLibraryInBackground(const css::uno::Reference<css::uno::XComponentContext>& context,
                                   std::function<void()> done)
{
    auto& library = openLibrary();
    {
        std::lock_guard lock(library.mutex);
        library.waiting.push_back(std::move(done));
        if (library.opening)
            return;
        library.opening = true;
    }
    std::thread([context] {
        try {
            openLessonLibrary(context);
        } catch (...) {
            // Kept as the library's failure: the waiting panels show it.
        }
        auto& opened = openLibrary();
        std::vector<std::function<void()>> waiting;
        {
            std::lock_guard lock(opened.mutex);
            opened.opening = false;
            waiting.swap(opened.waiting);
        }
        for (auto& callback : waiting) {
            try {
                callback();
            } catch (...) {
                // A panel that went away meanwhile.
            }
        }
    }).detach();
}

void forgetLessonLibrary()
{
    auto& library = openLibrary();
    std::lock_guard lock(library.mutex);
    library.search.reset();
    library.failure.reset();
}

} // namespace partnering::uno
