#include "fill/DraftPackage.hpp"

#include "error/Error.hpp"
#include "support/ScratchDir.hpp"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <ostream>

using nlohmann::json;
using partnering::Error;
using partnering::fill::DraftLayout;
using partnering::fill::DraftPackage;
using partnering::journey::AgreementAnswers;
using partnering::odf::OdfPackage;

namespace {

const std::string kMetaHead = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3">)";
const std::string kMetaTail = "</office:document-meta>";

std::string property(const std::string& name, const std::string& value)
{
    return "<meta:user-defined meta:name=\"" + name + "\" meta:value-type=\"string\">" + value + "</meta:user-defined>";
}

std::size_t occurrences(const std::string& text, const std::string& part)
{
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++count;
    return count;
}

using Entries = std::map<std::string, std::string>;

class DraftPackageTest : public partnering::testing::ScratchDirTest {
protected:
    OdfPackage packageOf(const Entries& entries, const std::string& name = "t.ott")
    {
        partnering::odf::PackageWriter writer(dir_ / name, partnering::odf::kTextTemplateMimetype);
        writer.add("content.xml", "<x/>");
        for (const auto& [entry, bytes] : entries)
            writer.add(entry, bytes);
        writer.commit();
        return OdfPackage::open(dir_ / name);
    }

    static AgreementAnswers answers(json value)
    {
        value["language"] = "en";
        return AgreementAnswers::fromJson(std::move(value), "test answers");
    }
};

TEST(DraftPackageNames, AreTheOnesTheExtensionAndTheTestsInLibreOfficeRelyOn)
{
    EXPECT_EQ(partnering::fill::kAnswersProperty, "partnering-answers");
    EXPECT_EQ(partnering::fill::kLayoutProperty, "partnering-layout");
    EXPECT_EQ(partnering::fill::kBookmarkPrefix, "partnering-");
    EXPECT_EQ(partnering::fill::kMapFrameName, "stakeholder-map");
    EXPECT_EQ(partnering::fill::kMapPicture, "Pictures/stakeholder-map.svg");
}

// ---- The layout property.

struct LayoutText {
    const char* what;
    std::string text;
    std::optional<DraftLayout> layout;
};

void PrintTo(const LayoutText& row, std::ostream* os)
{
    *os << row.what;
}

const LayoutText kLayouts[] = {
    {"a layout", R"({"template":"agreement","language":"fr","shape":"1,0"})", DraftLayout{"agreement", "fr", "1,0"}},
    {"members in any order", R"({"shape":"2,","language":"en","template":"mou"})", DraftLayout{"mou", "en", "2,"}},
    {"a shape alone", R"({"shape":""})", DraftLayout{"", "", ""}},
    {"members that are not text read as empty", R"({"template":3,"language":null,"shape":"1"})", DraftLayout{"", "", "1"}},
    {"no shape", R"({"template":"agreement","language":"en"})", std::nullopt},
    {"not an object", R"(["shape"])", std::nullopt},
    {"not JSON", "{shape", std::nullopt},
    {"nothing", "", std::nullopt},
};

class DraftLayoutParse : public ::testing::TestWithParam<LayoutText> {};

TEST_P(DraftLayoutParse, ReadsTheLayoutOrNone)
{
    EXPECT_EQ(DraftLayout::parse(GetParam().text), GetParam().layout);
}

INSTANTIATE_TEST_SUITE_P(Table, DraftLayoutParse, ::testing::ValuesIn(kLayouts));

TEST(DraftLayoutJson, IsOneObjectWithSortedMembersThatReadsBack)
{
    const DraftLayout layout{"agreement", "en", "2,1"};
    EXPECT_EQ(layout.toJson(), R"({"language":"en","shape":"2,1","template":"agreement"})");
    EXPECT_EQ(DraftLayout::parse(layout.toJson()), layout);
    const DraftLayout quoted{"a \"b\"", "zh-CN", ""};
    EXPECT_EQ(DraftLayout::parse(quoted.toJson()), quoted);
}

// ---- meta.xml.

struct MetaCase {
    const char* what;
    std::optional<std::string> templateMeta; // none: the template has no meta.xml
    std::vector<std::string> kept;           // found once in the draft's meta.xml
    std::vector<std::string> dropped;        // not found there
    std::string errorId;                     // when the template is refused
};

void PrintTo(const MetaCase& row, std::ostream* os)
{
    *os << row.what;
}

const MetaCase kMetas[] = {
    {"no meta.xml", std::nullopt, {"<office:meta>"}, {}, ""},
    {"the template's own properties stay",
     kMetaHead + "<office:meta><meta:generator>LibreOffice</meta:generator>" + property("Client", "UNICEF")
         + "</office:meta>" + kMetaTail,
     {"<meta:generator>LibreOffice</meta:generator>", property("Client", "UNICEF")}, {}, ""},
    {"what a previous fill left goes",
     kMetaHead + "<office:meta>" + property("partnering-answers", "OLD-ANSWERS") + property("Client", "UNICEF")
         + property("partnering-layout", "OLD-LAYOUT") + "</office:meta>" + kMetaTail,
     {property("Client", "UNICEF")}, {"OLD-ANSWERS", "OLD-LAYOUT"}, ""},
    {"no office:meta", kMetaHead + kMetaTail, {"<office:meta>"}, {}, ""},
    {"a root outside the office namespace", "<meta/>", {}, {}, "partnering.fill.bad-meta"},
    {"not XML", kMetaHead + "<office:meta>", {}, {}, "partnering.xml.malformed"},
};

class DraftPackageMeta : public DraftPackageTest, public ::testing::WithParamInterface<MetaCase> {};

TEST_P(DraftPackageMeta, HoldsTheAnswersAndLayoutOnceBesideWhatTheTemplateKeeps)
{
    const MetaCase& row = GetParam();
    Entries entries;
    if (row.templateMeta)
        entries["meta.xml"] = *row.templateMeta;
    auto package = packageOf(entries);
    if (!row.errorId.empty()) {
        try {
            DraftPackage draft(std::move(package), false);
            FAIL() << "accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.id(), row.errorId) << e.what();
            EXPECT_NE(e.reason().find("t.ott"), std::string::npos) << e.what();
        }
        return;
    }
    const DraftPackage draft(std::move(package), false);
    const std::string meta = draft.meta(R"({"a":"<&>"})", "LAYOUT");
    EXPECT_EQ(occurrences(meta, property("partnering-answers", "{&quot;a&quot;:&quot;&lt;&amp;&gt;&quot;}")), 1u) << meta;
    EXPECT_EQ(occurrences(meta, property("partnering-layout", "LAYOUT")), 1u) << meta;
    EXPECT_EQ(occurrences(meta, "partnering-answers"), 1u) << meta;
    EXPECT_EQ(occurrences(meta, "partnering-layout"), 1u) << meta;
    for (const auto& part : row.kept)
        EXPECT_EQ(occurrences(meta, part), 1u) << part << "\n" << meta;
    for (const auto& part : row.dropped)
        EXPECT_EQ(occurrences(meta, part), 0u) << part << "\n" << meta;
    EXPECT_EQ(occurrences(draft.meta("A", "B"), "@@"), 0u) << "no slot is left";
}

INSTANTIATE_TEST_SUITE_P(Table, DraftPackageMeta, ::testing::ValuesIn(kMetas));

// ---- The entries and the manifest.

const std::string kManifestHead = R"(<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">)";

