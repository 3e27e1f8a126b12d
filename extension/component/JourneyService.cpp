// org.partnering.Journey: the journey's steps for UNO clients (wizard, macros, tests).
#include "UiText.hpp"
#include "UnoBoundary.hpp"

#include "journey/Journey.hpp"
#include "l10n/Catalogs.hpp"

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/partnering/XJourney.hpp>


namespace partnering::uno {
namespace {

constexpr const char* kImplementationName = "org.partnering.comp.Journey";
constexpr const char* kServiceName = "org.partnering.Journey";

org::partnering::JourneyStep toUno(const journey::Step& step)
{
    return org::partnering::JourneyStep(static_cast<sal_Int16>(step.number), toOUString(step.id),
                                        toOUString(step.title));
}

class JourneyService : public cppu::WeakImplHelper2<org::partnering::XJourney, css::lang::XServiceInfo> {
public:
    explicit JourneyService(css::uno::Reference<css::uno::XComponentContext> context) : context_(std::move(context)) {}

    css::uno::Sequence<org::partnering::JourneyStep> SAL_CALL getSteps(const rtl::OUString& languageTag) override
    {
        return callCore(static_cast<cppu::OWeakObject*>(this), [&] {
            const auto steps = journey::Journey::standard().steps(translatorFor(languageTag));
            css::uno::Sequence<org::partnering::JourneyStep> result(static_cast<sal_Int32>(steps.size()));
            for (std::size_t i = 0; i < steps.size(); ++i)
                result[static_cast<sal_Int32>(i)] = toUno(steps[i]);
            return result;
        });
    }

    org::partnering::JourneyStep SAL_CALL getStep(sal_Int16 number, const rtl::OUString& languageTag) override
    {
        return callCore(static_cast<cppu::OWeakObject*>(this), [&] {
            return toUno(journey::Journey::standard().step(number, translatorFor(languageTag)));
        });
    }

    css::uno::Sequence<rtl::OUString> SAL_CALL getLanguages() override
    {
        return callCore(static_cast<cppu::OWeakObject*>(this), [&] {
            const auto languages = catalogs().languages();
            css::uno::Sequence<rtl::OUString> result(static_cast<sal_Int32>(languages.size()));
            for (std::size_t i = 0; i < languages.size(); ++i)
                result[static_cast<sal_Int32>(i)] = toOUString(languages[i]);
            return result;
        });
    }

    rtl::OUString SAL_CALL getImplementationName() override { return rtl::OUString::createFromAscii(kImplementationName); }
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override { return cppu::supportsService(this, name); }
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override
    {
        return css::uno::Sequence<rtl::OUString>(&kServiceNameString, 1);
    }

private:
    static inline const rtl::OUString kServiceNameString = rtl::OUString::createFromAscii(kServiceName);

    const l10n::Catalogs& catalogs() { return journeyCatalogs(context_); }

    l10n::Translator translatorFor(const rtl::OUString& languageTag) { return catalogs().translatorFor(toUtf8(languageTag)); }

    css::uno::Reference<css::uno::XComponentContext> context_;
};

} // namespace
} // namespace partnering::uno

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_partnering_Journey_get_implementation(css::uno::XComponentContext* context, const css::uno::Sequence<css::uno::Any>&)
{
    return cppu::acquire(new partnering::uno::JourneyService(context));
}
