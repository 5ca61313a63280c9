// `serve` facing a stand's network: what it answers and refuses, and attacks from other addresses
// on 127.0.0.0/8 (range floods, big bodies, header floods, idle and slowloris connections) while
// a screen polls from 127.0.0.1: every poll is answered and the server's memory stays small.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "core/feed/parse.hpp"
#include "fixtures.hpp"
#include "platform/http.hpp"
#include "tools/publish.hpp"
#include "child_process.hpp"
#include "run_binary.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

int freePort() { return sf::test::freeLoopbackPort(); }

// A connection to the server from `source` (another loopback address: another machine on the
// stand's network), with send and receive timeouts so no test step can hang.
int connectFrom(const char* source, int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in from{};
  from.sin_family = AF_INET;
  ::inet_pton(AF_INET, source, &from.sin_addr);
  ::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from);
  timeval tv{2, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<std::uint16_t>(port));
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool sendAll(int fd, const std::string& data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

std::string receiveAll(int fd, std::size_t max = 64u << 20) {
  std::string out;
  char buf[65536];
  while (out.size() < max) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

std::size_t peakMemoryKiB(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.starts_with("VmHWM:")) return std::stoul(line.substr(6));
  return 0;
}

// A published folder served by the real binary on 127.0.0.1, with a screen polling it.
struct Stand {
  Stand() {
    std::string tmpl = (fs::temp_directory_path() / "sf-serve-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    fs::copy_file(sf::test::sourcePath("assets/examples/small-feed.json"), dir + "/feed.json");
    REQUIRE(publish().exitCode == 0);
    port = freePort();
    pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      const std::string log = dir + "/serve.log";
      std::freopen(log.c_str(), "w", stderr);
      std::freopen("/dev/null", "w", stdout);
      ::execl(SF_BINARY, SF_BINARY, "serve", (dir + "/www").c_str(), "--port", std::to_string(port).c_str(), "--bind",
              "127.0.0.1", "--timeout", "2", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    for (int i = 0; i < 200 && !poll(); ++i) std::this_thread::sleep_for(20ms);
  }
  ~Stand() {
    stopPolling();
    if (pid > 0) {
      ::kill(pid, SIGTERM);
      ::waitpid(pid, nullptr, 0);
    }
    fs::remove_all(dir);
  }
  sf::test::Run publish() { return sf::test::runBinary("publish " + dir + "/feed.json --to " + dir + "/www"); }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port) + path; }

  sf::core::Result<sf::platform::FetchResponse> poll(const std::string& etag = {}) {
    sf::platform::FetchRequest req;
    req.url = url("/feed.json");
    req.etag = etag;
    req.connectTimeoutMs = 1000;
    req.totalTimeoutMs = 2000;
    return sf::platform::fetch(req);
  }

  // A screen polling every 100 ms with its ETag; counts answers, failures and revisions seen.
  void startPolling() {
    poller = std::thread([this] {
      std::string etag;
      while (!stopping) {
        const auto began = std::chrono::steady_clock::now();
        const auto r = poll(etag);
        const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - began);
        if (took.count() > slowestMs) slowestMs = static_cast<int>(took.count());
        if (!r) {
          ++failed;
        } else {
          ++answered;
          if (!r->notModified) {
            etag = r->etag;
            if (auto f = sf::core::parseFeed(r->body, "served"); f.feed) revision = f.feed->revision;
          }
        }
        std::this_thread::sleep_for(100ms);
      }
    });
  }
  void stopPolling() {
    stopping = true;
    if (poller.joinable()) poller.join();
  }

  std::string dir;
  int port = 0;
  pid_t pid = -1;
  std::thread poller;
  std::atomic<bool> stopping{false};
  std::atomic<int> answered{0}, failed{0}, slowestMs{0};
  std::atomic<std::int64_t> revision{0};
};

}  // namespace

