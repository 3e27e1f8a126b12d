// A file written whole or not at all: the bytes go to an unnamed file in the target's folder and
// take the target's name only once they are all on disk, so a full disk or a kill -9 leaves the previous file and no temporary.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>

namespace partnering::odf {

// Replaces `path` on commit(). Until then `path` is untouched and nothing of the new file has a
// name (Linux's O_TMPFILE; where a file system lacks it, a hidden temporary beside `path` that
// every failure removes). A writer destroyed without commit() leaves no trace. Every failure
// throws EnvironmentFailure "[partnering.odf.write]" naming `path` and the system's reason
// ("No space left on device", "Read-only file system").
class AtomicFile {
public:
    explicit AtomicFile(const std::filesystem::path& path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view bytes);
    void commit(); // flushed to disk, then renamed over `path` in one step

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace partnering::odf
