// The organisers' status page (a long press in the top-left corner, closed by any tap or by the
// idle return), the rotation without schedule slides while the clock cannot be trusted, and the
// header clock with or without seconds.
#include <catch2/catch.hpp>

#include "core/show/config.hpp"
#include "core/show/ui_text.hpp"
#include "player_fixture.hpp"

using namespace sf::core;
using namespace std::chrono_literals;
using sf::test::at;
using sf::test::defaultFeed;

namespace {

void press(PlayerState& s, const PlayerEnv& env, float x, float y, std::chrono::milliseconds hold) {
  onPointer(s, {PointerEvent::Kind::Down, x, y}, {}, env);
  const PlayerEnv later{env.feed, env.plan, env.now + hold};
  onPointer(s, {PointerEvent::Kind::Up, x, y}, {}, later);
}

}  // namespace

TEST_CASE("a three-second press in the top-left corner opens the status page", "[status]") {
  const Feed& feed = defaultFeed();
  const RotationPlan plan = buildRotation(feed, toInstant(at("2024-04-25T08:00:00Z")));
  PlayerState s;
  const PlayerEnv env{feed, plan, at("2024-04-25T08:00:00Z")};

  press(s, env, 20, 20, 1s);
  CHECK_FALSE(s.statusOpen);  // too short
  press(s, env, 500, 20, 4s);
  CHECK_FALSE(s.statusOpen);  // not in the corner
  press(s, env, 20, 20, 3s);
  CHECK(s.statusOpen);
  CHECK(s.mode == Mode::Rotation);

  press(s, env, 800, 600, 100ms);  // any tap closes it, and does nothing else
  CHECK_FALSE(s.statusOpen);
  CHECK(s.mode == Mode::Rotation);
}

TEST_CASE("the status page closes with the idle return", "[status]") {
  const Feed& feed = defaultFeed();
  const RotationPlan plan = buildRotation(feed, toInstant(at("2024-04-25T08:00:00Z")));
  PlayerState s;
  const PlayerEnv env{feed, plan, at("2024-04-25T08:00:00Z")};
  press(s, env, 10, 10, 3500ms);
  REQUIRE(s.statusOpen);
  tick(s, {feed, plan, env.now + s.idleTimeout + 5s});
  CHECK_FALSE(s.statusOpen);
}

TEST_CASE("without a trustworthy clock the rotation has no schedule slides", "[status]") {
  const Feed& feed = defaultFeed();
  const Instant now = toInstant(at("2024-04-25T08:00:00Z"));
  const RotationPlan with = buildRotation(feed, now);
  RotationPlan without;
  buildRotation(feed, now, without, false);
  auto schedules = [](const RotationPlan& p) {
    return std::count_if(p.slots.begin(), p.slots.end(), [](const RotationSlot& s) { return s.kind == SlideKind::Schedule; });
  };
  CHECK(schedules(with) > 0);
  CHECK(schedules(without) == 0);
  CHECK(without.slots.size() == with.slots.size() - static_cast<std::size_t>(schedules(with)));
}

TEST_CASE("the header clock shows seconds only when the screen asks for them", "[clock]") {
  const TimeZone berlin = *TimeZone::find("Europe/Berlin");
  const LocalDateTime t = berlin.toLocal(toInstant(at("2025-03-03T09:05:07Z")));
  char clock[16];
  formatClock(t, clock, sizeof clock);
  CHECK(std::string(clock) == "10:05");
  formatClock(t, clock, sizeof clock, true);
  CHECK(std::string(clock) == "10:05:07");
  CHECK_FALSE(Config{}.clockSeconds);
}

TEST_CASE("the screen's slide transition survives every rebuild of the rotation", "[clock]") {
  CHECK(RotationPlan{}.transition == kSlideTransition);
  CHECK(std::chrono::milliseconds{Config{}.transitionMs} == kSlideTransition);
  const Feed& feed = defaultFeed();
  RotationPlan plan;
  plan.transition = 1500ms;
  buildRotation(feed, toInstant(at("2024-04-25T08:00:00Z")), plan);
  buildRotation(feed, toInstant(at("2024-04-26T08:00:00Z")), plan, false);
  CHECK(plan.transition == 1500ms);
  CHECK_FALSE(plan.slots.empty());
}
