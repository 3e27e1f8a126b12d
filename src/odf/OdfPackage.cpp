#include "odf/OdfPackage.hpp"

#include "error/Error.hpp"
#include "xml/XmlDocument.hpp"

#include <zip.h>

#include <algorithm>
#include <deque>
#include <fstream>

namespace partnering::odf {

namespace {

// `id` whole, "partnering.odf.too-large", so that a grep for an id finds where it is thrown.
[[noreturn]] void invalid(const char* id, const std::string& where, const std::string& reason)
{
    throw InvalidInput(id, where + ": " + reason);
}

std::string zipError(zip_error_t* error)
{
    std::string text = zip_error_strerror(error);
    zip_error_fini(error);
    return text;
}

bool safeEntryName(std::string_view name)
{
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos
        || name.find('\0') != std::string_view::npos || (name.size() > 1 && name[1] == ':'))
        return false;
    std::size_t start = 0;
    while (start <= name.size()) {
        const std::size_t slash = std::min(name.find('/', start), name.size());
        if (name.substr(start, slash - start) == "..")
            return false;
        start = slash + 1;
    }
    return true;
}

struct ZipCloser {
    void operator()(zip_t* zip) const noexcept { zip_discard(zip); }
};

} // namespace

struct OdfPackage::Archive {
    std::string bytes; // libzip reads from here: it must outlive `zip`
    std::string sourceName;
    std::string mimetype;
    std::vector<std::string> names;
    std::vector<zip_uint64_t> indexes;
    std::unique_ptr<zip_t, ZipCloser> zip;
    PackageLimits limits;

    zip_uint64_t indexOf(std::string_view name) const
    {
        const auto it = std::find(names.begin(), names.end(), name);
        if (it == names.end())
            invalid("partnering.odf.missing-entry", sourceName, "has no " + std::string(name));
        return indexes[static_cast<std::size_t>(it - names.begin())];
    }
};

OdfPackage::OdfPackage(std::unique_ptr<Archive> archive) : archive_(std::move(archive)) {}
OdfPackage::~OdfPackage() = default;
OdfPackage::OdfPackage(OdfPackage&&) noexcept = default;
OdfPackage& OdfPackage::operator=(OdfPackage&&) noexcept = default;

OdfPackage OdfPackage::open(const std::filesystem::path& path, PackageLimits limits)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw EnvironmentFailure("partnering.odf.unreadable", path.string() + ": cannot open for reading");
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::uint64_t>(in.tellg());
    if (size > limits.maxTotalBytes)
        invalid("partnering.odf.too-large", path.string(),
                "the file is larger than " + std::to_string(limits.maxTotalBytes) + " bytes");
    in.seekg(0);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!in.read(bytes.data(), static_cast<std::streamsize>(size)))
        throw EnvironmentFailure("partnering.odf.unreadable", path.string() + ": read failed");
    return fromBytes(std::move(bytes), path.string(), limits);
}

OdfPackage OdfPackage::fromBytes(std::string bytes, std::string sourceName, PackageLimits limits)
{
    auto archive = std::make_unique<Archive>();
    archive->bytes = std::move(bytes);
    archive->sourceName = std::move(sourceName);
    archive->limits = limits;
    const std::string& name = archive->sourceName;

    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(archive->bytes.data(), archive->bytes.size(), 0, &error);
    if (source == nullptr)
        throw EnvironmentFailure("partnering.odf.libzip", name + ": " + zipError(&error));
    zip_t* zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (zip == nullptr) {
        zip_source_free(source);
        invalid("partnering.odf.not-a-zip", name, "not a zip archive (" + zipError(&error) + ")");
    }
    zip_error_fini(&error);
    archive->zip.reset(zip);

    const zip_int64_t count = zip_get_num_entries(zip, 0);
    if (count < 0 || static_cast<std::uint64_t>(count) > limits.maxEntries)
        invalid("partnering.odf.too-large", name,
                "has " + std::to_string(count) + " entries, more than " + std::to_string(limits.maxEntries));
    std::uint64_t total = 0;
    for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
        zip_stat_t stat;
        if (zip_stat_index(zip, i, 0, &stat) != 0 || (stat.valid & ZIP_STAT_NAME) == 0)
            invalid("partnering.odf.not-a-zip", name, "entry " + std::to_string(i) + " cannot be read");
        const std::string entry = stat.name;
        if (!safeEntryName(entry))
            invalid("partnering.odf.bad-entry-name", name + ": " + entry,
                    "entry names must be relative paths inside the package");
        if (entry.back() == '/')
            continue;
        if (stat.size > limits.maxEntryBytes)
            invalid("partnering.odf.too-large", name + ": " + entry,
                    "expands to " + std::to_string(stat.size) + " bytes, over the limit of "
                        + std::to_string(limits.maxEntryBytes));
        if (stat.size > (1u << 20) && stat.size / std::max<zip_uint64_t>(stat.comp_size, 1) > limits.maxRatio)
            invalid("partnering.odf.too-large", name + ": " + entry,
                    "compression ratio over " + std::to_string(limits.maxRatio) + " (a zip bomb?)");
        total += stat.size;
        if (total > limits.maxTotalBytes)
            invalid("partnering.odf.too-large", name,
                    "expands to more than " + std::to_string(limits.maxTotalBytes) + " bytes");
        if (std::find(archive->names.begin(), archive->names.end(), entry) != archive->names.end())
            invalid("partnering.odf.bad-entry-name", name + ": " + entry, "the entry appears twice");
        archive->names.push_back(entry);
        archive->indexes.push_back(i);
    }
    OdfPackage package(std::move(archive));
    if (!package.contains("mimetype"))
        invalid("partnering.odf.no-mimetype", name, "not an OpenDocument package (no mimetype entry)");
    package.archive_->mimetype = package.read("mimetype");
    return package;
}

