// Synthetic feeds for the benchmarks: N projects in one field and M events spread over May 2024
// (40 a day, 08:00 to 18:00, five rooms), the shape of a large conference schedule.
#pragma once
#include <algorithm>
#include <cstdio>
#include <string>

namespace sf::bench {

inline std::string syntheticFeed(int events, int projects) {
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

}  // namespace sf::bench
