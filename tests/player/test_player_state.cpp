// The player core driven with synthetic input: taps, swipes, the idle return, the language
// switch, announcements, kinetic scrolling and a feed swapped under an open project.
#include <catch2/catch.hpp>

#include "core/show/layout.hpp"
#include "player_fixture.hpp"

using namespace sf;
using namespace std::chrono_literals;
using core::ActionKind;
using core::Mode;
using PK = core::PointerEvent::Kind;

namespace {

struct Rig {
  core::Feed feed = test::defaultFeed();
  core::RotationPlan plan;
  core::PlayerState state;
  core::Millis now = test::at("2024-04-25T10:00:00+02:00");
  std::vector<core::HitTarget> hits;

  Rig() {
    core::buildRotation(feed, core::toInstant(now), plan);
    state.gestures = core::gestureConfigFor(core::computeLayout(1920, 1080, 96));
  }
  core::PlayerEnv env() const { return {feed, plan, now}; }
  void pointer(PK k, float x, float y) { core::onPointer(state, {k, x, y}, hits, env()); }
  void tap(float x, float y) {
    pointer(PK::Down, x, y);
    now += 80ms;
    pointer(PK::Up, x + 2, y + 1);
  }
  void swipe(float x0, float x1, float y = 500) {
    pointer(PK::Down, x0, y);
    for (int i = 1; i <= 5; ++i) {
      now += 16ms;
      pointer(PK::Move, x0 + (x1 - x0) * i / 5, y);
    }
    pointer(PK::Up, x1, y);
  }
  void advance(std::chrono::milliseconds d) {
    const auto end = now + d;
    while (now < end) {
      now += std::min<std::chrono::milliseconds>(16ms, end - now);
      core::tick(state, env());
    }
  }
  void apply(core::Action a) { core::apply(state, a, env()); }
};

}  // namespace

TEST_CASE("gestures: small travel is a tap, long horizontal travel a swipe, vertical a drag") {
  const core::GestureConfig g = core::gestureConfigFor(core::computeLayout(1920, 1080, 96));
  CHECK(core::classifyGesture(3, 4, 100ms, g) == core::Gesture::Tap);
  CHECK(core::classifyGesture(-300, 20, 200ms, g) == core::Gesture::SwipeLeft);
  CHECK(core::classifyGesture(300, -20, 200ms, g) == core::Gesture::SwipeRight);
  CHECK(core::classifyGesture(2 * g.slop + 2, 0, 20ms, g) == core::Gesture::SwipeRight);  // a quick flick
  CHECK(core::classifyGesture(10, 300, 200ms, g) == core::Gesture::Drag);
  CHECK(core::classifyGesture(1, 1, 5000ms, g) == core::Gesture::None);  // resting finger
}

TEST_CASE("tapping a spotlight opens its project, back returns to the same slide") {
  Rig r;
  const std::size_t p = test::projectIndex(r.feed, "modell-campus-ringberlin");
  r.hits = {{{0, 120, 1920, 900}, {ActionKind::OpenProject, p}}};
  const std::size_t slot = core::currentSlot(r.state, r.env());
  r.tap(600, 500);
  CHECK(r.state.mode == Mode::Detail);
  CHECK(r.state.project == "modell-campus-ringberlin");
  CHECK(core::interacting(r.state));
  r.now += 30s;  // the clock moved on, but the visitor comes back to what they left
  r.apply({ActionKind::Back});
  CHECK(r.state.mode == Mode::Rotation);
  CHECK(r.state.pinnedSlot == slot);
  CHECK(core::checkConsistency(r.state, r.feed, r.plan).empty());
}

TEST_CASE("a tap that ends outside the target, or moves too far, does nothing") {
  Rig r;
  r.hits = {{{100, 100, 200, 100}, {ActionKind::BrowseFields}}};
  r.pointer(PK::Down, 150, 150);
  r.now += 50ms;
  r.pointer(PK::Up, 600, 150);
  CHECK(r.state.mode == Mode::Rotation);
}

TEST_CASE("swipes step through the slides and pause the rotation, idle rejoins the clock") {
  Rig r;
  r.state.idleTimeout = 60s;
  const std::size_t n = r.plan.slots.size();
  const std::size_t start = core::currentSlot(r.state, r.env());
  r.swipe(1500, 500);
  CHECK(r.state.pinnedSlot == (start + 1) % n);
  r.swipe(1500, 500);
  CHECK(r.state.pinnedSlot == (start + 2) % n);
  r.swipe(500, 1500);
  CHECK(r.state.pinnedSlot == (start + 1) % n);
  // Paused: the clock moving past several slides does not move the pinned one. Slides only
  // swiped through, the rotation goes on after swipeResume (sooner than the idle time).
  r.advance(r.state.swipeResume - 1s);
  CHECK(core::currentSlot(r.state, r.env()) == (start + 1) % n);
  r.advance(2s);
  CHECK(!r.state.pinnedSlot);
  CHECK(!core::interacting(r.state));
  CHECK(core::currentSlot(r.state, r.env()) == core::rotationAt(r.plan, r.now).index);
}

