#include "ScratchFolder.hpp"

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>

namespace partnering::fuzz {

namespace {

struct OwnedFolder {
    std::filesystem::path path;
    OwnedFolder()
    {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/partnering-fuzz-XXXXXX";
        if (mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("cannot make a scratch folder from " + pattern);
        path = pattern;
    }
    ~OwnedFolder()
    {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    OwnedFolder(const OwnedFolder&) = delete;
    OwnedFolder& operator=(const OwnedFolder&) = delete;
};

} // namespace

const std::filesystem::path& scratchFolder()
{
    static const OwnedFolder folder;
    return folder.path;
}

std::filesystem::path scratchFile(const std::string& name, std::string_view bytes)
{
    auto path = scratchFolder() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush())
        throw std::runtime_error("cannot write " + path.string());
    return path;
}

} // namespace partnering::fuzz
