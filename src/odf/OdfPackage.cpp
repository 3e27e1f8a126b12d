#include "odf/OdfPackage.hpp"

#include "error/Error.hpp"
#include "odf/AtomicFile.hpp"
#include "xml/XmlDocument.hpp"

#include <libdeflate.h>
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <fstream>
#include <mutex>
#include <set>

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

struct SourceFreer {
    void operator()(zip_source_t* source) const noexcept { zip_source_free(source); }
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
    // The entries whose data has been read through and found whole (see PackageWriter::copy);
    // a filler may copy from one template on several threads.
    std::mutex checkedMutex;
    std::set<zip_uint64_t> checked;

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
    const bool deflated = (stat.valid & ZIP_STAT_COMP_METHOD) != 0 && stat.comp_method == ZIP_CM_DEFLATE
                       && (stat.valid & ZIP_STAT_CRC) != 0 && (stat.valid & ZIP_STAT_COMP_SIZE) != 0
                       && (stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && stat.encryption_method == ZIP_EM_NONE;
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
        zip_fopen_index(archive_->zip.get(), index, deflated ? ZIP_FL_COMPRESSED : 0), zip_fclose);
    if (!file)
        invalid("partnering.odf.bad-entry", where, zip_strerror(archive_->zip.get()));
    const auto readAll = [&](std::string& into) {
        const zip_int64_t got = zip_fread(file.get(), into.data(), into.size());
        char extra = 0;
        return got >= 0 && static_cast<std::size_t>(got) == into.size() && zip_fread(file.get(), &extra, 1) == 0;
    };
    std::string bytes(static_cast<std::size_t>(stat.size), '\0');
    if (!deflated) {
        if (!readAll(bytes))
            invalid("partnering.odf.bad-entry", where, "the compressed data is damaged or not the declared size");
        return bytes;
    }
    // Deflated data is inflated by libdeflate (several times zlib's speed) from the raw bytes,
    // with the same checks libzip makes: exactly the declared size, and the CRC.
    std::string compressed(static_cast<std::size_t>(stat.comp_size), '\0');
    thread_local std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor*)> inflater(
        libdeflate_alloc_decompressor(), libdeflate_free_decompressor);
    if (!inflater)
        throw EnvironmentFailure("partnering.odf.unreadable", where + ": libdeflate could not allocate a decompressor (out of memory)");
    std::size_t produced = 0;
    if (!readAll(compressed)
        || libdeflate_deflate_decompress(inflater.get(), compressed.data(), compressed.size(), bytes.data(), bytes.size(), &produced)
               != LIBDEFLATE_SUCCESS
        || produced != bytes.size() || libdeflate_crc32(0, bytes.data(), bytes.size()) != stat.crc)
        invalid("partnering.odf.bad-entry", where, "the compressed data is damaged or not the declared size");
    return bytes;
}

namespace {

// A deflated entry, which libzip copies as it is: its source states the method, size and CRC,
// so libzip neither recompresses it nor reads it twice.
struct DeflatedEntry {
    PackedEntry packed;
    std::size_t offset = 0;
    zip_error_t error{};

    explicit DeflatedEntry(PackedEntry entry) : packed(std::move(entry)) { zip_error_init(&error); }
    ~DeflatedEntry() { zip_error_fini(&error); }
    DeflatedEntry(const DeflatedEntry&) = delete;
    DeflatedEntry& operator=(const DeflatedEntry&) = delete;
};

zip_int64_t readDeflated(void* state, void* data, zip_uint64_t length, zip_source_cmd_t command)
{
    auto& entry = *static_cast<DeflatedEntry*>(state);
    switch (command) {
    case ZIP_SOURCE_OPEN:
        entry.offset = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        const std::string& bytes = entry.packed.data;
        const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(length), bytes.size() - entry.offset);
        std::memcpy(data, bytes.data() + entry.offset, n);
        entry.offset += n;
        return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE:
        return 0; // the writer owns the entry
    case ZIP_SOURCE_STAT: {
        auto* stat = static_cast<zip_stat_t*>(data);
        zip_stat_init(stat);
        stat->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC | ZIP_STAT_ENCRYPTION_METHOD;
        stat->size = entry.packed.size;
        stat->comp_size = entry.packed.data.size();
        stat->comp_method = ZIP_CM_DEFLATE;
        stat->encryption_method = ZIP_EM_NONE;
        stat->crc = entry.packed.crc;
        return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&entry.error, data, length);
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                              ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
        zip_error_set(&entry.error, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
}

} // namespace

struct PackageWriter::Impl {
    std::filesystem::path path;
    std::unique_ptr<zip_source_t, SourceFreer> sink; // the package in memory
    std::unique_ptr<zip_t, ZipCloser> zip;
    std::deque<std::string> buffers; // the data of stored entries, alive (and unmoved) until commit
    std::deque<DeflatedEntry> deflated; // the same for deflated ones

