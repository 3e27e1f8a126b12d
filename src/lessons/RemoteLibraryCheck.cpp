#include "lessons/RemoteLibraryCheck.hpp"

#include "lessons/IndexSchema.hpp"

#include <xapian.h>

#include <cerrno>
#include <cstring>

namespace partnering::lessons {

namespace {

bool saysErrno(const Xapian::Error& e, int error)
{
    // Xapian keeps the errno of a failed connect() as its text only; this process's C
    // library says the same words for the same number.
    const char* said = e.get_error_string();
    return said != nullptr && std::strcmp(said, std::strerror(error)) == 0;
}

// Xapian 1.4 says only in its message which step timed out: "... trying to connect" (no
// answer to the call) or "... trying to read" (connected, then silence).
bool timedOutConnecting(const Xapian::NetworkTimeoutError& e)
{
    return e.get_msg().find("connect") != std::string::npos;
}

} // namespace

RemoteCheck checkRemoteLibrary(const std::string& host, int port, std::chrono::milliseconds timeout)
{
    RemoteCheck check;
    if (host.empty() || port <= 0 || port > 65535) {
        check.outcome = RemoteCheckOutcome::BadAddress;
        return check;
    }
    const auto ms = static_cast<unsigned>(timeout.count());
    try {
        const Xapian::Database db = Xapian::Remote::open(host, static_cast<unsigned>(port), ms, ms);
        if (db.get_metadata(std::string(schema::kFormatKey)).empty()) {
            check.outcome = RemoteCheckOutcome::NotALibrary;
            check.detail = "the database served there was not built by 'partnering index build'";
            return check;
        }
        const std::string prefix(schema::kLesson);
        for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term)
            ++check.lessonCount;
        check.outcome = RemoteCheckOutcome::Connected;
    } catch (const Xapian::NetworkTimeoutError& e) {
        check.outcome = timedOutConnecting(e) ? RemoteCheckOutcome::Unreachable : RemoteCheckOutcome::Silent;
        check.detail = e.get_description();
    } catch (const Xapian::NetworkError& e) {
        check.detail = e.get_description();
        if (saysErrno(e, ECONNREFUSED))
            check.outcome = RemoteCheckOutcome::Refused;
        else if (e.get_msg().rfind("Couldn't resolve", 0) == 0)
            check.outcome = RemoteCheckOutcome::UnknownHost;
        else if (e.get_msg().rfind("Couldn't connect", 0) == 0)
            check.outcome = RemoteCheckOutcome::Unreachable;
        else // it answered, then hung up or spoke another protocol
            check.outcome = RemoteCheckOutcome::NotALibrary;
    } catch (const Xapian::Error& e) {
        check.outcome = RemoteCheckOutcome::NotALibrary;
        check.detail = e.get_description();
    }
    return check;
}

} // namespace partnering::lessons
