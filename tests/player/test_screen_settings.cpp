// The screen settings the frame reads: a clock with seconds in the header, and the slide
// transition's length, on real offscreen frames and on the frame's own transition rule.
#include <catch2/catch.hpp>

#include <algorithm>

#include "player/frame.hpp"
#include "player/player.hpp"
#include "player_fixture.hpp"

using namespace sf;
using namespace std::chrono_literals;

namespace {

// The header's text boxes whose text is exactly `label`.
std::size_t headerTexts(const player::RenderResult& r, const std::string& label) {
  return static_cast<std::size_t>(std::count_if(r.texts.begin(), r.texts.end(), [&](const core::TextBox& t) {
    return t.label == label && t.rect.bottom() <= r.layout.header.bottom() + 1;
  }));
}

}  // namespace

TEST_CASE("the header clock shows the seconds when the screen asks for them", "[screen]") {
  const core::Feed& feed = test::defaultFeed();
  for (auto [w, h] : {std::pair{1920, 1080}, {800, 480}}) {
    player::FrameRenderer renderer(w, h);
    REQUIRE(renderer.error().empty());
    player::RenderRequest req;
    req.feed = &feed;
    req.at = test::at("2024-04-25T08:05:07Z");  // 10:05:07 in Berlin
    req.collectText = true;
    const auto plain = renderer.render(req);
    REQUIRE(plain.error.empty());
    CHECK(headerTexts(plain, "10:05") == 1);
    CHECK(headerTexts(plain, "10:05:07") == 0);
    req.clockSeconds = true;
    const auto seconds = renderer.render(req);
    REQUIRE(seconds.error.empty());
    INFO(w << "x" << h);
    CHECK(headerTexts(seconds, "10:05:07") == 1);
    CHECK(headerTexts(seconds, "10:05") == 0);
    for (const auto& p : core::checkTextBoxes(seconds.texts, w, h)) FAIL_CHECK(p.message);
  }
}

TEST_CASE("a slide comes in for as long as the screen's transition setting says", "[screen]") {
  const core::Feed& feed = test::defaultFeed();
  core::RotationPlan plan;
  const core::Millis t0 = test::at("2024-04-25T08:00:00Z");
  core::buildRotation(feed, core::toInstant(t0), plan);
  REQUIRE(plan.slots.size() > 1);
  const core::Millis start = core::rotationAt(plan, t0).slideEnd;  // the next slide's first moment
  core::PlayerState state;
  state.changedAt = t0 - 1h;  // at rest: no view change running

  CHECK(core::inTransition(state, plan, start + 800ms));
  CHECK_FALSE(core::inTransition(state, plan, start + 1200ms));  // the default 900 ms are over
  plan.transition = 1500ms;
  CHECK(core::inTransition(state, plan, start + 1200ms));
  CHECK(core::inTransition(state, plan, start + 1490ms));
  CHECK_FALSE(core::inTransition(state, plan, start + 1500ms));
}

TEST_CASE("a rendered frame follows the screen's transition length (preview catches slides after it)", "[screen]") {
  const core::Feed& feed = test::defaultFeed();
  const core::Millis t0 = test::at("2024-04-25T08:00:00Z");
  const core::RotationPlan plan = core::buildRotation(feed, core::toInstant(t0));
  const core::Millis start = core::rotationAt(plan, t0).slideEnd;  // the next slide's first moment
  player::FrameRenderer renderer(800, 480);
  REQUIRE(renderer.error().empty());
  player::RenderRequest req;
  req.feed = &feed;
  auto frame = [&](core::Millis at, std::chrono::milliseconds transition) {
    req.at = at;
    req.transition = transition;
    const auto r = renderer.render(req);
    REQUIRE(r.error.empty());
    return r.rgba;
  };
  // At 1.2 s the default change is over; a 1.5 s one still moves. At 1.6 s both have settled.
  CHECK(frame(start + 1200ms, 900ms) != frame(start + 1200ms, 1500ms));
  CHECK(frame(start + 1600ms, 900ms) == frame(start + 1600ms, 1500ms));
}

TEST_CASE("the header clock keeps its width and place as its digits change", "[screen]") {
  const core::Feed& feed = test::defaultFeed();
  for (auto [w, h] : {std::pair{1920, 1080}, {800, 480}, {3840, 2160}}) {
    player::FrameRenderer renderer(w, h);
    REQUIRE(renderer.error().empty());
    auto clockBox = [&](const char* at, const std::string& label) {
      player::RenderRequest req;
      req.feed = &feed;
      req.width = w;
      req.height = h;
      req.at = test::at(at);
      req.collectText = true;
      const auto r = renderer.render(req);
      const auto it = std::find_if(r.texts.begin(), r.texts.end(), [&](const core::TextBox& t) { return t.label == label; });
      REQUIRE(it != r.texts.end());
      return it->rect;
    };
    // "11:11" is the narrowest time in proportional figures, "10:08" among the widest.
    const core::Rect narrow = clockBox("2024-04-25T09:11:00Z", "11:11"), wide = clockBox("2024-04-25T08:08:00Z", "10:08");
    INFO(w << "x" << h << ": " << narrow.x << "+" << narrow.w << " against " << wide.x << "+" << wide.w);
    CHECK(narrow.x == wide.x);
    CHECK(narrow.w == wide.w);
  }
}
