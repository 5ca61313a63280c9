// Helpers for the importer tests: the shared real-world samples, UTC instants written as text,
// and lookups of imported events by their source key.
#pragma once
#include <algorithm>
#include <stdexcept>
#include <string>

#include "core/import/common.hpp"
#include "core/base/time.hpp"
#include "fixtures.hpp"

namespace sf::test {
// The first and the last start among the imported events.
inline std::pair<core::Instant, core::Instant> firstAndLast(const core::ImportResult& r) {
  const auto [lo, hi] = std::minmax_element(r.events.begin(), r.events.end(),
                                            [](const auto& a, const auto& b) { return a.start < b.start; });
  return {lo->start, hi->start};
}

// The real exports beside the repository (never edited; see their README).
inline std::string samplePath(const std::string& rel) { return std::string(SF_SOURCE_DIR) + "/../shared/samples/" + rel; }
inline std::string sample(const std::string& rel) {
  const std::string text = readText(samplePath(rel));
  if (text.empty()) throw std::runtime_error("missing sample " + rel);
  return text;
}

inline core::Instant utc(const std::string& iso) {
  auto t = core::parseInstant(iso);
  if (!t) throw std::invalid_argument("not an instant: " + iso);
  return *t;
}

inline std::string utcText(core::Instant t) { return core::formatInstant(t, core::TimeZone::utc()); }

inline const core::ImportedEvent& eventByKey(const core::ImportResult& r, const std::string& key) {
  auto it = std::find_if(r.events.begin(), r.events.end(), [&](const auto& e) { return e.key == key; });
  if (it == r.events.end()) throw std::logic_error("no imported event with key " + key);
  return *it;
}

inline std::string allMessages(const core::Diagnostics& ds) {
  std::string out;
  for (const auto& d : ds) out += core::formatDiagnostic(d) + "\n";
  return out;
}

// Import options with a fixed "now", so recurrence horizons never depend on the test's date.
inline core::ImportOptions fixedOptions(const std::string& now = "2024-01-01T00:00:00Z") {
  core::ImportOptions o;
  o.now = utc(now);
  return o;
}

}  // namespace sf::test
