// The frame plan: which slides a frame shows and how far a change has got, at rest, mid-change,
// under an announcement, while a visitor browses or swipes, and with figures paging.
#include <catch2/catch.hpp>

#include <vector>

#include "core/show/frame_plan.hpp"

using namespace sf;
using namespace std::chrono_literals;

namespace {

core::Feed feedOf(std::vector<core::PlaylistItem> playlist, std::size_t figures = 0) {
  core::Feed feed;
  feed.languages = {"de", "en"};
  feed.playlist = std::move(playlist);
  for (std::size_t i = 0; i < figures; ++i) feed.figures.push_back({"f" + std::to_string(i), {}, {}, {}});
  return feed;
}

core::PlaylistItem item(core::SlideKind kind, int seconds) { return {kind, "", "", "", seconds}; }

// A state at rest in the rotation: its last view change long past.
core::PlayerState resting() {
  core::PlayerState s;
  s.changedAt = core::Millis{} + 1h;
  return s;
}

}  // namespace

TEST_CASE("at rest the frame shows one slide, still") {
  const core::Feed feed = feedOf({item(core::SlideKind::Schedule, 10), item(core::SlideKind::Fields, 20)});
  const core::RotationPlan plan = core::buildRotation(feed, core::Instant{});
  REQUIRE(plan.cycle == 30s);
  const core::Millis base = core::Millis{} + plan.cycle * 1000;  // a cycle boundary
  const auto fp = core::planFrame(resting(), plan, feed, base + 5s, 4);
  CHECK(fp.rotation);
  CHECK(fp.announcement == nullptr);
  CHECK_FALSE(fp.moving);
  CHECK(fp.progress == 1.f);
  CHECK(fp.eased == 1.f);
  REQUIRE(fp.slideCount == 1);
  CHECK(fp.slides[0] == core::ShownSlide{0, 0});
  CHECK(fp.incoming.slot == 0);
  CHECK(fp.position.progress == Approx(0.5));

  const auto later = core::planFrame(resting(), plan, feed, base + 25s, 4);
  REQUIRE(later.slideCount == 1);
  CHECK(later.slides[0].slot == 1);
}

TEST_CASE("mid-change the frame shows the outgoing and the incoming slide, eased") {
  const core::Feed feed = feedOf({item(core::SlideKind::Schedule, 10), item(core::SlideKind::Fields, 20)});
  core::RotationPlan plan = core::buildRotation(feed, core::Instant{});
  const core::Millis base = core::Millis{} + plan.cycle * 1000;
  const auto fp = core::planFrame(resting(), plan, feed, base + 10s + 450ms, 4);
  CHECK(fp.moving);
  CHECK(fp.progress == Approx(0.5));
  CHECK(fp.eased == Approx(0.875));  // 1 - (1 - 0.5)³: most of the way at half the time
  CHECK(fp.direction == 1);
  REQUIRE(fp.slideCount == 2);
  CHECK(fp.slides[0] == core::ShownSlide{0, 0});
  CHECK(fp.slides[1] == core::ShownSlide{1, 0});
  CHECK(fp.outgoing.slot == 0);
  CHECK(fp.incoming.slot == 1);

  // The change ends after the screen's transition time, here a longer one than the default.
  plan.transition = 1500ms;
  CHECK(core::planFrame(resting(), plan, feed, base + 10s + 1200ms, 4).slideCount == 2);
  const auto done = core::planFrame(resting(), plan, feed, base + 10s + 1500ms, 4);
  CHECK(done.slideCount == 1);
  CHECK_FALSE(done.moving);
}

TEST_CASE("a one-slide playlist fades into itself: one layer") {
  const core::Feed feed = feedOf({item(core::SlideKind::Fields, 10)});
  const core::RotationPlan plan = core::buildRotation(feed, core::Instant{});
  const auto fp = core::planFrame(resting(), plan, feed, core::Millis{} + 10s * 500 + 100ms, 4);
  CHECK(fp.moving);
  REQUIRE(fp.slideCount == 1);
  CHECK(fp.slides[0].slot == 0);
}

TEST_CASE("an announcement takes the frame: no rotation slide shows") {
  core::Feed feed = feedOf({item(core::SlideKind::Schedule, 10), item(core::SlideKind::Fields, 20)});
  const core::Millis base = core::Millis{} + 30s * 1000;
  core::Announcement a;
  a.id = "room";
  a.start = core::toInstant(base);
  a.end = core::toInstant(base + 1h);
  feed.announcements.push_back(a);
  const core::RotationPlan plan = core::buildRotation(feed, core::Instant{});
  const auto fp = core::planFrame(resting(), plan, feed, base + 10s + 300ms, 4);
  CHECK(fp.announcement == &feed.announcements[0]);
  CHECK_FALSE(fp.rotation);
  CHECK(fp.slideCount == 0);
  // Before it starts, the rotation shows.
  const auto before = core::planFrame(resting(), plan, feed, base - 5s, 4);
  CHECK(before.announcement == nullptr);
  CHECK(before.slideCount == 1);
}

