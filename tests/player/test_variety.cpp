// Variety in the rotation: the fields take turns, written items keep their order and spread
// through the cycle, the schedule comes often while events are near, every screen agrees, and
// each project's generated visual is its own.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <set>

#include "core/show/project_visual.hpp"
#include "core/show/rotation_mix.hpp"
#include "player_fixture.hpp"

using namespace sf;
using namespace std::chrono_literals;

namespace {

// The built-in feed's only dated events are all-day ones on 2024-04-25 and 2024-07-10.
const char* const kQuiet = "2024-05-02T10:00:00+02:00";
const char* const kBusy = "2024-04-25T10:00:00+02:00";

core::RotationPlan planAt(const core::Feed& feed, const char* iso) {
  return core::buildRotation(feed, core::toInstant(test::at(iso)));
}

std::string_view fieldAt(const core::Feed& feed, const core::RotationSlot& s) {
  return s.kind == core::SlideKind::Spotlight ? std::string_view(feed.projects[s.project].field) : std::string_view{};
}

// Start times (ms into the cycle) of the slots matching `pred`.
template <class Pred>
std::vector<std::int64_t> startsOf(const core::RotationPlan& plan, Pred pred) {
  std::vector<std::int64_t> out;
  std::int64_t t = 0;
  for (const auto& s : plan.slots) {
    if (pred(s)) out.push_back(t);
    t += s.duration.count();
  }
  return out;
}

// The longest stretch between two consecutive starts, around the cycle's end too.
std::int64_t longestGap(const std::vector<std::int64_t>& starts, std::int64_t cycle) {
  if (starts.empty()) return cycle;
  std::int64_t longest = starts.front() + cycle - starts.back();
  for (std::size_t i = 1; i < starts.size(); ++i) longest = std::max(longest, starts[i] - starts[i - 1]);
  return longest;
}

bool isSchedule(const core::RotationSlot& s) { return s.kind == core::SlideKind::Schedule; }

}  // namespace

TEST_CASE("no two spotlights of one field follow each other while other fields have some", "[variety]") {
  const auto& feed = test::defaultFeed();
  for (const char* when : {kQuiet, kBusy}) {
    INFO(when);
    const auto plan = planAt(feed, when);
    const std::size_t n = plan.slots.size();
    std::size_t same = 0;
    std::string sequence;  // for the message: the fields' initials, "-" for other slides
    for (std::size_t i = 0; i < n; ++i) {
      const auto a = fieldAt(feed, plan.slots[i]), b = fieldAt(feed, plan.slots[(i + 1) % n]);
      if (!a.empty() && a == b) ++same;
      sequence += a.empty() ? '-' : a[0];
    }
    INFO(sequence);
    CHECK(same == 0);
    // Still every project once from the `spotlights` item, and each written spotlight.
    std::map<std::size_t, int> shown;
    for (const auto& s : plan.slots)
      if (s.item == feed.playlist.size() - 1) ++shown[s.project];
    CHECK(shown.size() == feed.projects.size());
    for (const auto& [project, times] : shown) CHECK(times == 1);
  }
  // One field only: nothing to alternate with, so they follow each other in the feed's order.
  core::Feed one = feed;
  one.playlist = {{core::SlideKind::Spotlights, "", "rahmenbedingungen", "", 5}};
  const auto plan = core::buildRotation(one, core::toInstant(test::at(kQuiet)));
  REQUIRE(plan.slots.size() == 6);
  for (std::size_t i = 1; i < plan.slots.size(); ++i) CHECK(plan.slots[i].project > plan.slots[i - 1].project);
}

TEST_CASE("written items keep their order and spread evenly through the cycle", "[variety]") {
  const auto& feed = test::defaultFeed();
  const auto plan = planAt(feed, kQuiet);
  const std::size_t spotlightsItem = feed.playlist.size() - 1;
  std::vector<std::size_t> items;
  for (const auto& s : plan.slots)
    if (s.item != spotlightsItem) items.push_back(s.item);
  // Far from events the schedule named twice plays once: items 0..9 without the second (7).
  CHECK(items == std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6, 8, 9});
  // The fields overview, the schedule and the figures are spread, not bunched: no stretch without
  // one of them is much longer than an even share of the cycle.
  const auto others = startsOf(plan, [](const auto& s) { return s.kind != core::SlideKind::Spotlight; });
  REQUIRE(others.size() == 4);
  const std::int64_t even = plan.cycle.count() / static_cast<std::int64_t>(others.size());
  CHECK(longestGap(others, plan.cycle.count()) <= even * 13 / 10);
  // Before, the written items came as one block and then 42 spotlights: a stretch of 336 s.
  CHECK(longestGap(others, plan.cycle.count()) < 150000);
}

