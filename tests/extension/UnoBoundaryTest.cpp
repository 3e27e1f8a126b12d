#include "UnoBoundary.hpp"

#include <cppuhelper/weak.hxx>
#include <gtest/gtest.h>

#include <functional>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

using partnering::uno::callCore;
using partnering::uno::Failure;
using partnering::uno::FailureKind;
using partnering::uno::kUnknownFailure;
using partnering::uno::reportFailures;
using partnering::uno::toOUString;
using partnering::uno::toUtf8;

namespace {

enum class UnoType { IllegalArgument, Runtime };

// One row per kind of thing a body may throw: how the boundary describes it, and which UNO
// exception a UNO caller gets for it.
struct Thrown {
    const char* what;
    std::function<void()> raise;
    FailureKind kind;
    std::string message;
    std::string reason;
    UnoType unoType;
};

const std::vector<Thrown>& thrownTable()
{
    static const std::vector<Thrown> table = {
        {"the caller's mistake", [] { throw partnering::InvalidInput("partnering.test.bad", "bad step 9"); },
         FailureKind::InvalidInput, "[partnering.test.bad] bad step 9", "bad step 9", UnoType::IllegalArgument},
        {"the environment's failure", [] { throw partnering::EnvironmentFailure("partnering.test.disk", "no space"); },
         FailureKind::EnvironmentFailure, "[partnering.test.disk] no space", "no space", UnoType::Runtime},
        // partnering::InternalError, and any core error of no subclass, is a broken invariant of ours.
        {"a core error of no subclass", [] { throw partnering::Error("partnering.test.broken", "two lead partners"); },
         FailureKind::InternalError, "[partnering.test.broken] two lead partners", "two lead partners", UnoType::Runtime},
        {"a standard exception", [] { throw std::runtime_error("plain failure"); }, FailureKind::OtherException,
         "plain failure", "plain failure", UnoType::Runtime},
        {"out of memory", [] { throw std::bad_alloc(); }, FailureKind::OtherException, std::bad_alloc().what(),
         std::bad_alloc().what(), UnoType::Runtime},
        {"not even an exception", [] { throw 7; }, FailureKind::Unknown, std::string(kUnknownFailure),
         std::string(kUnknownFailure), UnoType::Runtime},
        {"a UNO runtime exception", [] { throw css::uno::RuntimeException("the office said no"); },
         FailureKind::UnoException, "the office said no", "the office said no", UnoType::Runtime},
        {"a UNO illegal argument", [] { throw css::lang::IllegalArgumentException("as is", nullptr, 2); },
         FailureKind::UnoException, "as is", "as is", UnoType::IllegalArgument},
    };
    return table;
}

TEST(UnoBoundary, ConvertsUtf8BothWays)
{
    const std::string text = "Accord de partenariat — ភាពជាដៃគូ — 伙伴关系 — شراكة";
    EXPECT_EQ(toUtf8(toOUString(text)), text);
    EXPECT_EQ(toOUString("é").getLength(), 1);
}

TEST(UnoBoundary, CallCoreReturnsTheCoreResult)
{
    EXPECT_EQ(callCore(nullptr, [] { return 42; }), 42);
}

// What callCore threw, told apart by catch clauses (UNO exceptions have no virtual functions).
struct CaughtUno {
    std::optional<UnoType> type;
    std::string message;
    css::uno::Reference<css::uno::XInterface> context;
};

CaughtUno callCoreCatching(const css::uno::Reference<css::uno::XInterface>& source, const std::function<void()>& raise)
{
    try {
        callCore(source, raise);
    } catch (const css::lang::IllegalArgumentException& e) {
        return {UnoType::IllegalArgument, toUtf8(e.Message), e.Context};
    } catch (const css::uno::RuntimeException& e) {
        return {UnoType::Runtime, toUtf8(e.Message), e.Context};
    }
    return {};
}

TEST(UnoBoundary, CallCoreThrowsTheUnoExceptionEachFailureMapsTo)
{
    const css::uno::Reference<css::uno::XInterface> source(static_cast<cppu::OWeakObject*>(new cppu::OWeakObject));
    for (const auto& row : thrownTable()) {
        SCOPED_TRACE(row.what);
        const auto caught = callCoreCatching(source, row.raise);
        EXPECT_EQ(caught.type, row.unoType);
        EXPECT_EQ(caught.message, row.message);
        if (row.kind != FailureKind::UnoException) { // ours name their source; the office's pass as they are
            EXPECT_EQ(caught.context, source);
        }
    }
}

TEST(UnoBoundary, CallCoreLetsUnoExceptionsThroughUnchanged)
{
    try {
        callCore(nullptr, []() -> int { throw css::lang::IllegalArgumentException("as is", nullptr, 2); });
        FAIL() << "nothing thrown";
    } catch (const css::lang::IllegalArgumentException& e) {
        EXPECT_EQ(toUtf8(e.Message), "as is");
        EXPECT_EQ(e.ArgumentPosition, 2);
    }
}

TEST(UnoBoundary, ReportFailuresSwallowsAndReportsEachFailure)
{
    for (const auto& row : thrownTable()) {
        SCOPED_TRACE(row.what);
        std::vector<Failure> reported;
        const bool completed = reportFailures([&](const Failure& failure) { reported.push_back(failure); }, row.raise);
        EXPECT_FALSE(completed);
        ASSERT_EQ(reported.size(), 1u);
        EXPECT_EQ(reported[0].kind, row.kind);
        EXPECT_EQ(toUtf8(reported[0].message), row.message);
        EXPECT_EQ(toUtf8(reported[0].reason), row.reason);
        EXPECT_EQ(reported[0].fromCore(), row.kind == FailureKind::InvalidInput
                                              || row.kind == FailureKind::EnvironmentFailure
                                              || row.kind == FailureKind::InternalError);
    }
}

TEST(UnoBoundary, ReportFailuresReportsNothingWhenTheBodyRunsToItsEnd)
{
    int reports = 0;
    bool ran = false;
    EXPECT_TRUE(reportFailures([&](const Failure&) { ++reports; }, [&] { ran = true; }));
    EXPECT_TRUE(ran);
    EXPECT_EQ(reports, 0);
}

TEST(UnoBoundary, ReportFailuresSwallowsAReporterThatFailsItself)
{
    const auto brokenReporter = [](const Failure&) { throw css::uno::RuntimeException("the panel is gone"); };
    bool returned = false;
    EXPECT_NO_THROW(returned = reportFailures(brokenReporter, [] { throw std::runtime_error("first failure"); }));
    EXPECT_FALSE(returned);
}

TEST(UnoBoundary, TheLogReporterNeverThrows)
{
    EXPECT_FALSE(reportFailures(partnering::uno::logFailure("testing the log"),
                                [] { throw partnering::EnvironmentFailure("partnering.test.disk", "no space"); }));
}

} // namespace
