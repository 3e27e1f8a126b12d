// Whether a shared lessons library answers at a server and port, and if not, why: what a
// settings page tells a person before they save (refused, silent, not a lessons library...).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace partnering::lessons {

enum class RemoteCheckOutcome {
    Connected,   // a lessons library answered; `lessonCount` holds its size
    BadAddress,  // no server name, or a port outside 1..65535
    UnknownHost, // the server's name does not resolve
    Refused,     // the server is there, but nothing listens on that port
    Unreachable, // the server could not be reached at all (no route, or it never answered the call)
    Silent,      // something accepted the connection but did not answer within the time allowed
    NotALibrary, // something answered, but not a Xapian server, or its database holds no lessons library
};

struct RemoteCheck {
    RemoteCheckOutcome outcome = RemoteCheckOutcome::Unreachable;
    std::size_t lessonCount = 0;
    std::string detail; // the network library's own words, for the curious; may be empty
};

// Connects to xapian-tcpsrv at host:port and reads what it serves. Never throws (but
// std::bad_alloc). Blocks for at most about twice `timeout` plus the name lookup: call it from
// a thread of its own when a person is waiting.
RemoteCheck checkRemoteLibrary(const std::string& host, int port, std::chrono::milliseconds timeout);

} // namespace partnering::lessons
