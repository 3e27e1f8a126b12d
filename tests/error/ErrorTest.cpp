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

TEST(Error, InternalErrorIsItsOwnBranchOfTheTree)
{
    try {
        throw partnering::InternalError("partnering.test.invariant", "the index lost a document");
    } catch (const partnering::InvalidInput&) {
        FAIL() << "a bug is not invalid input";
    } catch (const partnering::EnvironmentFailure&) {
        FAIL() << "a bug is not an environment failure";
    } catch (const partnering::Error& e) {
        EXPECT_EQ(e.id(), "partnering.test.invariant");
        EXPECT_EQ(e.reason(), "the index lost a document");
        EXPECT_STREQ(e.what(), "[partnering.test.invariant] the index lost a document");
    }
}

} // namespace
