// Thousands of random taps, swipes, drags, keys and clock jumps against the player core:
// it never crashes and the state stays consistent after every step.
#include <catch2/catch.hpp>
#include <random>

#include "player_fixture.hpp"

using namespace sf;
using namespace std::chrono_literals;

TEST_CASE("random input never breaks the state") {
  core::Feed feed = test::defaultFeed();
  core::Announcement a;
  a.id = "a";
  a.start = *core::parseInstant("2024-04-25T10:20:00+02:00");
  a.end = a.start + std::chrono::minutes{5};
  feed.announcements.push_back(a);
  core::Millis now = test::at("2024-04-25T10:00:00+02:00");
  core::RotationPlan plan = core::buildRotation(feed, core::toInstant(now));
  core::PlayerState s;
  s.idleTimeout = 20s;
  s.gestures = core::gestureConfigFor(core::computeLayout(1280, 800, 0));
  std::mt19937 rng(1234);
  auto uni = [&](float lo, float hi) { return std::uniform_real_distribution<float>(lo, hi)(rng); };
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };

  // Hit targets like the views report: everything a visitor could tap.
  std::vector<core::HitTarget> hits;
  for (std::size_t i = 0; i < feed.projects.size(); ++i)
    hits.push_back({{uni(0, 1200), uni(0, 700), 200, 80}, {core::ActionKind::OpenProject, i}});
  for (std::size_t i = 0; i < feed.fields.size(); ++i)
    hits.push_back({{uni(0, 1200), uni(0, 700), 300, 200}, {core::ActionKind::OpenField, i}});
  for (auto k : {core::ActionKind::Back, core::ActionKind::BrowseFields, core::ActionKind::Home,
                 core::ActionKind::ToggleLanguage, core::ActionKind::SetLanguage})
    hits.push_back({{uni(0, 1200), uni(0, 50), 60, 50}, {k, pick(3)}});

  for (int step = 0; step < 20000; ++step) {
    const core::PlayerEnv env{feed, plan, now};
    switch (pick(8)) {
      case 0:
      case 1: {  // tap
        const float x = uni(0, 1280), y = uni(0, 800);
        core::onPointer(s, {core::PointerEvent::Kind::Down, x, y}, hits, env);
        core::onPointer(s, {core::PointerEvent::Kind::Up, x + uni(-3, 3), y + uni(-3, 3)}, hits, env);
        break;
      }
      case 2: {  // swipe or drag, several moves
        float x = uni(0, 1280), y = uni(0, 800);
        core::onPointer(s, {core::PointerEvent::Kind::Down, x, y}, hits, env);
        const float dx = uni(-80, 80), dy = uni(-80, 80);
        for (int i = 0; i < 6; ++i) {
          now += 16ms;
          x += dx;
          y += dy;
          core::onPointer(s, {core::PointerEvent::Kind::Move, x, y}, hits, {feed, plan, now});
        }
        core::onPointer(s, {pick(10) ? core::PointerEvent::Kind::Up : core::PointerEvent::Kind::Cancel, x, y}, hits,
                        {feed, plan, now});
        break;
      }
      case 3: core::onKey(s, static_cast<core::Key>(pick(10)), env); break;
      case 4: core::apply(s, {static_cast<core::ActionKind>(pick(11)), pick(60)}, env); break;
      case 5: core::setScrollExtent(s, uni(0, 5000), uni(100, 800)); break;
      case 6: now += std::chrono::milliseconds{static_cast<long>(uni(0, 30000))}; break;
      case 7:
        if (pick(50) == 0) {  // a new feed revision without a random project
          core::Feed next = test::defaultFeed();
          next.projects.erase(next.projects.begin() + static_cast<long>(pick(next.projects.size())));
          next.announcements = feed.announcements;
          feed = std::move(next);
          plan = core::buildRotation(feed, core::toInstant(now));
          core::onFeedSwapped(s, feed, plan);
          // Hit targets refer to the feed the views drew; keep them in range of the new one.
          for (auto& h : hits)
            if (h.action.kind == core::ActionKind::OpenProject) h.action.index %= feed.projects.size();
        }
        break;
    }
    core::tick(s, {feed, plan, now});
    const std::string problem = core::checkConsistency(s, feed, plan);
    INFO("step " << step << ": " << problem);
    REQUIRE(problem.empty());
    REQUIRE(core::currentSlot(s, {feed, plan, now}) < plan.slots.size());
  }
}
