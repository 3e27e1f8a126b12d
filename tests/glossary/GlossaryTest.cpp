#include "glossary/Glossary.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>

#include <set>

using partnering::glossary::Glossary;

namespace {

TEST(Glossary, ReadsTbxBasic)
{
    const auto glossary = Glossary::parse(R"(<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="mou">
  <langSet xml:lang="en">
    <tig><term>memorandum of understanding</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>MoU</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
  </langSet>
  <langSet xml:lang="fr"><ntig><termGrp><term> protocole d'accord </term>
    <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termGrp></ntig></langSet>
</termEntry></body></text></martif>)",
                                          "g.tbx");
    ASSERT_EQ(glossary.concepts().size(), 1u);
    const auto& mou = glossary.concepts()[0];
    EXPECT_EQ(mou.id, "mou");
    ASSERT_EQ(mou.terms.size(), 3u);
    EXPECT_EQ(mou.preferredIn("en")->text, "memorandum of understanding");
    EXPECT_EQ(mou.preferredIn("fr-CA")->text, "protocole d'accord");
    EXPECT_EQ(mou.preferredIn("km"), nullptr);
    EXPECT_FALSE(mou.terms[1].preferred);
}

TEST(Glossary, ReadsTbx2019)
{
    const auto glossary = Glossary::parse(R"(<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" xml:lang="en"><text><body>
<conceptEntry id="c1"><langSec xml:lang="es"><termSec><term>punto focal</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec></conceptEntry>
</body></text></tbx>)",
                                          "g.tbx");
    ASSERT_EQ(glossary.concepts().size(), 1u);
    EXPECT_EQ(glossary.concepts()[0].preferredIn("es")->text, "punto focal");
}

TEST(Glossary, HostileOrBrokenFilesAreInvalidInput)
{
    EXPECT_THROW(Glossary::parse("<martif><text>", "g.tbx"), partnering::InvalidInput);
    EXPECT_THROW(Glossary::parse("<!DOCTYPE martif [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><martif>&x;</martif>", "g.tbx"),
                 partnering::InvalidInput);
    EXPECT_THROW(Glossary::parse("<html/>", "g.tbx"), partnering::InvalidInput);
    EXPECT_THROW(Glossary::parse("<martif><termEntry><langSet xml:lang=\"??\"><tig><term>x</term></tig></langSet></termEntry></martif>", "g.tbx"),
                 partnering::InvalidInput);
    EXPECT_THROW(Glossary::load("/nonexistent.tbx"), partnering::EnvironmentFailure);
}

TEST(Glossary, ShippedGlossaryCoversEveryLanguageWithOnePreferredTerm)
{
    const auto glossary = Glossary::load(PARTNERING_SOURCE_DIR "/index/glossary.tbx");
    EXPECT_GE(glossary.concepts().size(), 80u);
    for (const auto& concept_ : glossary.concepts()) {
        for (const char* language : {"en", "fr", "es", "ar", "km", "zh-Hans"}) {
            std::size_t preferred = 0;
            for (const auto& term : concept_.terms)
                preferred += term.language == language && term.preferred ? 1 : 0;
            EXPECT_EQ(preferred, 1u) << concept_.id << " in " << language;
        }
    }
}

} // namespace