    void addSource(const std::string& name, zip_source_t* source, bool store)
    {
        if (source == nullptr)
            throw EnvironmentFailure("partnering.odf.write", path.string() + ": " + name + ": " + zip_strerror(zip.get()));
        const zip_int64_t index = zip_file_add(zip.get(), name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            throw EnvironmentFailure("partnering.odf.write", path.string() + ": " + name + ": " + zip_strerror(zip.get()));
        }
        if (store)
            zip_set_file_compression(zip.get(), static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
};

PackageWriter::PackageWriter(const std::filesystem::path& path, std::string_view mimetype) : impl_(std::make_unique<Impl>())
{
    impl_->path = path;
    // libzip builds the package in memory; commit() hands it to an AtomicFile, which names it
    // only once it is whole on disk. (libzip's own file writing leaves its named temporary
    // behind when the process is killed.)
    zip_error_t failure;
    zip_error_init(&failure);
    zip_source_t* sink = zip_source_buffer_create(nullptr, 0, 0, &failure);
    if (sink == nullptr)
        throw EnvironmentFailure("partnering.odf.write", path.string() + ": " + zipError(&failure));
    impl_->sink.reset(sink);
    zip_source_keep(sink); // the archive takes one reference, the writer keeps its own to read the result
    zip_t* zip = zip_open_from_source(sink, ZIP_TRUNCATE, &failure);
    if (zip == nullptr) {
        zip_source_free(sink);
        throw EnvironmentFailure("partnering.odf.write", path.string() + ": " + zipError(&failure));
    }
    zip_error_fini(&failure);
    impl_->zip.reset(zip);
    impl_->buffers.emplace_back(mimetype);
    const auto& bytes = impl_->buffers.back();
    impl_->addSource("mimetype", zip_source_buffer(zip, bytes.data(), bytes.size(), 0), true);
}

PackageWriter::~PackageWriter() = default;

void PackageWriter::add(std::string name, std::string bytes)
{
    add(std::move(name), pack(std::move(bytes)));
}

void PackageWriter::add(std::string name, PackedEntry entry)
{
    if (!entry.deflated) {
        impl_->buffers.push_back(std::move(entry.data));
        const auto& data = impl_->buffers.back();
        impl_->addSource(name, zip_source_buffer(impl_->zip.get(), data.data(), data.size(), 0), true);
        return;
    }
    DeflatedEntry& deflated = impl_->deflated.emplace_back(std::move(entry));
    impl_->addSource(name, zip_source_function(impl_->zip.get(), readDeflated, &deflated), false);
}

void PackageWriter::copy(const OdfPackage& source, std::string_view name)
{
    const zip_uint64_t index = source.archive_->indexOf(name);
    // libzip copies the compressed bytes as they are and so never checks their CRC: a damaged
    // entry would pass into the new package unseen. Each entry is read through once per
    // package (InvalidInput "[partnering.odf.bad-entry]" naming it), then copied as it is.
    {
        OdfPackage::Archive& archive = *source.archive_;
        const std::lock_guard lock(archive.checkedMutex);
        if (!archive.checked.contains(index)) {
            source.read(name);
            archive.checked.insert(index);
        }
    }
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
    // Kept in its own method: left at libzip's default (deflate), a stored entry was deflated
    // on the way, and each zlib stream it opened cost a quarter of a megabyte of fresh pages.
    zip_stat_t stat;
    if (zip_stat_index(source.archive_->zip.get(), index, 0, &stat) == 0 && (stat.valid & ZIP_STAT_COMP_METHOD) != 0)
        zip_set_file_compression(impl_->zip.get(), static_cast<zip_uint64_t>(added), stat.comp_method, 0);
}

void PackageWriter::commit()
{
    zip_t* zip = impl_->zip.release();
    if (zip_close(zip) != 0) {
        const std::string reason = zip_strerror(zip);
        zip_discard(zip);
        throw EnvironmentFailure("partnering.odf.write", impl_->path.string() + ": " + reason);
    }
    zip_source_t* sink = impl_->sink.get();
    if (zip_source_open(sink) != 0)
        throw EnvironmentFailure("partnering.odf.write",
                                 impl_->path.string() + ": " + zip_error_strerror(zip_source_error(sink)));
    // Closed (not freed: the writer owns it) on every way out, a failed write's included.
    const std::unique_ptr<zip_source_t, int (*)(zip_source_t*)> reading(sink, zip_source_close);
    AtomicFile file(impl_->path);
    // Not zeroed: libzip fills what it returns, and a megabyte of zeros was 256 pages touched
    // for a package of a few dozen kilobytes.
    constexpr std::size_t kChunk = 1u << 20;
    const auto chunk = std::make_unique_for_overwrite<char[]>(kChunk);
    for (;;) {
        const zip_int64_t got = zip_source_read(sink, chunk.get(), kChunk);
        if (got < 0)
            throw EnvironmentFailure("partnering.odf.write",
                                     impl_->path.string() + ": " + zip_error_strerror(zip_source_error(sink)));
        if (got == 0)
            break;
        file.write(std::string_view(chunk.get(), static_cast<std::size_t>(got)));
    }
    file.commit();
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
