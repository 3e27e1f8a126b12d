#include "l10n/Catalogs.hpp"

#include "error/Error.hpp"

#include <boost/locale/format.hpp>
#include <boost/locale/generator.hpp>
#include <boost/locale/message.hpp>
#include <unicode/localematcher.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace partnering::l10n {

namespace {

icu::Locale parseTag(std::string_view tag)
{
    std::string bcp47(tag);
    std::replace(bcp47.begin(), bcp47.end(), '_', '-');
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(bcp47, status);
    if (bcp47.empty() || U_FAILURE(status) || locale.isBogus() || std::string_view(locale.getLanguage()).empty())
        throw InvalidInput("partnering.l10n.bad-language-tag",
                           "\"" + std::string(tag) + "\" is not a BCP 47 language tag (for example en, fr-CA, zh-Hans)");
    return locale;
}

std::string toTag(const icu::Locale& locale)
{
    UErrorCode status = U_ZERO_ERROR;
    std::string tag = locale.toLanguageTag<std::string>(status);
    if (U_FAILURE(status))
        throw InvalidInput("partnering.l10n.bad-language-tag", std::string("cannot express ") + locale.getName()
                                                                   + " as a BCP 47 tag");
    return tag;
}

} // namespace

std::string canonicalLanguageTag(std::string_view tag)
{
    return toTag(parseTag(tag));
}

std::string languageAutonym(std::string_view tag)
{
    const icu::Locale locale = parseTag(tag);
    icu::UnicodeString name;
    locale.getDisplayName(locale, name);
    std::string utf8;
    return name.toUTF8String(utf8);
}

Translator::Translator() : language_(kSourceLanguage) {}

Translator::Translator(std::string language, std::locale catalogLocale)
    : language_(std::move(language)), locale_(std::move(catalogLocale)), hasCatalog_(true)
{
}

std::string Translator::translate(std::string_view msgid) const
{
    if (!hasCatalog_)
        return std::string(msgid);
    return boost::locale::translate(std::string(msgid)).str(locale_);
}

std::string Translator::translate(std::string_view context, std::string_view msgid) const
{
    if (!hasCatalog_)
        return std::string(msgid);
    return boost::locale::translate(std::string(context), std::string(msgid)).str(locale_);
}

std::string Translator::translatePlural(std::string_view msgid, std::string_view plural, unsigned long n) const
{
    if (!hasCatalog_)
        return std::string(n == 1 ? msgid : plural);
    return boost::locale::translate(std::string(msgid), std::string(plural), n).str(locale_);
}

std::string formatMessage(std::string_view pattern, std::initializer_list<std::string> arguments)
{
    boost::locale::format format{std::string(pattern)};
    for (const auto& argument : arguments)
        format % argument;
    // The classic locale: the arguments are text already, and no facet of a catalog is needed.
    return format.str(std::locale::classic());
}

struct Catalogs::Matcher {
    std::vector<icu::Locale> supported;
    std::unique_ptr<icu::LocaleMatcher> matcher;
};

Catalogs::Catalogs(std::filesystem::path folder, std::string domain)
    : folder_(std::move(folder)), domain_(std::move(domain)), matcher_(std::make_unique<Matcher>())
{
    std::error_code ec;
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder_, ec)) {
        if (std::filesystem::is_regular_file(entry.path() / "LC_MESSAGES" / (domain_ + ".mo")))
            names.push_back(entry.path().filename().string());
    }
    if (ec)
        throw EnvironmentFailure("partnering.l10n.no-catalogs",
                                 folder_.string() + ": cannot list translations: " + ec.message());
    std::sort(names.begin(), names.end());

    matcher_->supported.push_back(parseTag(kSourceLanguage));
    for (const auto& name : names) {
        icu::Locale locale;
        try {
            locale = parseTag(name);
        } catch (const InvalidInput&) {
            continue; // a stray folder is not a catalog
        }
        catalogNames_.push_back(name);
        catalogTags_.push_back(toTag(locale));
        matcher_->supported.push_back(locale);
    }

    UErrorCode status = U_ZERO_ERROR;
    icu::LocaleMatcher::Builder builder;
    for (const auto& locale : matcher_->supported)
        builder.addSupportedLocale(locale);
    builder.setDefaultLocale(&matcher_->supported.front());
    matcher_->matcher = std::make_unique<icu::LocaleMatcher>(builder.build(status));
    if (U_FAILURE(status))
        throw EnvironmentFailure("partnering.l10n.icu", std::string("ICU LocaleMatcher: ") + u_errorName(status));
}

Catalogs::~Catalogs() = default;

std::vector<std::string> Catalogs::languages() const
{
    std::vector<std::string> tags{std::string(kSourceLanguage)};
    tags.insert(tags.end(), catalogTags_.begin(), catalogTags_.end());
    return tags;
}

Translator Catalogs::translatorFor(std::string_view languageTag) const
{
    const icu::Locale desired = parseTag(languageTag);
    UErrorCode status = U_ZERO_ERROR;
    const auto result = matcher_->matcher->getBestMatchResult(desired, status);
    const int32_t index = U_SUCCESS(status) ? result.getSupportedIndex() : -1;
    if (index <= 0) // no match, or the source language itself
        return Translator();

    const std::string& name = catalogNames_[static_cast<std::size_t>(index - 1)];
    std::lock_guard lock(mutex_);
    auto found = generated_.find(name);
    if (found == generated_.end()) {
        boost::locale::generator generator;
        generator.categories(boost::locale::message_facet | boost::locale::information_facet);
        generator.add_messages_path(folder_.string());
        generator.add_messages_domain(domain_);
        found = generated_.emplace(name, generator(name + ".UTF-8")).first;
    }
    return Translator(catalogTags_[static_cast<std::size_t>(index - 1)], found->second);
}

} // namespace partnering::l10n
