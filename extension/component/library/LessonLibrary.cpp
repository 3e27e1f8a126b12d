#include "library/LessonLibrary.hpp"

#include "ExtensionFolder.hpp"
#include "OfficeTermination.hpp"
#include "UnoBoundary.hpp"
#include "library/LibraryOpener.hpp"

#include "error/Error.hpp"
#include "lessons/LessonIndex.hpp"

#include <com/sun/star/util/PathSubstitution.hpp>
#include <osl/file.hxx>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>

namespace partnering::uno {
namespace {

std::filesystem::path systemPath(const rtl::OUString& url)
{
    rtl::OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
        throw EnvironmentFailure("partnering.extension.bad-url", "not a local folder: " + toUtf8(url));
    return std::filesystem::path(toUtf8(path));
}

// Where the settings' library is, found through the office (on the caller's thread), so that
// opening it needs nothing of the office and can run in a thread of its own.
struct LibraryPlace {
    LibrarySettings settings;
    std::filesystem::path index; // the bundled index, or the profile folder a folder is indexed into
};

LibraryPlace placeOf(const css::uno::Reference<css::uno::XComponentContext>& context, const LibrarySettings& settings)
{
    LibraryPlace place{settings, {}};
    if (settings.source == LibrarySource::Bundled)
        place.index = extensionFolder(context) / "lessons";
    else if (settings.source == LibrarySource::Folder)
        place.index = systemPath(css::util::PathSubstitution::create(context)->substituteVariables("$(user)", true)) /
                      "partnering" / "lessons";
    return place;
}

// Core calls only: safe in any thread.
std::shared_ptr<const lessons::LessonSearch> open(const LibraryPlace& place)
{
    const auto& settings = place.settings;
    switch (settings.source) {
    case LibrarySource::Remote:
        if (settings.port <= 0 || settings.port > 65535)
            throw InvalidInput("partnering.settings.bad-port",
                               "the port of the remote lessons library must be 1 to 65535, not " +
                                   std::to_string(settings.port));
        return std::make_shared<const lessons::LessonSearch>(
            lessons::LessonSearch::openRemote(settings.host, static_cast<unsigned>(settings.port)));
    case LibrarySource::Folder: {
        if (settings.folder.empty() || !std::filesystem::is_directory(settings.folder))
            throw EnvironmentFailure("partnering.settings.no-folder",
                                     "the lessons folder \"" + settings.folder + "\" does not exist");
        std::filesystem::create_directories(place.index);
        {
            lessons::LessonIndex index(place.index);
            index.build({settings.folder}); // only what changed; bad files are skipped
        }
        return std::make_shared<const lessons::LessonSearch>(lessons::LessonSearch::openLocal(place.index));
    }
    case LibrarySource::Bundled:
        break;
    }
    return std::make_shared<const lessons::LessonSearch>(lessons::LessonSearch::openLocal(place.index));
}

// A library that could not be opened is not tried again at every keystroke: its failure is
// reported again until the settings change or this long has passed.
constexpr auto kRetryAfterFailure = std::chrono::seconds(30);

struct RecentFailure {
    LibrarySettings settings;
    Failure failure;
    std::chrono::steady_clock::time_point when;
};

// The open library, a recent failure, and the thread that opens in the background.
class LibraryRegistry {
public:
    std::shared_ptr<const lessons::LessonSearch> openFor(const LibrarySettings& settings,
                                                         const std::function<LibraryPlace()>& locate)
    {
        {
            std::lock_guard lock(mutex_);
            if (search_ && settings_.sameLibraryAs(settings))
                return search_;
            if (recentFailure(settings))
                throwAsUno(failure_->failure, nullptr);
        }
        // Opened without the lock: atHand() must answer while a slow server is tried.
        std::shared_ptr<const lessons::LessonSearch> search;
        std::optional<Failure> failed;
        reportFailures([&](const Failure& failure) { failed = failure; }, [&] { search = open(locate()); });
        std::lock_guard lock(mutex_);
        if (failed) {
            failure_ = RecentFailure{settings, *failed, std::chrono::steady_clock::now()};
            throwAsUno(*failed, nullptr);
        }
        search_ = search;
        settings_ = settings;
        failure_.reset();
        return search;
    }

    bool atHand(const LibrarySettings& settings)
    {
        if (settings.source == LibrarySource::Bundled)
            return true;
        std::lock_guard lock(mutex_);
        return (search_ && settings_.sameLibraryAs(settings)) || recentFailure(settings);
    }

    void forget()
    {
        std::lock_guard lock(mutex_);
        search_.reset();
        failure_.reset();
    }

    void openInBackground(const css::uno::Reference<css::uno::XComponentContext>& context, std::function<void()> done)
    {
        if (!watchingTermination_.exchange(true))
            atOfficeTermination(context, [this] { opener_.close(); });
        // Settings and paths come from the office here, on the caller's thread; the worker
        // runs core code only, so joining it never waits for a lock the office holds.
        const auto settings = readLibrarySettings(context);
        std::function<LibraryPlace()> locate;
        // A place that cannot be found fails the open in the worker, where failures are kept.
        const auto notFound = [&](const Failure& failure) {
            locate = [failure]() -> LibraryPlace { throwAsUno(failure, nullptr); };
        };
        reportFailures(notFound, [&] {
            const auto place = placeOf(context, settings);
            locate = [place] { return place; };
        });
        // A failure is kept as the library's (the waiting panels show it), and the opener logs it.
        opener_.request([this, settings, locate] { openFor(settings, locate); }, std::move(done));
    }

private:
    bool recentFailure(const LibrarySettings& settings) const
    {
        return failure_ && failure_->settings.sameLibraryAs(settings)
            && std::chrono::steady_clock::now() - failure_->when < kRetryAfterFailure;
    }

    std::mutex mutex_;
    std::shared_ptr<const lessons::LessonSearch> search_;
    LibrarySettings settings_; // what search_ was opened from
    std::optional<RecentFailure> failure_;
    std::atomic<bool> watchingTermination_{false};
    // Last, so it is destroyed first: its thread is joined while everything it uses still exists.
    LibraryOpener opener_;
};

// The office joins the opener's thread when it terminates (atOfficeTermination). Should a
// process end without terminating the desktop, this static's destructor joins it at exit: the
// worker runs core code and our own lock only (never held while joining), and its callbacks only
// post to the main thread, which takes no lock, so the join waits at most for the core's own
// timeouts and cannot deadlock.
LibraryRegistry& registry()
{
    static LibraryRegistry instance;
    return instance;
}

} // namespace

std::shared_ptr<const lessons::LessonSearch>
openLessonLibrary(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    const auto settings = readLibrarySettings(context);
    return registry().openFor(settings, [&] { return placeOf(context, settings); });
}

bool lessonLibraryAtHand(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    return registry().atHand(readLibrarySettings(context));
}

void openLessonLibraryInBackground(const css::uno::Reference<css::uno::XComponentContext>& context,
                                   std::function<void()> done)
{
    registry().openInBackground(context, std::move(done));
}

void forgetLessonLibrary()
{
    registry().forget();
}

} // namespace partnering::uno
