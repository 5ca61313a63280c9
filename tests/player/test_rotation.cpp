// Rotation: the slide is a pure function of clock and playlist; validity windows, spotlight
// expansion, deadlines and figure paging.
#include <catch2/catch.hpp>
#include <set>

#include "player_fixture.hpp"

using namespace sf;
using namespace std::chrono_literals;

TEST_CASE("the same instant gives the same slide in independent computations") {
  const auto& feed = test::defaultFeed();
  const auto t = test::at("2024-04-25T10:17:03+02:00");
  const auto a = core::buildRotation(feed, core::toInstant(t));
  core::Feed copy = feed;  // a second screen with its own copy of the feed
  const auto b = core::buildRotation(copy, core::toInstant(t));
  for (auto dt : {0ms, 1234ms, 60000ms, 3600000ms}) {
    const auto pa = core::rotationAt(a, t + dt), pb = core::rotationAt(b, t + dt);
    CHECK(pa.index == pb.index);
    CHECK(pa.slideStart == pb.slideStart);
    CHECK(pa.progress == Approx(pb.progress));
  }
}

TEST_CASE("spotlights expand to every matching project, each for its seconds") {
  const auto& feed = test::defaultFeed();
  const auto plan = core::buildRotation(feed, core::toInstant(test::at("2024-04-25T10:00:00+02:00")));
  // 10 single items plus one "spotlights" item over all 42 projects.
  std::size_t spotlights = 0;
  for (const auto& s : plan.slots)
    if (s.item == feed.playlist.size() - 1) {
      ++spotlights;
      CHECK(s.kind == core::SlideKind::Spotlight);
      CHECK(s.duration == 8s);
    }
  CHECK(spotlights == feed.projects.size());
  // The rest are the written items (the schedule's count follows the events: rotation_mix.cpp).
  const auto others = std::count_if(plan.slots.begin(), plan.slots.end(), [](const auto& s) { return s.kind != core::SlideKind::Schedule; });
  CHECK(static_cast<std::size_t>(others) == feed.playlist.size() - 3 + feed.projects.size());
  CHECK(plan.figureSlots == 2);

  core::Feed filtered = feed;
  filtered.playlist = {{core::SlideKind::Spotlights, "", "rahmenbedingungen", "", 5}};
  const auto p2 = core::buildRotation(filtered, core::toInstant(test::at("2024-04-25T10:00:00+02:00")));
  CHECK(p2.slots.size() == 6);
  CHECK(p2.cycle == 30s);
  filtered.playlist = {{core::SlideKind::Spotlights, "", "", "spotlight", 5}};
  const auto p3 = core::buildRotation(filtered, core::toInstant(test::at("2024-04-25T10:00:00+02:00")));
  CHECK(!p3.slots.empty());
  for (const auto& s : p3.slots) {
    const auto& tags = filtered.projects[s.project].tags;
    CHECK(std::find(tags.begin(), tags.end(), "spotlight") != tags.end());
  }
}

TEST_CASE("position is (now - epoch) mod cycle, the slide ends at the next deadline") {
  core::Feed feed = test::defaultFeed();
  feed.playlist = {{core::SlideKind::Schedule, "", "", "", 10}, {core::SlideKind::Fields, "", "", "", 20}};
  const auto plan = core::buildRotation(feed, core::Instant{});
  REQUIRE(plan.cycle == 30s);
  const core::Millis base{std::chrono::milliseconds{30000LL * 1000000}};  // a cycle boundary
  CHECK(core::rotationAt(plan, base).index == 0);
  CHECK(core::rotationAt(plan, base + 9999ms).index == 0);
  CHECK(core::rotationAt(plan, base + 10s).index == 1);
  CHECK(core::rotationAt(plan, base + 29999ms).index == 1);
  CHECK(core::rotationAt(plan, base + 30s).index == 0);
  CHECK(core::nextRotationChange(plan, base + 3s) == base + 10s);
  CHECK(core::nextRotationChange(plan, base + 12s) == base + 30s);
  CHECK(core::rotationAt(plan, base + 15s).progress == Approx(0.25));
  CHECK(core::rotationAt(plan, base + 15s).previous == 0);
  // A screen restarted mid-cycle lands on the same slide as one that never stopped.
  CHECK(core::rotationAt(plan, base + 1000s + 12s).index == core::rotationAt(plan, base + 12s).index);
}

