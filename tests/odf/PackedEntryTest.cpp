#include "odf/OdfPackage.hpp"
#include "odf/PackedEntry.hpp"

#include <gtest/gtest.h>

#include "support/ScratchDir.hpp"
#include <zip.h>

#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using partnering::odf::OdfPackage;
using partnering::odf::PackageWriter;
using partnering::odf::pack;

namespace {

class PackedEntryTest : public partnering::testing::ScratchDirTest {};

std::string clauses(int seed, std::size_t size)
{
    std::string text;
    for (int i = 0; text.size() < size; ++i)
        text += "<text:p text:style-name=\"P" + std::to_string((i + seed) % 7) + "\">Clause " + std::to_string(i * seed)
              + " é 中</text:p>";
    return text;
}

// What zlib (through libzip) reads of `entry` in the package at `path`.
std::string readWithZlib(const fs::path& path, const char* entry, std::size_t size)
{
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (zip == nullptr)
        return "unreadable package";
    std::string read(size, '\0');
    zip_file_t* file = zip_fopen(zip, entry, 0);
    const bool whole = file != nullptr && zip_fread(file, read.data(), read.size()) == static_cast<zip_int64_t>(size);
    if (file != nullptr)
        zip_fclose(file);
    zip_close(zip);
    return whole ? read : "unreadable entry";
}

TEST_F(PackedEntryTest, SmallEntriesAreStoredAndLargeOnesDeflatedWithTheirSizeAndCrc)
{
    const auto small = pack("<office:document-meta/>");
    EXPECT_FALSE(small.deflated);
    EXPECT_EQ(small.data, "<office:document-meta/>");
    const std::string text = clauses(1, 100000);
    const auto large = pack(text);
    EXPECT_TRUE(large.deflated);
    EXPECT_EQ(large.size, text.size());
    EXPECT_LT(large.data.size(), text.size() / 4);
    EXPECT_NE(large.crc, 0u);
}

// A fill packs meta.xml on a second thread while its own packs content.xml; several fills may
// run at once. Every entry packed so comes out whole, for our reader and for zlib.
TEST_F(PackedEntryTest, EntriesPackedOnSeveralThreadsAtOnceAreEachWhole)
{
    constexpr int kThreads = 4, kRounds = 10;
    std::vector<std::string> failures(kThreads);
    {
        std::vector<std::jthread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int round = 0; round < kRounds; ++round) {
                    const std::string text = clauses(t * kRounds + round + 1, 40000 + 10000 * static_cast<std::size_t>(t));
                    const fs::path path = dir_ / ("t" + std::to_string(t) + ".odt");
                    PackageWriter writer(path, partnering::odf::kTextMimetype);
                    writer.add("content.xml", pack(text));
                    writer.commit();
                    if (OdfPackage::open(path).read("content.xml") != text || readWithZlib(path, "content.xml", text.size()) != text)
                        failures[static_cast<std::size_t>(t)] += "round " + std::to_string(round) + " differs; ";
                }
            });
        }
    }
    for (int t = 0; t < kThreads; ++t)
        EXPECT_EQ(failures[static_cast<std::size_t>(t)], "") << "thread " << t;
}

} // namespace
