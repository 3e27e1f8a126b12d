#include "library/LibrarySettings.hpp"

#include "UiText.hpp"
#include "UnoBoundary.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>

#include <array>
#include <utility>

namespace partnering::uno {
namespace {

constexpr const char* kSettings = "/org.partnering.journey.Settings";

// How Settings.xcs spells each source in Library/Source.
constexpr std::array<std::pair<LibrarySource, const char*>, 3> kSourceNames{{
    {LibrarySource::Bundled, "bundled"},
    {LibrarySource::Folder, "folder"},
    {LibrarySource::Remote, "remote"},
}};

LibrarySource sourceNamed(const std::string& name)
{
    for (const auto& [source, spelled] : kSourceNames)
        if (name == spelled)
            return source;
    return LibrarySource::Bundled;
}

const char* nameOf(LibrarySource source)
{
    for (const auto& [known, spelled] : kSourceNames)
        if (known == source)
            return spelled;
    return "bundled";
}

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

void commit(const css::uno::Reference<css::container::XNameReplace>& node)
{
    css::uno::Reference<css::util::XChangesBatch>(node, css::uno::UNO_QUERY_THROW)->commitChanges();
}

} // namespace

LibrarySettings readLibrarySettings(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    LibrarySettings settings; // the defaults: the bundled library and the UI language
    reportFailures(logFailure("reading the lessons library's settings"), [&] {
        const css::uno::Reference<css::container::XNameAccess> library(settingsNode(context, "Library", false),
                                                                       css::uno::UNO_QUERY_THROW);
        settings.source = sourceNamed(stringValue(library, "Source"));
        settings.folder = stringValue(library, "Folder");
        settings.host = stringValue(library, "Host");
        sal_Int32 port = settings.port;
        library->getByName("Port") >>= port;
        settings.port = port;
        const css::uno::Reference<css::container::XNameAccess> general(settingsNode(context, "General", false),
                                                                       css::uno::UNO_QUERY_THROW);
        settings.language = stringValue(general, "Language");
    });
    return settings;
}

void writeLibrarySettings(const css::uno::Reference<css::uno::XComponentContext>& context,
                          const LibrarySettings& settings)
{
    const css::uno::Reference<css::container::XNameReplace> library(settingsNode(context, "Library", true),
                                                                    css::uno::UNO_QUERY_THROW);
    library->replaceByName("Source", css::uno::Any(rtl::OUString::createFromAscii(nameOf(settings.source))));
    library->replaceByName("Folder", css::uno::Any(toOUString(settings.folder)));
    library->replaceByName("Host", css::uno::Any(toOUString(settings.host)));
    library->replaceByName("Port", css::uno::Any(static_cast<sal_Int32>(settings.port)));
    commit(library);
    const css::uno::Reference<css::container::XNameReplace> general(settingsNode(context, "General", true),
                                                                    css::uno::UNO_QUERY_THROW);
    general->replaceByName("Language", css::uno::Any(toOUString(settings.language)));
    commit(general);
}

std::string defaultLanguage(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    const auto settings = readLibrarySettings(context);
    return settings.language.empty() ? uiLanguage(context) : settings.language;
}

} // namespace partnering::uno
