#include "xml/XmlDocument.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using partnering::InvalidInput;
using partnering::xml::parse;

namespace {

// Runs `parse` and returns the error it throws (or fails the test).
InvalidInput parseError(std::string_view text, partnering::xml::ParseLimits limits = {})
{
    try {
        parse(text, "input.xml", limits);
    } catch (const InvalidInput& e) {
        return e;
    }
    ADD_FAILURE() << "parse accepted: " << text;
    return InvalidInput("none", "none");
}

TEST(XmlDocument, ParsesWellFormedDocument)
{
    const auto doc = parse(R"(<?xml version="1.0"?><a xmlns="urn:t"><b k="v">x &amp; y</b></a>)", "ok.xml");
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    ASSERT_TRUE(partnering::xml::isElement(root, "urn:t", "a"));
    const xmlNode* b = xmlFirstElementChild(const_cast<xmlNode*>(root));
    EXPECT_TRUE(partnering::xml::isElement(b, "urn:t", "b"));
    EXPECT_FALSE(partnering::xml::isElement(b, nullptr, "b"));
    EXPECT_EQ(partnering::xml::textOf(b), "x & y");
    EXPECT_EQ(partnering::xml::attribute(b, "k"), "v");
    EXPECT_EQ(partnering::xml::attribute(b, "missing"), "");
}

// libxml2 writes namespace URIs unescaped; a URI holding '<', '&' or both quotes (a damaged
// template's) must still come out as XML that reads back to the same URIs, and the document
// keeps its own.
TEST(XmlDocument, SerializesNamespaceUrisThatNeedEscapingAsReadableXml)
{
    const auto hrefs = [](xmlDoc* doc) {
        std::vector<std::string> found;
        xmlNode* root = xmlDocGetRootElement(doc);
        for (const xmlNode* node : {root, xmlFirstElementChild(root)})
            for (const xmlNs* ns = node->nsDef; ns != nullptr; ns = ns->next)
                found.emplace_back(reinterpret_cast<const char*>(ns->href));
        return found;
    };
    const auto doc = parse(R"(<a xmlns:x="urn:x&lt;y&amp;z" xmlns:q="urn:&quot;'"><b xmlns:y="&lt;deep&gt;" x:k="v"/></a>)",
                           "ns.xml");
    const auto before = hrefs(doc.get());
    ASSERT_EQ(before.size(), 3u);
    EXPECT_EQ(before[2], "<deep>");

    const std::string written = partnering::xml::serialize(doc.get());
    const auto again = parse(written, "written.xml");
    EXPECT_EQ(hrefs(again.get()), before) << written;
    EXPECT_EQ(hrefs(doc.get()), before) << "the document keeps its own URIs";
    EXPECT_EQ(partnering::xml::serialize(again.get()), written) << "written again, the same bytes";
}

TEST(XmlDocument, MalformedInputNamesSourceLineAndReason)
{
    const auto error = parseError("<a>\n<b>\n</a>");
    EXPECT_EQ(error.id(), "partnering.xml.malformed");
    EXPECT_NE(std::string(error.what()).find("input.xml:3:"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("mismatch"), std::string::npos) << error.what();
}

TEST(XmlDocument, RejectsInvalidUtf8)
{
    const auto error = parseError("<a>caf\xC3</a>");
    EXPECT_EQ(error.id(), "partnering.xml.malformed");
    EXPECT_NE(std::string(error.what()).find("UTF-8"), std::string::npos) << error.what();
}

TEST(XmlDocument, RejectsExternalEntityWithoutReadingIt)
{
    const auto error = parseError("<?xml version=\"1.0\"?>\n<!DOCTYPE a [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n<a>&x;</a>");
    EXPECT_EQ(error.id(), "partnering.xml.entity-declared");
    EXPECT_NE(std::string(error.what()).find("input.xml:3"), std::string::npos) << error.what();
}

TEST(XmlDocument, RejectsEntityExpansionBomb)
{
    std::string bomb = "<!DOCTYPE lolz [<!ENTITY lol \"lol\">";
    for (int i = 1; i < 10; ++i)
        bomb += "<!ENTITY lol" + std::to_string(i) + " \"&lol" + (i > 1 ? std::to_string(i - 1) : "") + ";&lol"
                + (i > 1 ? std::to_string(i - 1) : "") + ";\">";
    bomb += "]><lolz>&lol9;</lolz>";
    EXPECT_EQ(parseError(bomb).id(), "partnering.xml.entity-declared");
}

TEST(XmlDocument, RejectsParameterEntities)
{
    EXPECT_EQ(parseError("<!DOCTYPE a [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/x\"> %p;]><a/>").id(),
              "partnering.xml.entity-declared");
}

TEST(XmlDocument, UndeclaredEntityIsMalformed)
{
    EXPECT_EQ(parseError("<a>&nbsp;</a>").id(), "partnering.xml.malformed");
}

TEST(XmlDocument, ExternalDtdIsNeverFetched)
{
    // A DOCTYPE naming an unreachable DTD parses: the DTD is neither loaded nor needed.
    const auto doc = parse("<!DOCTYPE martif SYSTEM \"http://127.0.0.1:9/TBXcoreStructV02.dtd\"><martif/>", "tbx");
    EXPECT_NE(doc, nullptr);
}

TEST(XmlDocument, RejectsInputOverTheLimit)
{
    EXPECT_EQ(parseError("<a>0123456789</a>", {.maxBytes = 8}).id(), "partnering.xml.too-large");
}

TEST(XmlDocument, PrintsNothingOnErrors)
{
    testing::internal::CaptureStderr();
    EXPECT_THROW(parse("<a><b></a>", "quiet.xml"), InvalidInput);
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

TEST(XmlDocument, ABadEncodingIsToldInTheMessageNotOnStderr)
{
    // libxml2 reports an encoding's failed conversion to its generic handler (stderr), not to
    // the parser: "encoding error : input conversion failed..." and "I/O error : encoder error".
    const std::string text = "<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?>\n<a>\x1b$B\x80\x81\xe2\x80\x9c</a>";
    const xmlGenericErrorFunc callers = xmlGenericError;
    for (const bool scanning : {false, true}) {
        SCOPED_TRACE(scanning ? "scan" : "parse");
        testing::internal::CaptureStderr();
        std::string message;
        try {
            if (scanning)
                partnering::xml::scan(text, "input.xml", {nullptr, nullptr, nullptr});
            else
                parse(text, "input.xml");
        } catch (const InvalidInput& e) {
            message = e.what();
        }
        EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
        EXPECT_NE(message.find("[partnering.xml.malformed] input.xml:"), std::string::npos) << message;
        EXPECT_NE(message.find("conversion failed"), std::string::npos) << message;
    }
    EXPECT_EQ(xmlGenericError, callers) << "the thread's generic handler is the caller's again";
}

TEST(XmlDocument, MissingFileIsAnEnvironmentFailure)
{
    EXPECT_THROW(partnering::xml::parseFile("/nonexistent/lesson.xml"), partnering::EnvironmentFailure);
}

TEST(XmlDocument, ParseFileNamesThePath)
{
    const auto path = std::filesystem::temp_directory_path() / "partnering-xml-test-broken.xml";
    std::ofstream(path) << "<a>\n\n<b></a>";
    try {
        partnering::xml::parseFile(path.string());
        FAIL() << "accepted a broken file";
    } catch (const InvalidInput& e) {
        EXPECT_NE(std::string(e.what()).find(path.string() + ":3:"), std::string::npos) << e.what();
    }
    std::filesystem::remove(path);
}

} // namespace

namespace {

void countStart(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*, int, const xmlChar**, int, int, const xmlChar**)
{
    ++*static_cast<int*>(partnering::xml::userOf(ctx));
}

std::string scanErrorId(std::string_view text)
{
    int elements = 0;
    try {
        partnering::xml::scan(text, "input.xml", {countStart, nullptr, &elements});
    } catch (const InvalidInput& e) {
        return e.id();
    }
    return "accepted";
}

TEST(XmlDocument, AScanMakesTheSameChecksAsAParseWithoutATree)
{
    int elements = 0;
    partnering::xml::scan(R"(<a xmlns="urn:t"><b k="v">x</b><c/></a>)", "ok.xml", {countStart, nullptr, &elements});
    EXPECT_EQ(elements, 3);

    std::string bomb = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;\">]><lolz>&lol1;</lolz>";
    for (const std::string& hostile :
         {std::string("<?xml version=\"1.0\"?>\n<!DOCTYPE a [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n<a>&x;</a>"), bomb,
          std::string("<!DOCTYPE a [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/x\"> %p;]><a/>"), std::string("<a>&nbsp;</a>"),
          std::string("<a>\n<b>\n</a>"), std::string("  "), std::string("<a>caf\xC3</a>")}) {
        SCOPED_TRACE(hostile);
        EXPECT_EQ(scanErrorId(hostile), parseError(hostile).id());
    }
}

} // namespace
