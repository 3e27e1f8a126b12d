#include "odf/AtomicFile.hpp"

#include "error/Error.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <string>

namespace partnering::odf {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, int error)
{
    throw EnvironmentFailure("partnering.odf.write", path.string() + ": cannot write: " + std::strerror(error));
}

std::filesystem::path folderOf(const std::filesystem::path& path)
{
    return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
}

// A name beside `path` that no one uses: hidden, and saying whose it is.
std::filesystem::path temporaryName(const std::filesystem::path& path)
{
    static thread_local std::mt19937_64 random{std::random_device{}()};
    return folderOf(path) / ("." + path.filename().string() + ".partnering-" + std::to_string(random() % 1000000000));
}

// Gives the unnamed file open as `fd` the name `target` (which must be free): through /proc, which
// any user may do, or else through AT_EMPTY_PATH, which needs CAP_DAC_READ_SEARCH.
int linkUnnamed(int fd, const std::filesystem::path& target)
{
    const std::string self = "/proc/self/fd/" + std::to_string(fd);
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, target.c_str(), AT_SYMLINK_FOLLOW) == 0)
        return 0;
    if (errno != ENOENT || ::access("/proc/self/fd", F_OK) == 0)
        return -1;
    return ::linkat(fd, "", AT_FDCWD, target.c_str(), AT_EMPTY_PATH);
}

} // namespace

struct AtomicFile::State {
    std::filesystem::path path;
    int fd = -1;
    std::filesystem::path named; // the fallback's temporary, when the file system has no O_TMPFILE
    bool committed = false;
};

AtomicFile::AtomicFile(const std::filesystem::path& path) : state_(std::make_unique<State>())
{
    state_->path = path;
    const std::filesystem::path folder = folderOf(path);
    state_->fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    if (state_->fd >= 0)
        return;
    // Kernels and file systems without O_TMPFILE say so in one of these ways.
    if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
        fail(path, errno);
    for (int attempt = 0; attempt < 100 && state_->fd < 0; ++attempt) {
        state_->named = temporaryName(path);
        state_->fd = ::open(state_->named.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666);
        if (state_->fd < 0 && errno != EEXIST)
            fail(path, errno);
    }
    if (state_->fd < 0)
        fail(path, EEXIST);
}

AtomicFile::~AtomicFile()
{
    if (state_->fd >= 0)
        ::close(state_->fd);
    if (!state_->committed && !state_->named.empty())
        ::unlink(state_->named.c_str());
}

void AtomicFile::write(std::string_view bytes)
{
    while (!bytes.empty()) {
        const ssize_t written = ::write(state_->fd, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR)
                continue;
            fail(state_->path, errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
}

void AtomicFile::commit()
{
    // On disk before it has the name: after a power cut the name holds the new file or the old one.
    if (::fsync(state_->fd) != 0)
        fail(state_->path, errno);
    if (state_->named.empty()) {
        // The unnamed file takes the target's own name where that is free, in one step.
        if (linkUnnamed(state_->fd, state_->path) == 0) {
            state_->committed = true;
            return;
        }
        if (errno != EEXIST)
            fail(state_->path, errno);
        for (int attempt = 0;; ++attempt) {
            state_->named = temporaryName(state_->path);
            if (linkUnnamed(state_->fd, state_->named) == 0)
                break;
            if (errno != EEXIST || attempt == 100) {
                const int error = errno;
                state_->named.clear();
                fail(state_->path, error);
            }
        }
    }
    if (::rename(state_->named.c_str(), state_->path.c_str()) != 0)
        fail(state_->path, errno); // the destructor removes the temporary
    state_->committed = true;
}

} // namespace partnering::odf
