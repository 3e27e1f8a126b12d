#include "odf/XmlScan.hpp"

#include <gtest/gtest.h>

using partnering::odf::decodeXmlText;

namespace {

TEST(DecodeXmlText, DecodesThePredefinedEntitiesAndCharacterReferences)
{
    EXPECT_EQ(decodeXmlText("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;"), "a & b <c> \"d\" 'e'");
    EXPECT_EQ(decodeXmlText("caf&#233; &#x4E2D;&#x6587; &#x1F91D;"), "caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\xA4\x9D");
    EXPECT_EQ(decodeXmlText("no references"), "no references");
}

// Between two tags there may be a comment or a CDATA section, which libxml2 does not check:
// a reference there that names no character is kept as written, never thrown over.
TEST(DecodeXmlText, KeepsReferencesThatNameNoCharacterAsWritten)
{
    for (const char* raw : {"<!-- &#x; -->", "<!-- &#; -->", "<![CDATA[&#zz;]]>", "&#99999999999999999999;",
                            "&#x110000;", "&#xD800;", "&#0;", "&#12a;", "&#-1;", "&#x;", "&unknown;"})
        EXPECT_EQ(decodeXmlText(raw), raw) << raw;
    EXPECT_EQ(decodeXmlText("&#x; then &#233;"), "&#x; then \xC3\xA9");
    EXPECT_EQ(decodeXmlText("a lone & and no semicolon"), "a lone & and no semicolon");
}

} // namespace