std::string manifestEntry(const std::string& path, const std::string& type)
{
    return "<manifest:file-entry manifest:full-path=\"" + path + "\" manifest:media-type=\"" + type + "\"/>";
}

TEST_F(DraftPackageTest, CopiesTheTemplatesEntriesButThumbnailsAndAnOldMapAndListsThemInTheManifest)
{
    const Entries entries{
        {"styles.xml", "<x/>"},
        {"Pictures/logo.png", "png"},
        {"Pictures/chart.bin", "bin"},
        {"Thumbnails/thumbnail.png", "png"},
        {"Pictures/stakeholder-map.svg", "<svg/>"},
        {"META-INF/manifest.xml", kManifestHead + manifestEntry("Pictures/logo.png", "image/png") + "</manifest:manifest>"},
    };
    for (const bool drawsMap : {false, true}) {
        const DraftPackage draft(packageOf(entries), drawsMap);
        EXPECT_EQ(draft.copiedEntries(),
                  (std::vector<std::string>{"Pictures/chart.bin", "Pictures/logo.png", "styles.xml"}));
        const std::string& manifest = draft.manifest();
        for (const auto& [path, type] : std::vector<std::pair<std::string, std::string>>{
                 {"content.xml", "text/xml"},
                 {"meta.xml", "text/xml"},
                 {"styles.xml", "text/xml"},
                 {"Pictures/logo.png", "image/png"},
                 {"Pictures/chart.bin", "application/octet-stream"}})
            EXPECT_NE(manifest.find("manifest:full-path=\"" + path + "\" manifest:media-type=\"" + type + "\""),
                      std::string::npos)
                << path << "\n" << manifest;
        EXPECT_NE(manifest.find("manifest:media-type=\"application/vnd.oasis.opendocument.text\""), std::string::npos);
        EXPECT_EQ(manifest.find("Thumbnails"), std::string::npos);
        EXPECT_EQ(occurrences(manifest, "Pictures/stakeholder-map.svg"), drawsMap ? 1u : 0u) << manifest;
    }
}

TEST_F(DraftPackageTest, AnEncryptedTemplateIsRefused)
{
    const Entries entries{{"META-INF/manifest.xml",
                           kManifestHead + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">"
                               + "<manifest:encryption-data/></manifest:file-entry></manifest:manifest>"}};
    try {
        DraftPackage draft(packageOf(entries), false);
        FAIL() << "accepted";
    } catch (const partnering::InvalidInput& e) {
        EXPECT_EQ(e.id(), "partnering.fill.encrypted");
    }
}

// ---- Writing a draft and reading its answers back.

