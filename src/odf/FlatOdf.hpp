// Flat ODF (.fodt: one XML document, what templates are kept as in git) turned into an ODF
// package (.ott/.odt): content, styles, meta and settings split out, embedded images unpacked.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace partnering::odf {

// Writes the package atomically. Throws InvalidInput naming `sourceName` for input that is
// not a flat ODF text document.
void writePackageFromFlat(std::string_view flatXml, const std::string& sourceName, const std::filesystem::path& out,
                          std::string_view mimetype);

} // namespace partnering::odf
