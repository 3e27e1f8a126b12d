#include "lessons/LessonIndex.hpp"
#include "lessons/LessonSearch.hpp"
#include "lessons/Presentation.hpp"

#include "LessonLibrary.hpp"
#include "error/Error.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <optional>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

using namespace partnering::lessons;

namespace {

// The shipped starter library and glossary, indexed once for the whole suite.
class ShippedLibrary : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        library_ = new fixtures::LessonLibrary();
        const auto report = LessonIndex(library_->index())
                                .build({PARTNERING_SOURCE_DIR "/index/lessons"},
                                       std::filesystem::path(PARTNERING_SOURCE_DIR "/index/glossary.tbx"));
        ASSERT_TRUE(report.rejected.empty()) << report.rejected.front().message;
        search_ = new LessonSearch(LessonSearch::openLocal(library_->index()));
    }
    static void TearDownTestSuite()
    {
        delete search_;
        delete library_;
    }

    static SearchResults find(const std::string& query, const std::string& language = "", SearchRequest request = {})
    {
        request.query = query;
        request.readerLanguage = language;
        return search_->search(request);
    }

    static std::vector<std::string> ids(const SearchResults& results)
    {
        std::vector<std::string> out;
        for (const auto& hit : results.hits)
            out.push_back(hit.id);
        return out;
    }

    static bool contains(const std::vector<std::string>& values, const std::string& value)
    {
        return std::find(values.begin(), values.end(), value) != values.end();
    }

    static fixtures::LessonLibrary* library_;
    static LessonSearch* search_;
};

fixtures::LessonLibrary* ShippedLibrary::library_ = nullptr;
LessonSearch* ShippedLibrary::search_ = nullptr;

TEST_F(ShippedLibrary, OneResultPerLessonShownInTheLanguageOfTheWordsThatFoundIt)
{
    const auto french = find("stratégie de sortie", "en");
    ASSERT_FALSE(french.hits.empty());
    EXPECT_EQ(french.hits[0].id, "set-a-lifespan-and-exit-strategy");
    EXPECT_EQ(french.hits[0].language, "fr"); // French words, an English reader: French
    EXPECT_EQ(french.hits[0].title, "Fixer une durée de vie et une stratégie de sortie claire");
    auto all = ids(french);
    std::sort(all.begin(), all.end());
    EXPECT_EQ(std::adjacent_find(all.begin(), all.end()), all.end()) << "a lesson appears twice";

    EXPECT_EQ(find("exit strategy", "fr").hits.at(0).language, "en");
    EXPECT_EQ(find("estrategia de salida", "zh-Hans").hits.at(0).language, "es");
    EXPECT_EQ(find("strategie de sortie", "en").hits.at(0).language, "fr"); // typed without accents
}

TEST_F(ShippedLibrary, AChineseQueryShowsTheChineseTextOfEveryLessonThatHasOne)
{
    const auto results = find("共同问责", "en");
    ASSERT_FALSE(results.hits.empty());
    EXPECT_EQ(results.hits[0].id, "agree-shared-accountability");
    for (const auto& hit : results.hits) {
        if (contains(hit.languages, "zh-Hans")) {
            EXPECT_EQ(hit.language, "zh-Hans") << hit.id;
        } else {
            EXPECT_EQ(hit.language, "en") << hit.id << ": no Chinese text, the reader's language";
        }
    }
}

TEST_F(ShippedLibrary, TheReadersLanguageDecidesWhenTheWordsDoNot)
{
    SearchRequest request;
    request.steps = {6};
    request.limit = 100;
    for (const auto& hit : find("", "fr", request).hits)
        EXPECT_EQ(hit.language, contains(hit.languages, "fr") ? "fr" : hit.languages.front()) << hit.id;
    // Found through the glossary only: the words are in no text of the lesson.
    for (const auto& hit : find("stratégie de sortie", "es").hits) {
        if (hit.id == "check-partnering-fundamentals") {
            EXPECT_EQ(hit.language, "es");
        }
    }
}

TEST_F(ShippedLibrary, ALanguageFilterGivesAsManyLessonsAsItsFacetCounts)
{
    for (const std::string query : {"利益相关方", "stratégie de sortie", "partnership", "共同问责", ""}) {
        SearchRequest request;
        request.limit = 100;
        const auto all = find(query, "en", request);
        ASSERT_FALSE(all.facets.languages.empty()) << query;
        for (const auto& [language, count] : all.facets.languages) {
            request.languages = {language};
            const auto filtered = find(query, "en", request);
            EXPECT_EQ(filtered.hits.size(), count) << query << " in " << language;
            EXPECT_EQ(filtered.matchingLessons, count) << query << " in " << language;
            for (const auto& hit : filtered.hits)
                EXPECT_EQ(hit.language, language) << query << ": " << hit.id << " is shown in the filter's language";
        }
    }
}

