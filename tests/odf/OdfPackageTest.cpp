#include "odf/FlatOdf.hpp"
#include "odf/OdfPackage.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>

#include "support/ScratchDir.hpp"
#include <zip.h>

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using partnering::InvalidInput;
using partnering::odf::OdfPackage;
using partnering::odf::PackageWriter;

namespace {

class OdfPackageTest : public partnering::testing::ScratchDirTest {
protected:
    // A zip written directly with libzip, to build packages our writer would never make.
    fs::path rawZip(const std::string& name, const std::vector<std::pair<std::string, std::string>>& entries)
    {
        const fs::path path = dir_ / name;
        int error = 0;
        zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
        for (const auto& [entry, bytes] : entries) {
            zip_source_t* source = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
            zip_file_add(zip, entry.c_str(), source, 0);
        }
        zip_close(zip);
        return path;
    }

    std::string errorOpening(const fs::path& path, partnering::odf::PackageLimits limits = {})
    {
        try {
            OdfPackage::open(path, limits);
        } catch (const InvalidInput& e) {
            return e.what();
        }
        return "no error";
    }

    static std::string bytesOf(const fs::path& path)
    {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        return bytes.str();
    }

};

TEST_F(OdfPackageTest, MimetypeComesFirstStoredAndUncompressed)
{
    PackageWriter writer(dir_ / "a.odt", partnering::odf::kTextMimetype);
    writer.add("content.xml", std::string(5000, 'x'));
    writer.commit();
    const std::string bytes = bytesOf(dir_ / "a.odt");
    // Local file header: compression method at offset 8 (0 = stored), name at 30, data after.
    ASSERT_GT(bytes.size(), 100u);
    EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
    EXPECT_EQ(bytes[8], 0);
    EXPECT_EQ(bytes.substr(30, 8), "mimetype");
    const auto extra = static_cast<unsigned char>(bytes[28]) | (static_cast<unsigned char>(bytes[29]) << 8);
    EXPECT_EQ(bytes.substr(38 + extra, partnering::odf::kTextMimetype.size()), partnering::odf::kTextMimetype);
    const auto package = OdfPackage::open(dir_ / "a.odt");
    EXPECT_EQ(package.mimetype(), partnering::odf::kTextMimetype);
    EXPECT_EQ(package.read("content.xml"), std::string(5000, 'x'));
}

TEST_F(OdfPackageTest, AWriterThatIsNotCommittedLeavesThePreviousFileAndNoTemporary)
{
    std::ofstream(dir_ / "draft.odt") << "the user's previous draft";
    {
        PackageWriter writer(dir_ / "draft.odt", partnering::odf::kTextMimetype);
        writer.add("content.xml", "<half/>");
    } // an exception between here and commit() destroys the writer
    EXPECT_EQ(bytesOf(dir_ / "draft.odt"), "the user's previous draft");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(OdfPackageTest, CopiedEntriesKeepTheirCompressedBytes)
{
    PackageWriter first(dir_ / "a.odt", partnering::odf::kTextMimetype);
    first.add("styles.xml", std::string(20000, 's') + "end");
    first.commit();
    const auto source = OdfPackage::open(dir_ / "a.odt");
    PackageWriter second(dir_ / "b.odt", partnering::odf::kTextMimetype);
    second.copy(source, "styles.xml");
    second.commit();
    EXPECT_EQ(OdfPackage::open(dir_ / "b.odt").read("styles.xml"), std::string(20000, 's') + "end");
    EXPECT_EQ(fs::file_size(dir_ / "a.odt"), fs::file_size(dir_ / "b.odt"));
}

TEST_F(OdfPackageTest, ACopiedStoredEntryStaysStored)
{
    // Left to libzip's default method, it was deflated on the way, opening a zlib stream each.
    const std::string meta = "<meta>" + std::string(2000, 'm') + "</meta>"; // stored: small, yet compressible
    PackageWriter first(dir_ / "a.odt", partnering::odf::kTextMimetype);
    first.add("meta.xml", meta);
    first.commit();
    const auto source = OdfPackage::open(dir_ / "a.odt");
    PackageWriter second(dir_ / "b.odt", partnering::odf::kTextMimetype);
    second.copy(source, "meta.xml");
    second.commit();
    int error = 0;
    zip_t* zip = zip_open((dir_ / "b.odt").c_str(), ZIP_RDONLY, &error);
    ASSERT_NE(zip, nullptr);
    zip_stat_t stat;
    ASSERT_EQ(zip_stat(zip, "meta.xml", 0, &stat), 0);
    EXPECT_EQ(stat.comp_method, ZIP_CM_STORE);
    zip_discard(zip);
    EXPECT_EQ(OdfPackage::open(dir_ / "b.odt").read("meta.xml"), meta);
}

// Large parts are deflated (by libdeflate) and read back (by libdeflate, with libzip's checks):
// any zip reader gets the same bytes, and damaged data is refused, not returned.
TEST_F(OdfPackageTest, LargePartsAreDeflatedAndDamageIsCaughtWhenRead)
{
    std::string text;
    for (int i = 0; text.size() < 100000; ++i)
        text += "<text:p text:style-name=\"P" + std::to_string(i % 7) + "\">Clause " + std::to_string(i) + " é 中</text:p>";
    {
        PackageWriter writer(dir_ / "a.odt", partnering::odf::kTextMimetype);
        writer.add("content.xml", text);
        writer.commit();
    }
    EXPECT_LT(fs::file_size(dir_ / "a.odt"), text.size() / 4) << "deflated";
    EXPECT_EQ(OdfPackage::open(dir_ / "a.odt").read("content.xml"), text);
    // libzip (zlib) reads the same bytes.
    int error = 0;
    zip_t* zip = zip_open((dir_ / "a.odt").c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
    ASSERT_NE(zip, nullptr);
    zip_file_t* file = zip_fopen(zip, "content.xml", 0);
    ASSERT_NE(file, nullptr);
    std::string read(text.size(), '\0');
    EXPECT_EQ(zip_fread(file, read.data(), read.size()), static_cast<zip_int64_t>(text.size()));
    zip_fclose(file);
    zip_close(zip);
    EXPECT_EQ(read, text);

    // A byte changed in the middle of the compressed data: a broken stream or a CRC mismatch.
    std::string bytes = bytesOf(dir_ / "a.odt");
    const auto data = bytes.find("content.xml") + std::string("content.xml").size();
    for (const std::size_t at : {data + 200, data + 2000}) {
        std::string damaged = bytes;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x5a);
        try {
            OdfPackage::fromBytes(damaged, "damaged.odt").read("content.xml");
            FAIL() << "damage at " << at << " went unnoticed";
        } catch (const InvalidInput& e) {
            EXPECT_NE(std::string(e.what()).find("[partnering.odf.bad-entry]"), std::string::npos) << e.what();
        }
    }
}

// An entry copied byte for byte is read only when the copy is written: damage in it is the
// source package's fault, told as such, and neither the new file nor a temporary is left.
TEST_F(OdfPackageTest, DamageInACopiedEntryIsBlamedOnItsPackageAndNothingIsWritten)
{
    std::string text;
    for (int i = 0; text.size() < 50000; ++i)
        text += "<text:p>Clause " + std::to_string(i) + "</text:p>";
    {
        PackageWriter writer(dir_ / "template.ott", partnering::odf::kTextMimetype);
        writer.add("styles.xml", text);
        writer.commit();
    }
    std::string bytes = bytesOf(dir_ / "template.ott");
    const auto data = bytes.find("styles.xml") + std::string("styles.xml").size();
    bytes[data + 1000] = static_cast<char>(bytes[data + 1000] ^ 0x5a);
    const auto source = OdfPackage::fromBytes(bytes, "damaged-template.ott");
    {
        PackageWriter writer(dir_ / "draft.odt", partnering::odf::kTextMimetype);
        try {
            writer.copy(source, "styles.xml");
            writer.commit();
            FAIL() << "the damaged entry was copied";
        } catch (const InvalidInput& e) {
            const std::string message = e.what();
            EXPECT_NE(message.find("[partnering.odf.bad-entry] damaged-template.ott: styles.xml"), std::string::npos)
                << message;
        }
    }
    EXPECT_FALSE(fs::exists(dir_ / "draft.odt"));
    EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1) << "a temporary is left";
}

TEST_F(OdfPackageTest, HostileArchivesAreRefusedNamingTheEntry)
{
    std::ofstream(dir_ / "text.odt") << "this is not a zip";
    EXPECT_NE(errorOpening(dir_ / "text.odt").find("[partnering.odf.not-a-zip]"), std::string::npos);
    EXPECT_NE(errorOpening(rawZip("none.ott", {{"content.xml", "<a/>"}})).find("[partnering.odf.no-mimetype]"),
              std::string::npos);
    for (const char* evil : {"../../etc/cron.d/evil", "/etc/passwd", "Pictures\\..\\x", "a/../../b"}) {
        const auto error = errorOpening(rawZip("evil.ott", {{"mimetype", "application/vnd.oasis.opendocument.text"}, {evil, "x"}}));
        EXPECT_NE(error.find("[partnering.odf.bad-entry-name]"), std::string::npos) << evil << ": " << error;
        EXPECT_NE(error.find(evil), std::string::npos) << error;
    }
    const std::string zeros(8u << 20, '\0');
    const auto bomb = errorOpening(rawZip("bomb.ott", {{"mimetype", "x"}, {"content.xml", zeros}}));
    EXPECT_NE(bomb.find("[partnering.odf.too-large]"), std::string::npos) << bomb;
    EXPECT_NE(bomb.find("content.xml"), std::string::npos) << bomb;
    partnering::odf::PackageLimits small;
    small.maxEntryBytes = 1000;
    const auto big = errorOpening(rawZip("big.ott", {{"mimetype", "x"}, {"content.xml", std::string(5000, 'a')}}), small);
    EXPECT_NE(big.find("[partnering.odf.too-large]"), std::string::npos) << big;
}

TEST_F(OdfPackageTest, FlatOdfBecomesAPackageWithItsPartsAndPictures)
{
    const std::string flat = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta/><office:settings/>
 <office:font-face-decls/><office:styles><style:style style:name="Standard" style:family="paragraph"/></office:styles>
 <office:automatic-styles/><office:master-styles/>
 <office:body><office:text><text:p>Hello<draw:frame draw:name="x"><draw:image><office:binary-data>iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==</office:binary-data></draw:image></draw:frame></text:p></office:text></office:body>
</office:document>)";
    partnering::odf::writePackageFromFlat(flat, "t.fodt", dir_ / "t.ott", partnering::odf::kTextTemplateMimetype);
    const auto package = OdfPackage::open(dir_ / "t.ott");
    EXPECT_EQ(package.mimetype(), partnering::odf::kTextTemplateMimetype);
    EXPECT_EQ(package.entryNames().front(), "mimetype");
    const std::string content = package.read("content.xml");
    EXPECT_NE(content.find("<office:document-content"), std::string::npos);
    EXPECT_NE(content.find("xlink:href=\"Pictures/image1.png\""), std::string::npos) << content;
    EXPECT_EQ(content.find("binary-data"), std::string::npos);
    EXPECT_EQ(content.find("office:styles"), std::string::npos);
    EXPECT_NE(package.read("styles.xml").find("style:name=\"Standard\""), std::string::npos);
    EXPECT_EQ(package.read("Pictures/image1.png").substr(1, 3), "PNG");
    EXPECT_NE(package.read("META-INF/manifest.xml").find("manifest:full-path=\"Pictures/image1.png\" manifest:media-type=\"image/png\""),
              std::string::npos);
    EXPECT_THROW(partnering::odf::writePackageFromFlat("<html/>", "x.fodt", dir_ / "x.ott", partnering::odf::kTextTemplateMimetype),
                 InvalidInput);
    EXPECT_FALSE(fs::exists(dir_ / "x.ott"));
}

} // namespace
