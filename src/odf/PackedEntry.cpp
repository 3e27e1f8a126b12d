#include "odf/PackedEntry.hpp"

#include "error/Error.hpp"

#include <libdeflate.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <vector>

namespace partnering::odf {

namespace {

constexpr std::size_t kStoreBelow = 16 * 1024;

struct CompressorDeleter {
    void operator()(libdeflate_compressor* compressor) const noexcept { libdeflate_free_compressor(compressor); }
};

// A compressor and the buffer it deflates into, both costly to make: a compressor's tables and
// a buffer of the bound's size are fresh pages, zeroed by the kernel, more than deflating a
// small part costs. They are lent from a pool rather than kept per thread, because a fill
// packs on a short-lived thread as well as on its own.
struct Deflater {
    std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor{libdeflate_alloc_compressor(1)};
    std::string scratch;
};

class DeflaterPool {
public:
    DeflaterPool() { idle_.reserve(kKept); }

    std::unique_ptr<Deflater> take()
    {
        {
            const std::lock_guard lock(mutex_);
            if (!idle_.empty()) {
                auto deflater = std::move(idle_.back());
                idle_.pop_back();
                return deflater;
            }
        }
        auto deflater = std::make_unique<Deflater>();
        if (!deflater->compressor)
            throw EnvironmentFailure("partnering.odf.write", "libdeflate could not allocate a compressor (out of memory)");
        return deflater;
    }

    void give(std::unique_ptr<Deflater> deflater) noexcept
    {
        const std::lock_guard lock(mutex_);
        if (idle_.size() < kKept)
            idle_.push_back(std::move(deflater)); // never throws: the constructor reserved the room
    }

private:
    static constexpr std::size_t kKept = 8; // more than threads pack at once here
    std::mutex mutex_;
    std::vector<std::unique_ptr<Deflater>> idle_;
};

DeflaterPool& pool()
{
    static DeflaterPool deflaters;
    return deflaters;
}

// A deflater taken from the pool for one entry, and given back.
struct Lease {
    std::unique_ptr<Deflater> deflater = pool().take();
    ~Lease() { pool().give(std::move(deflater)); }
    Lease() = default;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
};

} // namespace

PackedEntry pack(std::string bytes)
{
    PackedEntry entry;
    entry.size = bytes.size();
    if (bytes.size() < kStoreBelow) {
        entry.data = std::move(bytes);
        return entry;
    }
    const Lease lease;
    libdeflate_compressor* compressor = lease.deflater->compressor.get();
    std::string& scratch = lease.deflater->scratch;
    scratch.resize(std::max(scratch.size(), libdeflate_deflate_compress_bound(compressor, bytes.size())));
    const std::size_t used = libdeflate_deflate_compress(compressor, bytes.data(), bytes.size(), scratch.data(), scratch.size());
    if (used == 0) { // not within the bound: cannot happen, but storing is always right
        entry.data = std::move(bytes);
        return entry;
    }
    entry.crc = libdeflate_crc32(0, bytes.data(), bytes.size());
    // Copied out at its (much smaller) size; the scratch buffer stays with the deflater.
    entry.data.assign(scratch, 0, used);
    entry.deflated = true;
    return entry;
}

} // namespace partnering::odf
