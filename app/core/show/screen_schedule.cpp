// Off periods as local wall times turned into instants day by day, so DST nights (23 or 25 hours)
// switch at the right local time; the next change is the first boundary where the answer flips.
#include "core/show/screen_schedule.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "core/show/player_state.hpp"

namespace sf::core {
namespace {

using std::chrono::days;

struct Span {
  Instant start, end;
};

// The spans of every period starting on local days first … last.
void spansFor(const ScreenSchedule& schedule, Date first, Date last, const TimeZone& zone, std::vector<Span>& out) {
  for (Date d = first; d <= last; d += days{1}) {
    const unsigned weekday = std::chrono::weekday(d).c_encoding();
    for (const OffPeriod& p : schedule) {
      if (!(p.days & (1u << weekday))) continue;
      const Instant start = zone.fromLocal(d, p.from / 60, p.from % 60);
      const Date endDay = p.until > p.from ? d : d + days{1};
      const Instant end = p.until == 1440 ? zone.startOfDay(endDay + days{1}) : zone.fromLocal(endDay, p.until / 60, p.until % 60);
      if (end > start) out.push_back({start, end});
    }
  }
}

bool offAt(const std::vector<Span>& spans, Instant t) {
  return std::any_of(spans.begin(), spans.end(), [&](const Span& s) { return s.start <= t && t < s.end; });
}

std::optional<int> parseClock(const std::string& s, bool allow24) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  for (int i : {0, 1, 3, 4})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  const int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && (m != 0 || !allow24))) return std::nullopt;
  return h * 60 + m;
}

constexpr std::array<const char*, 7> kDayNames{"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

}  // namespace

ScreenPhase screenPhaseAt(const ScreenSchedule& schedule, Instant now, const TimeZone& zone) {
  if (schedule.empty()) return {};
  const Date today = zone.toLocal(now).date;
  // A week and a day ahead covers every weekly pattern; yesterday's periods may run into today.
  std::vector<Span> spans;
  spansFor(schedule, today - days{1}, today + days{8}, zone, spans);
  ScreenPhase phase;
  phase.off = offAt(spans, now);
  std::vector<Instant> edges;
  for (const Span& s : spans) {
    if (s.start > now) edges.push_back(s.start);
    if (s.end > now) edges.push_back(s.end);
  }
  std::sort(edges.begin(), edges.end());
  for (Instant e : edges)
    if (offAt(spans, e) != phase.off) {
      phase.until = e;
      break;
    }
  return phase;
}

bool screenDark(const ScreenPhase& phase, const PlayerState& state, Millis now) {
  if (!phase.off) return false;
  return !(state.lastInput && now - *state.lastInput < state.idleTimeout);
}

void wakeScreen(PlayerState& state, Millis now) { state.lastInput = now; }

std::optional<Millis> screenSleepsAt(const ScreenPhase& phase, const PlayerState& state) {
  if (!phase.off || !state.lastInput) return std::nullopt;
  return *state.lastInput + state.idleTimeout;
}

ScreenSchedule parseScreenSchedule(const nlohmann::json& value, const std::string& pointer, Diagnostics& out) {
  ScreenSchedule schedule;
  if (!value.is_array()) {
    report(out, Severity::Error, pointer, std::string("expected a list of periods such as [{\"from\": \"22:00\", \"until\": \"07:00\"}], found ") +
                                              value.type_name());
    return schedule;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto& e = value[i];
    const std::string at = pointer + "/" + std::to_string(i);
    if (!e.is_object()) {
      report(out, Severity::Error, at, std::string("expected {\"from\": \"HH:MM\", \"until\": \"HH:MM\"}, found ") + e.type_name());
      continue;
    }
    OffPeriod p;
    bool ok = true;
    for (const char* key : {"from", "until"}) {
      const auto it = e.find(key);
      const auto minutes = it != e.end() && it->is_string() ? parseClock(it->get<std::string>(), key[0] == 'u') : std::nullopt;
      if (!minutes) {
        report(out, Severity::Error, at + "/" + key,
               std::string("expected a local time \"HH:MM\"") + (key[0] == 'u' ? " (24:00 for midnight)" : "") + ", found " +
                   (it == e.end() ? std::string("nothing") : it->dump()));
        ok = false;
        continue;
      }
      (key[0] == 'f' ? p.from : p.until) = *minutes;
    }
    if (ok && p.from == p.until) {
      report(out, Severity::Error, at, "\"from\" and \"until\" are the same; for a whole day write \"00:00\" to \"24:00\"");
      ok = false;
    }
    if (const auto d = e.find("days"); ok && d != e.end()) {
      p.days = 0;
      if (!d->is_array() || d->empty()) {
        report(out, Severity::Error, at + "/days", "expected a list of days such as [\"sat\", \"sun\"], found " + d->dump());
        ok = false;
      } else {
        for (std::size_t k = 0; k < d->size(); ++k) {
          const auto& name = (*d)[k];
          const auto hit = name.is_string() ? std::find(kDayNames.begin(), kDayNames.end(), name.get<std::string>()) : kDayNames.end();
          if (hit == kDayNames.end()) {
            report(out, Severity::Error, at + "/days/" + std::to_string(k), "expected one of sun, mon, tue, wed, thu, fri, sat, found " + name.dump());
            ok = false;
          } else {
            p.days |= 1u << (hit - kDayNames.begin());
          }
        }
      }
    }
    if (ok) schedule.push_back(p);
  }
  return schedule;
}

}  // namespace sf::core
