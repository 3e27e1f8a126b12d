// Partnering > About: the version, and which lessons library is in use and whether it opens.
#include "dispatch/Commands.hpp"

#include "UiText.hpp"
#include "UnoBoundary.hpp"
#include "library/LessonLibrary.hpp"

#include <chrono>
#include <future>
#include <memory>

namespace partnering::uno {
namespace {

class AboutCommand : public CommandDispatch {
public:
    using CommandDispatch::CommandDispatch;

private:
    rtl::OUString title() override { return uiText(context(), "About Partnering Journey"); }

    CommandOutcome run() override
    {
        rtl::OUString text = uiText(context(), "Partnering Journey") + " " + PARTNERING_VERSION + "\n\n";
        const auto settings = readLibrarySettings(context());
        switch (settings.source) {
        case LibrarySource::Folder:
            text += uiText(context(), "Lessons library: the folder") + " " + toOUString(settings.folder);
            break;
        case LibrarySource::Remote:
            text += uiText(context(), "Lessons library: the server") + " " + toOUString(settings.host) + ":" +
                    rtl::OUString::number(settings.port);
            break;
        case LibrarySource::Bundled:
            text += uiText(context(), "Lessons library: bundled with the extension");
            break;
        }
        if (!libraryOpensSoon()) {
            text += "\n" + uiText(context(), "Opening the lessons library...");
            return {true, text};
        }
        // A library that does not open is part of what the box tells: why, instead of the count.
        const auto sayWhy = [&](const Failure& failure) { text += "\n" + failure.message; };
        reportFailures(sayWhy, [&] {
            text += "\n" + uiText(context(), "Lessons:") + " " +
                    rtl::OUString::number(static_cast<sal_Int64>(openLessonLibrary(context())->lessonCount()));
        });
        return {true, text};
    }

    // A folder library takes a moment to index and a silent server ten seconds to give up:
    // the box waits a little for the count, then says the library is still opening.
    bool libraryOpensSoon()
    {
        if (lessonLibraryAtHand(context()))
            return true;
        auto opened = std::make_shared<std::promise<void>>();
        auto ready = opened->get_future();
        openLessonLibraryInBackground(context(), [opened] { opened->set_value(); });
        return ready.wait_for(std::chrono::seconds(2)) == std::future_status::ready;
    }
};

} // namespace

rtl::Reference<CommandDispatch> makeAboutCommand(const css::uno::Reference<css::uno::XComponentContext>& context,
                                                 const css::uno::Reference<css::frame::XFrame>& frame)
{
    return new AboutCommand(context, frame);
}

} // namespace partnering::uno
