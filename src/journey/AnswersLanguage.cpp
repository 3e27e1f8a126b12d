#include "journey/AnswersLanguage.hpp"

#include "error/Error.hpp"
#include "journey/ClauseLibrary.hpp"
#include "journey/Journey.hpp"

#include <textcat.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

namespace partnering::journey {

namespace {

// Below this many letters the n-gram guess is a coin toss (a name or two); a script that
// belongs to one language needs only a word.
constexpr std::size_t kLettersToGuess = 40;
constexpr std::size_t kLettersForScript = 4;
// The guesser's cost grows with its input, its accuracy stops growing long before this.
constexpr std::size_t kSampleBytes = 16 * 1024;

const nlohmann::json* find(const nlohmann::json& scope, const std::string& dottedPath)
{
    const nlohmann::json* node = &scope;
    std::size_t start = 0;
    while (start <= dottedPath.size()) {
        const std::size_t dot = std::min(dottedPath.find('.', start), dottedPath.size());
        if (!node->is_object())
            return nullptr;
        const auto it = node->find(dottedPath.substr(start, dot - start));
        if (it == node->end())
            return nullptr;
        node = &*it;
        start = dot + 1;
    }
    return node;
}

bool freeText(Question::Type type)
{
    return type == Question::Type::Text || type == Question::Type::Paragraph || type == Question::Type::Clause;
}

// An e-mail address or a web link is no one's language.
bool wordsOf(const std::string& text)
{
    return text.find('@') == std::string::npos && text.find("://") == std::string::npos;
}

struct FreeText {
    std::string paragraphs; // the best evidence: whole sentences
    std::string names;      // names and titles, often in another language than the sentences
};

void collect(const std::vector<Question>& questions, const nlohmann::json& scope, FreeText& out)
{
    for (const auto& question : questions) {
        const nlohmann::json* value = find(scope, question.path);
        if (value == nullptr)
            continue;
        const auto take = [&](const nlohmann::json& item, Question::Type type) {
            if (!item.is_string() || !wordsOf(item.get_ref<const std::string&>()))
                return;
            // A standard wording's id ("consensus") is no one's writing; the user's own wording is.
            if (type == Question::Type::Clause) {
                const Clause* clause = ClauseLibrary::standard().find(question.path);
                if (clause != nullptr && ClauseLibrary::picked(*clause, &item) != nullptr)
                    return;
            }
            auto& into = type == Question::Type::Paragraph || type == Question::Type::Clause ? out.paragraphs : out.names;
            into += item.get_ref<const std::string&>();
            into += '\n';
        };
        if (question.type != Question::Type::List) {
            if (freeText(question.type))
                take(*value, question.type);
        } else if (value->is_array()) {
            for (const auto& item : *value) {
                if (question.items.empty() && freeText(question.itemType))
                    take(item, question.itemType);
                else
                    collect(question.items, item, out);
            }
        }
    }
}

// Which script the text's letters are mostly in, and how many letters it has.
struct Scripts {
    std::map<UScriptCode, std::size_t> letters;
    std::size_t total = 0;
};

Scripts scriptsOf(const std::string& text)
{
    Scripts scripts;
    const auto unicode = icu::UnicodeString::fromUTF8(text);
    for (int32_t i = 0; i < unicode.length(); i = unicode.moveIndex32(i, 1)) {
        const UChar32 c = unicode.char32At(i);
        if (!u_isalpha(c))
            continue;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        if (U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED)
            continue;
        ++scripts.letters[script];
        ++scripts.total;
    }
    return scripts;
}

// The language a script settles (ICU's likely subtags: Khmr -> km, Arab -> ar, Hani -> zh);
// nullopt for the scripts many languages share, which the n-gram guesser must tell apart.
std::optional<std::string> languageOfScript(UScriptCode script)
{
    if (script == USCRIPT_LATIN || script == USCRIPT_CYRILLIC || script == USCRIPT_DEVANAGARI)
        return std::nullopt;
    icu::Locale locale = icu::Locale::createFromName((std::string("und_") + uscript_getShortName(script)).c_str());
    UErrorCode status = U_ZERO_ERROR;
    locale.addLikelySubtags(status);
    if (U_FAILURE(status) || std::string_view(locale.getLanguage()).empty() || std::string_view(locale.getLanguage()) == "und")
        return std::nullopt;
    return std::string(locale.getLanguage());
}

// libexttextcat with every fingerprint of a folder; one classifier per folder shared by all
// callers (textcat_Classify writes into the handle, hence the lock).
class Guesser {
public:
    static Guesser& of(const std::filesystem::path& fingerprints)
    {
        static std::mutex mutex;
        static std::map<std::filesystem::path, std::unique_ptr<Guesser>> guessers;
        const std::lock_guard lock(mutex);
        auto& guesser = guessers[fingerprints];
        if (!guesser)
            guesser.reset(new Guesser(fingerprints));
        return *guesser;
    }