TEST_CASE("browse by field: tiles, list with kinetic scroll, detail, back, back, back") {
  Rig r;
  r.apply({ActionKind::BrowseFields});
  CHECK(r.state.mode == Mode::Fields);
  r.apply({ActionKind::OpenField, 0});
  CHECK(r.state.mode == Mode::FieldList);
  CHECK(r.state.field == r.feed.fields[0].id);
  core::setScrollExtent(r.state, 3000, 800);
  CHECK(r.state.scrollMax == 2200);
  // A flick upwards: the list follows the finger, then keeps gliding and slows down.
  r.pointer(PK::Down, 900, 800);
  for (int i = 1; i <= 6; ++i) {
    r.now += 16ms;
    r.pointer(PK::Move, 900, 800 - 40.f * i);
  }
  CHECK(r.state.scroll == Approx(240));
  r.pointer(PK::Up, 900, 560);
  CHECK(r.state.scrollVelocity > 1.5f);
  r.advance(100ms);
  const float glided = r.state.scroll;
  CHECK(glided > 300);
  r.advance(3s);
  CHECK(r.state.scrollVelocity == 0);
  CHECK(r.state.scroll > glided);
  CHECK(r.state.scroll <= r.state.scrollMax);
  // A finger on a gliding list stops it.
  r.state.scrollVelocity = 3;
  r.pointer(PK::Down, 900, 500);
  CHECK(r.state.scrollVelocity == 0);
  r.pointer(PK::Cancel, 0, 0);

  std::size_t p = 0;
  while (r.feed.projects[p].field != r.state.field) ++p;
  r.apply({ActionKind::OpenProject, p});
  CHECK(r.state.mode == Mode::Detail);
  CHECK(r.state.scroll == 0);
  const std::string first = r.state.project;
  r.swipe(1500, 500);  // next project of the same field
  CHECK(r.state.mode == Mode::Detail);
  CHECK(r.state.project != first);
  CHECK(r.feed.findProject(r.state.project)->field == r.state.field);
  r.apply({ActionKind::Back});
  CHECK(r.state.mode == Mode::FieldList);
  r.apply({ActionKind::Back});
  CHECK(r.state.mode == Mode::Fields);
  r.apply({ActionKind::Back});
  CHECK(r.state.mode == Mode::Rotation);
  CHECK(core::checkConsistency(r.state, r.feed, r.plan).empty());
}

TEST_CASE("the language switch changes the language, idle return restores the default") {
  Rig r;
  r.state.language = r.state.defaultLanguage = "de";
  r.apply({ActionKind::SetLanguage, 1});
  CHECK(r.state.language == "en");
  r.apply({ActionKind::ToggleLanguage});
  CHECK(r.state.language == "de");
  core::onKey(r.state, core::Key::Language, r.env());
  CHECK(r.state.language == "en");
  r.apply({ActionKind::SetLanguage, 7});  // no such language: unchanged
  CHECK(r.state.language == "en");
  r.apply({ActionKind::BrowseFields});
  r.advance(r.state.idleTimeout + 1s);
  CHECK(r.state.mode == Mode::Rotation);
  CHECK(r.state.language == "de");
  CHECK(!r.state.lastInput);
}

TEST_CASE("idle timeout is configurable and touching keeps the screen awake") {
  Rig r;
  r.state.idleTimeout = 10s;
  r.apply({ActionKind::BrowseFields});
  for (int i = 0; i < 5; ++i) {
    r.advance(8s);
    r.tap(5, 5);  // touches nothing, but is a visitor
  }
  CHECK(r.state.mode == Mode::Fields);
  CHECK(core::nextStateDeadline(r.state, r.env()) == *r.state.lastInput + 10s);
  r.advance(10s);
  CHECK(r.state.mode == Mode::Rotation);
}

TEST_CASE("an announcement takes over: browsing input is ignored while it is valid") {
  Rig r;
  core::Announcement a;
  a.id = "fire-drill";
  a.start = core::toInstant(r.now) + 60s;
  a.end = a.start + 600s;
  a.priority = 10;
  r.feed.announcements.push_back(a);
  r.apply({ActionKind::BrowseFields});
  CHECK(r.state.mode == Mode::Fields);
  r.apply({ActionKind::Back});
  r.now += 61s;
  REQUIRE(core::activeAnnouncement(r.feed, core::toInstant(r.now)));
  r.apply({ActionKind::BrowseFields});
  CHECK(r.state.mode == Mode::Rotation);
  r.apply({ActionKind::ToggleLanguage});  // the language still follows visitors
  CHECK(r.state.language == "en");
  r.now += 600s;
  CHECK(!core::activeAnnouncement(r.feed, core::toInstant(r.now)));
  r.apply({ActionKind::BrowseFields});
  CHECK(r.state.mode == Mode::Fields);
}

