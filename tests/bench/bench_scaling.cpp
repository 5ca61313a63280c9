// How the cost grows with the feed: the embedded 42-project feed, and synthetic feeds of 1,000 and
// 10,000 events. Parse+validate time, heap held by the loaded feed, and full repaints of slides.
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "core/feed/parse.hpp"
#include "embedded.hpp"
#include "player/player.hpp"
#include "synthetic_feed.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Case {
  const char* name;
  std::string text;
  const char* at;  // a moment with a full schedule in the feed's days
};

std::vector<Case> cases() {
  return {{"embedded MPI feed (42 projects, 6 events)", std::string(sf::assets::defaultFeedJson()), "2024-04-25T10:00:00+02:00"},
          {"1,000 events, 100 projects", sf::bench::syntheticFeed(1000, 100), "2024-05-10T10:10:00+02:00"},
          {"10,000 events, 1,000 projects", sf::bench::syntheticFeed(10000, 1000), "2024-05-10T10:10:00+02:00"}};
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

// Median wall time of a full repaint of `view` (what painting a slide into its layer costs; the
// render path also rebuilds the rotation and the schedule each time, as the loop does once a minute).
double repaintMs(sf::player::FrameRenderer& renderer, const sf::core::Feed& feed, sf::player::View view, const char* at,
                 int runs) {
  sf::player::RenderRequest req;
  req.feed = &feed;
  req.view = view;
  req.at = std::chrono::time_point_cast<std::chrono::milliseconds>(*sf::core::parseInstant(at));
  std::vector<double> ms;
  renderer.render(req);  // fonts and glyphs warm
  for (int i = 0; i < runs; ++i) {
    const auto t0 = Clock::now();
    const auto r = renderer.render(req);
    ms.push_back(msSince(t0));
    if (!r.error.empty()) std::fprintf(stderr, "render: %s\n", r.error.c_str());
  }
  return median(ms);
}

}  // namespace

int main(int argc, char** argv) {
  // `--parse-only N`: parse case N once and exit, for instruction counts under callgrind.
  if (argc == 3 && std::string(argv[1]) == "--parse-only") {
    const auto all = cases();
    const std::size_t i = static_cast<std::size_t>(std::atoi(argv[2]));
    if (i >= all.size()) return 2;
    return sf::core::parseFeed(all[i].text, "bench").feed ? 0 : 1;
  }
  // `--write-feeds DIR`: the three feeds as DIR/feed-0.json.. for the kiosk loop's own frame times.
  if (argc == 3 && std::string(argv[1]) == "--write-feeds") {
    int i = 0;
    for (const Case& c : cases()) std::ofstream(std::string(argv[2]) + "/feed-" + std::to_string(i++) + ".json") << c.text;
    return 0;
  }
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  const std::string jsonPath = argc > 2 ? argv[2] : "";
  sf::player::FrameRenderer renderer(1920, 1080);
  if (!renderer.error().empty()) {
    std::fprintf(stderr, "sf_bench_scaling: %s\n", renderer.error().c_str());
    return 1;
  }
  std::string json = "[";
  std::printf("| feed | size | parse+validate (median) | heap held by the feed | repaint: rotation slide | repaint: schedule |\n");
  std::printf("|---|---|---|---|---|---|\n");
  for (const Case& c : cases()) {
    std::vector<double> parseMs;
    for (int i = 0; i < runs; ++i) {
      const auto t0 = Clock::now();
      const auto r = sf::core::parseFeed(c.text, "bench");
      parseMs.push_back(msSince(t0));
      if (!r.feed) return 1;
    }
    // What the loaded feed keeps on the heap, the text it came from not counted.
    malloc_trim(0);
    const std::size_t before = mallinfo2().uordblks;
    auto parsed = sf::core::parseFeed(c.text, "bench");
    malloc_trim(0);
    const double heapMiB = static_cast<double>(mallinfo2().uordblks - before) / (1 << 20);
    const sf::core::Feed& feed = *parsed.feed;
    const double rotationMs = repaintMs(renderer, feed, sf::player::View::Auto, c.at, runs * 2);
    const double scheduleMs = repaintMs(renderer, feed, sf::player::View::of(sf::core::SlideKind::Schedule), c.at, runs * 2);
    std::printf("| %s | %.0f KiB | %.2f ms | %.2f MiB | %.1f ms | %.1f ms |\n", c.name, c.text.size() / 1024.0,
                median(parseMs), heapMiB, rotationMs, scheduleMs);
    char item[512];
    std::snprintf(item, sizeof item,
                  "%s{\"feed\": \"%s\", \"projects\": %zu, \"events\": %zu, \"bytes\": %zu, \"parse_ms\": %.3f, "
                  "\"heap_mib\": %.3f, \"repaint_rotation_ms\": %.2f, \"repaint_schedule_ms\": %.2f}",
                  json.size() > 1 ? ", " : "", c.name, feed.projects.size(), feed.events.size(), c.text.size(),
                  median(parseMs), heapMiB, rotationMs, scheduleMs);
    json += item;
  }
  json += "]\n";
  if (!jsonPath.empty()) std::ofstream(jsonPath) << json;
  return 0;
}
