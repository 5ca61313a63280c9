// When the kiosk loop draws by itself: the next deadline at rest, in a transition, around
// announcements, on a dark screen and with the status page open; and what asks for a frame.
#include <catch2/catch.hpp>

#include "player/redraw.hpp"

using namespace sf;
using namespace std::chrono_literals;

namespace {

struct Scene {
  core::Feed feed;
  core::RotationPlan plan;
  core::PlayerState state;
  core::Millis base;  // a cycle boundary and a minute boundary
  Scene() {
    feed.languages = {"de", "en"};
    feed.playlist = {{core::SlideKind::Schedule, "", "", "", 10}, {core::SlideKind::Fields, "", "", "", 20}};
    plan = core::buildRotation(feed, core::Instant{});
    base = core::Millis{} + 30s * 1000;
    state.changedAt = core::Millis{} + 1h;
  }
  core::Millis next(core::Millis now, player::Pace pace = {}, const core::ScreenPhase& phase = {}, bool dark = false) {
    const auto fp = core::planFrame(state, plan, feed, now, 4);
    return player::nextDeadline(state, feed, plan, fp, phase, dark, pace);
  }
  void browse(core::Millis since) {  // a visitor opened the fields and touched the screen then
    state.mode = core::Mode::Fields;
    state.lastInput = since;
  }
};

}  // namespace

TEST_CASE("at rest the screen wakes for the progress bar's second, the slide's end and the minute") {
  Scene s;
  CHECK(s.next(s.base + 5300ms) == s.base + 6s);   // the progress bar's next tick
  CHECK(s.next(s.base + 9500ms) == s.base + 10s);  // the slide's end
  // Browsing stops the rotation: only the header's minute, the pause's countdown (once a second)
  // and the idle return remain.
  s.browse(s.base + 20s);
  CHECK(s.next(s.base + 20s + 300ms) == s.base + 21s);
  CHECK(s.next(s.base + 20s) == s.base + 21s);
  s.state.lastInput.reset();  // no touch known (a rendered view): nothing counts down
  CHECK(s.next(s.base + 20s + 300ms) == s.base + 60s);
  CHECK(s.next(s.base + 20s + 300ms, {16ms, true}) == s.base + 21s);  // a clock with seconds
  s.state.lastInput = s.base - 30s;
  CHECK(s.next(s.base + 29s + 600ms) == s.base + 30s);  // the idle timeout returns to the rotation
}

TEST_CASE("a slide that starts between seconds ticks its progress bar with the clock's second") {
  Scene s;
  s.plan.slots[0].duration = 10500ms;  // a 30.5 s cycle: every other one starts half a second into a second
  s.plan.cycle = s.plan.slots[0].duration + s.plan.slots[1].duration;
  core::Millis start{};
  for (auto t = s.base; t < s.base + 2min && start.time_since_epoch() % 1000ms != 500ms; t += 1s) start = core::rotationAt(s.plan, t).slideStart;
  REQUIRE(start.time_since_epoch() % 1000ms == 500ms);
  // After the slide change, the next frame is the clock's next second, not the slide's next
  // whole second since its start, so a clock with seconds and the bar turn in one frame.
  CHECK(s.next(start + 1300ms, {16ms, true}) == start + 1500ms);
  CHECK(s.next(start + 1700ms, {16ms, true}) == start + 2500ms);
  CHECK(s.next(start + 1700ms) == start + 2500ms);  // and without seconds on the clock
}

TEST_CASE("the touch hint is drawn when it is due, not before and not again") {
  Scene s;
  s.state.changedAt = s.base + 2s;  // back in the rotation from browsing
  CHECK(s.next(s.base + 5300ms) == s.base + 6s);  // the progress bar's tick comes first
  const core::Millis hint = s.state.changedAt + core::kTouchHintAfter;
  // Only the hint's moment counts once the progress bar is hidden by an announcement.
  core::Announcement a;
  a.id = "over";
  a.start = core::toInstant(s.base);
  a.end = core::toInstant(s.base + 1h);
  s.feed.announcements.push_back(a);
  CHECK(s.next(hint - 300ms) == hint);
  CHECK(s.next(hint + 300ms) == s.base + 60s);  // shown: the next minute's clock, no wake for it
}

