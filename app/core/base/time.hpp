// Instants, dates and the venue's time zone: ISO 8601 parsing and local-time arithmetic.
// The current time is always a parameter; nothing in the core reads a clock.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sf::core {

using Instant = std::chrono::sys_seconds;
// The player's clock reads milliseconds: transitions and the progress bar move within a second.
using Millis = std::chrono::sys_time<std::chrono::milliseconds>;
inline Instant toInstant(Millis t) { return std::chrono::floor<std::chrono::seconds>(t); }
using Date = std::chrono::sys_days;

struct LocalDateTime {
  Date date{};
  int hour = 0;
  int minute = 0;
  int second = 0;
  int weekday = 0;        // 0 = Sunday
  int offsetMinutes = 0;  // the zone's UTC offset at that instant
};

// An IANA time zone from the system's tz database (Debian's tzdata). Cheap to copy.
class TimeZone {
 public:
  static std::optional<TimeZone> find(std::string_view name);
  static TimeZone utc();
  const std::string& name() const { return name_; }

  LocalDateTime toLocal(Instant t) const;
  // The instant at which the local day `d` begins (DST-safe: a day may have 23 or 25 hours).
  Instant startOfDay(Date d) const;
  // Local wall time to an instant; a time skipped by DST maps to the moment of the change,
  // a repeated one to its first occurrence.
  Instant fromLocal(Date d, int hour, int minute, int second = 0) const;

 private:
  TimeZone(const void* zone, std::string name) : zone_(zone), name_(std::move(name)) {}
  const void* zone_ = nullptr;  // const date::time_zone*, kept opaque to keep <date/tz.h> out
  std::string name_;
};

// "2024-04-25T10:00:00+02:00", "…Z", optional fractional seconds (dropped). An offset is required.
std::optional<Instant> parseInstant(std::string_view text);
// "2024-04-25".
std::optional<Date> parseDate(std::string_view text);
// For `--at`: an instant with offset, or a local "YYYY-MM-DDTHH:MM[:SS]" / "YYYY-MM-DD HH:MM"
// read in `zone`, or a bare date (its local midnight).
std::optional<Instant> parseInstantOrLocal(std::string_view text, const TimeZone& zone);

std::string formatDate(Date d);                          // 2024-04-25
std::string formatInstant(Instant t, const TimeZone& z);  // 2024-04-25T10:00:00+02:00
std::string formatInstantUtc(Instant t);  // the same moment in UTC

}  // namespace sf::core
