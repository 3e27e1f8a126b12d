// ODF packages (the zip inside .odt/.ott): reading archives from outside with the checks they
// need (path traversal, size bombs), and writing new ones atomically, mimetype first and stored.
#pragma once

#include "odf/PackedEntry.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace partnering::odf {

inline constexpr std::string_view kTextMimetype = "application/vnd.oasis.opendocument.text";
inline constexpr std::string_view kTextTemplateMimetype = "application/vnd.oasis.opendocument.text-template";

struct PackageLimits {
    std::size_t maxEntries = 4096;
    std::uint64_t maxEntryBytes = 64u << 20;  // one entry, uncompressed
    std::uint64_t maxTotalBytes = 256u << 20; // all entries, uncompressed
    std::uint64_t maxRatio = 200;             // uncompressed / compressed, for entries over 1 MiB
};

// A package read into memory. Opening throws InvalidInput "[partnering.odf.not-a-zip]",
// "[partnering.odf.bad-entry-name]" (absolute paths, "..", backslashes, an entry twice),
// "[partnering.odf.too-large]" (a size bomb), "[partnering.odf.no-mimetype]", and
// EnvironmentFailure "[partnering.odf.unreadable]", "[partnering.odf.libzip]"; read() throws
// InvalidInput "[partnering.odf.missing-entry]" and "[partnering.odf.bad-entry]" (damaged
// data). The message names the package and the entry.
class OdfPackage {
public:
    static OdfPackage open(const std::filesystem::path& path, PackageLimits limits = {});
    static OdfPackage fromBytes(std::string bytes, std::string sourceName, PackageLimits limits = {});
    ~OdfPackage();
    OdfPackage(OdfPackage&&) noexcept;
    OdfPackage& operator=(OdfPackage&&) noexcept;

    const std::string& sourceName() const noexcept;
    const std::string& mimetype() const noexcept;
    const std::vector<std::string>& entryNames() const noexcept; // in archive order
    bool contains(std::string_view name) const noexcept;
    std::string read(std::string_view name) const; // uncompressed bytes

private:
    friend class PackageWriter;
    struct Archive;
    explicit OdfPackage(std::unique_ptr<Archive> archive);
    std::unique_ptr<Archive> archive_;
};

// Writes a new package to `path`: nothing appears there until commit(), which replaces any
// previous file in one rename; a writer destroyed without commit() leaves no trace. Throws
// EnvironmentFailure "[partnering.odf.write]" when the file cannot be written; copy() throws
// InvalidInput "[partnering.odf.bad-entry]" for an entry whose data fails its checks.
class PackageWriter {
public:
    PackageWriter(const std::filesystem::path& path, std::string_view mimetype);
    ~PackageWriter();
    PackageWriter(const PackageWriter&) = delete;
    PackageWriter& operator=(const PackageWriter&) = delete;

    void add(std::string name, std::string bytes); // packed (odf::pack) here
    void add(std::string name, PackedEntry entry); // packed before, on any thread
    // Copies an entry as the source stores it (still compressed: byte for byte).
    void copy(const OdfPackage& source, std::string_view name);
    void commit();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The manifest (META-INF/manifest.xml) for `mimetype` and the given entries with their
// media types.
std::string manifest(std::string_view mimetype, const std::vector<std::pair<std::string, std::string>>& entries);

} // namespace partnering::odf
