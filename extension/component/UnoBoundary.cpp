#include "UnoBoundary.hpp"

#include <sal/log.hxx>

#include <exception>

namespace partnering::uno {

Failure currentFailure()
{
    const auto coreFailure = [](FailureKind kind, const partnering::Error& e) {
        return Failure{kind, toOUString(e.what()), toOUString(e.reason())};
    };
    try {
        throw;
    } catch (const css::uno::Exception& e) {
        return {FailureKind::UnoException, e.Message, e.Message};
    } catch (const partnering::InvalidInput& e) {
        return coreFailure(FailureKind::InvalidInput, e);
    } catch (const partnering::EnvironmentFailure& e) {
        return coreFailure(FailureKind::EnvironmentFailure, e);
    } catch (const partnering::Error& e) { // partnering::InternalError, or an error of no subclass
        return coreFailure(FailureKind::InternalError, e);
    } catch (const std::exception& e) {
        const rtl::OUString message = toOUString(e.what());
        return {FailureKind::OtherException, message, message};
    } catch (...) {
        const rtl::OUString message = toOUString(kUnknownFailure);
        return {FailureKind::Unknown, message, message};
    }
}

void throwAsUno(const Failure& failure, const css::uno::Reference<css::uno::XInterface>& source)
{
    if (failure.kind == FailureKind::InvalidInput)
        throw css::lang::IllegalArgumentException(failure.message, source, 0);
    throw css::uno::RuntimeException(failure.message, source);
}

void FailureLog::operator()(const Failure& failure) const
{
    SAL_WARN("partnering", activity << " failed: " << failure.message);
}

void logUnreportedFailure(const Failure& failure) noexcept
{
    try {
        SAL_WARN("partnering", "a failure could not be reported (" << currentFailure().message << "): " << failure.message);
    } catch (...) {
        // Out of memory while logging: nothing is left to do.
    }
}

} // namespace partnering::uno