TEST_CASE("the schedule comes more often while events are near, once a cycle otherwise", "[variety]") {
  const auto& feed = test::defaultFeed();
  const auto quiet = planAt(feed, kQuiet), busy = planAt(feed, kBusy);
  const auto q = startsOf(quiet, isSchedule), b = startsOf(busy, isSchedule);
  CHECK(q.size() == 1);
  CHECK(b.size() >= 4);
  // No stretch without the schedule longer than kScheduleEvery and one slide.
  CHECK(longestGap(b, busy.cycle.count()) <= std::chrono::milliseconds(core::kScheduleEvery).count() + 12000);

  // An event at 15:00: near from 13:00 until it ends at 16:00, and the plan says when to rebuild.
  core::Feed one = feed;
  core::Event e;
  e.id = "talk";
  e.start = *core::parseInstant("2024-05-02T15:00:00+02:00");
  e.end = *core::parseInstant("2024-05-02T16:00:00+02:00");
  one.events = {e};
  const auto morning = core::buildRotation(one, *core::parseInstant("2024-05-02T12:00:00+02:00"));
  REQUIRE(morning.changesAt);
  CHECK(*morning.changesAt == *core::parseInstant("2024-05-02T13:00:00+02:00"));
  CHECK(startsOf(morning, isSchedule).size() == 1);
  const auto before = core::buildRotation(one, *core::parseInstant("2024-05-02T13:00:00+02:00"));
  CHECK(startsOf(before, isSchedule).size() > 1);
  CHECK(*before.changesAt == e.end);
  const auto after = core::buildRotation(one, e.end);
  CHECK(startsOf(after, isSchedule).size() == 1);
  // A cancelled event brings nothing near.
  one.events[0].cancelled = true;
  CHECK(startsOf(core::buildRotation(one, e.start), isSchedule).size() == 1);
  // A playlist without a schedule gets none added, however near the events.
  one.events[0].cancelled = false;
  one.playlist = {{core::SlideKind::Spotlights, "", "", "", 8}, {core::SlideKind::Fields, "", "", "", 10}};
  CHECK(startsOf(core::buildRotation(one, e.start), isSchedule).empty());
}

TEST_CASE("the plan is a function of the feed and the time: every screen arranges alike", "[variety]") {
  const auto& feed = test::defaultFeed();
  for (const char* when : {kQuiet, kBusy}) {
    const core::Feed copy = feed;
    const auto a = planAt(feed, when), b = planAt(copy, when);
    // Later within the same window (no event's nearness changed): the same plan again.
    const auto c = core::buildRotation(feed, core::toInstant(test::at(when)) + 1h);
    for (const auto* other : {&b, &c}) {
      REQUIRE(other->slots.size() == a.slots.size());
      CHECK(other->cycle == a.cycle);
      for (std::size_t i = 0; i < a.slots.size(); ++i) {
        CHECK(other->slots[i].kind == a.slots[i].kind);
        CHECK(other->slots[i].project == a.slots[i].project);
        CHECK(other->slots[i].duration == a.slots[i].duration);
      }
    }
    const auto t = test::at(when) + 4567s;
    CHECK(core::rotationAt(a, t).index == core::rotationAt(b, t).index);
  }
}

TEST_CASE("each project's generated visual is its own composition, the same on every screen", "[variety]") {
  const auto& feed = test::defaultFeed();
  CHECK(core::visualComposition("circular-city-challenge") == core::visualComposition(std::string("circular-city-") + "challenge"));
  CHECK_FALSE(core::visualComposition("projekt-a") == core::visualComposition("projekt-b"));
  // Visibly different, not just in a bit of the seed: another motif, or another angle, focus or
  // number of elements. Checked for the spotlights that follow each other within one field.
  auto visiblyDiffer = [](const core::VisualComposition& a, const core::VisualComposition& b) {
    return a.motif != b.motif || std::abs(a.angle - b.angle) > 0.2f || a.count != b.count ||
           std::hypot(a.focusX - b.focusX, a.focusY - b.focusY) > 0.15f;
  };
  std::map<std::string, std::vector<core::VisualComposition>> byField;
  std::set<core::VisualMotif> motifs;
  for (const auto& p : feed.projects) {
    byField[p.field].push_back(core::visualComposition(p.id));
    motifs.insert(byField[p.field].back().motif);
  }
  for (const auto& [field, list] : byField)
    for (std::size_t i = 1; i < list.size(); ++i) {
      INFO(field << " #" << i);
      CHECK(visiblyDiffer(list[i - 1], list[i]));
    }
  CHECK(motifs.size() == static_cast<std::size_t>(core::kVisualMotifs));  // 42 projects use every motif
  for (const auto& p : feed.projects) {
    const auto c = core::visualComposition(p.id);
    CHECK(c.scale >= 0.7f);
    CHECK(c.scale <= 1.3f);
    CHECK(c.count >= 3);
    CHECK(c.count <= 7);
  }
}