TEST_CASE("serve answers only what publish wrote: no dotfiles, keys, other files or links out of the folder", "[serve]") {
  Stand s;
  const std::string www = s.dir + "/www";
  std::ofstream(www + "/key.json") << "{\"secretKey\": \"x\"}";
  std::ofstream(www + "/.env") << "SECRET=1";
  fs::create_directories(www + "/.git");
  std::ofstream(www + "/.git/config") << "[core]";
  std::ofstream(www + "/notes.txt") << "private";
  std::ofstream(s.dir + "/outside.png") << "outside";
  fs::create_symlink(s.dir + "/outside.png", www + "/escape.png");
  fs::create_directories(www + "/images");
  std::ofstream(www + "/images/a.png") << "png bytes";
  const auto status = [&](const std::string& path) {
    sf::platform::FetchRequest req;
    req.url = s.url(path);
    const auto r = sf::platform::fetch(req);
    return r ? r->status : r.error().code;  // an error answer's status comes with the error
  };
  CHECK(status("/feed.json") == 200);
  CHECK(status("/current/feed.json") == 200);
  CHECK(status("/images/a.png") == 200);
  CHECK(status("/key.json") == 404);
  CHECK(status("/.env") == 404);
  CHECK(status("/.git/config") == 404);
  CHECK(status("/.publish.lock") == 404);
  CHECK(status("/notes.txt") == 404);
  CHECK(status("/escape.png") == 404);
  CHECK(status("/images/../key.json") == 404);
  CHECK(status("/%2e%2e/outside.png") == 404);
  CHECK(status("/") == 404);

  // Other methods are refused; a single range is honoured; control characters are logged escaped.
  int fd = connectFrom("127.0.0.1", s.port);
  REQUIRE(fd >= 0);
  REQUIRE(sendAll(fd, "DELETE /feed.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  CHECK_THAT(receiveAll(fd), Catch::StartsWith("HTTP/1.1 405"));
  ::close(fd);
  fd = connectFrom("127.0.0.1", s.port);
  REQUIRE(sendAll(fd, "GET /images/a.png HTTP/1.1\r\nHost: x\r\nRange: bytes=1-3\r\nConnection: close\r\n\r\n"));
  const std::string ranged = receiveAll(fd);
  ::close(fd);
  CHECK_THAT(ranged, Catch::StartsWith("HTTP/1.1 206"));
  CHECK(ranged.substr(ranged.size() - 3) == "ng ");
  fd = connectFrom("127.0.0.1", s.port);
  REQUIRE(sendAll(fd, "GET /%1b[31mfake%0a127.0.0.1%20GET%20/feed.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  receiveAll(fd);
  ::close(fd);
  ::kill(s.pid, SIGTERM);
  ::waitpid(s.pid, nullptr, 0);
  s.pid = -1;
  const std::string log = sf::test::readText(s.dir + "/serve.log");
  CHECK(log.find('\x1b') == std::string::npos);
  CHECK_THAT(log, Catch::Contains("/\\x1B[31mfake\\x0A127.0.0.1 GET /feed.json 404"));
}

TEST_CASE("attacks on serve from the stand's network: the screen's polls and updates keep arriving", "[serve]") {
  Stand s;
  // A 4 MiB image: a reply built from many ranges of it would be huge.
  {
    fs::create_directories(s.dir + "/www/images");
    std::ofstream img(s.dir + "/www/images/big.png", std::ios::binary);
    img << std::string(4u << 20, 'x');
  }
  s.startPolling();
  std::this_thread::sleep_for(300ms);
  // Each attack lasts at least two seconds (twenty polls), and none may hang the test.
  const auto start = std::chrono::steady_clock::now();
  const auto lasting = [&] { return std::chrono::steady_clock::now() - start < 2s; };
  const int answeredBefore = s.answered;
  std::vector<int> held;

  SECTION("2,000 overlapping ranges get the file once, not 2,000 times") {
    std::string ranges = "bytes=0-";
    for (int i = 1; i < 2000; ++i) ranges += ",0-";
    for (int i = 0; i < 200 && (i < 20 || lasting()); ++i) {
      const int fd = connectFrom("127.0.0.2", s.port);
      REQUIRE(fd >= 0);
      REQUIRE(sendAll(fd, "GET /images/big.png HTTP/1.1\r\nHost: x\r\nRange: " + ranges + "\r\nConnection: close\r\n\r\n"));
      const std::string reply = receiveAll(fd);
      ::close(fd);
      CHECK(reply.size() <= (4u << 20) + 4096);
    }
  }
  SECTION("big request bodies are not read") {
    std::vector<std::thread> senders;
    std::atomic<std::size_t> mostSent{0};
    for (int i = 0; i < 8; ++i)
      senders.emplace_back([&] {
        for (int round = 0; round < 100000 && (round == 0 || lasting()); ++round) {
          const int fd = connectFrom("127.0.0.2", s.port);
          if (fd < 0) continue;
          sendAll(fd, "POST /feed.json HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\n\r\n");
          const std::string chunk(65536, 'a');
          std::size_t sent = 0;
          while (sent < (256u << 20) && sendAll(fd, chunk)) sent += chunk.size();
          mostSent = std::max<std::size_t>(mostSent, sent);
          ::close(fd);
        }
      });
    for (auto& t : senders) t.join();
    CHECK(mostSent < (256u << 20));  // the server closed each before it took 256 MiB
  }
  SECTION("a flood of headers is cut off") {
    int rounds = 0, cutOff = 0;
    std::string headers = "GET /feed.json HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 20000; ++i) headers += "X-Flood-" + std::to_string(i) + ": y\r\n";
    for (int round = 0; round < 100000 && (round == 0 || lasting()); ++round) {
      const int fd = connectFrom("127.0.0.2", s.port);
      REQUIRE(fd >= 0);
      bool all = sendAll(fd, headers);
      for (int i = 0; i < 200 && all; ++i) all = sendAll(fd, headers);  // up to 100 MiB of headers
      cutOff += all ? 0 : 1;
      ++rounds;
      ::close(fd);
    }
    CHECK(cutOff == rounds);
  }
  SECTION("500 idle connections") {
    for (int i = 0; i < 500; ++i)
      if (const int fd = connectFrom("127.0.0.2", s.port); fd >= 0) held.push_back(fd);
    std::this_thread::sleep_for(3s);  // longer than the server's two-second timeout
    // Every one is closed by now: refused at once over the per-address limit, or timed out.
    int open = 0;
    for (int fd : held) {
      char c;
      if (::recv(fd, &c, 1, MSG_DONTWAIT) < 0 && errno == EAGAIN) ++open;
    }
    CHECK(open == 0);
  }
  SECTION("slowloris: one byte every half second") {
    for (int i = 0; i < 8; ++i)
      if (const int fd = connectFrom("127.0.0.3", s.port); fd >= 0) held.push_back(fd);
    REQUIRE(held.size() == 8);
    const std::string request = "GET /feed.json HTTP/1.1\r\nHost: x\r\nX-Padding: ";
    std::vector<bool> closed(held.size(), false);
    for (std::size_t b = 0; b < 12; ++b) {  // six seconds
      for (std::size_t i = 0; i < held.size(); ++i)
        if (!closed[i] && ::send(held[i], &request[b % request.size()], 1, MSG_NOSIGNAL) <= 0) closed[i] = true;
      std::this_thread::sleep_for(500ms);
    }
    CHECK(std::count(closed.begin(), closed.end(), true) == 8);  // the two-second request timeout cut them
    CHECK(std::chrono::steady_clock::now() - start < 10s);
  }
  // Meanwhile a new release reaches the screen.
  REQUIRE(s.publish().exitCode == 0);
  const auto published = sf::tools::currentRevision(s.dir + "/www");
  for (int i = 0; i < 50 && s.revision != published.value_or(-1); ++i) std::this_thread::sleep_for(100ms);
  s.stopPolling();
  for (int fd : held) ::close(fd);
  INFO("polls answered " << s.answered - answeredBefore << ", slowest " << s.slowestMs << " ms, attack "
                          << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count() << " ms");
  CHECK(s.revision == published.value_or(-1));
  CHECK(s.failed == 0);
  CHECK(s.answered >= answeredBefore + 10);
  const std::size_t peak = peakMemoryKiB(s.pid);
  INFO("server peak memory " << peak << " KiB");
  CHECK(peak > 0);
#if !defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer's shadow memory and quarantine hold 100-250 MiB of their own here: the bound
  // is judged in the optimised build, where the server's own memory is what is measured.
  CHECK(peak < 64 * 1024);
#endif
}
