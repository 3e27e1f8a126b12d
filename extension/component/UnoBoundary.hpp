// Where C++ meets UNO: UTF-8 <-> OUString at the edge, and the one place failures cross it:
// callCore for UNO entry points that may throw, reportFailures for callbacks that must not.
#pragma once

#include "error/Error.hpp"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/Exception.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/uno/XInterface.hpp>
#include <rtl/ustring.hxx>

#include <functional>
#include <string>
#include <string_view>

namespace partnering::uno {

inline std::string toUtf8(const rtl::OUString& text)
{
    const rtl::OString utf8 = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(utf8.getStr(), static_cast<std::size_t>(utf8.getLength()));
}

inline rtl::OUString toOUString(std::string_view utf8)
{
    return rtl::OUString(utf8.data(), static_cast<sal_Int32>(utf8.size()), RTL_TEXTENCODING_UTF8);
}

// What was thrown, in the terms of the core's error tree and of UNO.
enum class FailureKind {
    InvalidInput,       // partnering::InvalidInput: the caller's mistake
    EnvironmentFailure, // partnering::EnvironmentFailure: the file system, a database, a server
    InternalError,      // any other partnering::Error: a broken invariant of our own
    UnoException,       // a css::uno::Exception (from the office, or one of ours)
    OtherException,     // any other std::exception (std::bad_alloc, ...)
    Unknown,            // not even a std::exception
};

// A failure caught at the boundary, ready to be told to the user, to the log or to a UNO caller.
struct Failure {
    FailureKind kind = FailureKind::Unknown;
    // The core's "[id] reason", a UNO exception's Message, what() of any other exception; for
    // Unknown, kUnknownFailure.
    rtl::OUString message;
    // A core error's reason without its id (what a page says about an answer it refuses); the
    // message for anything else.
    rtl::OUString reason;

    bool fromCore() const
    {
        return kind == FailureKind::InvalidInput || kind == FailureKind::EnvironmentFailure
            || kind == FailureKind::InternalError;
    }
};

// The message of a failure that says nothing about itself.
inline constexpr std::string_view kUnknownFailure
    = "[partnering.uno.unexpected] unexpected failure in the Partnering Journey extension";

// Describes the exception being handled; call only inside a catch block.
Failure currentFailure();

// The UNO exception a UNO caller gets for `failure`: IllegalArgumentException for InvalidInput,
// RuntimeException for everything else, carrying the failure's message.
[[noreturn]] void throwAsUno(const Failure& failure, const css::uno::Reference<css::uno::XInterface>& source);

// For UNO entry points that may throw: runs `call` and returns its result. UNO exceptions pass
// through unchanged; anything else is thrown again as throwAsUno says.
template <class Call>
auto callCore(const css::uno::Reference<css::uno::XInterface>& source, Call&& call) -> decltype(call())
{
    try {
        return call();
    } catch (const css::uno::Exception&) {
        throw;
    } catch (...) {
        throwAsUno(currentFailure(), source);
    }
}

// Where a failure caught by reportFailures goes: a message box over the right window (see
// errorBox in UiText.hpp), a panel's status, the log (logFailure), a caller's variable.
using FailureReporter = std::function<void(const Failure&)>;

// A reporter that writes the failure to LibreOffice's log (SAL_WARN, area "partnering"; shown
// with SAL_LOG=+WARN), for failures nobody can be shown. Made by logFailure.
struct FailureLog {
    std::string_view activity; // what was being done: a literal, outliving the reporter
    void operator()(const Failure& failure) const;
};
inline FailureLog logFailure(std::string_view activity) { return FailureLog{activity}; }

// Writes `failure`, which its reporter failed to report, to the log with the reporter's own
// failure (the exception being handled). Never throws.
void logUnreportedFailure(const Failure& failure) noexcept;

// For callbacks that must never throw (dispatch(), UI listeners, async callbacks, disposing):
// runs `body`; whatever it throws is described (currentFailure) and handed to `report`. A
// reporter that fails itself is logged. Returns whether `body` ran to its end.
template <class Report, class Body> bool reportFailures(const Report& report, Body&& body) noexcept
{
    try {
        body();
        return true;
    } catch (...) {
        Failure failure;
        try {
            failure = currentFailure();
            report(failure);
        } catch (...) {
            logUnreportedFailure(failure);
        }
    }
    return false;
}

} // namespace partnering::uno
