// libFuzzer's custom mutator for zip packages: most mutations change one entry's uncompressed
// bytes (content.xml more often than the others) and zip the package again with correct sizes
// and checksums, so that the template's XML is fuzzed and not only the zip's framing; the
// rest mutate the archive's own bytes.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <utility>
#include <vector>

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t maxSize);

namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

// The entries of a well-formed archive, in order; empty when it is not one.
Entries unzipped(const std::uint8_t* data, std::size_t size)
{
    Entries entries;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(data, size, 0, &error);
    zip_t* zip = source != nullptr ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
    if (zip == nullptr) {
        if (source != nullptr)
            zip_source_free(source);
        zip_error_fini(&error);
        return entries;
    }
    const zip_int64_t count = zip_get_num_entries(zip, 0);
    for (zip_int64_t i = 0; i < count && i < 64; ++i) {
        zip_stat_t stat;
        zip_file_t* file = nullptr;
        if (zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &stat) != 0 || stat.size > (8u << 20)
            || (file = zip_fopen_index(zip, static_cast<zip_uint64_t>(i), 0)) == nullptr) {
            entries.clear();
            break;
        }
        std::string bytes(stat.size, '\0');
        const zip_int64_t read = zip_fread(file, bytes.data(), bytes.size());
        zip_fclose(file);
        if (read != static_cast<zip_int64_t>(bytes.size())) {
            entries.clear();
            break;
        }
        entries.emplace_back(stat.name, std::move(bytes));
    }
    zip_discard(zip);
    zip_error_fini(&error);
    return entries;
}

// The entries as an archive, "mimetype" stored and the rest deflated; empty on failure.
std::string zipped(const Entries& entries)
{
    std::string out;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* zip = buffer != nullptr ? zip_open_from_source(buffer, ZIP_TRUNCATE, &error) : nullptr;
    if (zip == nullptr) {
        if (buffer != nullptr)
            zip_source_free(buffer);
        zip_error_fini(&error);
        return out;
    }
    zip_source_keep(buffer);
    bool added = true;
    for (const auto& [name, bytes] : entries) {
        zip_source_t* source = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
        const zip_int64_t index = source != nullptr ? zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (source != nullptr)
                zip_source_free(source);
            added = false;
            break;
        }
        zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), name == "mimetype" ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 1);
    }
    if (!added || zip_close(zip) != 0) {
        zip_discard(zip); // on failure zip_close leaves the archive open
        zip_source_free(buffer);
        zip_error_fini(&error);
        return out;
    }
    zip_stat_t stat;
    if (zip_source_stat(buffer, &stat) == 0 && zip_source_open(buffer) == 0) {
        out.resize(stat.size);
        if (zip_source_read(buffer, out.data(), out.size()) != static_cast<zip_int64_t>(out.size()))
            out.clear();
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    zip_error_fini(&error);
    return out;
}

} // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t maxSize, unsigned seed)
{
    std::minstd_rand random(seed);
    if (random() % 4 == 0)
        return LLVMFuzzerMutate(data, size, maxSize);
    Entries entries = unzipped(data, size);
    if (entries.empty())
        return LLVMFuzzerMutate(data, size, maxSize);
    std::size_t chosen = random() % entries.size();
    if (random() % 2 == 0)
        for (std::size_t i = 0; i < entries.size(); ++i)
            if (entries[i].first == "content.xml")
                chosen = i;
    std::string& bytes = entries[chosen].second;
    const std::size_t before = bytes.size();
    bytes.resize(before + 256 + before / 8);
    bytes.resize(LLVMFuzzerMutate(reinterpret_cast<std::uint8_t*>(bytes.data()), before, bytes.size()));
    const std::string archive = zipped(entries);
    if (archive.empty() || archive.size() > maxSize)
        return LLVMFuzzerMutate(data, size, maxSize);
    std::memcpy(data, archive.data(), archive.size());
    return archive.size();
}
