#include "lessons/LessonIndex.hpp"
#include "lessons/LessonSearch.hpp"

#include "LessonLibrary.hpp"
#include "error/Error.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <xapian.h>

#include <algorithm>
#include <unistd.h>

using namespace partnering::lessons;
using partnering::lessons::fixtures::LessonLibrary;

namespace {

std::vector<std::string> idsFor(const LessonLibrary& library, const std::string& query, SearchRequest request = {})
{
    request.query = query;
    request.limit = 100;
    std::vector<std::string> ids;
    for (const auto& hit : LessonSearch::openLocal(library.index()).search(request).hits)
        ids.push_back(hit.id);
    return ids;
}

BuildReport build(const LessonLibrary& library, std::optional<std::filesystem::path> glossary = std::nullopt)
{
    return LessonIndex(library.index()).build({library.lessons()}, glossary);
}

TEST(LessonIndex, LargeBuildsFlushXapianEveryThousandTextsUnlessTheUserSaidOtherwise)
{
    const char* before = std::getenv("XAPIAN_FLUSH_THRESHOLD");
    const std::string saved = before != nullptr ? before : "";
    ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
    tuneForLargeBuilds();
    EXPECT_STREQ(std::getenv("XAPIAN_FLUSH_THRESHOLD"), "1000");
    ::setenv("XAPIAN_FLUSH_THRESHOLD", "500", 1);
    tuneForLargeBuilds();
    EXPECT_STREQ(std::getenv("XAPIAN_FLUSH_THRESHOLD"), "500");
    if (before != nullptr)
        ::setenv("XAPIAN_FLUSH_THRESHOLD", saved.c_str(), 1);
    else
        ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
}

TEST(LessonIndex, IndexesEveryLanguageOfALesson)
{
    LessonLibrary library;
    library.write("exit", {{"en", "Plan your exit", "An exit strategy ends a partnership well."},
                           {"fr", "Préparer la sortie", "Une stratégie de sortie termine bien un partenariat."}},
                  "6 7");
    const auto report = build(library);
    EXPECT_EQ(report.added, 1u);
    EXPECT_EQ(report.texts, 2u);
    EXPECT_TRUE(report.rejected.empty());
    EXPECT_EQ(LessonSearch::openLocal(library.index()).lessonCount(), 1u);
    EXPECT_EQ(idsFor(library, "stratégie"), std::vector<std::string>{"exit"});
    EXPECT_EQ(idsFor(library, "strategy"), std::vector<std::string>{"exit"});
}

TEST(LessonIndex, AWordOnlyInTheAdviceFindsTheLessonAndStaysApartFromTheSource)
{
    LessonLibrary library;
    library.write("exit",
                  {{"en", "Plan your exit", "An exit strategy ends a partnership well.", "",
                    "Rehearse the handover with the ministry a year ahead."},
                   {"fr", "Préparer la sortie", "Une stratégie de sortie termine bien un partenariat.", "",
                    "Répétez la passation avec le ministère un an avant."}});
    library.write("other", {{"en", "Map stakeholders", "Know who matters to the partnership."}});
    build(library);
    EXPECT_EQ(idsFor(library, "rehearse"), std::vector<std::string>{"exit"});
    EXPECT_EQ(idsFor(library, "handover ministry"), std::vector<std::string>{"exit"});

    const auto search = LessonSearch::openLocal(library.index());
    SearchRequest request;
    request.query = "passation";
    const auto results = search.search(request);
    ASSERT_EQ(results.hits.size(), 1u);
    const SearchHit& hit = results.hits[0];
    EXPECT_EQ(hit.language, "fr") << "found through French advice: shown in French";
    EXPECT_TRUE(hit.snippet.hits.empty()) << hit.snippet.text;
    EXPECT_EQ(hit.snippet.text.find("passation"), std::string::npos) << "the source's snippet holds no advice";
    EXPECT_EQ(hit.adviceSnippet.text, "Répétez la passation avec le ministère un an avant.");
    ASSERT_EQ(hit.adviceSnippet.hits.size(), 1u);
    EXPECT_EQ(hit.adviceSnippet.text.substr(hit.adviceSnippet.hits[0].first,
                                            hit.adviceSnippet.hits[0].second - hit.adviceSnippet.hits[0].first),
              "passation");
    EXPECT_NE(std::find(hit.marked.words.begin(), hit.marked.words.end(), "passation"), hit.marked.words.end());

    // The whole lesson comes back with its advice apart from its body.
    const auto lesson = search.lesson("exit");
    ASSERT_TRUE(lesson.has_value());
    EXPECT_EQ(lesson->texts[0].paragraphs, std::vector<std::string>{"An exit strategy ends a partnership well."});
    EXPECT_EQ(lesson->texts[0].advice, std::vector<std::string>{"Rehearse the handover with the ministry a year ahead."});
    EXPECT_TRUE(search.lesson("other")->texts[0].advice.empty());

    request.query = "exit";
    const auto bodyHit = search.search(request).hits.at(0);
    EXPECT_FALSE(bodyHit.snippet.hits.empty());
    EXPECT_TRUE(bodyHit.adviceSnippet.hits.empty());
    EXPECT_EQ(bodyHit.adviceSnippet.text, "Rehearse the handover with the ministry a year ahead.");
}

TEST(LessonIndex, IncrementalUpdateAddsChangesAndRemovesFiles)
{
    LessonLibrary library;
    library.write("alpha", {{"en", "Alpha", "Governance committees meet monthly."}});
    const auto beta = library.write("beta", {{"en", "Beta", "Trust grows slowly."}});
    EXPECT_EQ(build(library).added, 2u);

    // Nothing changed: nothing is re-read.
    auto report = build(library);
    EXPECT_EQ(report.added + report.updated + report.removed, 0u);
    EXPECT_EQ(report.unchanged, 2u);

    // Change one, add one, delete one.
    library.write("alpha", {{"en", "Alpha", "Dispute resolution needs a mediator."}});
    library.write("gamma", {{"en", "Gamma", "Focal points coordinate."}});
    std::filesystem::remove(beta);
    report = build(library);
    EXPECT_EQ(report.updated, 1u);
    EXPECT_EQ(report.added, 1u);
    EXPECT_EQ(report.removed, 1u);
    EXPECT_EQ(report.unchanged, 0u);
    EXPECT_TRUE(idsFor(library, "governance").empty()); // the old text of alpha is gone
    EXPECT_EQ(idsFor(library, "mediator"), std::vector<std::string>{"alpha"});
    EXPECT_TRUE(idsFor(library, "trust").empty());
    EXPECT_EQ(idsFor(library, "focal"), std::vector<std::string>{"gamma"});
    EXPECT_EQ(LessonSearch::openLocal(library.index()).lessonCount(), 2u);
}

// The spelling corrector ranks words by the number of texts that hold them: a build keeps that
// count exact as texts are added, changed and removed, and forgets words no text holds.
TEST(LessonIndex, SpellingFrequenciesFollowTheTexts)
{
    LessonLibrary library;
    library.write("alpha", {{"en", "Alpha", "A mediator helps. The mediator listens."}});
    const auto beta = library.write("beta", {{"en", "Beta", "Mediator and arbitration."}, {"fr", "Beta", "Médiateur et arbitration."}});
    library.write("gamma", {{"en", "Gamma", "Trust grows slowly."}});
    build(library);
    auto frequency = [&](const std::string& word) {
        const Xapian::Database db(library.index().string());
        auto it = db.spellings_begin();
        it.skip_to(word);
        return it != db.spellings_end() && *it == word ? it.get_termfreq() : 0u;
    };
    EXPECT_EQ(frequency("mediator"), 2u); // texts, not occurrences
    EXPECT_EQ(frequency("arbitration"), 2u);
    EXPECT_EQ(frequency("trust"), 1u);

    library.write("alpha", {{"en", "Alpha", "An arbitration panel decides."}});
    std::filesystem::remove(beta);
    library.write("gamma", {{"en", "Gamma", "Trust grows slowly, then quickly."}});
    build(library);
    EXPECT_EQ(frequency("mediator"), 0u);
    EXPECT_EQ(frequency("arbitration"), 1u);
    EXPECT_EQ(frequency("trust"), 1u); // a changed text that keeps the word counts it once
    EXPECT_EQ(frequency("quickly"), 1u);
    EXPECT_EQ(frequency("panel"), 1u);
}

// A text's terms hold its words folded ("mediateur" for "médiateur") beside the words: the
// folded forms leave with the text, and the spelling of a text that wrote them stays.
TEST(LessonIndex, AFoldedFormLeavesTheSpellingOfATextThatWroteItAlone)
{
    LessonLibrary library;
    const auto accented = library.write("accented", {{"fr", "Accents", "Le médiateur écoute. Une stratégie claire."}});
    library.write("plain", {{"fr", "Sans accents", "Le mediateur sans accent; la strategie aussi."}});
    build(library);
    const auto frequency = [&](const std::string& word) {
        const Xapian::Database db(library.index().string());
        auto it = db.spellings_begin();
        it.skip_to(word);
        return it != db.spellings_end() && *it == word ? it.get_termfreq() : 0u;
    };
    EXPECT_EQ(frequency("médiateur"), 1u);
    EXPECT_EQ(frequency("mediateur"), 1u);
    EXPECT_EQ(frequency("strategie"), 1u);

    std::filesystem::remove(accented);
    build(library);
    EXPECT_EQ(frequency("médiateur"), 0u);
    EXPECT_EQ(frequency("mediateur"), 1u);
    EXPECT_EQ(frequency("strategie"), 1u);
    EXPECT_EQ(frequency("claire"), 0u);
}

TEST(LessonIndex, ALanguageDroppedFromALessonLeavesTheIndex)
{
    LessonLibrary library;
    library.write("exit", {{"en", "Exit", "exit strategy"}, {"es", "Salida", "estrategia de salida"}});
    build(library);
    EXPECT_EQ(idsFor(library, "salida"), std::vector<std::string>{"exit"});
    library.write("exit", {{"en", "Exit", "exit strategy now"}});
    build(library);
    EXPECT_TRUE(idsFor(library, "salida").empty());
    EXPECT_EQ(idsFor(library, "exit"), std::vector<std::string>{"exit"});
}

TEST(LessonIndex, ALessonMayMoveToAnotherFile)
{
    LessonLibrary library;
    const auto old = library.write("trust", {{"en", "Trust", "Build trust first."}});
    build(library);
    std::filesystem::remove(old);
    library.write("trust", {{"en", "Trust", "Build trust first, then rules."}}, "", {}, "moved/trust-lesson.xml");
    const auto report = build(library);
    EXPECT_EQ(report.removed, 1u);
    EXPECT_EQ(report.added, 1u);
    EXPECT_TRUE(report.rejected.empty());
    EXPECT_EQ(idsFor(library, "rules"), std::vector<std::string>{"trust"});
}

TEST(LessonIndex, BadFilesAreReportedAndTheOthersIndexed)
{
    LessonLibrary library;
    library.write("good", {{"en", "Good", "Accountability matters."}});
    library.writeRaw("broken.xml", "<lesson xmlns=\"urn:x-partnering:lesson:1\" id=\"broken\">\n<text>");
    library.writeRaw("bomb.xml", "<!DOCTYPE l [<!ENTITY a \"a\"><!ENTITY b \"&a;&a;\">]><l>&b;</l>");
    library.write("step-nine", {{"en", "Nine", "Text"}}, "9");
    library.write("good", {{"en", "Again", "Same id, other file."}}, "", {}, "zz-duplicate.xml");
    const auto report = build(library);
    EXPECT_EQ(report.added, 1u);
    ASSERT_EQ(report.rejected.size(), 4u);
    auto rejected = [&](const std::string& file) -> std::string {
        for (const auto& r : report.rejected)
            if (std::filesystem::path(r.path).filename() == file)
                return r.message;
        return "not rejected";
    };
    EXPECT_NE(rejected("broken.xml").find("[partnering.xml.malformed]"), std::string::npos) << rejected("broken.xml");
    EXPECT_NE(rejected("broken.xml").find("broken.xml:2:"), std::string::npos);
    EXPECT_NE(rejected("bomb.xml").find("[partnering.xml.entity-declared]"), std::string::npos);
    EXPECT_NE(rejected("step-nine.xml").find("[partnering.lessons.unknown-step]"), std::string::npos);
    EXPECT_NE(rejected("zz-duplicate.xml").find("[partnering.lessons.duplicate-id]"), std::string::npos);
    EXPECT_NE(rejected("zz-duplicate.xml").find("good.xml"), std::string::npos); // names the owner
    EXPECT_EQ(idsFor(library, "accountability"), std::vector<std::string>{"good"});
}

TEST(LessonIndex, ABrokenEditKeepsThePreviousVersionSearchable)
{
    LessonLibrary library;
    library.write("exit", {{"en", "Exit", "exit strategy"}});
    build(library);
    library.writeRaw("exit.xml", "<lesson xmlns=\"urn:x-partnering:lesson:1\" id=\"exit\"><oops");
    const auto report = build(library);
    ASSERT_EQ(report.rejected.size(), 1u);
    EXPECT_TRUE(report.rejected[0].keptPrevious);
    EXPECT_EQ(idsFor(library, "strategy"), std::vector<std::string>{"exit"});
    // Fixed later: picked up although the bad version was never indexed.
    library.write("exit", {{"en", "Exit", "exit plan"}});
    EXPECT_EQ(build(library).updated, 1u);
    EXPECT_EQ(idsFor(library, "plan"), std::vector<std::string>{"exit"});
}

TEST(LessonIndex, MissingInputIsReported)
{
    LessonLibrary library;
    const auto report = LessonIndex(library.index()).build({library.root() / "nowhere"});
    ASSERT_EQ(report.rejected.size(), 1u);
    EXPECT_NE(report.rejected[0].message.find("[partnering.lessons.missing-input]"), std::string::npos);
}

TEST(LessonIndex, OneWriterAtATime)
{
    LessonLibrary library;
    LessonIndex first(library.index());
    try {
        LessonIndex second(library.index());
        FAIL() << "two writers";
    } catch (const partnering::EnvironmentFailure& e) {
        EXPECT_EQ(e.id(), "partnering.lessons.index-locked");
    }
}

// The writer dies (SIGKILL) half-way through a big update: the previous index still
// answers, unchanged, and the next build completes the update.
TEST(LessonIndex, AKillDuringABuildLeavesThePreviousIndexSearchable)
{
    LessonLibrary library;
    library.write("original", {{"en", "Original", "The original lesson about mediation."}});
    build(library);
    for (int i = 0; i < 600; ++i)
        library.write("bulk-" + std::to_string(i), {{"en", "Bulk " + std::to_string(i), "Filler about negotiation number " + std::to_string(i)}});

    ASSERT_TRUE(fixtures::buildKilledAfter(library, 300)) << "the writer was not killed mid-build";

    EXPECT_EQ(LessonSearch::openLocal(library.index()).lessonCount(), 1u); // none of the 300 written
    EXPECT_EQ(idsFor(library, "mediation"), std::vector<std::string>{"original"});
    EXPECT_TRUE(idsFor(library, "negotiation").empty());

    const auto report = build(library); // the lock died with the writer
    EXPECT_EQ(report.added, 600u);
    EXPECT_EQ(LessonSearch::openLocal(library.index()).lessonCount(), 601u);
}

TEST(LessonIndex, GlossaryBecomesCrossLanguageSynonyms)
{
    LessonLibrary library;
    library.write("english-only", {{"en", "Name a focal point", "Each partner names a focal point for day-to-day work."}});
    library.write("other", {{"en", "Budget", "Cash contributions."}});
    const auto glossary = library.writeRaw("../glossary.tbx", R"(<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="focal-point">
    <langSet xml:lang="en"><tig><term>focal point</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>
    <langSet xml:lang="fr"><tig><term>point focal</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>
    <langSet xml:lang="zh-Hans"><tig><term>协调人</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>
  </termEntry>
</body></text></martif>)");
    const auto report = build(library, glossary);
    EXPECT_EQ(report.synonyms, 6u);
    EXPECT_EQ(idsFor(library, "协调人"), std::vector<std::string>{"english-only"});
    EXPECT_EQ(idsFor(library, "point focal"), std::vector<std::string>{"english-only"});
    // The same glossary again: nothing to redo.
    EXPECT_EQ(build(library, glossary).synonyms, 0u);
}

} // namespace

TEST(LessonIndex, AnOpenSearchSeesTheIndexRebuiltUnderIt)
{
    // A sidebar keeps its search open while `partnering index build` rebuilds the same index:
    // the next search reads the new revision, not the one it opened (Xapian would keep
    // answering from that until a second commit).
    LessonLibrary library;
    library.write("marker", {{"en", "Count the kestrels", "An old kestrel count."}});
    build(library);
    const auto search = LessonSearch::openLocal(library.index());
    SearchRequest request;
    request.query = "kestrel";
    ASSERT_EQ(search.search(request).hits.at(0).title, "Count the kestrels");
    library.write("marker", {{"en", "Count the kestrels again", "A new kestrel count."}});
    build(library);
    EXPECT_EQ(search.search(request).hits.at(0).title, "Count the kestrels again");
}
