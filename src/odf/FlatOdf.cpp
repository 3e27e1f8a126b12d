#include "odf/FlatOdf.hpp"

#include "error/Error.hpp"
#include "odf/OdfPackage.hpp"
#include "odf/XmlScan.hpp"
#include "xml/XmlDocument.hpp"

#include <boost/archive/iterators/binary_from_base64.hpp>
#include <boost/archive/iterators/transform_width.hpp>

#include <cstring>
#include <utility>
#include <vector>

namespace partnering::odf {

namespace {

constexpr const char* kOffice = ns::kOffice.data();
constexpr const char* kDraw = ns::kDraw.data();
constexpr const char* kXlink = ns::kXlink.data();

const xmlChar* xmlText(const char* text)
{
    return reinterpret_cast<const xmlChar*>(text);
}

std::string decodeBase64(std::string text, const std::string& where)
{
    std::erase_if(text, [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
    while (!text.empty() && text.back() == '=')
        text.pop_back();
    if (text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") != std::string::npos)
        throw InvalidInput("partnering.odf.bad-image", where + ": the embedded image is not base64");
    using Decoder = boost::archive::iterators::transform_width<
        boost::archive::iterators::binary_from_base64<std::string::const_iterator>, 8, 6>;
    std::string bytes(Decoder(text.cbegin()), Decoder(text.cend()));
    return bytes;
}

// Picture extension and media type from the first bytes.
std::pair<std::string, std::string> pictureType(const std::string& bytes)
{
    if (bytes.rfind("\x89PNG", 0) == 0)
        return {"png", "image/png"};
    if (bytes.rfind("\xFF\xD8", 0) == 0)
        return {"jpg", "image/jpeg"};
    if (bytes.rfind("GIF8", 0) == 0)
        return {"gif", "image/gif"};
    if (bytes.find("<svg") != std::string::npos)
        return {"svg", "image/svg+xml"};
    return {"bin", "application/octet-stream"};
}

// A new document whose root declares every namespace the flat document's root declares.
xml::Document documentWithRoot(const xmlNode* flatRoot, const char* rootName, xmlNode*& root)
{
    xml::Document doc(xmlNewDoc(xmlText("1.0")));
    root = xmlNewDocNode(doc.get(), nullptr, xmlText(rootName), nullptr);
    xmlDocSetRootElement(doc.get(), root);
    for (const xmlNs* ns = flatRoot->nsDef; ns != nullptr; ns = ns->next)
        xmlNewNs(root, ns->href, ns->prefix);
    xmlSetNs(root, xmlSearchNsByHref(doc.get(), root, xmlText(kOffice)));
    if (xmlChar* version = xmlGetNsProp(flatRoot, xmlText("version"), xmlText(kOffice))) {
        xmlSetNsProp(root, root->ns, xmlText("version"), version);
        xmlFree(version);
    }
    return doc;
}

// Copies the flat root's children called one of `names` into `root`, in document order.
void copyChildren(const xmlNode* flatRoot, xmlDoc* doc, xmlNode* root, std::initializer_list<const char*> names)
{
    for (const char* name : names) {
        for (xmlNode* child = flatRoot->children; child != nullptr; child = child->next) {
            if (!xml::isElement(child, kOffice, name))
                continue;
            // Cloned against the new root so namespaces resolve to its declarations rather
            // than being declared again on every copied element.
            xmlNode* clone = nullptr;
            if (xmlDOMWrapCloneNode(nullptr, child->doc, child, &clone, doc, root, 1, 0) != 0 || clone == nullptr)
                throw EnvironmentFailure("partnering.odf.libxml2", "cannot copy office:" + std::string(name));
            xmlAddChild(root, clone);
        }
    }
}

struct Picture {
    std::string path;
    std::string mediaType;
    std::string bytes;
};

// Moves every embedded image (office:binary-data) into Pictures/ and links it.
void unpackImages(xmlNode* node, const std::string& sourceName, std::vector<Picture>& pictures)
{
    for (xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (xml::isElement(child, kDraw, "image")) {
            for (xmlNode* data = child->children; data != nullptr; data = data->next) {
                if (!xml::isElement(data, kOffice, "binary-data"))
                    continue;
                const std::string where = sourceName + ":" + std::to_string(xmlGetLineNo(data));
                std::string bytes = decodeBase64(xml::textOf(data), where);
                const auto [extension, mediaType] = pictureType(bytes);
                const std::string path = "Pictures/image" + std::to_string(pictures.size() + 1) + "." + extension;
                xmlNs* xlink = xmlSearchNsByHref(child->doc, child, xmlText(kXlink));
                if (xlink == nullptr)
                    xlink = xmlNewNs(xmlDocGetRootElement(child->doc), xmlText(kXlink), xmlText("xlink"));
                xmlSetNsProp(child, xlink, xmlText("href"), xmlText(path.c_str()));
                xmlSetNsProp(child, xlink, xmlText("type"), xmlText("simple"));
                xmlSetNsProp(child, xlink, xmlText("show"), xmlText("embed"));
                xmlSetNsProp(child, xlink, xmlText("actuate"), xmlText("onLoad"));
                pictures.push_back({path, mediaType, std::move(bytes)});
                xmlUnlinkNode(data);
                xmlFreeNode(data);
                break;
            }
        }
        unpackImages(child, sourceName, pictures);
    }
}

} // namespace

void writePackageFromFlat(std::string_view flatXml, const std::string& sourceName, const std::filesystem::path& out,
                          std::string_view mimetype)
{
    const auto flat = xml::parse(flatXml, sourceName);
    xmlNode* flatRoot = xmlDocGetRootElement(flat.get());
    if (!xml::isElement(flatRoot, kOffice, "document"))
        throw InvalidInput("partnering.odf.not-flat-odf", sourceName + ": the root element is not office:document");
    std::vector<Picture> pictures;
    unpackImages(flatRoot, sourceName, pictures);

    xmlNode* root = nullptr;
    const auto content = documentWithRoot(flatRoot, "document-content", root);
    copyChildren(flatRoot, content.get(), root, {"scripts", "font-face-decls", "automatic-styles", "body"});
    const auto styles = documentWithRoot(flatRoot, "document-styles", root);
    copyChildren(flatRoot, styles.get(), root, {"font-face-decls", "styles", "automatic-styles", "master-styles"});
    const auto meta = documentWithRoot(flatRoot, "document-meta", root);
    copyChildren(flatRoot, meta.get(), root, {"meta"});
    const auto settings = documentWithRoot(flatRoot, "document-settings", root);
    copyChildren(flatRoot, settings.get(), root, {"settings"});

    std::vector<std::pair<std::string, std::string>> entries = {
        {"content.xml", "text/xml"}, {"styles.xml", "text/xml"}, {"meta.xml", "text/xml"}, {"settings.xml", "text/xml"}};
    PackageWriter writer(out, mimetype);
    writer.add("content.xml", xml::serialize(content.get()));
    writer.add("styles.xml", xml::serialize(styles.get()));
    writer.add("meta.xml", xml::serialize(meta.get()));
    writer.add("settings.xml", xml::serialize(settings.get()));
    for (auto& picture : pictures) {
        entries.emplace_back(picture.path, picture.mediaType);
        writer.add(picture.path, std::move(picture.bytes));
    }
    writer.add("META-INF/manifest.xml", manifest(mimetype, entries));
    writer.commit();
}

} // namespace partnering::odf
