// Parse+validate timings: the embedded feed and synthetic feeds of 1,000 and 10,000 events.
// Prints wall-clock min/median/max over repeated runs; built with the tests, run on demand.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/feed_parse.hpp"
#include "embedded.hpp"

namespace {

std::string syntheticFeed(int events, int projects) {
  std::string s = R"({"format": "schaufenster-feed", "version": 1, "id": "synthetic", "revision": 1,
  "generated": "2024-03-01T09:00:00+01:00", "timeZone": "Europe/Berlin", "languages": ["de", "en"],
  "fields": [{"id": "f", "name": {"de": "Feld", "en": "Field"}, "color": "#1565C0"}], "projects": [)";
  for (int i = 0; i < projects; ++i) {
    s += (i ? "," : "") + std::string(R"({"id": "p)") + std::to_string(i) +
         R"(", "title": {"de": "Projekt mit einem langen Namen", "en": "Project with a long name"}, "summary": {"de": "Eine kurze Zusammenfassung des Projekts.", "en": "A short summary of the project."}, "field": "f", "tags": ["a", "b"]})";
  }
  s += R"(], "events": [)";
  for (int i = 0; i < events; ++i) {
    const int day = 1 + (i / 40) % 28, hour = 8 + (i % 40) / 4, minute = (i % 4) * 15;
    char start[64], end[64];
    std::snprintf(start, sizeof start, "2024-05-%02dT%02d:%02d:00+02:00", day, hour, minute);
    std::snprintf(end, sizeof end, "2024-05-%02dT%02d:%02d:00+02:00", day, hour + 1, minute);
    s += (i ? "," : "") + std::string(R"({"id": "e)") + std::to_string(i) + R"(", "title": {"de": "Vortrag Nummer )" +
         std::to_string(i) + R"(", "en": "Talk number )" + std::to_string(i) + R"("}, "description": {"de": "Worum es geht.", "en": "What it is about."}, "start": ")" +
         start + R"(", "end": ")" + end + R"(", "room": "Saal )" + std::to_string(i % 5) + R"(", "projects": ["p)" + std::to_string(i % std::max(projects, 1)) + "\"]}";
  }
  s += "]}";
  return s;
}

void measure(const char* name, const std::string& text, int runs) {
  std::vector<double> ms;
  std::size_t diagnostics = 0;
  bool valid = true;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = sf::core::parseFeed(text, name);
    const auto t1 = std::chrono::steady_clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    diagnostics = r.diagnostics.size();
    valid = valid && r.feed.has_value();
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%-28s %9.1f KiB %6d runs  min %8.3f ms  median %8.3f ms  max %8.3f ms  %s, %zu findings\n", name, text.size() / 1024.0, runs,
              ms.front(), ms[ms.size() / 2], ms.back(), valid ? "valid" : "INVALID", diagnostics);
}

}  // namespace

int main(int argc, char** argv) {
  const int scale = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1;
  std::printf("parse + validate, wall clock on this machine (%s build)\n",
#ifdef NDEBUG
              "optimised"
#else
              "debug"
#endif
  );
  measure("embedded MPI feed", std::string(sf::assets::defaultFeedJson()), 200 * scale);
  measure("1,000 events, 100 projects", syntheticFeed(1000, 100), 20 * scale);
  measure("10,000 events, 1,000 projects", syntheticFeed(10000, 1000), 5 * scale);
  return 0;
}
