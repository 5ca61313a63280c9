// The soak test: the headless player lives through simulated days (its clock runs fast) while its
// HTTPS feed changes every two seconds, announcements come and go and random taps and swipes
// arrive. Anonymous memory, open file descriptors and threads are sampled; they must stay flat.
// Usage: sf_soak [simulated days, default 7] [clock speed, default 600]. Exit 1 when they grow.
#include <SDL.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/feed/parse.hpp"
#include "core/base/time.hpp"
#include "embedded.hpp"
#include "live/live_support.hpp"
#include "player/player.hpp"

namespace {

using namespace std::chrono;
using nlohmann::json;

constexpr const char* kStart = "2024-04-22T06:00:00+02:00";  // a Monday morning in Berlin

struct Sample {
  double realSeconds = 0;
  double simulatedHours = 0;
  long pssKiB = 0;
  int fds = 0;
  int threads = 0;
  long frames = 0;
};

// The process's anonymous memory (heap, textures, stacks): what a leak grows. Not PSS: PSS
// shares library pages among the processes mapping them, so it rises by megabytes when other
// tests running beside this one end, with no change in the player.
long pssKiB() {
  std::ifstream in("/proc/self/smaps_rollup");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("Anonymous:", 0) == 0) return std::atol(line.c_str() + 10);
  return -1;
}

// The revision the player reported last in its status file (what organisers' monitoring reads).
long playedRevision(const std::string& cacheDir) {
  std::ifstream in(cacheDir + "/status.json");
  const json status = json::parse(in, nullptr, false);
  return status.is_object() && status.contains("revision") && status["revision"].is_number() ? status["revision"].get<long>() : -1;
}

int countEntries(const char* dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

std::string isoAt(sys_seconds t) { return sf::core::formatInstant(t, *sf::core::TimeZone::find("Europe/Berlin")); }

// The built-in feed with a new revision, a retitled project, the day's events around `now` and,
// every other revision, an announcement for the next half hour.
std::string feedAt(int revision, sys_seconds now) {
  json f = json::parse(sf::assets::defaultFeedJson());
  f["revision"] = revision;
  f["generated"] = isoAt(now);
  auto& p = f["projects"][static_cast<std::size_t>(revision) % f["projects"].size()];
  p["title"] = {{"de", "Fassung " + std::to_string(revision)}, {"en", "Version " + std::to_string(revision)}};
  json events = json::array();
  const auto hour = floor<hours>(now);
  for (int i = -3; i < 9; ++i) {
    const sys_seconds start = hour + hours{i};
    events.push_back({{"id", "soak-" + std::to_string(revision) + "-" + std::to_string(i + 3)},
                      {"title", {{"de", "Sitzung " + std::to_string(i + 3)}, {"en", "Session " + std::to_string(i + 3)}}},
                      {"start", isoAt(start)},
                      {"end", isoAt(start + minutes{45})},
                      {"place", "Saal " + std::to_string(1 + (i & 1))}});
  }
  f["events"] = events;
  if (revision % 2 == 0)
    f["announcements"] = json::array({{{"id", "soak-" + std::to_string(revision)},
                                       {"text", {{"de", "Hinweis " + std::to_string(revision)}, {"en", "Notice " + std::to_string(revision)}}},
                                       {"start", isoAt(now)},
                                       {"end", isoAt(now + minutes{30})},
                                       {"priority", 5}}});
  else
    f.erase("announcements");
  return f.dump();
}

// The feed server runs in a child process, so its threads and sockets do not blur the player's.
pid_t startServer(int speed, sys_seconds simStart, std::string& url, std::string& caFile) {
  int fds[2];
  if (::pipe(fds) != 0) return -1;
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    ::close(fds[0]);
    sf::test::FeedServer server;
    const auto realStart = steady_clock::now();
    auto simNow = [&] { return simStart + duration_cast<seconds>(steady_clock::now() - realStart) * speed; };
    int revision = 10;
    server.setFeed(feedAt(revision, simNow()));
    const std::string hello = server.url("/feed.json") + "\n" + server.caFile() + "\n";
    if (::write(fds[1], hello.data(), hello.size()) < 0) ::_exit(1);
    ::close(fds[1]);
    for (;;) {
      std::this_thread::sleep_for(2s);
      server.setFeed(feedAt(++revision, simNow()));
    }
  }
  ::close(fds[1]);
  std::string text;
  char buf[512];
  for (ssize_t n; text.find('\n', text.find('\n') + 1) == std::string::npos && (n = ::read(fds[0], buf, sizeof buf)) > 0;)
    text.append(buf, static_cast<std::size_t>(n));
  ::close(fds[0]);
  std::istringstream lines(text);
  std::getline(lines, url);
  std::getline(lines, caFile);
  return pid;
}