    std::optional<std::string> language(std::string_view text)
    {
        const std::lock_guard lock(mutex_);
        const std::string_view answer = textcat_Classify(handle_.get(), text.data(), text.size());
        // "[fr--utf8]" or "[sco--utf8][en--utf8]" (best first), "UNKNOWN", "SHORT".
        if (answer.size() < 3 || answer.front() != '[')
            return std::nullopt;
        const std::string_view best = answer.substr(1, answer.find(']') - 1);
        return std::string(best.substr(0, best.find('-')));
    }

private:
    explicit Guesser(const std::filesystem::path& fingerprints)
        : handle_(special_textcat_Init((fingerprints / "fpdb.conf").c_str(), (fingerprints.string() + "/").c_str()),
                  &textcat_Done)
    {
        if (handle_ == nullptr)
            throw EnvironmentFailure("partnering.journey.no-language-fingerprints",
                                     "cannot read libexttextcat's language fingerprints in " + fingerprints.string());
    }
    std::unique_ptr<void, decltype(&textcat_Done)> handle_;
    std::mutex mutex_;
};

// At most `limit` bytes of `text`, cut between characters.
std::string_view sampleOf(const std::string& text, std::size_t limit)
{
    if (text.size() <= limit)
        return text;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return std::string_view(text).substr(0, end);
}

} // namespace

std::optional<std::string> writtenLanguage(const nlohmann::json& answers, const std::filesystem::path& fingerprints)
{
    if (!answers.is_object())
        return std::nullopt;
    FreeText text;
    for (const auto& step : Journey::standard().steps(l10n::Translator()))
        collect(step.questions, answers, text);
    const std::string all = text.paragraphs + text.names;
    Scripts scripts = scriptsOf(all);
    if (scripts.total < kLettersForScript)
        return std::nullopt;

    // Chinese characters with kana among them are Japanese.
    const std::size_t kana = scripts.letters[USCRIPT_HIRAGANA] + scripts.letters[USCRIPT_KATAKANA];
    if (kana > 0) {
        const std::size_t han = scripts.letters[USCRIPT_HAN];
        scripts.letters[USCRIPT_HAN] = 0;
        scripts.letters[USCRIPT_HIRAGANA] = 0;
        scripts.letters[USCRIPT_KATAKANA] = kana + han;
    }
    const auto dominant = std::max_element(scripts.letters.begin(), scripts.letters.end(),
                                           [](const auto& a, const auto& b) { return a.second < b.second; });
    if (auto language = languageOfScript(dominant->first))
        return language;
    if (scripts.total < kLettersToGuess)
        return std::nullopt;
    // Sentences say more than names do; names are the evidence only when there is nothing else.
    const bool enoughSentences = scriptsOf(text.paragraphs).total >= kLettersToGuess;
    return Guesser::of(fingerprints).language(sampleOf(enoughSentences ? text.paragraphs : all, kSampleBytes));
}

bool sameLanguage(std::string_view a, std::string_view b)
{
    const auto primary = [](std::string_view tag) -> std::string {
        std::string bcp47(tag);
        std::replace(bcp47.begin(), bcp47.end(), '_', '-');
        UErrorCode status = U_ZERO_ERROR;
        icu::Locale locale = icu::Locale::forLanguageTag(bcp47, status);
        if (U_FAILURE(status) || locale.isBogus())
            return {};
        locale.canonicalize(status); // old and macrolanguage codes: "iw" -> "he", "cmn" -> "zh"
        return U_FAILURE(status) ? std::string() : std::string(locale.getLanguage());
    };
    const std::string first = primary(a);
    return !first.empty() && first == primary(b);
}

} // namespace partnering::journey