TEST_F(DraftPackageTest, TheDraftWrittenHoldsTheContentTheAnswersTheLayoutAndTheMap)
{
    for (const bool drawsMap : {false, true}) {
        const DraftPackage draft(packageOf({{"styles.xml", "<styles/>"}}), drawsMap);
        const auto given = answers({{"partnership", {{"name", "Alliance <&>"}}}});
        const auto out = dir_ / (drawsMap ? "map.odt" : "plain.odt");
        draft.write(out, "<content/>", given, DraftLayout{"t", "en", "1"}, "<svg/>");
        const auto written = OdfPackage::open(out);
        EXPECT_EQ(written.mimetype(), partnering::odf::kTextMimetype);
        EXPECT_EQ(written.read("content.xml"), "<content/>");
        EXPECT_EQ(written.read("styles.xml"), "<styles/>");
        EXPECT_EQ(written.read("META-INF/manifest.xml"), draft.manifest());
        EXPECT_EQ(written.contains("Pictures/stakeholder-map.svg"), drawsMap);
        EXPECT_NE(written.read("meta.xml").find(property("partnering-layout", "{&quot;language&quot;:&quot;en&quot;,&quot;shape&quot;:&quot;1&quot;,&quot;template&quot;:&quot;t&quot;}")),
                  std::string::npos);
        const auto stored = partnering::fill::storedAnswers(written);
        ASSERT_TRUE(stored.has_value());
        EXPECT_EQ(stored->json(), given.json());
    }
}

TEST_F(DraftPackageTest, TheAnswersAreStoredWhereTheyAreReadEvenWhenTheTemplateBindsMetaElsewhere)
{
    // Found by the template fuzz target: "meta" bound to another namespace in the template's
    // meta.xml put the answers in office's namespace, and the draft read back held none.
    for (const char* root :
         {R"(<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn@oasis:names:tc:opendocument:xmlns:meta:1.0">)",
          R"(<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:x" xmlns:meta1="urn:y">)"}) {
        const std::string templateMeta = std::string(root) + "<office:meta><meta:generator>kept</meta:generator></office:meta>" + kMetaTail;
        const DraftPackage draft(packageOf({{"meta.xml", templateMeta}}), false);
        const auto given = answers({{"partnership", {{"name", "Alliance"}}}});
        const auto out = dir_ / "d.odt";
        draft.write(out, "<content/>", given, DraftLayout{"t", "en", "1"}, "");
        const auto written = OdfPackage::open(out);
        const auto stored = partnering::fill::storedAnswers(written);
        ASSERT_TRUE(stored.has_value()) << written.read("meta.xml");
        EXPECT_EQ(stored->json(), given.json());
        EXPECT_EQ(occurrences(written.read("meta.xml"), "<meta:generator>kept</meta:generator>"), 1u)
            << "the template's own element keeps its prefix and namespace";
    }
}

struct StoredCase {
    const char* what;
    std::optional<std::string> meta;
    std::optional<json> answers; // what storedAnswers() finds
    std::string errorId;
};

void PrintTo(const StoredCase& row, std::ostream* os)
{
    *os << row.what;
}

const StoredCase kStored[] = {
    {"no meta.xml", std::nullopt, std::nullopt, ""},
    {"no answers property", kMetaHead + "<office:meta>" + property("Client", "x") + "</office:meta>" + kMetaTail,
     std::nullopt, ""},
    {"answers", kMetaHead + "<office:meta>" + property("partnering-answers", R"({"language":"fr"})") + "</office:meta>" + kMetaTail,
     json{{"language", "fr"}}, ""},
    {"answers that are not JSON", kMetaHead + "<office:meta>" + property("partnering-answers", "{oops") + "</office:meta>" + kMetaTail,
     std::nullopt, "partnering.answers.not-json"},
    {"answers the schema refuses",
     kMetaHead + "<office:meta>" + property("partnering-answers", R"({"language":"fr","partners":"x"})") + "</office:meta>"
         + kMetaTail,
     std::nullopt, "partnering.answers.invalid"},
};

class StoredAnswers : public DraftPackageTest, public ::testing::WithParamInterface<StoredCase> {};

TEST_P(StoredAnswers, AreReadFromTheAnswersProperty)
{
    const StoredCase& row = GetParam();
    Entries entries;
    if (row.meta)
        entries["meta.xml"] = *row.meta;
    const auto document = packageOf(entries, "d.odt");
    if (!row.errorId.empty()) {
        try {
            partnering::fill::storedAnswers(document);
            FAIL() << "accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.id(), row.errorId) << e.what();
            EXPECT_NE(e.reason().find("partnering-answers"), std::string::npos) << "names the property: " << e.what();
        }
        return;
    }
    const auto stored = partnering::fill::storedAnswers(document);
    ASSERT_EQ(stored.has_value(), row.answers.has_value());
    if (stored) {
        EXPECT_EQ(stored->json(), *row.answers);
    }
}

INSTANTIATE_TEST_SUITE_P(Table, StoredAnswers, ::testing::ValuesIn(kStored));

} // namespace
