// Screen off times: daily periods across midnight, weekends that merge with the nights around
// them, DST nights of 23 and 25 hours, a touch that wakes the screen, and the config's errors.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "fixtures.hpp"
#include "core/show/config.hpp"
#include "core/show/player_state.hpp"
#include "core/show/screen_schedule.hpp"

using namespace sf::core;
using namespace std::chrono_literals;

namespace {
using sf::test::berlin;
// A local Berlin wall time.
Instant local(int y, unsigned m, unsigned d, int h, int mi = 0) {
  return berlin().fromLocal(std::chrono::sys_days{std::chrono::year{y} / m / d}, h, mi);
}
ScreenSchedule parse(const char* text, Diagnostics* out = nullptr) {
  Diagnostics ds;
  auto s = parseScreenSchedule(nlohmann::json::parse(text), "/screenOff", ds);
  if (out) *out = ds;
  else REQUIRE(ds.empty());
  return s;
}
}  // namespace

TEST_CASE("a nightly off period runs across midnight", "[screen]") {
  const auto s = parse(R"([{"from": "22:00", "until": "07:00"}])");
  // Thursday 25 April 2024
  auto p = screenPhaseAt(s, local(2024, 4, 25, 21, 59), berlin());
  CHECK_FALSE(p.off);
  CHECK(p.until == local(2024, 4, 25, 22));
  p = screenPhaseAt(s, local(2024, 4, 25, 22), berlin());
  CHECK(p.off);
  CHECK(p.until == local(2024, 4, 26, 7));
  p = screenPhaseAt(s, local(2024, 4, 26, 6, 59), berlin());
  CHECK(p.off);
  CHECK(p.until == local(2024, 4, 26, 7));
  CHECK_FALSE(screenPhaseAt(s, local(2024, 4, 26, 7), berlin()).off);
  CHECK_FALSE(screenPhaseAt({}, local(2024, 4, 26, 3), berlin()).off);
  CHECK_FALSE(screenPhaseAt({}, local(2024, 4, 26, 3), berlin()).until);
}

TEST_CASE("the off night follows local time on DST nights", "[screen]") {
  const auto s = parse(R"([{"from": "22:00", "until": "07:00"}])");
  // Spring: the night of 30/31 March 2024 has no 02:00–03:00, so it lasts 8 hours, not 9.
  auto p = screenPhaseAt(s, local(2024, 3, 30, 22), berlin());
  REQUIRE(p.until);
  CHECK(*p.until - local(2024, 3, 30, 22) == 8h);
  CHECK(berlin().toLocal(*p.until).hour == 7);
  // Autumn: 26/27 October 2024 repeats 02:00–03:00, so it lasts 10 hours.
  p = screenPhaseAt(s, local(2024, 10, 26, 23), berlin());
  REQUIRE(p.until);
  CHECK(*p.until - local(2024, 10, 26, 22) == 10h);
  CHECK(berlin().toLocal(*p.until).hour == 7);
}

TEST_CASE("a weekend off joins the nights around it without waking at midnight", "[screen]") {
  const auto s = parse(R"([
    {"from": "22:00", "until": "07:00", "days": ["sun", "mon", "tue", "wed", "thu", "fri"]},
    {"from": "00:00", "until": "24:00", "days": ["sat", "sun"]}])");
  // Friday 26 April 2024, 23:00: dark until Monday 07:00, through two midnights.
  auto p = screenPhaseAt(s, local(2024, 4, 26, 23), berlin());
  CHECK(p.off);
  CHECK(p.until == local(2024, 4, 29, 7));
  CHECK(screenPhaseAt(s, local(2024, 4, 28, 12), berlin()).off);
  // Friday daytime: on until 22:00.
  p = screenPhaseAt(s, local(2024, 4, 26, 12), berlin());
  CHECK_FALSE(p.off);
  CHECK(p.until == local(2024, 4, 26, 22));
  CHECK_FALSE(screenPhaseAt(s, local(2024, 4, 29, 7), berlin()).off);
  // `days` names the day a period starts on: without Sunday's night the screen wakes at midnight.
  const auto noSundayNight = parse(R"([
    {"from": "22:00", "until": "07:00", "days": ["mon", "tue", "wed", "thu", "fri"]},
    {"from": "00:00", "until": "24:00", "days": ["sat", "sun"]}])");
  CHECK(screenPhaseAt(noSundayNight, local(2024, 4, 26, 23), berlin()).until == local(2024, 4, 29, 0));
}

TEST_CASE("a touch wakes a dark screen for the idle time", "[screen]") {
  const auto s = parse(R"([{"from": "22:00", "until": "07:00"}])");
  const Instant night = local(2024, 4, 25, 23);
  const auto phase = screenPhaseAt(s, night, berlin());
  PlayerState state;
  state.idleTimeout = 60s;
  const Millis now{night};
  CHECK(screenDark(phase, state, now));
  CHECK_FALSE(screenSleepsAt(phase, state));
  state.lastInput = now;
  CHECK_FALSE(screenDark(phase, state, now + 59s));
  CHECK(screenSleepsAt(phase, state) == now + 60s);
  CHECK(screenDark(phase, state, now + 60s));
  // In the day a touch changes nothing about the screen's power.
  CHECK_FALSE(screenDark(screenPhaseAt(s, local(2024, 4, 25, 12), berlin()), PlayerState{}, now));
}

TEST_CASE("bad off periods are reported where they are and left out", "[screen]") {
  Diagnostics ds;
  const auto s = parse(R"([
    {"from": "22:00", "until": "07:00"},
    {"from": "25:00", "until": "07:00"},
    {"from": "08:00", "until": "08:00"},
    {"from": "09:00", "until": "10:00", "days": ["Mo"]},
    "22-7"])", &ds);
  REQUIRE(s.size() == 1);
  REQUIRE(ds.size() == 4);
  CHECK(ds[0].jsonPointer == "/screenOff/1/from");
  CHECK(ds[0].message == "expected a local time \"HH:MM\", found \"25:00\"");
  CHECK(ds[1].jsonPointer == "/screenOff/2");
  CHECK(ds[2].jsonPointer == "/screenOff/3/days/0");
  CHECK(ds[2].message == "expected one of sun, mon, tue, wed, thu, fri, sat, found \"Mo\"");
  CHECK(ds[3].jsonPointer == "/screenOff/4");

  const auto cfg = parseConfig(R"({"screenOff": [{"from": "22:00", "until": "24:00", "days": ["sat"]}], "hdmiCec": true})", "config.json");
  CHECK(cfg.diagnostics.empty());
  REQUIRE(cfg.config.screenOff.size() == 1);
  CHECK(cfg.config.screenOff[0].until == 1440);
  CHECK(cfg.config.screenOff[0].days == (1u << 6));
  CHECK(cfg.config.hdmiCec);
}

TEST_CASE("the package's default config reads without a single diagnostic", "[screen]") {
  std::ifstream in(std::string(SF_SOURCE_DIR) + "/assets/package/config.json");
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  REQUIRE(!text.empty());
  const auto cfg = parseConfig(text, "config.json");
  for (const auto& d : cfg.diagnostics) FAIL_CHECK(formatDiagnostic(d));
  CHECK(cfg.config.screenOff.empty());
  CHECK_FALSE(cfg.config.hdmiCec);
  CHECK(cfg.config.cacheDir == "/var/lib/schaufenster");
}
