// A finger dragging the rotation: the slide follows it, the neighbour comes in from the side, and
// on release it snaps to the neighbour or back; the pause a swipe leaves is shorter than browsing's.
#include <catch2/catch.hpp>

#include "core/show/frame_plan.hpp"
#include "core/show/layout.hpp"
#include "player_fixture.hpp"

using namespace sf;
using namespace std::chrono_literals;
using core::ActionKind;
using core::Mode;
using PK = core::PointerEvent::Kind;

namespace {

struct DragRig {
  core::Feed feed = test::defaultFeed();
  core::RotationPlan plan;
  core::PlayerState state;
  core::Millis now = test::at("2024-04-25T10:00:00+02:00");
  std::vector<core::HitTarget> hits;

  DragRig() {
    core::buildRotation(feed, core::toInstant(now), plan);
    state.gestures = core::gestureConfigFor(core::computeLayout(1920, 1080, 96));
    state.idleTimeout = 60s;
  }
  core::PlayerEnv env() const { return {feed, plan, now}; }
  void pointer(PK k, float x, float y) { core::onPointer(state, {k, x, y}, hits, env()); }
  void advance(std::chrono::milliseconds d) {
    const auto end = now + d;
    while (now < end) {
      now += std::min<std::chrono::milliseconds>(16ms, end - now);
      core::tick(state, env());
    }
  }
  // A finger down at x0, moved to x1 in `steps` over `time`, kept down.
  void drag(float x0, float x1, std::chrono::milliseconds time, int steps = 8, float y = 500) {
    pointer(PK::Down, x0, y);
    for (int i = 1; i <= steps; ++i) {
      now += time / steps;
      pointer(PK::Move, x0 + (x1 - x0) * static_cast<float>(i) / static_cast<float>(steps), y);
    }
  }
  core::FramePlan frame() const { return core::planFrame(state, plan, feed, now, 6); }
  float offset() const { return core::slideOffset(state, now); }
};

}  // namespace

TEST_CASE("a dragged slide follows the finger with its neighbour beside it, and snaps on past the swipe distance") {
  DragRig r;
  const std::size_t n = r.plan.slots.size();
  REQUIRE(n > 2);
  const std::size_t start = core::currentSlot(r.state, r.env());
  r.drag(1500, 1400, 400ms);
  CHECK(r.state.pointer.dragging);
  CHECK(r.state.pinnedSlot == start);  // the clock no longer moves it
  CHECK(r.offset() == Approx(-100));
  auto fp = r.frame();
  CHECK(fp.offset == Approx(-100));
  REQUIRE(fp.slideCount == 2);
  CHECK(fp.incoming.slot == start);
  CHECK(fp.outgoing.slot == (start + 1) % n);  // dragged left: the next one comes in from the right
  CHECK_FALSE(fp.moving);                    // a still finger asks for no frames

  // The finger wanders back across the middle: the previous slide shows instead.
  r.now += 50ms;
  r.pointer(PK::Move, 1580, 505);
  CHECK(r.offset() == Approx(80));
  CHECK(r.frame().outgoing.slot == (start + n - 1) % n);

  // Slowly (no flick) to 300 px left, past the swipe distance, and lifted.
  r.now += 600ms;
  r.pointer(PK::Move, 1200, 505);
  CHECK(r.offset() == Approx(-300));
  r.now += 300ms;
  r.pointer(PK::Up, 1200, 505);
  CHECK(r.state.pinnedSlot == (start + 1) % n);
  // The new slide starts where it stood, a page right of the old one, and eases into place.
  CHECK(r.offset() == Approx(1920 - 300));
  fp = r.frame();
  CHECK(fp.moving);
  CHECK(fp.incoming.slot == (start + 1) % n);
  CHECK(fp.outgoing.slot == start);  // the old one leaving on the left
  CHECK(core::nextStateDeadline(r.state, r.env()) == r.now + 16ms);
  float last = r.offset();
  for (int i = 0; i < 8; ++i) {
    r.advance(32ms);
    CHECK(r.offset() <= last);
    last = r.offset();
  }
  r.advance(core::kSnap);
  CHECK(r.offset() == 0);
  fp = r.frame();
  CHECK_FALSE(fp.moving);
  REQUIRE(fp.slideCount == 1);
  CHECK(fp.slides[0].slot == (start + 1) % n);
  CHECK(core::checkConsistency(r.state, r.feed, r.plan).empty());
}

TEST_CASE("a short slow drag snaps back, a short quick flick goes on to the neighbour") {
  DragRig r;
  const std::size_t n = r.plan.slots.size();
  const std::size_t start = core::currentSlot(r.state, r.env());
  const float shortDrag = r.state.gestures.swipeDistance * 0.6f;
  REQUIRE(shortDrag > 2 * r.state.gestures.slop);
  r.drag(900, 900 - shortDrag, 800ms);
  r.pointer(PK::Up, 900 - shortDrag, 500);
  CHECK(r.state.pinnedSlot == start);
  CHECK(r.offset() == Approx(-shortDrag).margin(1));  // whole pixels while settling
  r.advance(core::kSnap + 16ms);
  CHECK(r.offset() == 0);
  CHECK(r.frame().slideCount == 1);

  r.drag(900, 900 - shortDrag, 40ms, 2);  // as far, but fast
  r.pointer(PK::Up, 900 - shortDrag, 500);
  CHECK(r.state.pinnedSlot == (start + 1) % n);
  r.advance(core::kSnap + 16ms);
  CHECK(r.offset() == 0);
}

