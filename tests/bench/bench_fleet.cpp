// Fleet benchmark: N headless player processes (feed worker + UI-thread queue, no drawing) poll
// one local HTTPS feed server; the bench publishes new revisions and measures publish-to-screen.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <random>
#include <thread>

#include "live/live_support.hpp"
#include "live/feed_worker.hpp"

using namespace std::chrono;

namespace {

std::int64_t realtimeNs() { return duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count(); }

// One player: waits on its queue the way the UI loop does and reports each new revision.
int runChild(const std::string& url, const std::string& ca, const std::string& dir, int fd) {
  sf::core::Config config;
  config.feed = url;
  config.caBundle = ca;
  config.cacheDir = dir;
  config.pollSeconds = 5;
  std::mutex m;
  std::condition_variable cv;
  bool pending = false;
  sf::live::WorkerQueue queue;
  queue.setWake([&] {
    std::lock_guard l(m);
    pending = true;
    cv.notify_one();
  });
  const auto startup = sf::live::loadStartupFeed(config);
  sf::live::FeedWorker worker(config, startup, queue);
  std::deque<sf::live::WorkerMessage> got;
  while (true) {
    std::unique_lock l(m);
    cv.wait(l, [&] { return pending; });
    pending = false;
    l.unlock();
    if (!queue.drain(got)) continue;
    for (const auto& m : got) {
      const auto* u = std::get_if<sf::live::FeedUpdate>(&m);
      if (!u || !u->feed) continue;
      char line[64];
      const int n = std::snprintf(line, sizeof line, "%lld %lld\n", static_cast<long long>(u->feed->revision),
                                  static_cast<long long>(realtimeNs()));
      if (::write(fd, line, static_cast<std::size_t>(n)) < 0) return 1;
    }
  }
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5))];
}

double cpuSeconds(int who) {
  rusage ru{};
  ::getrusage(who, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 6 && std::string(argv[1]) == "--child") return runChild(argv[2], argv[3], argv[4], std::atoi(argv[5]));
  const int players = argc > 1 ? std::atoi(argv[1]) : 50;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 6;

  sf::test::FeedServer server;
  sf::test::TempDir dir;
  int revision = 100;
  server.setFeed(sf::test::feedWithRevision(revision));
  int pipeFds[2];
  if (::pipe(pipeFds) != 0) return 1;

  std::vector<pid_t> children;
  for (int i = 0; i < players; ++i) {
    const std::string cache = dir.path + "/p" + std::to_string(i);
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::close(pipeFds[0]);
      ::execl("/proc/self/exe", argv[0], "--child", server.url("/feed.json").c_str(), server.caFile().c_str(), cache.c_str(),
              std::to_string(pipeFds[1]).c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    children.push_back(pid);
  }
  ::close(pipeFds[1]);

  // Reads "revision time" lines; returns once every player reported `rev` or the time is up.
  FILE* in = ::fdopen(pipeFds[0], "r");
  std::map<long long, std::vector<long long>> seen;
  auto waitAll = [&](long long rev, seconds timeout) {
    const auto until = steady_clock::now() + timeout;
    while (static_cast<int>(seen[rev].size()) < players && steady_clock::now() < until) {
      long long r = 0, t = 0;
      if (std::fscanf(in, "%lld %lld", &r, &t) == 2) seen[r].push_back(t);
    }
    return static_cast<int>(seen[rev].size()) == players;
  };
  std::printf("fleet: %d player processes, poll interval 5 s (+-10%% jitter), HTTPS on 127.0.0.1, %d publications\n", players, rounds);
  if (!waitAll(revision, seconds(30))) std::printf("warning: not every player reported the first revision\n");

  const int requestsBefore = server.requestCount();
  const double serverCpuBefore = cpuSeconds(RUSAGE_SELF);
  const auto measureStart = steady_clock::now();
  std::vector<double> latencies;
  std::mt19937 rng(7);
  for (int round = 0; round < rounds; ++round) {
    std::this_thread::sleep_for(milliseconds(std::uniform_int_distribution<int>(1000, 6000)(rng)));
    ++revision;
    const long long published = realtimeNs();
    server.setFeed(sf::test::feedWithRevision(revision));
    const bool all = waitAll(revision, seconds(30));
    for (long long t : seen[revision]) latencies.push_back((t - published) / 1e9);
    std::printf("  revision %d: %zu/%d screens, slowest %.2f s%s\n", revision, seen[revision].size(), players,
                seen[revision].empty() ? 0.0 : (*std::max_element(seen[revision].begin(), seen[revision].end()) - published) / 1e9,
                all ? "" : "  (MISSING SCREENS)");
  }
  const double elapsed = duration<double>(steady_clock::now() - measureStart).count();
  const int requests = server.requestCount() - requestsBefore;
  const double serverCpu = cpuSeconds(RUSAGE_SELF) - serverCpuBefore;

  for (pid_t pid : children) ::kill(pid, SIGTERM);
  for (pid_t pid : children) ::waitpid(pid, nullptr, 0);
  const double playersCpu = cpuSeconds(RUSAGE_CHILDREN);

  std::printf("\n| metric | value |\n|---|---|\n");
  std::printf("| publish-to-screen latency p50 | %.2f s |\n", percentile(latencies, 0.5));
  std::printf("| publish-to-screen latency p99 | %.2f s |\n", percentile(latencies, 0.99));
  std::printf("| publish-to-screen latency max | %.2f s |\n", percentile(latencies, 1.0));
  std::printf("| samples | %zu |\n", latencies.size());
  std::printf("| server requests per second | %.1f |\n", requests / elapsed);
  std::printf("| server CPU (TLS + HTTP, whole run) | %.2f s over %.0f s = %.1f %% of a core |\n", serverCpu, elapsed, 100 * serverCpu / elapsed);
  std::printf("| CPU per player (whole run incl. start) | %.3f s |\n", playersCpu / players);
  std::printf("{\"players\": %d, \"p50\": %.3f, \"p99\": %.3f, \"max\": %.3f, \"samples\": %zu, \"requestsPerSecond\": %.2f, \"serverCpuPercent\": %.2f}\n",
              players, percentile(latencies, 0.5), percentile(latencies, 0.99), percentile(latencies, 1.0), latencies.size(),
              requests / elapsed, 100 * serverCpu / elapsed);
  return percentile(latencies, 0.99) < 6.0 ? 0 : 1;
}