TEST_F(ShippedLibrary, HitsCarryTheWordsToMarkInTheirText)
{
    const auto hit = find("stratégie de sortie", "en").hits.at(0);
    const auto& words = hit.marked.words;
    EXPECT_TRUE(contains(words, "stratégie")) << ::testing::PrintToString(words);
    EXPECT_TRUE(contains(words, "sortie")) << ::testing::PrintToString(words);
    EXPECT_TRUE(contains(hit.marked.commonWords, "de")) << ::testing::PrintToString(hit.marked.commonWords);
    EXPECT_FALSE(contains(words, "de"));

    const auto chinese = find("共同问责", "en").hits.at(0);
    const auto ranges = markedRanges(chinese.title, chinese.language, chinese.marked);
    ASSERT_EQ(ranges.size(), 1u) << chinese.title;
    EXPECT_EQ(chinese.title.substr(ranges[0].first, ranges[0].second - ranges[0].first), "共同问责");
}

TEST_F(ShippedLibrary, ALessonWithoutTheReadersLanguageIsShownInEnglish)
{
    SearchRequest request;
    request.languages = {"en"};
    for (const auto& hit : find("trust", "km", request).hits) {
        if (!contains(hit.languages, "km")) {
            EXPECT_EQ(hit.language, "en") << hit.id;
        }
    }
}

TEST_F(ShippedLibrary, AccentsMayBeOmitted)
{
    EXPECT_EQ(ids(find("strategie de sortie", "fr")).front(), "set-a-lifespan-and-exit-strategy");
    EXPECT_EQ(ids(find("stratégie de sortie", "fr")).front(), "set-a-lifespan-and-exit-strategy");
}

TEST_F(ShippedLibrary, KhmerAndChineseWordsInsideUnspacedText)
{
    // "Accountability" inside unspaced Khmer and Chinese: both lessons about it come first.
    for (const auto& [word, language] : {std::pair{"គណនេយ្យភាព", "km"}, std::pair{"问责", "zh-Hans"}}) {
        auto top = ids(find(word, language));
        ASSERT_GE(top.size(), 2u) << word;
        top.resize(2);
        std::sort(top.begin(), top.end());
        EXPECT_EQ(top, (std::vector<std::string>{"accountability-mechanisms-for-every-partnership", "agree-shared-accountability"}))
            << word;
    }
    EXPECT_EQ(find("退出战略", "zh-Hans").hits.front().id, "set-a-lifespan-and-exit-strategy");
}

TEST_F(ShippedLibrary, MisspellingIsCorrectedAndReported)
{
    const auto results = find("acountability");
    EXPECT_EQ(results.correctedQuery, "accountability");
    ASSERT_FALSE(results.hits.empty());
    EXPECT_EQ(find("accountability").correctedQuery, "");
}

TEST(GlossarySearch, FindsALessonWrittenOnlyInAnotherLanguage)
{
    // Every shipped lesson exists in all six languages, so a lesson of its own, in English
    // only, shows that a Chinese glossary term reaches it.
    fixtures::LessonLibrary library;
    library.write("english-only", {{"en", "Appoint a focal point", "Each partner appoints a focal point to steward the partnership."}});
    LessonIndex(library.index()).build({library.lessons()}, std::filesystem::path(PARTNERING_SOURCE_DIR "/index/glossary.tbx"));
    SearchRequest request;
    request.query = "协调人";
    request.readerLanguage = "zh-Hans";
    const auto results = LessonSearch::openLocal(library.index()).search(request);
    ASSERT_EQ(results.hits.size(), 1u);
    EXPECT_EQ(results.hits.front().id, "english-only");
    EXPECT_EQ(results.hits.front().language, "en");
}

