// A temporary lessons library and index folder for tests, and lesson files written into it.
#pragma once

#include "lessons/Lesson.hpp"
#include "lessons/LessonIndex.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace partnering::lessons::fixtures {

struct TextSpec {
    TextSpec(std::string language_, std::string title_, std::string body_, std::string summary_ = {},
             std::string advice_ = {})
        : language(std::move(language_)), title(std::move(title_)), body(std::move(body_)), summary(std::move(summary_)),
          advice(std::move(advice_))
    {
    }
    std::string language;
    std::string title;
    std::string body;
    std::string summary;
    std::string advice; // one <advice> paragraph; none when empty
};

// Every lesson file the project ships (index/lessons), parsed, with its path.
struct ShippedLesson {
    std::filesystem::path path;
    Lesson lesson;
};
std::vector<ShippedLesson> shippedLessons();

class LessonLibrary {
public:
    LessonLibrary();
    ~LessonLibrary();
    LessonLibrary(const LessonLibrary&) = delete;
    LessonLibrary& operator=(const LessonLibrary&) = delete;

    const std::filesystem::path& lessons() const { return lessons_; }
    const std::filesystem::path& index() const { return index_; }
    const std::filesystem::path& root() const { return root_; }

    // Writes <lessons>/<file> (default <id>.xml) and returns its path.
    std::filesystem::path write(const std::string& id, const std::vector<TextSpec>& texts, const std::string& steps = "",
                                const std::vector<std::string>& tags = {}, const std::string& file = "");
    std::filesystem::path writeRaw(const std::string& file, const std::string& bytes);

private:
    std::filesystem::path root_;
    std::filesystem::path lessons_;
    std::filesystem::path index_;
};

// Builds the library's index in a child process that kills itself (SIGKILL) once `files` files
// are written, as a power cut or `kill -9` would; true when the child died so.
bool buildKilledAfter(const LessonLibrary& library, std::size_t files, BuildOptions options = {});

} // namespace partnering::lessons::fixtures
