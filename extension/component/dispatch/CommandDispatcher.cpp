// The protocol handler of org.partnering.journey:* (ProtocolHandler.xcu): hands each menu
// URL to its command for the frame it was created for.
#include "dispatch/Commands.hpp"

#include "UnoBoundary.hpp"

#include <com/sun/star/frame/DispatchDescriptor.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <cppuhelper/implbase3.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <string_view>

namespace partnering::uno {
namespace {

constexpr std::string_view kProtocol = "org.partnering.journey:";

struct Command {
    const char* name;
    CommandFactory make;
};

constexpr Command kCommands[] = {
    {"About", makeAboutCommand},
    {"CheckAgreement", makeCheckAgreementCommand},
    {"JourneyWizard", makeJourneyWizardCommand},
    {"Lessons", makeLessonsCommand},
};

class CommandDispatcher
    : public cppu::WeakImplHelper3<css::frame::XDispatchProvider, css::lang::XInitialization, css::lang::XServiceInfo> {
public:
    explicit CommandDispatcher(css::uno::Reference<css::uno::XComponentContext> context) : context_(std::move(context)) {}

    // The frame comes first among the arguments.
    void SAL_CALL initialize(const css::uno::Sequence<css::uno::Any>& arguments) override
    {
        if (arguments.getLength() > 0)
            arguments[0] >>= frame_;
    }

    css::uno::Reference<css::frame::XDispatch> SAL_CALL queryDispatch(const css::util::URL& url, const rtl::OUString&,
                                                                     sal_Int32) override
    {
        return callCore(static_cast<cppu::OWeakObject*>(this), [&]() -> css::uno::Reference<css::frame::XDispatch> {
            const std::string complete = toUtf8(url.Complete);
            if (!complete.starts_with(kProtocol))
                return {};
            const std::string_view name = std::string_view(complete).substr(kProtocol.size());
            for (const auto& command : kCommands)
                if (name == command.name)
                    return css::uno::Reference<css::frame::XDispatch>(command.make(context_, frame_).get());
            return {};
        });
    }

    css::uno::Sequence<css::uno::Reference<css::frame::XDispatch>> SAL_CALL
    queryDispatches(const css::uno::Sequence<css::frame::DispatchDescriptor>& requests) override
    {
        css::uno::Sequence<css::uno::Reference<css::frame::XDispatch>> result(requests.getLength());
        for (sal_Int32 i = 0; i < requests.getLength(); ++i)
            result[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName, requests[i].SearchFlags);
        return result;
    }

    rtl::OUString SAL_CALL getImplementationName() override { return "org.partnering.comp.CommandDispatcher"; }
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override { return cppu::supportsService(this, name); }
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override
    {
        const rtl::OUString name("com.sun.star.frame.ProtocolHandler");
        return css::uno::Sequence<rtl::OUString>(&name, 1);
    }

private:
    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::Reference<css::frame::XFrame> frame_;
};

} // namespace
} // namespace partnering::uno

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_partnering_CommandDispatcher_get_implementation(css::uno::XComponentContext* context,
                                                    const css::uno::Sequence<css::uno::Any>&)
{
    return cppu::acquire(new partnering::uno::CommandDispatcher(context));
}