TEST_F(ShippedLibrary, FiltersByStepTagPartnerTypeAndLanguage)
{
    SearchRequest request;
    request.steps = {5};
    for (const auto& hit : find("partner", "en", request).hits)
        EXPECT_TRUE(std::find(hit.steps.begin(), hit.steps.end(), 5) != hit.steps.end()) << hit.id;
    request = {};
    request.tags = {"exit-strategy"};
    for (const auto& hit : find("", "en", request).hits)
        EXPECT_TRUE(contains(hit.tags, "exit-strategy")) << hit.id;
    request = {};
    request.partnerTypes = {"business"};
    for (const auto& hit : find("", "en", request).hits)
        EXPECT_TRUE(contains(hit.partnerTypes, "business")) << hit.id;
    request = {};
    request.languages = {"km"};
    request.limit = 100;
    EXPECT_EQ(find("", "", request).hits.size(), 64u) << "every lesson exists in Khmer";
}

TEST_F(ShippedLibrary, UnknownStepIsInvalidInput)
{
    SearchRequest request;
    request.steps = {8};
    EXPECT_THROW(find("trust", "en", request), partnering::InvalidInput);
}

TEST_F(ShippedLibrary, EmptyQueryListsLessonsForAStep)
{
    SearchRequest request;
    request.steps = {7};
    request.limit = 100;
    const auto results = find("", "en", request);
    EXPECT_GE(results.hits.size(), 5u);
    for (const auto& hit : results.hits)
        EXPECT_TRUE(std::find(hit.steps.begin(), hit.steps.end(), 7) != hit.steps.end());
}

TEST_F(ShippedLibrary, FacetsCountLessonsNotTexts)
{
    SearchRequest request;
    request.limit = 100;
    const auto results = find("", "", request);
    EXPECT_EQ(results.hits.size(), 64u);
    EXPECT_EQ(results.facets.languages.at("en"), 64u);
    for (const char* language : {"fr", "es", "ar", "km", "zh-Hans"})
        EXPECT_EQ(results.facets.languages.at(language), 64u) << language;
    std::size_t stepSeven = 0;
    for (const auto& hit : results.hits)
        stepSeven += std::count(hit.steps.begin(), hit.steps.end(), 7);
    EXPECT_EQ(results.facets.steps.at(7), stepSeven);
}

TEST_F(ShippedLibrary, SnippetsHighlightTheMatchedWords)
{
    const auto hit = find("exit strategy", "en").hits.front();
    ASSERT_FALSE(hit.snippet.hits.empty());
    const auto [begin, end] = hit.snippet.hits.front();
    EXPECT_EQ(hit.snippet.text.substr(begin, end - begin), "exit strategy");
    EXPECT_NE(hit.snippet.markup().find("<mark>exit strategy</mark>"), std::string::npos);
}

TEST(Snippet, MarkupEscapesTheText)
{
    Snippet snippet{"a <b> & \"c\" d", {{12, 13}}};
    EXPECT_EQ(snippet.markup(), "a &lt;b&gt; &amp; &quot;c&quot; <mark>d</mark>");
}

TEST_F(ShippedLibrary, HostileQueriesGetAnAnswer)
{
    std::string huge;
    for (int i = 0; i < 5000; ++i)
        huge += "partnership ";
    const auto longQuery = find(huge, "en");
    EXPECT_FALSE(longQuery.notices.empty());
    EXPECT_FALSE(longQuery.hits.empty());
    for (const std::string& query : {std::string("\xFF\xFE\xC3"), std::string("AND OR NOT ( ) \" * ~"),
                                    std::string("\x01\x02\x03"), std::string(";;;!!!"), std::string(10000, 'x'),
                                    std::string("a\0b", 3), std::string("partn*") + std::string(300, '('),
                                    std::string("🤝 🌍")}) {
        EXPECT_NO_THROW(find(query, "en")) << query.substr(0, 40);
    }
}

TEST(LessonSearch, MissingIndexIsAClearEnvironmentFailure)
{
    try {
        LessonSearch::openLocal("/nonexistent/partnering-index");
        FAIL() << "opened a missing index";
    } catch (const partnering::EnvironmentFailure& e) {
        EXPECT_EQ(e.id(), "partnering.lessons.no-index");
    }
}

TEST(LessonSearch, CorruptIndexIsAClearEnvironmentFailure)
{
    fixtures::LessonLibrary library;
    std::filesystem::create_directories(library.index());
    library.writeRaw("../index/iamglass", "not a xapian database at all");
    library.writeRaw("../index/postlist.glass", std::string(8192, '\x55'));
    try {
        LessonSearch::openLocal(library.index()).search({});
        FAIL() << "opened a corrupt index";
    } catch (const partnering::EnvironmentFailure& e) {
        EXPECT_TRUE(e.id() == "partnering.lessons.index-unusable" || e.id() == "partnering.lessons.no-index") << e.what();
    }
}

