// Slide layers on an offscreen display: which paints are saved (a slide at rest, the next one
// painted ahead) and which changes paint again (a new feed or language, the schedule's minute,
// the header's second, lost layers).
#include <catch2/catch.hpp>

#include "core/show/schedule.hpp"
#include "platform/display.hpp"
#include "player/frame.hpp"
#include "player/slide_cache.hpp"
#include "player_fixture.hpp"

using namespace sf;
using namespace std::chrono_literals;

namespace {

// A small screen playing a schedule slide and the fields, ten seconds each.
struct Screen {
  std::unique_ptr<platform::Display> display;
  core::Feed feed = test::defaultFeed();
  core::Layout layout;
  core::RotationPlan plan;
  core::PlayerState state;
  core::Schedule schedule;
  platform::QrCode qr;
  views::FrameText text;
  views::ViewReport report;
  core::Millis start;  // the schedule slide's start

  Screen() {
    platform::DisplayOptions o;
    o.offscreen = true;
    o.width = 640;
    o.height = 400;
    std::string error;
    display = platform::Display::open(o, error);
    REQUIRE(display);
    layout = core::computeLayout(display->width(), display->height(), 0);
    REQUIRE(display->loadFonts(layout, error));
    feed.playlist = {{core::SlideKind::Schedule, "", "", "", 10}, {core::SlideKind::Fields, "", "", "", 10}};
    const core::Millis t = test::at("2024-04-25T10:00:00+02:00");
    plan = core::buildRotation(feed, core::toInstant(t));
    REQUIRE(plan.slots.size() == 2);
    const auto pos = core::rotationAt(plan, t);
    start = pos.index == 0 ? pos.slideStart : pos.slideEnd;
    state.changedAt = start - 1h;
    schedule = core::scheduleAt(feed, core::toInstant(start), feed.zone);
  }
  views::ViewContext ctx(core::Millis now) {
    return {feed, state, layout, feed.zone, schedule, qr, core::toInstant(now), text, report, nullptr};
  }
  const std::vector<player::SlideLayer>& prepare(player::SlideCache& cache, core::Millis now) {
    const auto c = ctx(now);
    return cache.prepare(c, plan, player::planFrame(c, plan, now));
  }
};

}  // namespace

TEST_CASE("a slide at rest is painted once and then reused") {
  Screen s;
  player::SlideCache cache(*s.display);
  const auto& first = s.prepare(cache, s.start + 2s);
  REQUIRE(first.size() == 1);
  CHECK(first[0].slot == 0);
  CHECK(first[0].texture != 0);
  const auto texture = first[0].texture;
  CHECK(cache.paintCount() == 1);
  for (auto t : {3s, 4s, 5s}) {
    const auto& again = s.prepare(cache, s.start + t);
    REQUIRE(again.size() == 1);
    CHECK(again[0].texture == texture);
  }
  CHECK(cache.paintCount() == 1);
  const auto c = s.ctx(s.start + 5s);
  REQUIRE(cache.header(c));
  REQUIRE(cache.header(c));
  CHECK(cache.paintCount() == 2);  // the header once too
}

TEST_CASE("a slide change holds two layers, the outgoing one goes after it") {
  Screen s;
  player::SlideCache cache(*s.display);
  s.prepare(cache, s.start + 2s);
  const auto& change = s.prepare(cache, s.start + 10s + 300ms);
  REQUIRE(change.size() == 2);
  CHECK(change[0].slot == 0);
  CHECK(change[1].slot == 1);
  CHECK(cache.paintCount() == 2);  // only the incoming slide was new
  s.prepare(cache, s.start + 10s + 600ms);
  CHECK(cache.paintCount() == 2);
  const auto& after = s.prepare(cache, s.start + 12s);
  REQUIRE(after.size() == 1);
  CHECK(after[0].slot == 1);
  CHECK(cache.layerCount() == 1);
}

TEST_CASE("the next slide painted ahead is not painted again when it comes in") {
  Screen s;
  player::SlideCache cache(*s.display);
  s.prepare(cache, s.start + 9s);
  const auto c = s.ctx(s.start + 9s);
  cache.prepareNext(c, s.plan, player::planFrame(c, s.plan, s.start + 10s));
  CHECK(cache.paintCount() == 2);
  CHECK(s.prepare(cache, s.start + 9500ms).size() == 2);  // at rest the one ahead stays
  CHECK(s.prepare(cache, s.start + 10s + 100ms).size() == 2);
  CHECK(cache.paintCount() == 2);
}

TEST_CASE("what paints slides again: a new feed or language, the minute, the second, lost layers") {
  Screen s;
  player::SlideCache cache(*s.display);
  s.prepare(cache, s.start + 2s);
  const auto c = s.ctx(s.start + 2s);
  cache.header(c);
  REQUIRE(cache.paintCount() == 2);

  SECTION("a new feed, or a new language: everything") {
    cache.invalidate();
    s.state.language = "en";
    s.prepare(cache, s.start + 3s);
    cache.header(s.ctx(s.start + 3s));
    CHECK(cache.paintCount() == 4);
  }
  SECTION("the minute: the schedule slide and the header's clock, not the fields") {
    cache.invalidateSchedule(s.plan);
    s.prepare(cache, s.start + 3s);
    cache.header(s.ctx(s.start + 3s));
    CHECK(cache.paintCount() == 4);
    // On the fields slide the minute repaints the header only.
    s.prepare(cache, s.start + 12s);
    CHECK(cache.paintCount() == 5);
    cache.invalidateSchedule(s.plan);
    s.prepare(cache, s.start + 13s);
    cache.header(s.ctx(s.start + 13s));
    CHECK(cache.paintCount() == 6);
  }
  SECTION("the second on a clock with seconds: the header only") {
    cache.invalidateHeader();
    s.prepare(cache, s.start + 3s);
    cache.header(s.ctx(s.start + 3s));
    CHECK(cache.paintCount() == 3);
  }
  SECTION("lost layers: all painted into new ones") {
    cache.clear();
    CHECK(cache.layerCount() == 0);
    CHECK(s.prepare(cache, s.start + 3s).size() == 1);
    cache.header(s.ctx(s.start + 3s));
    CHECK(cache.paintCount() == 4);
  }
}

TEST_CASE("an announcement or browsing keeps no slide layer") {
  Screen s;
  player::SlideCache cache(*s.display);
  s.prepare(cache, s.start + 2s);
  REQUIRE(cache.layerCount() == 1);
  s.state.mode = core::Mode::Fields;
  CHECK(s.prepare(cache, s.start + 3s).empty());
  CHECK(cache.layerCount() == 0);
}