TEST_CASE("a finger catches a settling slide where it stands") {
  DragRig r;
  r.drag(1500, 1200, 600ms);
  r.pointer(PK::Up, 1200, 500);
  r.advance(64ms);
  const float settling = r.offset();
  REQUIRE(settling > 0);
  REQUIRE(settling < 1620);
  r.drag(800, 780, 0ms, 1);  // caught: it stands where it was, moved by the finger's travel
  CHECK(r.offset() == Approx(settling - 20));
}

TEST_CASE("vertical drags and taps on the rotation move no slide, lists still scroll") {
  DragRig r;
  const std::size_t p = test::projectIndex(r.feed, "modell-campus-ringberlin");
  r.hits = {{{0, 120, 1920, 900}, {ActionKind::OpenProject, p}}};
  r.pointer(PK::Down, 900, 300);
  for (int i = 1; i <= 6; ++i) {
    r.now += 16ms;
    r.pointer(PK::Move, 905, 300 + 40.f * static_cast<float>(i));
  }
  CHECK_FALSE(r.state.pointer.dragging);
  CHECK(r.offset() == 0);
  r.pointer(PK::Up, 905, 540);
  CHECK(r.state.mode == Mode::Rotation);
  CHECK_FALSE(r.state.pinnedSlot);

  r.pointer(PK::Down, 600, 500);  // a tap still opens what it touches
  r.now += 80ms;
  r.pointer(PK::Up, 602, 501);
  CHECK(r.state.mode == Mode::Detail);

  // In a list a mostly vertical drag scrolls it, and a sideways one drags no slide.
  core::apply(r.state, {ActionKind::OpenField, 0}, r.env());
  core::setScrollExtent(r.state, 3000, 800);
  r.drag(900, 900, 100ms);
  for (int i = 1; i <= 5; ++i) {
    r.now += 16ms;
    r.pointer(PK::Move, 910, 500 - 40.f * static_cast<float>(i));
  }
  CHECK(r.state.scroll == Approx(200));
  r.pointer(PK::Up, 910, 300);
  r.drag(1500, 1100, 300ms);
  CHECK_FALSE(r.state.pointer.dragging);
  CHECK(r.offset() == 0);
}

TEST_CASE("after swipes alone the rotation resumes sooner than after browsing") {
  DragRig r;
  r.state.swipeResume = 15s;
  const std::size_t n = r.plan.slots.size();
  const std::size_t start = core::currentSlot(r.state, r.env());
  r.drag(1500, 1000, 300ms);
  r.pointer(PK::Up, 1000, 500);
  REQUIRE(r.state.pinnedSlot == (start + 1) % n);
  CHECK(r.state.onlySwiped);
  CHECK(core::resumeAt(r.state) == r.now + 15s);
  CHECK(core::resumesIn(r.state, r.now) == 15s);
  r.advance(14s + 500ms);
  CHECK(core::resumesIn(r.state, r.now) == 1s);  // counted up to whole seconds
  CHECK(r.state.pinnedSlot);
  r.advance(600ms);
  CHECK_FALSE(r.state.pinnedSlot);
  CHECK_FALSE(core::interacting(r.state));

  // The arrow keys step slides as swipes do.
  core::onKey(r.state, core::Key::Right, r.env());
  CHECK(r.state.onlySwiped);
  CHECK(core::resumeAt(r.state) == r.now + 15s);

  // A swipe, then a project opened and closed again: that was browsing, the idle time applies.
  r.drag(1500, 1000, 300ms);
  r.pointer(PK::Up, 1000, 500);
  core::apply(r.state, {ActionKind::OpenProject, 0}, r.env());
  core::apply(r.state, {ActionKind::Back}, r.env());
  REQUIRE(r.state.mode == Mode::Rotation);
  CHECK_FALSE(r.state.onlySwiped);
  CHECK(core::resumesIn(r.state, r.now) == 60s);
  r.advance(20s);
  CHECK(r.state.pinnedSlot);
  r.advance(41s);
  CHECK_FALSE(r.state.pinnedSlot);

  // Browsing views count down the idle time, however briefly a visitor swiped before.
  core::apply(r.state, {ActionKind::BrowseFields}, r.env());
  CHECK(core::resumesIn(r.state, r.now) == 60s);
}

TEST_CASE("the touch hint shows on a rotation left alone for a while, not while someone browses") {
  DragRig r;
  core::apply(r.state, {ActionKind::BrowseFields}, r.env());
  CHECK_FALSE(core::touchHintShown(r.state, r.now));
  core::apply(r.state, {ActionKind::Home}, r.env());
  CHECK_FALSE(core::touchHintShown(r.state, r.now + core::kTouchHintAfter - 1s));
  CHECK(core::touchHintShown(r.state, r.now + core::kTouchHintAfter));
  r.drag(1500, 1000, 300ms);
  CHECK_FALSE(core::touchHintShown(r.state, r.now + core::kTouchHintAfter));
}
