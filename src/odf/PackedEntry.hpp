// A package entry's bytes made ready for PackageWriter: deflated by libdeflate when large, with
// their size and CRC. Packing is the costly part of writing a package and may run on any thread.
#pragma once

#include <cstdint>
#include <string>

namespace partnering::odf {

struct PackedEntry {
    std::string data;       // as the package holds them: deflated, or the bytes themselves
    std::uint64_t size = 0; // of the bytes themselves
    std::uint32_t crc = 0;  // of the bytes themselves (0 while stored: libzip computes it)
    bool deflated = false;
};

// Small entries are stored (deflating them saves little); larger ones are deflated at
// libdeflate's fastest level (about twice zlib's fastest, and smaller). Throws
// EnvironmentFailure "[partnering.odf.write]" when memory runs out.
PackedEntry pack(std::string bytes);

} // namespace partnering::odf
