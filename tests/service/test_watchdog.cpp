// A supervisor in miniature plays systemd's part for a Type=notify unit with WatchdogSec: it
// reads READY and WATCHDOG messages, kills a player whose loop hangs, and starts it again.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

constexpr auto kWatchdog = 1s;  // WatchdogSec=1 (the unit uses more; the logic is the same)

struct Message {
  Clock::time_point at;
  std::string text;
};

class Supervisor {
 public:
  Supervisor() : dir_(fs::temp_directory_path() / ("sf-watchdog-" + std::to_string(::getpid()))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    socketPath_ = (dir_ / "notify").string();
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", socketPath_.c_str());
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  }
  ~Supervisor() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(fd_);
    fs::remove_all(dir_);
  }

  // Starts `argv` as systemd would: NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID set.
  void start(std::vector<std::string> argv) {
    const std::string usec = std::to_string(std::chrono::microseconds(kWatchdog).count());
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::setenv("NOTIFY_SOCKET", socketPath_.c_str(), 1);
      ::setenv("WATCHDOG_USEC", usec.c_str(), 1);
      ::setenv("WATCHDOG_PID", std::to_string(::getpid()).c_str(), 1);
      ::setenv("SDL_VIDEODRIVER", "offscreen", 1);
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, 1);
      ::dup2(null, 2);
      std::vector<char*> args;
      for (auto& a : argv) args.push_back(a.data());
      args.push_back(nullptr);
      ::execv(args[0], args.data());
      ::_exit(127);
    }
  }

  // The next message, or an empty one when none comes within `timeout`.
  Message receive(Clock::duration timeout) {
    pollfd p{fd_, POLLIN, 0};
    const int ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(timeout).count());
    if (::poll(&p, 1, ms) <= 0) return {Clock::now(), {}};
    char buf[512];
    const auto n = ::recv(fd_, buf, sizeof buf, 0);
    return {Clock::now(), n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string()};
  }

  // Waits for a message containing `what`; false after `timeout`.
  bool await(const std::string& what, Clock::duration timeout, Clock::time_point* at = nullptr) {
    const auto end = Clock::now() + timeout;
    while (Clock::now() < end) {
      const Message m = receive(end - Clock::now());
      if (m.text.find(what) != std::string::npos) {
        if (at) *at = m.at;
        return true;
      }
    }
    return false;
  }

  // The gaps between WATCHDOG=1 pings over `span`.
  std::vector<double> pingGaps(Clock::duration span) {
    std::vector<double> gaps;
    Clock::time_point last{};
    const auto end = Clock::now() + span;
    while (Clock::now() < end) {
      const Message m = receive(end - Clock::now());
      if (m.text.find("WATCHDOG=1") == std::string::npos) continue;
      if (last != Clock::time_point{}) gaps.push_back(std::chrono::duration<double>(m.at - last).count());
      last = m.at;
    }
    return gaps;
  }

  // What systemd does when the watchdog expires: SIGABRT (WatchdogSignal), SIGKILL if that fails.
  int abortAndReap() {
    ::kill(pid_, SIGABRT);
    for (int i = 0; i < 100; ++i) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFSIGNALED(status) ? WTERMSIG(status) : -1;
      }
      std::this_thread::sleep_for(50ms);
    }
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFSIGNALED(status) ? WTERMSIG(status) : -1;
  }

  pid_t pid() const { return pid_; }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
  std::string socketPath_;
  int fd_ = -1;
  pid_t pid_ = -1;
};

std::size_t threadCount(pid_t pid) {
  std::size_t n = 0;
  std::error_code ec;
  for (auto it = fs::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec); !ec && it != fs::directory_iterator(); ++it) ++n;
  return n;
}

bool pingsKeepTime(const std::vector<double>& gaps) {
  if (gaps.size() < 3) return false;
  for (double g : gaps)
    if (g >= std::chrono::duration<double>(kWatchdog).count()) return false;
  return true;
}

}  // namespace

TEST_CASE("the player tells systemd it is ready and pings the watchdog while idle", "[watchdog]") {
  Supervisor s;
  const auto cache = s.dir() / "cache";
  fs::create_directories(cache);
  const auto config = s.dir() / "config.json";
  { std::FILE* f = std::fopen(config.c_str(), "w"); std::fputs(("{\"cacheDir\": \"" + cache.string() + "\"}").c_str(), f); std::fclose(f); }
  s.start({SF_BINARY, "--config", config.string(), "--window", "640x400"});
  REQUIRE(s.await("READY=1", 60s));
  // Between slide changes the loop sleeps; it must still come round in time for every ping.
  const auto gaps = s.pingGaps(4s);
  INFO("pings: " << gaps.size() + 1);
  CHECK(pingsKeepTime(gaps));
  ::kill(s.pid(), SIGTERM);  // a clean stop says so
  CHECK(s.await("STOPPING=1", 10s));
}

TEST_CASE("a player whose main loop hangs misses the watchdog, is killed and comes back", "[watchdog]") {
  Supervisor s;
  const std::vector<std::string> argv{SF_HANG_PLAYER, s.dir().string()};
  s.start(argv);
  REQUIRE(s.await("READY=1", 60s));
  REQUIRE(pingsKeepTime(s.pingGaps(3s)));

  // The main loop hangs; the process and its worker threads live on, but no ping comes.
  // The hang starts at the next frame (at most a second away); pings until then are fine, but
  // then a whole watchdog interval must pass in silence.
  REQUIRE(::kill(s.pid(), SIGUSR1) == 0);
  bool silent = false;
  for (const auto end = Clock::now() + 5s; !silent && Clock::now() < end;) silent = !s.await("WATCHDOG=1", kWatchdog + 500ms);
  CHECK(silent);
  CHECK(::kill(s.pid(), 0) == 0);
  CHECK(threadCount(s.pid()) > 1);

  // systemd's part: the watchdog expired, so abort the process and (Restart=always) start it again.
  CHECK(s.abortAndReap() == SIGABRT);
  s.start(argv);
  REQUIRE(s.await("READY=1", 60s));
  CHECK(pingsKeepTime(s.pingGaps(3s)));
}
