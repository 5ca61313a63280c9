// Player benchmark (run by hand, not by ctest): launch to first frame, memory after a minute of
// rotation at 1920x1080 offscreen, CPU seconds over that minute, frame times in transitions.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "core/feed_parse.hpp"
#include "embedded.hpp"
#include "player/player.hpp"

namespace {

double cpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

std::string smapsRollup() {
  std::ifstream in("/proc/self/smaps_rollup");
  std::string line, out;
  while (std::getline(in, line))
    if (line.rfind("Rss:", 0) == 0 || line.rfind("Pss:", 0) == 0 || line.rfind("Private_Dirty:", 0) == 0)
      out += "  " + line + "\n";
  return out;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5))];
}

}  // namespace

int main(int argc, char** argv) {
  using namespace std::chrono;
  const int seconds = argc > 1 ? std::atoi(argv[1]) : 60;
  const auto launched = steady_clock::now();
  auto parsed = sf::core::parseFeed(sf::assets::defaultFeedJson(), sf::assets::defaultFeedName);
  if (!parsed.feed) return 1;

  sf::player::PlayerOptions o;
  o.feed = std::make_shared<const sf::core::Feed>(std::move(*parsed.feed));
  o.offscreen = true;
  o.width = 1920;
  o.height = 1080;
  // The show's clock starts now, or at argv[2] (e.g. 2024-04-25T10:00:00+02:00): the rotation
  // depends on the clock, so runs compare only when they start at the same instant.
  o.startAt = time_point_cast<milliseconds>(system_clock::now());
  if (argc > 2) {
    const auto at = sf::core::parseInstant(argv[2]);
    if (!at) {
      std::fprintf(stderr, "bench_player: cannot read \"%s\" as an instant with offset\n", argv[2]);
      return 2;
    }
    o.startAt = time_point_cast<milliseconds>(*at);
  }
  o.runFor = std::chrono::seconds{seconds};
  double firstFrameMs = 0, cpuAtFirst = 0;
  std::vector<double> transitionMs, restMs;
  o.onFirstFrame = [&] {
    firstFrameMs = duration<double, std::milli>(steady_clock::now() - launched).count();
    cpuAtFirst = cpuSeconds();
  };
  o.onFrame = [&](nanoseconds t, bool moving) {
    (moving ? transitionMs : restMs).push_back(duration<double, std::milli>(t).count());
  };
  const int rc = sf::player::runPlayer(o);
  const double cpu = cpuSeconds() - cpuAtFirst;
  std::printf("launch to first full frame: %.1f ms\n", firstFrameMs);
  std::printf("after %d s of rotation at 1920x1080 (offscreen, software renderer):\n%s", seconds, smapsRollup().c_str());
  std::printf("CPU over the run (after the first frame): %.2f s (%.1f %% of one core)\n", cpu, 100 * cpu / seconds);
  std::printf("frames drawn: %zu in transitions, %zu at rest\n", transitionMs.size(), restMs.size());
  std::printf("frame time in transitions: p50 %.2f ms, p99 %.2f ms\n", percentile(transitionMs, 0.5),
              percentile(transitionMs, 0.99));
  std::printf("frame time at rest:        p50 %.2f ms, p99 %.2f ms\n", percentile(restMs, 0.5), percentile(restMs, 0.99));
  return rc;
}
