#include "lessons/LessonFiles.hpp"

#include <sys/stat.h>
#include <xxhash.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace partnering::lessons {

namespace {

namespace fs = std::filesystem;

bool statFile(const std::string& path, InputFile& file)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode))
        return false;
    file.path = path;
    file.size = static_cast<std::uint64_t>(info.st_size);
    file.mtime = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
    return true;
}

} // namespace

std::string FileStamp::encode() const
{
    std::ostringstream out;
    out << std::hex << hash << std::dec << ' ' << size << ' ' << mtime << '\t' << lessonId;
    return out.str();
}

FileStamp FileStamp::decode(const std::string& text)
{
    FileStamp stamp;
    std::istringstream in(text.substr(0, text.find('\t')));
    in >> std::hex >> stamp.hash >> std::dec >> stamp.size >> stamp.mtime;
    const auto tab = text.find('\t');
    if (tab != std::string::npos)
        stamp.lessonId = text.substr(tab + 1);
    return stamp;
}

std::vector<InputFile> expandInputs(const std::vector<fs::path>& inputs, std::vector<RejectedFile>& rejected)
{
    std::set<std::string> seen;
    std::vector<InputFile> files;
    auto add = [&](const fs::path& path) {
        std::error_code ec;
        const fs::path absolute = fs::absolute(path, ec);
        const std::string canonical = ec ? std::string() : fs::weakly_canonical(absolute, ec).string();
        if (ec) {
            rejected.push_back({path.string(), "[partnering.lessons.unreadable] " + path.string() + ": " + ec.message(),
                                false});
            return;
        }
        InputFile file;
        if (seen.insert(canonical).second && statFile(canonical, file))
            files.push_back(std::move(file));
    };
    for (const auto& input : inputs) {
        std::error_code ec;
        if (fs::is_directory(input, ec)) {
            for (fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
                 !ec && it != end; it.increment(ec))
                if (it->is_regular_file(ec) && it->path().extension() == ".xml")
                    add(it->path());
            if (ec)
                rejected.push_back({input.string(),
                                    "[partnering.lessons.unreadable] " + input.string() + ": " + ec.message(), false});
        } else if (fs::is_regular_file(input, ec)) {
            add(input);
        } else {
            rejected.push_back({input.string(), "[partnering.lessons.missing-input] " + input.string()
                                                    + ": no such file or folder", false});
        }
    }
    std::sort(files.begin(), files.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
    return files;
}

std::string duplicateIdMessage(const std::string& path, const std::string& id, const std::string& firstPath)
{
    return "[partnering.lessons.duplicate-id] " + path + ":1: lesson id \"" + id + "\" is already used by " + firstPath;
}

bool readFile(const std::string& path, std::string& bytes)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    bytes = buffer.str();
    return !in.bad();
}

std::uint64_t fingerprint(std::string_view bytes)
{
    return XXH3_64bits(bytes.data(), bytes.size());
}

} // namespace partnering::lessons
