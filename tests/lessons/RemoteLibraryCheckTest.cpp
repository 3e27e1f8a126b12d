// What checkRemoteLibrary() tells about a port: a real xapian-tcpsrv serving the shipped library
// (and one serving a database that is not a lessons library), a closed port, a listener that
// never speaks, a server that hangs up at once, an unknown name and a bad address.
#include "lessons/LessonIndex.hpp"
#include "lessons/RemoteLibraryCheck.hpp"

#include "lessons/LessonLibrary.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

namespace partnering::lessons {
namespace {

using namespace std::chrono_literals;

// A TCP socket on 127.0.0.1 with a port of the kernel's choosing, listening or not.
class LocalSocket {
public:
    explicit LocalSocket(bool listening)
    {
        fd_ = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
        socklen_t length = sizeof address;
        getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
        port_ = ntohs(address.sin_port);
        if (listening)
            listen(fd_, 4);
    }
    ~LocalSocket() { close(fd_); }
    LocalSocket(const LocalSocket&) = delete;
    LocalSocket& operator=(const LocalSocket&) = delete;

    int port() const { return port_; }
    int fd() const { return fd_; }

private:
    int fd_ = -1;
    int port_ = 0;
};

// xapian-tcpsrv in a process of its own, serving `database` until destroyed.
class TcpServer {
public:
    explicit TcpServer(const std::filesystem::path& database)
    {
        {
            const LocalSocket free(false); // closed again before the server binds its port
            port_ = free.port();
        }
        pid_ = fork();
        if (pid_ == 0) {
            const std::string port = std::to_string(port_), path = database.string();
            execlp("xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", port.c_str(),
                   path.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
    }
    ~TcpServer()
    {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    TcpServer(const TcpServer&) = delete;
    TcpServer& operator=(const TcpServer&) = delete;

    // The check, once the server listens (it takes a moment to start).
    RemoteCheck check()
    {
        RemoteCheck result;
        for (int attempt = 0; attempt < 100; ++attempt) {
            result = checkRemoteLibrary("127.0.0.1", port_, 5000ms);
            if (result.outcome != RemoteCheckOutcome::Refused)
                break;
            std::this_thread::sleep_for(100ms);
        }
        return result;
    }

private:
    int port_ = 0;
    pid_t pid_ = -1;
};

TEST(RemoteLibraryCheck, ALessonsLibraryIsCountedInLessons)
{
    fixtures::LessonLibrary library;
    library.write("first", {{"en", "First lesson", "Body"}, {"fr", "Première leçon", "Corps"}});
    library.write("second", {{"en", "Second lesson", "Body"}});
    LessonIndex(library.index()).build({library.lessons()});
    TcpServer server(library.index());
    const auto check = server.check();
    EXPECT_EQ(check.outcome, RemoteCheckOutcome::Connected) << check.detail;
    EXPECT_EQ(check.lessonCount, 2u); // lessons, not texts
}

TEST(RemoteLibraryCheck, AnotherXapianDatabaseIsNotALessonsLibrary)
{
    fixtures::LessonLibrary scratch;
    const auto database = scratch.root() / "other";
    {
        Xapian::WritableDatabase other(database.string(), Xapian::DB_CREATE_OR_OPEN);
        Xapian::Document document;
        document.add_term("hello");
        other.add_document(document);
        other.commit();
    }
    TcpServer server(database);
    EXPECT_EQ(server.check().outcome, RemoteCheckOutcome::NotALibrary);
}

TEST(RemoteLibraryCheck, AClosedPortIsRefused)
{
    int port = 0;
    {
        LocalSocket closed(false);
        port = closed.port();
    }
    const auto check = checkRemoteLibrary("127.0.0.1", port, 2000ms);
    EXPECT_EQ(check.outcome, RemoteCheckOutcome::Refused) << check.detail;
}

TEST(RemoteLibraryCheck, AListenerThatNeverSpeaksIsSilentWithinTheTimeout)
{
    LocalSocket silent(true); // the kernel accepts the connection; nobody answers
    const auto started = std::chrono::steady_clock::now();
    const auto check = checkRemoteLibrary("127.0.0.1", silent.port(), 700ms);
    EXPECT_EQ(check.outcome, RemoteCheckOutcome::Silent) << check.detail;
    EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
}

TEST(RemoteLibraryCheck, AServerThatHangsUpIsNotALessonsLibrary)
{
    LocalSocket server(true);
    std::thread hangUp([&] {
        const int connection = accept(server.fd(), nullptr, nullptr);
        const char greeting[] = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
        if (write(connection, greeting, sizeof greeting - 1) < 0)
            ADD_FAILURE() << "could not answer";
        close(connection);
    });
    const auto check = checkRemoteLibrary("127.0.0.1", server.port(), 2000ms);
    hangUp.join();
    EXPECT_EQ(check.outcome, RemoteCheckOutcome::NotALibrary) << check.detail;
}

TEST(RemoteLibraryCheck, AnUnknownNameAndABadAddressAreSaidSo)
{
    EXPECT_EQ(checkRemoteLibrary("no-such-host.invalid", 7777, 2000ms).outcome, RemoteCheckOutcome::UnknownHost);
    EXPECT_EQ(checkRemoteLibrary("", 7777, 2000ms).outcome, RemoteCheckOutcome::BadAddress);
    EXPECT_EQ(checkRemoteLibrary("localhost", 0, 2000ms).outcome, RemoteCheckOutcome::BadAddress);
    EXPECT_EQ(checkRemoteLibrary("localhost", 70000, 2000ms).outcome, RemoteCheckOutcome::BadAddress);
}

} // namespace
} // namespace partnering::lessons