// Taps, swipes and long pauses at random, as SDL mouse events (what a touch panel also becomes).
void pushInput(std::mt19937& rng, int w, int h) {
  std::uniform_int_distribution<int> x(0, w - 1), y(0, h - 1), kind(0, 9);
  SDL_Event e{};
  const int px = x(rng), py = y(rng);
  e.type = SDL_MOUSEBUTTONDOWN;
  e.button.button = SDL_BUTTON_LEFT;
  e.button.x = px;
  e.button.y = py;
  SDL_PushEvent(&e);
  if (kind(rng) < 4) {  // a swipe
    for (int i = 1; i <= 5; ++i) {
      SDL_Event m{};
      m.type = SDL_MOUSEMOTION;
      m.motion.state = SDL_BUTTON_LMASK;
      m.motion.x = std::clamp(px + (kind(rng) < 5 ? -1 : 1) * i * w / 12, 0, w - 1);
      m.motion.y = py;
      SDL_PushEvent(&m);
    }
  }
  e.type = SDL_MOUSEBUTTONUP;
  SDL_PushEvent(&e);
}

}  // namespace

int main(int argc, char** argv) {
  const double days = argc > 1 ? std::atof(argv[1]) : 7;
  const int speed = argc > 2 ? std::atoi(argv[2]) : 600;
  const auto simStart = *sf::core::parseInstant(kStart);
  std::string url, caFile;
  const pid_t server = startServer(speed, simStart, url, caFile);
  if (server < 0 || url.empty()) {
    std::fprintf(stderr, "sf_soak: the feed server did not start\n");
    return 2;
  }
  const std::string cache = (std::filesystem::temp_directory_path() / ("sf-soak-" + std::to_string(::getpid()))).string();
  std::filesystem::create_directories(cache);

  auto parsed = sf::core::parseFeed(sf::assets::defaultFeedJson(), sf::assets::defaultFeedName);
  sf::player::PlayerOptions o;
  o.startup.feed = std::make_shared<const sf::core::Feed>(std::move(*parsed.feed));
  o.offscreen = true;
  o.width = 640;
  o.height = 400;
  o.startAt = time_point_cast<milliseconds>(simStart);
  o.clockSpeed = speed;
  o.idle = seconds{60};
  o.config.feed = url;
  o.config.caBundle = caFile;
  o.config.pollSeconds = 1;
  o.config.cacheDir = cache;
  o.runFor = duration_cast<milliseconds>(duration<double>(days * 86400.0 / speed));

  std::vector<Sample> samples;
  std::mt19937 rng(42);
  long frames = 0;
  const auto realStart = steady_clock::now();
  auto nextSample = realStart, nextInput = realStart + 500ms;
  std::uniform_int_distribution<int> pause(50, 3000);
  // Sampling and input happen on the player's own thread, between frames: no extra thread.
  o.onFrame = [&](nanoseconds, bool) {
    ++frames;
    const auto now = steady_clock::now();
    if (now >= nextInput) {
      pushInput(rng, o.width, o.height);
      nextInput = now + milliseconds{pause(rng)};
    }
    if (now >= nextSample) {
      const double real = duration<double>(now - realStart).count();
      samples.push_back({real, real * speed / 3600.0, pssKiB(), countEntries("/proc/self/fd"), countEntries("/proc/self/task"), frames});
      nextSample = now + seconds{std::max(1, static_cast<int>(o.runFor.count() / 1000 / 40))};
    }
  };
  const int rc = sf::player::runPlayer(o);
  ::kill(server, SIGTERM);
  ::waitpid(server, nullptr, 0);
  const long revision = playedRevision(cache);
  std::filesystem::remove_all(cache);
  if (rc != 0 || samples.size() < 4) {
    std::fprintf(stderr, "sf_soak: the player ended with %d after %zu samples\n", rc, samples.size());
    return 2;
  }

  std::printf("%10s %12s %10s %5s %8s %9s\n", "real s", "simulated h", "anon KiB", "fds", "threads", "frames");
  for (const Sample& s : samples)
    std::printf("%10.1f %12.1f %10ld %5d %8d %9ld\n", s.realSeconds, s.simulatedHours, s.pssKiB, s.fds, s.threads, s.frames);
  // The first quarter is warm-up (fonts, layers, caches, TLS). Memory swings by a slide layer or two
  // as slides are painted and freed, so windows are compared by their peaks: the last quarter's
  // may not exceed the second quarter's by more than 5 % + 2 MiB. Descriptors and threads may
  // differ only by what one request in flight holds: three sockets (the connection and the
  // socket pair curl's resolver thread answers on) and that thread. A leak of one descriptor a
  // poll (one a second) puts the last quarter's peak six or more above the second's.
  const std::size_t n = samples.size();
  auto peak = [&](std::size_t from, std::size_t to, auto field) {
    long m = 0;
    for (std::size_t i = from; i < to; ++i) m = std::max<long>(m, field(samples[i]));
    return m;
  };
  const auto pss = [](const Sample& s) { return s.pssKiB; };
  const auto fds = [](const Sample& s) { return static_cast<long>(s.fds); };
  const auto threads = [](const Sample& s) { return static_cast<long>(s.threads); };
  const long earlyPss = peak(n / 4, n / 2, pss), latePss = peak(3 * n / 4, n, pss);
  const long earlyFds = peak(n / 4, n / 2, fds), lateFds = peak(3 * n / 4, n, fds);
  const long earlyThreads = peak(n / 4, n / 2, threads), lateThreads = peak(3 * n / 4, n, threads);
  const Sample& to = samples.back();
  std::printf("\nsimulated %.1f days at %dx in %.0f s, %ld frames\n", days, speed, to.realSeconds, to.frames);
  std::printf("start: anon %ld KiB, %d fds, %d threads; end: anon %ld KiB, %d fds, %d threads\n", samples.front().pssKiB,
              samples.front().fds, samples.front().threads, to.pssKiB, to.fds, to.threads);
  std::printf("peaks, second quarter -> last quarter: anon %ld -> %ld KiB, fds %ld -> %ld, threads %ld -> %ld\n", earlyPss, latePss,
              earlyFds, lateFds, earlyThreads, lateThreads);
  std::printf("the last feed revision played: %ld (the server started at 10 and changed it every 2 s)\n", revision);
  const bool followed = revision >= 10 + static_cast<long>(to.realSeconds / 2) - 3;
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer keeps freed memory in quarantine (256 MiB by default), so PSS climbs with
  // every allocation; there leaks are LeakSanitizer's to find at exit, and PSS is not judged.
  constexpr bool kJudgePss = false;
  std::printf("memory not judged: built with AddressSanitizer, whose quarantine holds freed memory\n");
#else
  constexpr bool kJudgePss = true;
#endif
  const bool flat = (!kJudgePss || latePss <= earlyPss + earlyPss / 20 + 2048) && lateFds <= earlyFds + 3 &&
                    lateThreads <= earlyThreads + 1;
  std::printf("%s\n", flat ? "flat: memory, descriptors and threads did not grow" : "GROWTH: see the samples above");
  if (!followed) std::printf("the player fell behind the feed's changes\n");
  return flat && followed ? 0 : 1;
}