TEST_CASE("in a slide change the screen draws at frame rate, sparing frames toward the end") {
  Scene s;
  CHECK(s.next(s.base + 10100ms) == s.base + 10116ms);
  CHECK(s.next(s.base + 10100ms, {40ms, false}) == s.base + 10140ms);  // software rendering: 25 frames/s
  // At 800 of 900 ms the eased picture moves under two levels of 255: the next frame is the last.
  CHECK(s.next(s.base + 10800ms) == s.base + 10900ms);
}

TEST_CASE("an announcement hides the progress bar, its start and end are deadlines") {
  Scene s;
  core::Announcement a;
  a.start = core::toInstant(s.base);
  a.end = core::toInstant(s.base + 30s);
  s.feed.announcements.push_back(a);
  CHECK(s.next(s.base + 5300ms) == s.base + 30s);  // no progress tick, no slide end: its end
  // Browsing (no progress bar, no touch known so no countdown), the next deadline is the
  // announcement's start.
  s.browse(s.base + 20s);
  s.state.lastInput.reset();
  s.feed.announcements[0].start = core::toInstant(s.base + 45s);
  s.feed.announcements[0].end = core::toInstant(s.base + 90s);
  CHECK(s.next(s.base + 20s + 300ms) == s.base + 45s);
}

TEST_CASE("a dark screen sleeps until its off period ends or a woken one dims again") {
  Scene s;
  core::ScreenPhase off{true, std::nullopt};
  CHECK(s.next(s.base + 5300ms, {}, off, true) == s.base + 5300ms + 1h);
  off.until = core::toInstant(s.base + 10min);
  CHECK(s.next(s.base + 5300ms, {}, off, true) == s.base + 10min);
  // Woken by a touch: it draws as usual, and goes dark again after the idle time.
  s.state.idleTimeout = 20s;
  core::wakeScreen(s.state, s.base + 5s);
  s.browse(s.base + 5s);
  REQUIRE(core::screenSleepsAt(off, s.state) == s.base + 25s);
  CHECK(s.next(s.base + 5300ms, {}, off, false) == s.base + 6s);  // the pause's countdown
  CHECK(s.next(s.base + 24s + 300ms, {}, off, false) == s.base + 25s);
}

TEST_CASE("the status page is drawn every second") {
  Scene s;
  s.browse(s.base + 20s);
  s.state.statusOpen = true;
  CHECK(s.next(s.base + 20s + 300ms) == s.base + 21s);
}

TEST_CASE("a frame is due after a request, a deadline or a turn of the clock") {
  player::Redraw r({16ms, false});
  Scene s;
  const core::Millis now = s.base + 5300ms;
  CHECK(r.due(now));  // the first frame
  CHECK(r.clockTurn(now, "de") == player::ClockTurn::Language);  // the first texts, in a language
  const auto fp = core::planFrame(s.state, s.plan, s.feed, now, 4);
  r.drawn(s.state, s.feed, s.plan, fp, {}, false);
  CHECK(r.deadline() == s.base + 6s);
  CHECK_FALSE(r.due(now + 100ms));
  CHECK(r.due(s.base + 6s));
  CHECK(r.clockTurn(now + 200ms, "de") == player::ClockTurn::None);
  CHECK_FALSE(r.due(now + 200ms));
  CHECK(r.clockTurn(now + 200ms, "en") == player::ClockTurn::Language);
  CHECK(r.due(now + 200ms));
  r.drawn(s.state, s.feed, s.plan, fp, {}, false);
  CHECK(r.clockTurn(s.base + 60s, "en") == player::ClockTurn::Minute);
  CHECK(r.clockTurn(s.base + 61s, "en") == player::ClockTurn::None);  // no seconds on this clock
  r.textsStale();
  CHECK(r.clockTurn(s.base + 61s, "en") == player::ClockTurn::Minute);
  r.drawn(s.state, s.feed, s.plan, fp, {}, false);
  r.request();
  CHECK(r.due(now));

  player::Redraw seconds({16ms, true});
  CHECK(seconds.clockTurn(s.base, "de") == player::ClockTurn::Language);
  CHECK(seconds.clockTurn(s.base + 1s, "de") == player::ClockTurn::Second);
  CHECK(seconds.clockTurn(s.base + 1500ms, "de") == player::ClockTurn::None);
  CHECK(seconds.statusTurn(s.base + 1500ms));
  CHECK_FALSE(seconds.statusTurn(s.base + 1900ms));
  CHECK(seconds.statusTurn(s.base + 2s));
  seconds.statusStale();
  CHECK(seconds.statusTurn(s.base + 2100ms));
}
