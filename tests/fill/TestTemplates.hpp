// Small Writer templates written from a flat ODF body, for the fill tests: the fields as a
// template writes them and the filled values as a draft holds them.
#pragma once

#include "fill/TemplateFiller.hpp"
#include "odf/FlatOdf.hpp"

#include <filesystem>
#include <string>

namespace partnering::testing {

inline const std::string kHead = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><meta:generator>test</meta:generator></office:meta><office:body><office:text>)";
inline const std::string kTail = "</office:text></office:body></office:document>";

inline std::string field(const std::string& path)
{
    return "<text:placeholder text:placeholder-type=\"text\">&lt;" + path + "&gt;</text:placeholder>";
}

// A filled value as the draft holds it: inside the bookmark a refresh finds it by.
inline std::string bookmarked(const std::string& name, const std::string& xml)
{
    return "<text:bookmark-start text:name=\"" + name + "\"/>" + xml + "<text:bookmark-end text:name=\"" + name + "\"/>";
}

// The template of `body` written to `path` (its name is the template's name) and opened.
inline fill::TemplateFiller templateOf(const std::string& body, const std::filesystem::path& path)
{
    odf::writePackageFromFlat(kHead + body + kTail, path.filename().string(), path, odf::kTextTemplateMimetype);
    return fill::TemplateFiller::open(path);
}

} // namespace partnering::testing
