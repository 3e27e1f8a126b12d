#include "error/ScopeGuards.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

using partnering::AtScopeExit;
using partnering::OnScopeFailure;
using partnering::ScopedFlag;

namespace {

// Runs `body`, letting an exception it throws end the scope; true when one did.
template <class Body> bool endedByException(Body&& body)
{
    try {
        body();
    } catch (const std::runtime_error&) {
        return true;
    }
    return false;
}

TEST(ScopeGuards, AScopedFlagIsSetInsideAndGivenBackItsValueHoweverTheScopeEnds)
{
    for (const bool throws : {false, true}) {
        for (const bool before : {false, true}) {
            SCOPED_TRACE(testing::Message() << "throws " << throws << ", before " << before);
            bool flag = before;
            bool inside = false;
            endedByException([&] {
                const ScopedFlag scoped(flag);
                inside = flag;
                if (throws)
                    throw std::runtime_error("failed");
            });
            EXPECT_TRUE(inside);
            EXPECT_EQ(flag, before);
        }
    }
}

TEST(ScopeGuards, CleanupRunsHoweverTheScopeEndsAndUndoOnlyWhenItFails)
{
    for (const bool throws : {false, true}) {
        SCOPED_TRACE(throws ? "left by an exception" : "left normally");
        int cleanups = 0, undos = 0;
        EXPECT_EQ(endedByException([&] {
                      const AtScopeExit cleanup([&]() noexcept { ++cleanups; });
                      const OnScopeFailure undo([&]() noexcept { ++undos; });
                      if (throws)
                          throw std::runtime_error("failed");
                  }),
                  throws);
        EXPECT_EQ(cleanups, 1);
        EXPECT_EQ(undos, throws ? 1 : 0);
    }
}

TEST(ScopeGuards, UndoIgnoresAnExceptionAlreadyInFlightWhenTheScopeBegan)
{
    // A scope opened while another exception unwinds (in a destructor) fails only by its own.
    struct OpensAScopeWhileUnwinding {
        int& undos;
        ~OpensAScopeWhileUnwinding()
        {
            const OnScopeFailure undo([this]() noexcept { ++undos; });
        }
    };
    int undos = 0;
    EXPECT_TRUE(endedByException([&] {
        const OpensAScopeWhileUnwinding opener{undos};
        throw std::runtime_error("failed");
    }));
    EXPECT_EQ(undos, 0);
}

} // namespace