TEST_CASE("browsing shows no rotation slide, a swipe pins one and slides it in") {
  const core::Feed feed = feedOf({item(core::SlideKind::Schedule, 10), item(core::SlideKind::Fields, 10),
                                  item(core::SlideKind::Figures, 10)}, 3);
  const core::RotationPlan plan = core::buildRotation(feed, core::Instant{});
  const core::Millis now = core::Millis{} + plan.cycle * 1000 + 5s;

  core::PlayerState browsing = resting();
  browsing.mode = core::Mode::Fields;
  const auto b = core::planFrame(browsing, plan, feed, now, 4);
  CHECK_FALSE(b.rotation);
  CHECK(b.slideCount == 0);

  core::PlayerState swiped = resting();
  swiped.pinnedSlot = 1;
  swiped.direction = 1;
  swiped.changedAt = now - 100ms;
  const auto s = core::planFrame(swiped, plan, feed, now, 4);
  CHECK(s.moving);
  CHECK(s.progress == Approx(100.f / 450));  // a swipe takes half a slide change
  REQUIRE(s.slideCount == 2);
  CHECK(s.slides[0].slot == 0);  // came from the slide before
  CHECK(s.slides[1].slot == 1);

  swiped.direction = -1;  // swiped back: it came from the one after
  const auto back = core::planFrame(swiped, plan, feed, now, 4);
  REQUIRE(back.slideCount == 2);
  CHECK(back.slides[0].slot == 2);
  CHECK(back.direction == -1);

  const auto settled = core::planFrame(swiped, plan, feed, now + 400ms, 4);
  REQUIRE(settled.slideCount == 1);
  CHECK(settled.slides[0].slot == 1);

  // Back from browsing, the rotation fades in without the outgoing slide, even mid-change.
  core::PlayerState returning = resting();
  returning.changedAt = now + 5s + 100ms;
  const auto r = core::planFrame(returning, plan, feed, now + 5s + 300ms, 4);
  CHECK(r.returning);
  CHECK(r.moving);
  REQUIRE(r.slideCount == 1);
  CHECK(r.slides[0].slot == 1);
}

TEST_CASE("figures slides page through the figures, one page further per slide") {
  // 5 figures at 2 a page: 3 pages, shown in turn by the figures slides over the cycles.
  const core::Feed feed = feedOf({item(core::SlideKind::Figures, 10), item(core::SlideKind::Figures, 10),
                                  item(core::SlideKind::Fields, 10)}, 5);
  const core::RotationPlan plan = core::buildRotation(feed, core::Instant{});
  REQUIRE(plan.cycle == 30s);
  const core::Millis base = core::Millis{} + plan.cycle * 3000;  // cycle 3000: serials start at page 0
  const auto first = core::planFrame(resting(), plan, feed, base + 5s, 2);
  REQUIRE(first.slideCount == 1);
  CHECK(first.slides[0] == core::ShownSlide{0, 0});
  const auto change = core::planFrame(resting(), plan, feed, base + 10s + 200ms, 2);
  REQUIRE(change.slideCount == 2);
  CHECK(change.slides[0] == core::ShownSlide{0, 0});
  CHECK(change.slides[1] == core::ShownSlide{1, 1});
  const auto fields = core::planFrame(resting(), plan, feed, base + 25s, 2);
  CHECK(fields.slides[0] == core::ShownSlide{2, 0});  // not a figures slide: always page 0
  const auto nextCycle = core::planFrame(resting(), plan, feed, base + 35s, 2);
  CHECK(nextCycle.slides[0] == core::ShownSlide{0, 2});
}

TEST_CASE("controls are a fingertip high and grow with their labels on big screens") {
  const sf::core::Layout hd = sf::core::computeLayout(1920, 1080, 96), uhd = sf::core::computeLayout(3840, 2160, 96),
                         pi = sf::core::computeLayout(800, 480, 96);
  CHECK(hd.minTarget == 44);  // the 1080p design as it was
  CHECK(pi.minTarget == 44);  // a fingertip still, on the 7" display
  CHECK(uhd.minTarget >= 2 * uhd.font(sf::core::FontRole::Small));
  CHECK(uhd.minTarget == 2 * hd.minTarget);  // 4K looks like 1080p, twice the pixels
}

TEST_CASE("figures are shared out evenly over their pages") {
  using sf::core::pageSpan;
  auto counts = [](std::size_t total, std::size_t perPage) {
    std::vector<std::size_t> out;
    std::size_t next = 0;
    for (std::size_t p = 0; p * perPage < total + perPage; ++p) {
      const auto s = pageSpan(total, perPage, p);
      if (s.count == 0) break;
      CHECK(s.first == next);  // no figure skipped or shown twice
      next = s.first + s.count;
      out.push_back(s.count);
    }
    CHECK(next == total);
    return out;
  };
  CHECK(counts(14, 6) == std::vector<std::size_t>{5, 5, 4});
  CHECK(counts(12, 6) == std::vector<std::size_t>{6, 6});
  CHECK(counts(7, 6) == std::vector<std::size_t>{4, 3});
  CHECK(counts(3, 6) == std::vector<std::size_t>{3});
  CHECK(counts(0, 6).empty());
  CHECK(pageSpan(14, 6, 9).count == 0);
}
