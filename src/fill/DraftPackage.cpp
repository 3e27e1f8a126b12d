#include "fill/DraftPackage.hpp"

#include "error/Error.hpp"
#include "odf/XmlScan.hpp"
#include "xml/XmlDocument.hpp"

#include <nlohmann/json.hpp>

#include <future>
#include <map>
#include <tuple>

namespace partnering::fill {

namespace {

constexpr std::string_view kMetaNs = odf::ns::kMeta;
// Stand-ins for the two properties' values while libxml2 writes meta.xml; the text around them
// is kept and each fill puts its values in between.
constexpr std::string_view kAnswersSlot = "@@partnering-answers-slot@@";
constexpr std::string_view kLayoutSlot = "@@partnering-layout-slot@@";

std::string member(const nlohmann::json& layout, const char* key)
{
    const auto it = layout.find(key);
    return it != layout.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// meta.xml with slots for the answers and layout properties; whatever a previous fill left is dropped.
std::tuple<std::string, std::string, std::string> metaAround(const odf::OdfPackage& package)
{
    std::string meta = package.contains("meta.xml")
                         ? package.read("meta.xml")
                         : R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"><office:meta/></office:document-meta>)";
    const auto doc = xml::parse(meta, package.sourceName() + ": meta.xml");
    xmlNode* root = xmlDocGetRootElement(doc.get());
    xmlNode* officeMeta = nullptr;
    for (xmlNode* child = root->children; child != nullptr; child = child->next) {
        if (xml::isElement(child, odf::ns::kOffice.data(), "meta"))
            officeMeta = child;
    }
    if (officeMeta == nullptr) { // a template with no properties at all
        xmlNs* office = xmlSearchNsByHref(doc.get(), root, reinterpret_cast<const xmlChar*>(odf::ns::kOffice.data()));
        if (office == nullptr)
            throw InvalidInput("partnering.fill.bad-meta", package.sourceName() + ": meta.xml is not an ODF meta document");
        officeMeta = xmlNewChild(root, office, reinterpret_cast<const xmlChar*>("meta"), nullptr);
    }
    for (xmlNode* child = officeMeta->children; child != nullptr;) {
        xmlNode* next = child->next;
        if (xml::isElement(child, kMetaNs.data(), "user-defined")) {
            const std::string name = xml::attribute(child, "name", kMetaNs.data());
            if (name == kAnswersProperty || name == kLayoutProperty) {
                xmlUnlinkNode(child);
                xmlFreeNode(child);
            }
        }
        child = next;
    }
    // A template may bind "meta" to another namespace (a damaged or hostile one): the
    // properties then get a prefix no one uses there, declared where they live, rather than
    // the prefix libxml2 refuses to bind twice, which would leave them in office's namespace
    // and the answers unreadable.
    const auto* metaHref = reinterpret_cast<const xmlChar*>(kMetaNs.data());
    xmlNs* ns = xmlSearchNsByHref(doc.get(), officeMeta, metaHref);
    for (int suffix = 0; ns == nullptr; ++suffix) {
        const std::string prefix = suffix == 0 ? "meta" : "meta" + std::to_string(suffix);
        const auto* name = reinterpret_cast<const xmlChar*>(prefix.c_str());
        if (xmlSearchNs(doc.get(), officeMeta, name) == nullptr)
            ns = xmlNewNs(officeMeta, metaHref, name);
    }
    for (const auto& [property, slot] : {std::pair{kAnswersProperty, kAnswersSlot}, std::pair{kLayoutProperty, kLayoutSlot}}) {
        xmlNode* node = xmlNewChild(officeMeta, ns, reinterpret_cast<const xmlChar*>("user-defined"),
                                    reinterpret_cast<const xmlChar*>(std::string(slot).c_str()));
        xmlNewNsProp(node, ns, reinterpret_cast<const xmlChar*>("name"), reinterpret_cast<const xmlChar*>(std::string(property).c_str()));
        xmlNewNsProp(node, ns, reinterpret_cast<const xmlChar*>("value-type"), reinterpret_cast<const xmlChar*>("string"));
    }
    const std::string text = xml::serialize(doc.get());
    const auto answers = text.find(kAnswersSlot);
    const auto layout = text.find(kLayoutSlot);
    return {text.substr(0, answers), text.substr(answers + kAnswersSlot.size(), layout - answers - kAnswersSlot.size()),
            text.substr(layout + kLayoutSlot.size())};
}

// The template's manifest entries that the draft keeps, plus the map's picture.
std::string draftManifest(const odf::OdfPackage& package, const std::vector<std::string>& copied, bool hasMap)
{
    std::map<std::string, std::string> mediaTypes;
    if (package.contains("META-INF/manifest.xml")) {
        const auto doc = xml::parse(package.read("META-INF/manifest.xml"), package.sourceName() + ": META-INF/manifest.xml");
        constexpr const char* kManifestNs = odf::ns::kManifest.data();
        for (const xmlNode* entry = xmlDocGetRootElement(doc.get())->children; entry != nullptr; entry = entry->next) {
            if (!xml::isElement(entry, kManifestNs, "file-entry"))
                continue;
            for (const xmlNode* child = entry->children; child != nullptr; child = child->next) {
                if (xml::isElement(child, kManifestNs, "encryption-data"))
                    throw InvalidInput("partnering.fill.encrypted", package.sourceName() + ": the template is encrypted");
            }
            mediaTypes[xml::attribute(entry, "full-path", kManifestNs)] = xml::attribute(entry, "media-type", kManifestNs);
        }
    }
    std::vector<std::pair<std::string, std::string>> entries{{"content.xml", "text/xml"}, {"meta.xml", "text/xml"}};
    for (const auto& name : copied) {
        const auto known = mediaTypes.find(name);
        entries.emplace_back(name, known != mediaTypes.end() ? known->second
                                   : name.ends_with(".xml")  ? "text/xml"
                                                             : "application/octet-stream");
    }
    if (hasMap)
        entries.emplace_back(std::string(kMapPicture), "image/svg+xml");
    return odf::manifest(odf::kTextMimetype, entries);
}

} // namespace

std::string DraftLayout::toJson() const
{
    return nlohmann::json{{"template", templateName}, {"language", language}, {"shape", shape}}.dump();
}

std::optional<DraftLayout> DraftLayout::parse(std::string_view json)
{
    const auto stored = nlohmann::json::parse(json, nullptr, false);
    if (!stored.is_object() || !stored.contains("shape"))
        return std::nullopt;
    return DraftLayout{member(stored, "template"), member(stored, "language"), member(stored, "shape")};
}

DraftPackage::DraftPackage(odf::OdfPackage templatePackage, bool drawsMap)
    : template_(std::move(templatePackage)), drawsMap_(drawsMap)
{
    std::tie(metaBefore_, metaBetween_, metaAfter_) = metaAround(template_);
    for (const auto& entry : template_.entryNames()) {
        if (entry == "mimetype" || entry == "content.xml" || entry == "meta.xml" || entry == "META-INF/manifest.xml"
            || entry.rfind("Thumbnails/", 0) == 0 || entry == kMapPicture)
            continue;
        copied_.push_back(entry);
    }
    manifest_ = draftManifest(template_, copied_, drawsMap_);
}

std::string DraftPackage::meta(std::string_view answersJson, std::string_view layoutJson) const
{
    return metaBefore_ + xml::escape(answersJson) + metaBetween_ + xml::escape(layoutJson) + metaAfter_;
}

void DraftPackage::write(const std::filesystem::path& out, std::string content, const journey::AgreementAnswers& answers,
                         const DraftLayout& layout, std::string mapSvg) const
{
    // Deflating content.xml and making meta.xml (the answers, written out and deflated) are most
    // of a fill's time; they run on two cores at once.
    auto packedMeta = std::async(std::launch::async, [&] { return odf::pack(meta(answers.json().dump(), layout.toJson())); });
    odf::PackedEntry packedContent = odf::pack(std::move(content));
    odf::PackageWriter writer(out, odf::kTextMimetype);
    writer.add("content.xml", std::move(packedContent));
    writer.add("meta.xml", packedMeta.get());
    for (const auto& entry : copied_)
        writer.copy(template_, entry);
    if (drawsMap_)
        writer.add(std::string(kMapPicture), std::move(mapSvg));
    writer.add("META-INF/manifest.xml", manifest_);
    writer.commit();
}

std::optional<journey::AgreementAnswers> storedAnswers(const odf::OdfPackage& document)
{
    if (!document.contains("meta.xml"))
        return std::nullopt;
    const std::string where = document.sourceName() + ": meta.xml";
    const auto doc = xml::parse(document.read("meta.xml"), where);
    for (const xmlNode* node = xmlDocGetRootElement(doc.get())->children; node != nullptr; node = node->next) {
        for (const xmlNode* property = node->children; property != nullptr; property = property->next) {
            if (xml::isElement(property, kMetaNs.data(), "user-defined")
                && xml::attribute(property, "name", kMetaNs.data()) == kAnswersProperty)
                return journey::AgreementAnswers::parse(xml::textOf(property), where + " (" + std::string(kAnswersProperty) + ")");
        }
    }
    return std::nullopt;
}

} // namespace partnering::fill