TEST(LessonSearch, AnIndexOfAnotherToolIsAClearEnvironmentFailure)
{
    fixtures::LessonLibrary library;
    {
        Xapian::WritableDatabase db(library.index().string(), Xapian::DB_CREATE_OR_OPEN);
        Xapian::Document document;
        document.set_data("not a lesson text");
        document.add_term("partnership");
        db.add_document(document);
        db.commit();
    }
    SearchRequest request;
    request.query = "partnership";
    try {
        LessonSearch::openLocal(library.index()).search(request);
        FAIL() << "searched an index of another tool";
    } catch (const partnering::EnvironmentFailure& e) {
        EXPECT_EQ(e.id(), "partnering.lessons.index-unusable") << e.what();
    }
}

TEST_F(ShippedLibrary, ARemoteConnectionTheServerDroppedIsMadeAgain)
{
    // xapian-tcpsrv in a process of its own, dropping connections idle for 300 ms.
    const int port = 20000 + static_cast<int>(getpid() % 20000);
    const pid_t server = fork();
    ASSERT_GE(server, 0);
    if (server == 0) {
        const std::string portText = std::to_string(port), index = library_->index().string();
        execlp("xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", portText.c_str(),
               "--idle-timeout", "300", index.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    std::optional<LessonSearch> remote;
    for (int attempt = 0; attempt < 100 && !remote; ++attempt) {
        try {
            remote.emplace(LessonSearch::openRemote("127.0.0.1", static_cast<unsigned>(port), std::chrono::milliseconds(5000)));
        } catch (const partnering::EnvironmentFailure&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100)); // still starting
        }
    }
    SearchRequest request;
    request.query = "exit strategy";
    std::size_t first = 0, second = 0;
    if (remote) {
        EXPECT_TRUE(remote->remote());
        EXPECT_FALSE(search_->remote());
        first = remote->search(request).hits.size();
        std::this_thread::sleep_for(std::chrono::milliseconds(1000)); // the server drops the connection
        try {
            second = remote->search(request).hits.size();
        } catch (const partnering::EnvironmentFailure& e) {
            ADD_FAILURE() << e.what();
        }
    }
    kill(server, SIGKILL);
    waitpid(server, nullptr, 0);
    ASSERT_TRUE(remote) << "xapian-tcpsrv did not start";
    EXPECT_GT(first, 0u);
    EXPECT_EQ(second, first);
}

TEST_F(ShippedLibrary, ACallOnAServerGoneSilentEndsWithinTheOperationTimeout)
{
    const int port = 20000 + static_cast<int>((getpid() + 7919) % 20000);
    const pid_t server = fork();
    ASSERT_GE(server, 0);
    if (server == 0) {
        setpgid(0, 0); // a group of its own, with the child it forks for our connection
        const std::string portText = std::to_string(port), index = library_->index().string();
        execlp("xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", portText.c_str(),
               index.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    std::optional<LessonSearch> remote;
    for (int attempt = 0; attempt < 100 && !remote; ++attempt) {
        try {
            remote.emplace(LessonSearch::openRemote("127.0.0.1", static_cast<unsigned>(port)));
        } catch (const partnering::EnvironmentFailure&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100)); // still starting
        }
    }
    std::optional<std::string> failure;
    std::chrono::steady_clock::duration waited{};
    if (remote) {
        // xapian-tcpsrv forks a child per connection: stop the whole group, connected and silent.
        kill(-server, SIGSTOP);
        const auto started = std::chrono::steady_clock::now();
        try {
            remote->lesson("set-a-lifespan-and-exit-strategy");
        } catch (const partnering::EnvironmentFailure& e) {
            failure = e.id();
        }
        waited = std::chrono::steady_clock::now() - started;
    }
    kill(-server, SIGKILL);
    kill(-server, SIGCONT);
    waitpid(server, nullptr, 0);
    ASSERT_TRUE(remote) << "xapian-tcpsrv did not start";
    EXPECT_EQ(failure, "partnering.lessons.remote-unreachable");
    EXPECT_LT(waited, LessonSearch::kRemoteOperationTimeout + std::chrono::seconds(2));
}

TEST(LessonSearch, UnreachableRemoteIsAClearEnvironmentFailure)
{
    try {
        LessonSearch::openRemote("127.0.0.1", 9, std::chrono::milliseconds(2000));
        FAIL() << "connected to nothing";
    } catch (const partnering::EnvironmentFailure& e) {
        EXPECT_EQ(e.id(), "partnering.lessons.remote-unreachable");
    }
}

} // namespace
