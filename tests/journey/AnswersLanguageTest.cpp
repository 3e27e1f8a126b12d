#include "journey/AnswersLanguage.hpp"

#include "error/Error.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using partnering::journey::sameLanguage;
using partnering::journey::writtenLanguage;
using nlohmann::json;

namespace {

// libexttextcat's fingerprints as the build stages them (the .oxt carries the same folder).
const std::filesystem::path kFingerprints{PARTNERING_TEST_FINGERPRINTS_DIR};

json example(const std::string& name)
{
    std::ifstream in(std::string(PARTNERING_SOURCE_DIR) + "/examples/" + name);
    return json::parse(in);
}

// A few answers of step 1 to 3 in one language, with the names and codes people keep in English.
json answers(const std::string& language, const std::string& name, const std::string& issue, const std::string& vision,
             const std::string& purpose)
{
    return {{"language", language},
            {"partnership",
             {{"name", name},
              {"issue", issue},
              {"spectrum", "combine-integrate"},
              {"stakeholders", json::array({{{"name", "UNICEF"}, {"sector", "united-nations"}, {"interest", 5}, {"influence", 4}}})}}},
            {"vision", {{"statement", vision}}},
            {"purpose", {{"statement", purpose}}},
            {"partners", json::array({{{"name", "UNICEF"}, {"focal_point", {{"name", "Nadia Hamid"}, {"email", "nhamid@unicef.org"}}}}})},
            {"governance", {{"start", "2025-01-01"}, {"decision_making", "consensus"}}}};
}

TEST(AnswersLanguage, TheExamplesAreInEnglish)
{
    EXPECT_EQ(writtenLanguage(example("small.json"), kFingerprints), "en");
    EXPECT_EQ(writtenLanguage(example("large.json"), kFingerprints), "en");
}

TEST(AnswersLanguage, FrenchAndSpanishAnswersAreToldApart)
{
    // The "language" member says English: the text is what counts.
    EXPECT_EQ(writtenLanguage(answers(
                  "en", "Partenariat pour un système intégré de protection sociale au Cambodge",
                  "Les programmes d'assistance sociale destinés aux ménages pauvres et vulnérables sont gérés par "
                  "plusieurs institutions, chacune avec ses propres modalités de ciblage, de paiement et de suivi.",
                  "Chaque ménage pauvre et vulnérable du Cambodge est protégé par un système de protection sociale "
                  "intégré, fiable et adapté aux besoins des enfants et des familles.",
                  "Associer les systèmes de prestation du ministère et l'appui technique de l'UNICEF pour construire un "
                  "système de transferts monétaires intégré."), kFingerprints),
              "fr");
    EXPECT_EQ(writtenLanguage(answers(
                  "en", "Alianza para un sistema integrado de protección social en Camboya",
                  "Los programas de asistencia social para los hogares pobres y vulnerables están a cargo de varias "
                  "instituciones, cada una con sus propios mecanismos de focalización, pago y seguimiento.",
                  "Todos los hogares pobres y vulnerables de Camboya están protegidos por un sistema de protección "
                  "social integrado, fiable y adaptado a las necesidades de los niños y las familias.",
                  "Combinar los sistemas de prestación del ministerio y el apoyo técnico de UNICEF para construir un "
                  "sistema integrado de transferencias monetarias."), kFingerprints),
              "es");
}

TEST(AnswersLanguage, KhmerArabicAndChineseAreSettledByTheirScript)
{
    EXPECT_EQ(writtenLanguage(answers("en", "ភាពជាដៃគូសម្រាប់ប្រព័ន្ធគាំពារសង្គមរួមបញ្ចូលគ្នានៅកម្ពុជា",
                                      "កម្មវិធីជំនួយសង្គមសម្រាប់គ្រួសារក្រីក្រ និងងាយរងគ្រោះ ត្រូវបានគ្រប់គ្រងដោយស្ថាប័នជាច្រើន។",
                                      "គ្រួសារក្រីក្រ និងងាយរងគ្រោះទាំងអស់នៅកម្ពុជា ទទួលបានការគាំពារពីប្រព័ន្ធគាំពារសង្គម។",
                                      "រួមបញ្ចូលប្រព័ន្ធផ្ដល់សេវារបស់ក្រសួង និងជំនួយបច្ចេកទេសរបស់ UNICEF។"), kFingerprints),
              "km");
    EXPECT_EQ(writtenLanguage(answers("fr", "柬埔寨综合社会保护体系伙伴关系", "针对贫困和弱势家庭的社会援助方案由多个机构分别管理。",
                                      "柬埔寨每一个贫困和弱势家庭都受到综合、可靠的社会保护体系的保护。",
                                      "结合部委的服务体系和 UNICEF 的技术支持，建立综合现金转移体系。"), kFingerprints),
              "zh");
    EXPECT_EQ(writtenLanguage(answers("en", "شراكة من أجل نظام متكامل للحماية الاجتماعية في كمبوديا",
                                      "تتولى عدة مؤسسات إدارة برامج المساعدة الاجتماعية للأسر الفقيرة والضعيفة.",
                                      "تحظى كل أسرة فقيرة وضعيفة في كمبوديا بحماية نظام متكامل للحماية الاجتماعية.",
                                      "الجمع بين أنظمة الوزارة والدعم التقني من UNICEF."), kFingerprints),
              "ar");
    EXPECT_EQ(writtenLanguage(answers("en", "カンボジア社会保護パートナーシップ", "貧困世帯への社会扶助は複数の機関が運営している。",
                                      "すべての世帯が社会保護によって守られる。", "統合された現金給付制度をつくる。"), kFingerprints),
              "ja");
}

TEST(AnswersLanguage, TooLittleTextIsNoLanguage)
{
    EXPECT_EQ(writtenLanguage(json{{"language", "en"}}, kFingerprints), std::nullopt);
    EXPECT_EQ(writtenLanguage(json{{"language", "en"}, {"partnership", {{"name", "ISPS"}}}}, kFingerprints), std::nullopt);
    EXPECT_EQ(writtenLanguage(json{{"language", "fr"}, {"partnership", {{"name", "Eau pour tous"}}}}, kFingerprints), std::nullopt);
    EXPECT_EQ(writtenLanguage(json::array(), kFingerprints), std::nullopt);
    // Choices, dates, amounts and e-mail addresses are no text, however many there are.
    json codes = answers("en", "", "", "", "");
    for (int i = 0; i < 30; ++i)
        codes["partners"].push_back({{"focal_point", {{"email", "someone.with.a.long.address@example.org"}}},
                                     {"sector", "civil-society"}});
    codes["partnership"].erase("name");
    EXPECT_EQ(writtenLanguage(codes, kFingerprints), std::nullopt);
}

TEST(AnswersLanguage, MissingFingerprintsAreAnEnvironmentFailure)
{
    const json french = answers("en", "Partenariat pour la protection sociale",
                                "Les programmes d'assistance sociale destinés aux ménages pauvres sont gérés par plusieurs "
                                "institutions.",
                                "Chaque ménage pauvre est protégé par un système intégré.", "Construire un système intégré.");
    try {
        (void)writtenLanguage(french, kFingerprints / "no-such-folder");
        FAIL() << "no exception";
    } catch (const partnering::EnvironmentFailure& e) {
        EXPECT_NE(std::string(e.what()).find("[partnering.journey.no-language-fingerprints]"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("no-such-folder"), std::string::npos) << e.what();
    }
    EXPECT_EQ(writtenLanguage(french, kFingerprints), "fr");
}

TEST(AnswersLanguage, SameLanguageComparesPrimarySubtags)
{
    EXPECT_TRUE(sameLanguage("fr-CA", "fr"));
    EXPECT_TRUE(sameLanguage("FR", "fr-FR"));
    EXPECT_TRUE(sameLanguage("zh-Hans", "zh-CN"));
    EXPECT_TRUE(sameLanguage("zh_CN", "zh"));
    EXPECT_TRUE(sameLanguage("iw", "he"));
    EXPECT_FALSE(sameLanguage("fr", "es"));
    EXPECT_FALSE(sameLanguage("km", "kmr"));
    EXPECT_FALSE(sameLanguage("", ""));
    EXPECT_FALSE(sameLanguage("not a tag!", "not a tag!"));
}

} // namespace
