#include "LessonLibrary.hpp"

#include <atomic>
#include <csignal>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace partnering::lessons::fixtures {

namespace {
std::string escape(const std::string& text)
{
    std::string out;
    for (char c : text) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else
            out.push_back(c);
    }
    return out;
}
} // namespace

std::vector<ShippedLesson> shippedLessons()
{
    std::vector<ShippedLesson> shipped;
    for (const auto& entry : std::filesystem::directory_iterator(PARTNERING_SOURCE_DIR "/index/lessons")) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        shipped.push_back({entry.path(), parseLesson(bytes.str(), entry.path().string())});
    }
    return shipped;
}

LessonLibrary::LessonLibrary()
{
    static std::atomic<int> counter{0};
    root_ = std::filesystem::temp_directory_path()
            / ("partnering-lessons-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(root_);
    lessons_ = root_ / "lessons";
    index_ = root_ / "index";
    std::filesystem::create_directories(lessons_);
}

LessonLibrary::~LessonLibrary()
{
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
}

std::filesystem::path LessonLibrary::write(const std::string& id, const std::vector<TextSpec>& texts,
                                           const std::string& steps, const std::vector<std::string>& tags,
                                           const std::string& file)
{
    std::string xml = "<lesson xmlns=\"urn:x-partnering:lesson:1\" id=\"" + id + "\"";
    if (!steps.empty())
        xml += " steps=\"" + steps + "\"";
    xml += ">\n";
    for (const auto& tag : tags)
        xml += "  <tag>" + tag + "</tag>\n";
    for (const auto& text : texts) {
        xml += "  <text xml:lang=\"" + text.language + "\"><title>" + escape(text.title) + "</title>";
        if (!text.summary.empty())
            xml += "<summary>" + escape(text.summary) + "</summary>";
        xml += "<body><p>" + escape(text.body) + "</p></body>";
        if (!text.advice.empty())
            xml += "<advice><p>" + escape(text.advice) + "</p></advice>";
        xml += "</text>\n";
    }
    xml += "</lesson>\n";
    return writeRaw(file.empty() ? id + ".xml" : file, xml);
}

std::filesystem::path LessonLibrary::writeRaw(const std::string& file, const std::string& bytes)
{
    const auto path = lessons_ / file;
    std::filesystem::create_directories(path.parent_path());
    // A new inode and size/mtime change even within the same clock tick: the indexer must notice.
    std::filesystem::remove(path);
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

bool buildKilledAfter(const LessonLibrary& library, std::size_t files, BuildOptions options)
{
    const pid_t child = ::fork();
    if (child == -1)
        return false;
    if (child == 0) {
        options.progress = [files](std::size_t done, std::size_t) {
            if (done == files)
                ::raise(SIGKILL);
        };
        LessonIndex(library.index()).build({library.lessons()}, std::nullopt, options);
        ::_exit(0); // not reached
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

} // namespace partnering::lessons::fixtures
