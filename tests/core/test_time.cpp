// ISO 8601 parsing and the venue's zone: offsets required, DST gaps and overlaps, 23- and
// 25-hour days, and the local readings that schedules and clocks show.
#include <catch2/catch.hpp>

#include "core/base/time.hpp"

using namespace sf::core;
using namespace std::chrono_literals;

namespace {
Instant utc(int y, unsigned m, unsigned d, int h, int mi = 0) {
  return Instant{std::chrono::sys_days{std::chrono::year{y} / m / d}} + std::chrono::hours{h} + std::chrono::minutes{mi};
}
TimeZone zone(const char* name) {
  auto z = TimeZone::find(name);
  REQUIRE(z);
  return *z;
}
}  // namespace

TEST_CASE("instants need an offset", "[time]") {
  CHECK(parseInstant("2024-04-25T10:00:00+02:00") == utc(2024, 4, 25, 8));
  CHECK(parseInstant("2024-04-25T10:00+02:00") == utc(2024, 4, 25, 8));
  CHECK(parseInstant("2024-04-25T08:00:00Z") == utc(2024, 4, 25, 8));
  CHECK(parseInstant("2024-04-25T08:00:00.250Z") == utc(2024, 4, 25, 8));
  CHECK(parseInstant("2024-04-25T10:00:00+0200") == utc(2024, 4, 25, 8));
  CHECK(parseInstant("2023-11-28T19:30:00-05:00") == utc(2023, 11, 29, 0, 30));
  CHECK_FALSE(parseInstant("2024-04-25T10:00:00"));
  CHECK_FALSE(parseInstant("2024-04-25"));
  CHECK_FALSE(parseInstant("2024-04-31T10:00:00Z"));
  CHECK_FALSE(parseInstant("2024-04-25T24:00:00Z"));
  CHECK_FALSE(parseInstant("2024-04-25T10:00:00+02:00 "));
  CHECK_FALSE(parseInstant("25.04.2024 10:00"));
}

TEST_CASE("dates are checked against the calendar", "[time]") {
  CHECK(parseDate("2024-02-29"));
  CHECK_FALSE(parseDate("2023-02-29"));
  CHECK_FALSE(parseDate("2024-13-01"));
  CHECK_FALSE(parseDate("2024-1-01"));
}

TEST_CASE("unknown zones are not found", "[time]") {
  CHECK_FALSE(TimeZone::find("Europe/Atlantis"));
  CHECK_FALSE(TimeZone::find(""));
  CHECK(TimeZone::find("Australia/Melbourne"));
}

TEST_CASE("local readings follow summer and winter time", "[time]") {
  const auto berlin = zone("Europe/Berlin");
  const auto summer = berlin.toLocal(utc(2024, 7, 10, 8));
  CHECK(summer.hour == 10);
  CHECK(summer.offsetMinutes == 120);
  CHECK(summer.weekday == 3);  // Wednesday
  const auto winter = berlin.toLocal(utc(2023, 11, 28, 23, 30));
  CHECK(winter.date == parseDate("2023-11-29"));
  CHECK(winter.hour == 0);
  CHECK(winter.minute == 30);
}

TEST_CASE("days around DST changes have 23 and 25 hours", "[time]") {
  const auto berlin = zone("Europe/Berlin");
  const Date spring = *parseDate("2024-03-31"), autumn = *parseDate("2024-10-27");
  CHECK(berlin.startOfDay(spring + std::chrono::days{1}) - berlin.startOfDay(spring) == 23h);
  CHECK(berlin.startOfDay(autumn + std::chrono::days{1}) - berlin.startOfDay(autumn) == 25h);
}

TEST_CASE("wall times skipped or repeated by DST resolve predictably", "[time]") {
  const auto berlin = zone("Europe/Berlin");
  // 02:30 does not exist on 31 March 2024: it maps to the change at 01:00 UTC.
  CHECK(berlin.fromLocal(*parseDate("2024-03-31"), 2, 30) == utc(2024, 3, 31, 1));
  // 02:30 happens twice on 27 October 2024: the first one, still in summer time.
  CHECK(berlin.fromLocal(*parseDate("2024-10-27"), 2, 30) == utc(2024, 10, 27, 0, 30));
}

TEST_CASE("local times for --at are read in the venue zone", "[time]") {
  const auto berlin = zone("Europe/Berlin");
  CHECK(parseInstantOrLocal("2024-04-25T10:00", berlin) == utc(2024, 4, 25, 8));
  CHECK(parseInstantOrLocal("2024-04-25 10:00:30", berlin) == utc(2024, 4, 25, 8) + 30s);
  CHECK(parseInstantOrLocal("2024-04-25", berlin) == utc(2024, 4, 24, 22));
  CHECK(parseInstantOrLocal("2024-04-25T10:00:00Z", berlin) == utc(2024, 4, 25, 10));
  CHECK_FALSE(parseInstantOrLocal("tomorrow", berlin));
}

TEST_CASE("instants format with the zone's offset", "[time]") {
  CHECK(formatInstant(utc(2024, 1, 5, 12), zone("Europe/Berlin")) == "2024-01-05T13:00:00+01:00");
  CHECK(formatInstant(utc(2024, 1, 5, 12), zone("America/St_Johns")) == "2024-01-05T08:30:00-03:30");
}
