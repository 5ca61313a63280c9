// Programme benchmark (run by hand, not by ctest): a large congress (900 talks, 58 rooms, 4 days,
// 12 tracks) opened in the programme and scrolled through at 1920x1080 on the software renderer.
// Each frame is drawn whole and read back, so the figures are an upper bound of the loop's.
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/feed/parse.hpp"
#include "core/show/programme.hpp"
#include "player/player.hpp"

namespace {

std::string congress(int events, int rooms, int days, int tracks) {
  std::string s = R"({"format": "schaufenster-feed", "version": 1, "id": "congress", "revision": 1,
  "generated": "2024-12-01T09:00:00+01:00", "timeZone": "Europe/Berlin", "languages": ["de", "en"],
  "title": {"de": "Großer Kongress", "en": "Large congress"}, "rooms": [)";
  for (int r = 0; r < rooms; ++r)
    s += (r ? "," : "") + std::string(R"({"id": "r)") + std::to_string(r) + R"(", "name": "Saal )" + std::to_string(r + 1) + "\"}";
  s += R"(], "tracks": [)";
  const char* colours[] = {"#E57373", "#64B5F6", "#81C784", "#FFB74D", "#BA68C8", "#4DD0E1"};
  for (int t = 0; t < tracks; ++t)
    s += (t ? "," : "") + std::string(R"({"id": "t)") + std::to_string(t) + R"(", "name": "Track )" + std::to_string(t + 1) +
         R"(", "color": ")" + colours[t % 6] + "\"}";
  s += R"(], "events": [)";
  const int perDay = (events + days - 1) / days;
  for (int i = 0; i < events; ++i) {
    const int day = 27 + i / perDay, k = i % perDay;
    const int slot = k / rooms * 4 % 56;  // 15-minute steps from 10:00
    const int minutes = 10 * 60 + slot * 15;
    char start[64], end[64];
    std::snprintf(start, sizeof start, "2024-12-%02dT%02d:%02d:00+01:00", day, minutes / 60, minutes % 60);
    std::snprintf(end, sizeof end, "2024-12-%02dT%02d:%02d:00+01:00", day, (minutes + 45) / 60, (minutes + 45) % 60);
    s += (i ? "," : "") + std::string(R"({"id": "e)") + std::to_string(i) + R"(", "title": "Talk number )" + std::to_string(i) +
         R"( about something long enough to wrap", "start": ")" + start + R"(", "end": ")" + end + R"(", "room": "r)" +
         std::to_string(k % rooms) + R"(", "track": "t)" + std::to_string(i % tracks) +
         R"(", "speakers": [{"name": "Ada Lovelace"}, {"name": "Grace Hopper"}]})";
  }
  return s + "]}";
}

// This process's proportional set size, from the kernel's rollup (0 where there is none).
// Each render hands back the frame's pixels (8 MiB at 1920x1080), which a player never holds:
// the heap's free pages go back to the system first, so what is measured is what stays.
long pssKiB() {
  ::malloc_trim(0);
  std::FILE* f = std::fopen("/proc/self/smaps_rollup", "r");
  if (!f) return 0;
  char line[256];
  long kib = 0;
  while (std::fgets(line, sizeof line, f))
    if (std::sscanf(line, "Pss: %ld kB", &kib) == 1) break;
  std::fclose(f);
  return kib;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5))];
}

}  // namespace

int main(int argc, char** argv) {
  using namespace std::chrono;
  int width = 1920, height = 1080, frames = 300;
  const char* write = nullptr;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--size")) std::sscanf(argv[i + 1], "%dx%d", &width, &height);
    if (!std::strcmp(argv[i], "--frames")) frames = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--write")) write = argv[i + 1];  // the congress feed, to play or render
  }
  if (write) {
    const std::string text = congress(900, 58, 4, 12);
    std::FILE* f = std::fopen(write, "w");
    if (!f || std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fclose(f) != 0) return 1;
    return 0;
  }
  sf::player::FrameRenderer renderer(width, height);
  if (!renderer.error().empty()) {
    std::fprintf(stderr, "bench_programme: %s\n", renderer.error().c_str());
    return 1;
  }
  // The baseline: the renderer with a small programme open (two rooms, a dozen talks), so the
  // growth measured below is what the congress's size costs, not the display's own memory.
  sf::player::RenderRequest req;
  req.width = width;
  req.height = height;
  req.view = sf::player::View::Programme;
  req.language = "en";
  req.at = time_point_cast<milliseconds>(*sf::core::parseInstant("2024-12-27T12:00:00+01:00"));
  long baseKiB = 0;
  {
    const auto small = sf::core::parseFeed(congress(12, 2, 2, 2), "small.json");
    if (!small.feed) return 1;
    req.feed = &*small.feed;
    (void)renderer.render(req);
    baseKiB = pssKiB();
  }

  const std::string text = congress(900, 58, 4, 12);
  auto t0 = steady_clock::now();
  auto parsed = sf::core::parseFeed(text, "congress.json");
  const double parseMs = duration<double, std::milli>(steady_clock::now() - t0).count();
  if (!parsed.feed) {
    std::fprintf(stderr, "bench_programme: the synthetic feed does not parse\n");
    return 1;
  }
  const sf::core::Feed& feed = *parsed.feed;
  req.feed = &feed;
  // Opening: the first frame of the programme (days, rooms, tracks and the day's slots built).
  t0 = steady_clock::now();
  auto first = renderer.render(req);
  first.rgba = {};
  const double openMs = duration<double, std::milli>(steady_clock::now() - t0).count();
  if (!first.error.empty()) {
    std::fprintf(stderr, "bench_programme: %s\n", first.error.c_str());
    return 1;
  }
  std::vector<double> ms;
  for (int f = 0; f < frames; ++f) {
    req.scroll = static_cast<float>((f * 37) % 12000);  // a visitor flicking down the day
    t0 = steady_clock::now();
    const auto out = renderer.render(req);
    ms.push_back(duration<double, std::milli>(steady_clock::now() - t0).count());
    if (!out.error.empty()) return 1;
  }
  const long pss = pssKiB();
  std::printf("{\"events\": %zu, \"rooms\": %zu, \"days\": %zu, \"size\": \"%dx%d\", \"parse_ms\": %.1f, \"open_ms\": %.1f, "
              "\"scroll\": {\"frames\": %zu, \"p50_ms\": %.2f, \"p99_ms\": %.2f, \"max_ms\": %.2f}, "
              "\"pss_kib\": {\"small_programme\": %ld, \"congress\": %ld, \"growth\": %ld}}\n",
              feed.events.size(), feed.rooms.size(), sf::core::programmeDays(feed).size(), width, height, parseMs, openMs,
              ms.size(), percentile(ms, 0.5), percentile(ms, 0.99), percentile(ms, 1.0), baseKiB, pss, pss - baseKiB);
  return 0;
}