TEST_CASE("a feed swapped underneath an open project keeps it when it still exists") {
  Rig r;
  const std::size_t p = test::projectIndex(r.feed, "amber-sondercall");
  r.apply({ActionKind::BrowseFields});
  r.apply({ActionKind::OpenField, core::fieldIndex(r.feed, "innovation")});
  r.apply({ActionKind::OpenProject, p});
  REQUIRE(r.state.mode == Mode::Detail);

  core::Feed next = r.feed;
  next.revision++;
  next.projects.erase(next.projects.begin());  // indices shift, the id stays
  auto plan = core::buildRotation(next, core::toInstant(r.now));
  core::onFeedSwapped(r.state, next, plan);
  CHECK(r.state.mode == Mode::Detail);
  CHECK(r.state.project == "amber-sondercall");
  CHECK(core::checkConsistency(r.state, next, plan).empty());

  core::Feed gone = next;
  gone.projects.erase(std::remove_if(gone.projects.begin(), gone.projects.end(),
                                     [](const core::Project& x) { return x.id == "amber-sondercall"; }),
                      gone.projects.end());
  plan = core::buildRotation(gone, core::toInstant(r.now));
  core::onFeedSwapped(r.state, gone, plan);
  CHECK(r.state.mode == Mode::FieldList);  // back to where it was opened from
  CHECK(r.state.project.empty());
  CHECK(core::checkConsistency(r.state, gone, plan).empty());

  core::Feed noField = gone;
  noField.fields.erase(noField.fields.begin());
  plan = core::buildRotation(noField, core::toInstant(r.now));
  core::onFeedSwapped(r.state, noField, plan);
  CHECK(r.state.mode == Mode::Fields);
  CHECK(core::checkConsistency(r.state, noField, plan).empty());
}

TEST_CASE("pinned slot beyond a shorter new plan is dropped") {
  Rig r;
  r.state.pinnedSlot = r.plan.slots.size() - 1;
  core::Feed small = r.feed;
  small.playlist.resize(1);
  const auto plan = core::buildRotation(small, core::toInstant(r.now));
  core::onFeedSwapped(r.state, small, plan);
  CHECK(!r.state.pinnedSlot);
}

TEST_CASE("deadlines: animation frames only while something moves") {
  Rig r;
  r.state.changedAt = r.now - 10s;
  CHECK(core::nextStateDeadline(r.state, r.env()) == core::Millis::max());
  r.apply({ActionKind::BrowseFields});
  CHECK(core::nextStateDeadline(r.state, r.env()) == r.now + 16ms);
  r.advance(1s);
  CHECK(core::nextStateDeadline(r.state, r.env()) == *r.state.lastInput + r.state.idleTimeout);
}

TEST_CASE("layout: scale, minimum targets and box checks") {
  CHECK(core::minTargetPx(0) == 44);
  CHECK(core::minTargetPx(96) == 44);
  CHECK(core::minTargetPx(160) == Approx(57));
  CHECK(core::minTargetPx(254) == Approx(90));
  for (auto [w, h] : {std::pair{1920, 1080}, {1080, 1920}, {1280, 800}, {1024, 600}, {800, 480}}) {
    const auto l = core::computeLayout(w, h, 0);
    CHECK(l.scale == Approx(std::min(w, h) / 1080.f));
    CHECK(l.headerHeight >= l.minTarget);
    CHECK(l.content.x >= 0);
    CHECK(l.content.right() <= w);
    CHECK(l.content.bottom() <= h);
    CHECK(l.font(core::FontRole::Body) >= 16);
  }
  std::vector<core::TextBox> boxes{{{10, 10, 100, 20}, "a"}, {{10, 40, 100, 20}, "b"}};
  CHECK(core::checkTextBoxes(boxes, 200, 100).empty());
  boxes.push_back({{50, 25, 100, 20}, "c"});
  CHECK(core::checkTextBoxes(boxes, 200, 100).size() == 2);
  CHECK(core::checkTextBoxes({{{150, 90, 100, 20}, "off"}}, 200, 100).size() == 1);
}

TEST_CASE("rotated screens map touches back to upright coordinates") {
  int lw = 0, lh = 0;
  core::logicalSize(90, 1920, 1080, lw, lh);
  CHECK(lw == 1080);
  CHECK(lh == 1920);
  // 90° clockwise: the logical top-left corner sits at the physical top-right.
  auto p = core::physicalToLogical(90, 1920, 1080, 1920, 0);
  CHECK(p.x == Approx(0));
  CHECK(p.y == Approx(0));
  p = core::physicalToLogical(270, 1920, 1080, 0, 1080);
  CHECK(p.x == Approx(0));
  CHECK(p.y == Approx(0));
  p = core::physicalToLogical(180, 1920, 1080, 1920, 1080);
  CHECK(p.x == Approx(0));
  CHECK(p.y == Approx(0));
  p = core::physicalToLogical(0, 1920, 1080, 10, 20);
  CHECK(p.x == Approx(10));
  CHECK(p.y == Approx(20));
}
