// A fresh folder per test, named after the test and removed after it, for tests that write
// packages, templates and translations.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>

namespace partnering::testing {

class ScratchDirTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        // A parameterised test's name ends in "/<n>": one folder, not a folder left behind per
        // test with the case inside it.
        std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
        std::replace(name.begin(), name.end(), '/', '-');
        dir_ = std::filesystem::temp_directory_path() / ("partnering-" + std::to_string(::getpid()) + "-" + name);
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::filesystem::path dir_;
};

} // namespace partnering::testing
