#include "UnoBoundary.hpp"

#include <gtest/gtest.h>

#include <new>

using partnering::uno::callCore;
using partnering::uno::toOUString;
using partnering::uno::toUtf8;

namespace {

TEST(UnoBoundary, ConvertsUtf8BothWays)
{
    const std::string text = "Accord de partenariat — ភាពជាដៃគូ — 伙伴关系 — شراكة";
    EXPECT_EQ(toUtf8(toOUString(text)), text);
    EXPECT_EQ(toOUString("é").getLength(), 1);
}

TEST(UnoBoundary, ReturnsTheCoreResult)
{
    EXPECT_EQ(callCore(nullptr, [] { return 42; }), 42);
}

TEST(UnoBoundary, InvalidInputBecomesIllegalArgumentWithTheCoreMessage)
{
    try {
        callCore(nullptr, []() -> int { throw partnering::InvalidInput("partnering.test.bad", "bad step 9"); });
        FAIL() << "nothing thrown";
    } catch (const css::lang::IllegalArgumentException& e) {
        EXPECT_EQ(toUtf8(e.Message), "[partnering.test.bad] bad step 9");
    }
}

TEST(UnoBoundary, EnvironmentFailureBecomesRuntimeException)
{
    try {
        callCore(nullptr, []() -> int { throw partnering::EnvironmentFailure("partnering.test.disk", "no space"); });
        FAIL() << "nothing thrown";
    } catch (const css::lang::IllegalArgumentException&) {
        FAIL() << "an environment failure is not the caller's mistake";
    } catch (const css::uno::RuntimeException& e) {
        EXPECT_EQ(toUtf8(e.Message), "[partnering.test.disk] no space");
    }
}

TEST(UnoBoundary, AnyStandardExceptionBecomesRuntimeException)
{
    EXPECT_THROW(callCore(nullptr, []() -> int { throw std::bad_alloc(); }), css::uno::RuntimeException);
}

TEST(UnoBoundary, EvenNonExceptionsAreCaught)
{
    try {
        callCore(nullptr, []() -> int { throw 7; });
        FAIL() << "nothing thrown";
    } catch (const css::uno::RuntimeException& e) {
        EXPECT_NE(toUtf8(e.Message).find("partnering.internal"), std::string::npos);
    }
}

TEST(UnoBoundary, UnoExceptionsPassThroughUnchanged)
{
    try {
        callCore(nullptr, []() -> int { throw css::lang::IllegalArgumentException("as is", nullptr, 2); });
        FAIL() << "nothing thrown";
    } catch (const css::lang::IllegalArgumentException& e) {
        EXPECT_EQ(toUtf8(e.Message), "as is");
        EXPECT_EQ(e.ArgumentPosition, 2);
    }
}

} // namespace
