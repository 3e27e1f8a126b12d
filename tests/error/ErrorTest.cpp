#include "error/Error.hpp"

#include <gtest/gtest.h>

namespace {

TEST(Error, MessageStartsWithTheStableId)
{
    const partnering::InvalidInput error("partnering.test.bad-thing", "the thing is bad");
    EXPECT_STREQ(error.what(), "[partnering.test.bad-thing] the thing is bad");
    EXPECT_EQ(error.id(), "partnering.test.bad-thing");
    EXPECT_EQ(error.reason(), "the thing is bad");
}

TEST(Error, TreeSeparatesCallerMistakesFromEnvironmentFailures)
{
    try {
        throw partnering::EnvironmentFailure("partnering.test.disk", "disk full");
    } catch (const partnering::InvalidInput&) {
        FAIL() << "an environment failure is not invalid input";
    } catch (const partnering::Error& e) {
        EXPECT_EQ(e.id(), "partnering.test.disk");
    }
}

} // namespace