TEST_CASE("playlist items count only while valid, and the plan knows when to rebuild") {
  core::Feed feed = test::defaultFeed();
  feed.events.clear();  // events' nearness is a boundary of its own (test_variety.cpp)
  const auto from = core::parseInstant("2024-05-01T00:00:00+02:00");
  const auto until = core::parseInstant("2024-05-02T00:00:00+02:00");
  feed.playlist = {{core::SlideKind::Schedule, "", "", "", 10},
                   {core::SlideKind::Figures, "", "", "", 10, from, until}};
  const auto before = core::buildRotation(feed, *from - std::chrono::hours{1});
  CHECK(before.slots.size() == 1);
  REQUIRE(before.changesAt);
  CHECK(*before.changesAt == *from);
  const auto during = core::buildRotation(feed, *from + std::chrono::hours{1});
  CHECK(during.slots.size() == 2);
  CHECK(*during.changesAt == *until);
  const auto after = core::buildRotation(feed, *until);
  CHECK(after.slots.size() == 1);
  CHECK(!after.changesAt);
  // The next change is the boundary when it comes before the slide's end.
  const core::Millis justBefore = std::chrono::time_point_cast<std::chrono::milliseconds>(*from) - 2s;
  CHECK(core::nextRotationChange(before, justBefore) <= std::chrono::time_point_cast<std::chrono::milliseconds>(*from));
}

TEST_CASE("a playlist with nothing valid still plays something") {
  core::Feed feed = test::defaultFeed();
  const auto until = core::parseInstant("2020-01-01T00:00:00Z");
  feed.playlist = {{core::SlideKind::Schedule, "", "", "", 10, std::nullopt, until}};
  const auto plan = core::buildRotation(feed, core::toInstant(test::at("2024-04-25T10:00:00+02:00")));
  REQUIRE(plan.slots.size() == 1);
  CHECK(plan.slots[0].kind == core::SlideKind::Fields);
}

TEST_CASE("figures slides page through all figures over the cycles") {
  const auto& feed = test::defaultFeed();
  const auto plan = core::buildRotation(feed, core::toInstant(test::at("2024-04-25T10:00:00+02:00")));
  std::vector<std::size_t> figureSlots;
  for (std::size_t i = 0; i < plan.slots.size(); ++i)
    if (plan.slots[i].kind == core::SlideKind::Figures) figureSlots.push_back(i);
  REQUIRE(figureSlots.size() == 2);
  std::set<std::size_t> pages;
  for (std::int64_t cycle = 0; cycle < 3; ++cycle)
    for (auto slot : figureSlots) {
      core::RotationPosition pos;
      pos.cycleNumber = 1000 + cycle;
      pages.insert(core::figuresPage(plan, pos, slot, feed.figures.size(), 6));
    }
  CHECK(pages == std::set<std::size_t>{0, 1, 2});  // 14 figures, 6 a page
}

TEST_CASE("the highest-priority valid announcement wins, and its end is a deadline") {
  core::Feed feed = test::defaultFeed();
  const auto t = *core::parseInstant("2024-04-25T10:00:00+02:00");
  core::Announcement low, high;
  low.id = "low";
  low.start = t - std::chrono::hours{1};
  low.end = t + std::chrono::hours{2};
  low.priority = 1;
  high = low;
  high.id = "high";
  high.priority = 9;
  high.end = t + std::chrono::minutes{30};
  feed.announcements = {low, high};
  REQUIRE(core::activeAnnouncement(feed, t));
  CHECK(core::activeAnnouncement(feed, t)->id == "high");
  CHECK(core::activeAnnouncement(feed, t + std::chrono::minutes{31})->id == "low");
  CHECK(!core::activeAnnouncement(feed, t + std::chrono::hours{3}));
  CHECK(!core::activeAnnouncement(feed, t - std::chrono::hours{2}));
  CHECK(*core::nextAnnouncementChange(feed, t) == t + std::chrono::minutes{30});
}
