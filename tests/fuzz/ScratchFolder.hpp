// A private folder for fuzz targets whose code under test reads or writes files: made once per
// process under $TMPDIR, removed when the process ends.
#pragma once

#include <filesystem>
#include <string_view>

namespace partnering::fuzz {

const std::filesystem::path& scratchFolder();

// Writes `bytes` to `name` in the scratch folder (replacing it) and returns its path.
std::filesystem::path scratchFile(const std::string& name, std::string_view bytes);

} // namespace partnering::fuzz
