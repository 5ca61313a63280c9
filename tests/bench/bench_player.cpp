// Player benchmark (run by hand or by tests/bench/run.sh, not by ctest): the kiosk loop for N
// seconds, offscreen or in an X11 window, timing every drawn frame through the loop's hooks.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/feed/parse.hpp"
#include "embedded.hpp"
#include "player/player.hpp"

namespace {

double cpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long smapsKib(const char* key) {
  std::ifstream in("/proc/self/smaps_rollup");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key, 0) == 0) return std::atol(line.c_str() + std::strlen(key));
  return 0;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5))];
}

std::string stats(const char* name, const std::vector<double>& ms) {
  char out[200];
  std::snprintf(out, sizeof out, "\"%s\": {\"frames\": %zu, \"p50_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f}", name,
                ms.size(), percentile(ms, 0.5), percentile(ms, 0.99), percentile(ms, 1.0));
  return out;
}

int usage() {
  std::fprintf(stderr,
               "usage: sf_bench_player [--seconds N] [--at TIME] [--feed FILE] [--size WxH] [--x11]\n"
               "                       [--transition-ms N] [--clock-seconds] [--json FILE]\n"
               "  --x11: a window on $DISPLAY instead of SDL's offscreen driver (the loop then really sleeps)\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace std::chrono;
  const auto launched = steady_clock::now();
  int seconds = 60, width = 1920, height = 1080;
  std::string at, feedPath, jsonPath;
  sf::player::PlayerOptions o;
  o.offscreen = true;
  o.live = false;  // no feed worker: the loop's own cost only
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool hasValue = i + 1 < argc;
    if (a == "--seconds" && hasValue) seconds = std::atoi(argv[++i]);
    else if (a == "--at" && hasValue) at = argv[++i];
    else if (a == "--feed" && hasValue) feedPath = argv[++i];
    else if (a == "--json" && hasValue) jsonPath = argv[++i];
    else if (a == "--size" && hasValue) {
      if (std::sscanf(argv[++i], "%dx%d", &width, &height) != 2) return usage();
    } else if (a == "--transition-ms" && hasValue) o.config.transitionMs = std::atoi(argv[++i]);
    else if (a == "--clock-seconds") o.config.clockSeconds = true;
    else if (a == "--x11") o.offscreen = false;
    else return usage();
  }

  std::string text{sf::assets::defaultFeedJson()};
  if (!feedPath.empty()) {
    std::ifstream in(feedPath, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }
  auto parsed = sf::core::parseFeed(text, feedPath.empty() ? sf::assets::defaultFeedName : feedPath);
  if (!parsed.feed) {
    std::fprintf(stderr, "sf_bench_player: the feed does not parse\n");
    return 1;
  }
  o.startup.feed = std::make_shared<const sf::core::Feed>(std::move(*parsed.feed));
  o.width = width;
  o.height = height;
  // The show's clock starts now, or at --at: the rotation depends on the clock, so runs compare
  // only when they start at the same instant.
  o.startAt = time_point_cast<milliseconds>(system_clock::now());
  if (!at.empty()) {
    const auto t = sf::core::parseInstant(at);
    if (!t) {
      std::fprintf(stderr, "sf_bench_player: cannot read \"%s\" as an instant with offset\n", at.c_str());
      return 2;
    }
    o.startAt = time_point_cast<milliseconds>(*t);
  }
  o.runFor = std::chrono::seconds{seconds};
  double firstFrameMs = 0, cpuAtFirst = 0;
  std::vector<double> transitionMs, restMs;
  transitionMs.reserve(4096);
  restMs.reserve(4096);
  o.onFirstFrame = [&] {
    firstFrameMs = duration<double, std::milli>(steady_clock::now() - launched).count();
    cpuAtFirst = cpuSeconds();
  };
  o.onFrame = [&](nanoseconds t, bool moving) {
    (moving ? transitionMs : restMs).push_back(duration<double, std::milli>(t).count());
  };
  const int rc = sf::player::runPlayer(o);
  const double cpu = cpuSeconds() - cpuAtFirst;
  const char* where = o.offscreen ? "offscreen" : "X11 window";
  std::printf("launch to first full frame: %.1f ms\n", firstFrameMs);
  std::printf("after %d s of rotation at %dx%d (%s, software renderer): Rss %ld kB, Pss %ld kB\n", seconds, width,
              height, where, smapsKib("Rss:"), smapsKib("Pss:"));
  std::printf("CPU over the run (after the first frame): %.2f s (%.1f %% of one core)\n", cpu, 100 * cpu / seconds);
  std::printf("frames drawn: %zu in transitions, %zu at rest\n", transitionMs.size(), restMs.size());
  std::printf("frame time in transitions: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", percentile(transitionMs, 0.5),
              percentile(transitionMs, 0.99), percentile(transitionMs, 1.0));
  std::printf("frame time at rest:        p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", percentile(restMs, 0.5),
              percentile(restMs, 0.99), percentile(restMs, 1.0));
  if (!jsonPath.empty()) {
    std::ofstream out(jsonPath);
    out << "{\"width\": " << width << ", \"height\": " << height << ", \"seconds\": " << seconds << ", \"display\": \"" << where
        << "\", \"first_frame_ms\": " << firstFrameMs << ", \"cpu_s\": " << cpu << ", \"rss_kib\": " << smapsKib("Rss:")
        << ", \"pss_kib\": " << smapsKib("Pss:") << ", " << stats("transition", transitionMs) << ", " << stats("rest", restMs)
        << "}\n";
  }
  return rc;
}
