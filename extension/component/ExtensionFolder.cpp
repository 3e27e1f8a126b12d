#include "ExtensionFolder.hpp"

#include "UnoBoundary.hpp"

#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/deployment/XPackageInformationProvider.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <osl/file.hxx>

namespace partnering::uno {

std::filesystem::path extensionFolder(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    const auto provider = css::deployment::PackageInformationProvider::get(context);
    const rtl::OUString url = provider->getPackageLocation(rtl::OUString::createFromAscii(kExtensionIdentifier));
    rtl::OUString path;
    if (url.isEmpty() || osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
        throw css::uno::RuntimeException(
            toOUString("[partnering.extension.not-installed] cannot find the folder of the installed extension "
                       + std::string(kExtensionIdentifier) + " (got \"" + toUtf8(url) + "\")"),
            nullptr);
    return std::filesystem::path(toUtf8(path));
}

} // namespace partnering::uno