const std::string& OdfPackage::sourceName() const noexcept
{
    return archive_->sourceName;
}

const std::string& OdfPackage::mimetype() const noexcept
{
    return archive_->mimetype;
}

const std::vector<std::string>& OdfPackage::entryNames() const noexcept
{
    return archive_->names;
}

bool OdfPackage::contains(std::string_view name) const noexcept
{
    return std::find(archive_->names.begin(), archive_->names.end(), name) != archive_->names.end();
}

std::string OdfPackage::read(std::string_view name) const
{
    const zip_uint64_t index = archive_->indexOf(name);
    const std::string where = archive_->sourceName + ": " + std::string(name);
    zip_stat_t stat;
    zip_stat_index(archive_->zip.get(), index, 0, &stat);
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(archive_->zip.get(), index, 0), zip_fclose);
    if (!file)
        invalid("partnering.odf.bad-entry", where, zip_strerror(archive_->zip.get()));
    std::string bytes(static_cast<std::size_t>(stat.size), '\0');
    const zip_int64_t got = zip_fread(file.get(), bytes.data(), bytes.size());
    char extra = 0;
    if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size || zip_fread(file.get(), &extra, 1) != 0)
        invalid("partnering.odf.bad-entry", where, "the compressed data is damaged or not the declared size");
    return bytes;
}

constexpr std::size_t kStoreBelow = 16 * 1024;

struct PackageWriter::Impl {
    std::filesystem::path path;
    std::unique_ptr<zip_t, ZipCloser> zip;
    std::deque<std::string> buffers; // the data of added entries, alive (and unmoved) until commit

    void addSource(const std::string& name, zip_source_t* source, bool store)
    {
        const zip_int64_t index = zip_file_add(zip.get(), name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            throw EnvironmentFailure("partnering.odf.write", path.string() + ": " + name + ": " + zip_strerror(zip.get()));
        }
        if (store)
            zip_set_file_compression(zip.get(), static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
        else
            zip_set_file_compression(zip.get(), static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 1);
    }
};

PackageWriter::PackageWriter(const std::filesystem::path& path, std::string_view mimetype) : impl_(std::make_unique<Impl>())
{
    impl_->path = path;
    int error = 0;
    // libzip writes into a temporary file beside `path` and renames it over `path` in
    // zip_close: until then nothing is touched, and zip_discard removes the temporary.
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (zip == nullptr) {
        zip_error_t failure;
        zip_error_init_with_code(&failure, error);
        throw EnvironmentFailure("partnering.odf.write", path.string() + ": " + zipError(&failure));
    }
    impl_->zip.reset(zip);
    impl_->buffers.emplace_back(mimetype);
    const auto& bytes = impl_->buffers.back();
    impl_->addSource("mimetype", zip_source_buffer(zip, bytes.data(), bytes.size(), 0), true);
}

PackageWriter::~PackageWriter() = default;

void PackageWriter::add(std::string name, std::string bytes)
{
    impl_->buffers.push_back(std::move(bytes));
    const auto& data = impl_->buffers.back();
    // Small entries are stored: deflating them saves little and each deflate stream costs
    // a quarter of a megabyte of zeroed tables. Large ones are deflated fast (level 1).
    impl_->addSource(name, zip_source_buffer(impl_->zip.get(), data.data(), data.size(), 0), data.size() < kStoreBelow);
}

void PackageWriter::copy(const OdfPackage& source, std::string_view name)
{
    const zip_uint64_t index = source.archive_->indexOf(name);
    zip_source_t* raw = zip_source_zip(impl_->zip.get(), source.archive_->zip.get(), index, ZIP_FL_COMPRESSED, 0, -1);
    if (raw == nullptr)
        throw EnvironmentFailure("partnering.odf.write", impl_->path.string() + ": " + std::string(name) + ": "
                                                             + zip_strerror(impl_->zip.get()));
    const zip_int64_t added = zip_file_add(impl_->zip.get(), std::string(name).c_str(), raw, ZIP_FL_ENC_UTF_8);
    if (added < 0) {
        zip_source_free(raw);
        throw EnvironmentFailure("partnering.odf.write", impl_->path.string() + ": " + std::string(name) + ": "
                                                             + zip_strerror(impl_->zip.get()));
    }
}

void PackageWriter::commit()
{
    zip_t* zip = impl_->zip.release();
    if (zip_close(zip) != 0) {
        const std::string reason = zip_strerror(zip);
        zip_discard(zip);
        throw EnvironmentFailure("partnering.odf.write", impl_->path.string() + ": " + reason);
    }
}

std::string manifest(std::string_view mimetype, const std::vector<std::pair<std::string, std::string>>& entries)
{
    std::string out = R"(<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type=")";
    out += mimetype;
    out += "\"/>\n";
    for (const auto& [path, mediaType] : entries) {
        out += " <manifest:file-entry manifest:full-path=\"" + xml::escape(path) + "\" manifest:media-type=\""
             + xml::escape(mediaType) + "\"/>\n";
    }
    out += "</manifest:manifest>\n";
    return out;
}

} // namespace partnering::odf
