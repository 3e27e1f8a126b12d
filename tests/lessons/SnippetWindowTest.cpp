#include "lessons/SnippetWindow.hpp"

#include "lessons/TextAnalyzer.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace partnering::lessons;

namespace {

struct SnippetCase {
    const char* name;
    const char* language;
    std::string text;
    std::vector<std::string> words;       // the query matched these (Token::term)
    std::vector<std::string> commonWords; // and these, which are frequent in the language
    std::string snippet;                  // expected
    std::vector<std::string> marked;      // expected: the text of each hit, in order
};

void PrintTo(const SnippetCase& row, std::ostream* out)
{
    *out << row.name;
}

bool contains(const std::vector<std::string>& values, const std::string& value)
{
    return std::find(values.begin(), values.end(), value) != values.end();
}

// The match the search would make of `row.text`: its words, and which the query matched.
TextMatch matchOf(const SnippetCase& row)
{
    TextMatch match;
    match.text = row.text;
    match.tokens = TextAnalyzer(row.language).tokenize(match.text);
    for (const auto& token : match.tokens) {
        const bool common = contains(row.commonWords, token.term);
        match.matched.push_back(common || contains(row.words, token.term));
        match.common.push_back(common);
    }
    return match;
}

std::size_t charactersIn(const std::string& utf8)
{
    return static_cast<std::size_t>(
        std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::vector<std::string> markedIn(const Snippet& snippet)
{
    std::vector<std::string> marked;
    for (const auto& [begin, end] : snippet.hits)
        marked.push_back(snippet.text.substr(begin, end - begin));
    return marked;
}

class SnippetWindow : public testing::TestWithParam<SnippetCase> {};

TEST_P(SnippetWindow, ShowsTheWindowWithTheMostMatchedWords)
{
    const Snippet snippet = snippetOf(matchOf(GetParam()));
    EXPECT_EQ(snippet.text, GetParam().snippet);
    EXPECT_EQ(markedIn(snippet), GetParam().marked);
}

TEST_P(SnippetWindow, StaysWithinItsCharactersAndItsText)
{
    const Snippet snippet = snippetOf(matchOf(GetParam()));
    // The text shown, without the "…" that say it was cut.
    const std::string before = "… ", after = " …";
    std::string shown = snippet.text;
    if (shown.rfind(before, 0) == 0)
        shown.erase(0, before.size());
    if (shown.size() >= after.size() && shown.compare(shown.size() - after.size(), after.size(), after) == 0)
        shown.resize(shown.size() - after.size());
    EXPECT_LE(charactersIn(shown), kSnippetChars);
    EXPECT_NE(GetParam().text.find(shown), std::string::npos) << "the snippet is a piece of the text";
    std::size_t previousEnd = 0;
    for (const auto& [begin, end] : snippet.hits) {
        EXPECT_LE(previousEnd, begin) << "hits in order, apart";
        EXPECT_LT(begin, end);
        EXPECT_LE(end, snippet.text.size());
        previousEnd = end;
    }
}

const std::string kLongEnglish =
    "Partnerships take time to build. Partners need to learn about each other's organisations, "
    "cultures and constraints before they can agree on what to do together. A rushed start often "
    "leads to misunderstandings later. Agree early how the partnership will end: an exit strategy "
    "protects the people it serves.";

INSTANTIATE_TEST_SUITE_P(
    Texts, SnippetWindow,
    testing::Values(
        SnippetCase{"ShortTextHitAtStart", "en", "Partners sign the agreement together.", {"partners"}, {},
                    "Partners sign the agreement together.", {"Partners"}},
        SnippetCase{"ShortTextHitAtEnd", "en", "Review the agreement with every partner", {"partner"}, {},
                    "Review the agreement with every partner", {"partner"}},
        SnippetCase{"ShortTextNoHit", "en", "Review the agreement with every partner", {}, {},
                    "Review the agreement with every partner", {}},
        SnippetCase{"LongTextNoHit", "en", kLongEnglish, {}, {},
                    "Partnerships take time to build. Partners need to learn about each other's organisations, "
                    "cultures and constraints before they can agree on what to do together. A rushed …",
                    {}},
        SnippetCase{"LongTextHitAtStart", "en", kLongEnglish, {"partnerships"}, {},
                    "Partnerships take time to build. Partners need to learn about each other's organisations, "
                    "cultures and constraints before they can agree on what to do together. A rushed …",
                    {"Partnerships"}},
        SnippetCase{"LongTextHitAtEnd", "en", kLongEnglish, {"serves"}, {},
                    "… Agree early how the partnership will end: an exit strategy protects the people it serves.",
                    {"serves"}},
        SnippetCase{"LongTextHitInTheMiddle", "en", kLongEnglish, {"misunderstandings"}, {},
                    "… before they can agree on what to do together. A rushed start often leads to misunderstandings "
                    "later. Agree early how the partnership will end: an exit strategy protects …",
                    {"misunderstandings"}},
        SnippetCase{"TheDensestWindowWins", "en", kLongEnglish, {"partnerships", "exit", "strategy", "end"}, {},
                    "… leads to misunderstandings later. Agree early how the partnership will end: an exit strategy "
                    "protects the people it serves.",
                    {"end", "exit strategy"}},
        SnippetCase{"ACommonWordIsMarkedOnlyInAPhrase", "fr",
                    "La stratégie de sortie est écrite dans l'accord de partenariat.", {"stratégie", "sortie"},
                    {"de"}, "La stratégie de sortie est écrite dans l'accord de partenariat.", {"stratégie de sortie"}},
        SnippetCase{"OnlyCommonWordsMarkNothing", "fr", "La stratégie de sortie de chaque partenaire.", {}, {"de"},
                    "La stratégie de sortie de chaque partenaire.", {}},
        SnippetCase{"ChineseWordsWithoutSpaces", "zh-Hans",
                    "柬埔寨王国政府提出的第二项原则要求建立商定的治理和问责结构：明确阐明作用和职责，形成“共同问责”，由各伙伴共同对这一安排的成功和运作负责。"
                    "各伙伴在界定清晰的决策程序和规则下开展工作，其中决策、业务运作和信息获取方面的透明度尤为关键。"
                    "在第六步，应在协议中写明治理机构由哪些人员组成、多久召开一次会议、如何作出决定（协商一致、多数表决或授权牵头伙伴决定），以及哪些决定须由高级代表作出。",
                    {"决策"}, {},
                    "… 王国政府提出的第二项原则要求建立商定的治理和问责结构：明确阐明作用和职责，形成“共同问责”，由各伙伴共同对这一安排的成功和运作负责。"
                    "各伙伴在界定清晰的决策程序和规则下开展工作，其中决策、业务运作和信息获取方面的透明度尤为关键。"
                    "在第六步，应在协议中写明治理机构由哪些人员组成、多久召开一次会议、如何作出决定（协商一致、多数表决或授权牵头伙伴 …",
                    {"决策", "决策"}},
        SnippetCase{"ChineseWordSplitInTwoIsOneMark", "zh-Hans", "商定建立共同问责的治理结构", {"问", "责"}, {},
                    "商定建立共同问责的治理结构", {"问责"}},
        SnippetCase{"KhmerWordsWithoutSpaces", "km",
                    "គោលការណ៍ទីពីររបស់រាជរដ្ឋាភិបាលកម្ពុជា តម្រូវឱ្យមានរចនាសម្ព័ន្ធអភិបាលកិច្ច និងគណនេយ្យភាពដែលបានឯកភាពគ្នា "
                    "ពោលគឺតួនាទី និងការទទួលខុសត្រូវដែលកំណត់យ៉ាងច្បាស់លាស់ ដែលបង្កើតបានជា «គណនេយ្យភាពរួម» ដែលក្នុងនោះ "
                    "ដៃគូទាំងអស់មានគណនេយ្យភាពរួមគ្នាចំពោះភាពជោគជ័យ និងដំណើរការនៃយន្តការនេះ។",
                    {"ដៃគូ"}, {},
                    "… ការទទួលខុសត្រូវដែលកំណត់យ៉ាងច្បាស់លាស់ ដែលបង្កើតបានជា «គណនេយ្យភាពរួម» ដែលក្នុងនោះ "
                    "ដៃគូទាំងអស់មានគណនេយ្យភាពរួមគ្នាចំពោះភាពជោគជ័យ និងដំណើរការនៃយន្តការនេះ។",
                    {"ដៃគូ"}},
        SnippetCase{"ArabicHitAtTheEnd", "ar",
                    "يدعو المبدأ الثاني الذي وضعته الحكومة الملكية لكمبوديا إلى إقامة هياكل متفق عليها للحوكمة والمساءلة، "
                    "أي أدوار ومسؤوليات محددة بوضوح تشكل \"مساءلة مشتركة\" يخضع فيها الشركاء للمساءلة بصورة جماعية عن "
                    "نجاح الترتيب وسير عمله. فالمساءلة المشتركة لا تنجح إلا إذا استطاع كل شريك أن يرى ما يتقرر ولماذا.",
                    {"ولماذا"}, {},
                    "… وسير عمله. فالمساءلة المشتركة لا تنجح إلا إذا استطاع كل شريك أن يرى ما يتقرر ولماذا.", {"ولماذا"}},
        SnippetCase{"PunctuationOnly", "en", "— … !", {}, {}, "— … !", {}},
        SnippetCase{"EmptyText", "en", "", {}, {}, "", {}}),
    [](const testing::TestParamInfo<SnippetCase>& row) { return std::string(row.param.name); });

} // namespace
