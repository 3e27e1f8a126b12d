#include "odf/AtomicFile.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>

#include "support/ScratchDir.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using partnering::EnvironmentFailure;
using partnering::odf::AtomicFile;

namespace {

class AtomicFileTest : public partnering::testing::ScratchDirTest {
protected:
    std::string contentOf(const fs::path& path)
    {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        return bytes.str();
    }

    std::vector<std::string> names()
    {
        std::vector<std::string> found;
        for (const auto& entry : fs::directory_iterator(dir_))
            found.push_back(entry.path().filename().string());
        std::sort(found.begin(), found.end());
        return found;
    }
};

TEST_F(AtomicFileTest, NothingHasTheNameUntilCommit)
{
    const fs::path out = dir_ / "draft.odt";
    AtomicFile file(out);
    file.write("first half, ");
    EXPECT_TRUE(names().empty()) << "the file being written has a name";
    file.write("second half");
    file.commit();
    EXPECT_EQ(contentOf(out), "first half, second half");
    EXPECT_EQ(names(), std::vector<std::string>{"draft.odt"});
}

TEST_F(AtomicFileTest, CommitReplacesThePreviousFileInOneStep)
{
    const fs::path out = dir_ / "draft.odt";
    std::ofstream(out) << "previous";
    {
        AtomicFile file(out);
        file.write("next");
        EXPECT_EQ(contentOf(out), "previous");
        file.commit();
    }
    EXPECT_EQ(contentOf(out), "next");
    EXPECT_EQ(names(), std::vector<std::string>{"draft.odt"}) << "a temporary was left beside it";
}

TEST_F(AtomicFileTest, AWriterGivenUpLeavesThePreviousFileAndNoTrace)
{
    const fs::path out = dir_ / "draft.odt";
    std::ofstream(out) << "previous";
    {
        AtomicFile file(out);
        file.write("abandoned");
    }
    EXPECT_EQ(contentOf(out), "previous");
    EXPECT_EQ(names(), std::vector<std::string>{"draft.odt"});
}

TEST_F(AtomicFileTest, AFolderThatIsNotThereIsAnEnvironmentFailureNamingTheFile)
{
    const fs::path out = dir_ / "missing" / "draft.odt";
    try {
        AtomicFile file(out);
        FAIL() << "opened a file in a folder that does not exist";
    } catch (const EnvironmentFailure& e) {
        EXPECT_EQ(e.id(), "partnering.odf.write");
        EXPECT_EQ(e.reason(), out.string() + ": cannot write: No such file or directory");
    }
}

} // namespace
