// The trade fair's screens in rendered frames: the map slide with its plan, pins, labels, legend,
// "You are here" and the talks now and next; the same without its picture; the stand on the
// spotlight and the detail view. At the five reference sizes: text on screen, nothing overlapping.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/feed/parse.hpp"
#include "player/player.hpp"
#include "player_fixture.hpp"

using namespace sf;

namespace {

const std::string kFairFeedPath = std::string(SF_SOURCE_DIR) + "/assets/examples/fair-feed.json";

core::Feed fairFeed() {
  std::ifstream in(kFairFeedPath);
  std::stringstream text;
  text << in.rdbuf();
  auto r = core::parseFeed(text.str(), "fair-feed.json");
  for (const auto& d : r.diagnostics) INFO(core::formatDiagnostic(d));
  REQUIRE(r.feed);
  return *r.feed;
}

bool venueShows(const player::RenderResult& out, const std::string& s) {
  return std::any_of(out.texts.begin(), out.texts.end(), [&](const core::TextBox& t) { return t.label.find(s) != std::string::npos; });
}

// The plan's floor colour (#E4E8EE in fair-hall-2.png): how much of the frame the picture covers.
std::size_t planPixels(const player::RenderResult& out) {
  std::size_t n = 0;
  for (std::size_t i = 0; i + 3 < out.rgba.size(); i += 4)
    n += std::abs(out.rgba[i] - 0xE4) <= 2 && std::abs(out.rgba[i + 1] - 0xE8) <= 2 && std::abs(out.rgba[i + 2] - 0xEE) <= 2;
  return n;
}

const std::pair<int, int> kVenueSizes[] = {{1920, 1080}, {1080, 1920}, {1280, 800}, {1024, 600}, {800, 480}};

}  // namespace

TEST_CASE("the map slide at every size: plan, pins, labels clear of each other, you are here, talks now", "[render][venue]") {
  const core::Feed feed = fairFeed();
  const core::MapSpot here{"halle-2", 0.86, 0.7};
  for (auto [w, h] : kVenueSizes) {
    player::FrameRenderer renderer(w, h);
    REQUIRE(renderer.error().empty());
    for (const char* lang : {"de", "en"}) {
      for (bool picture : {true, false}) {
        player::RenderRequest req;
        req.feed = &feed;
        req.width = w;
        req.height = h;
        req.view = player::View::of(core::SlideKind::Map);
        req.language = lang;
        req.at = test::at("2026-05-20T10:00:00+02:00");
        req.collectText = true;
        req.here = here;
        req.loadImages = true;
        // Without its picture: the feed's folder is elsewhere, so the plan cannot be loaded.
        req.imageBase = picture ? kFairFeedPath : std::string(SF_SOURCE_DIR) + "/tests/no-such-folder/fair-feed.json";
        const auto out = renderer.render(req);
        INFO(w << "x" << h << " " << lang << (picture ? " with the plan" : " without it"));
        REQUIRE(out.error.empty());
        CHECK(out.imageErrors.empty() == picture);
        for (const auto& p : core::checkTextBoxes(out.texts, w, h)) FAIL_CHECK(p.message);
        const bool de = std::string(lang) == "de";
        CHECK(venueShows(out, de ? "Halle 2 und Foyer" : "Hall 2 and foyer"));
        CHECK(venueShows(out, de ? "Sie sind hier" : "You are here"));
        CHECK(venueShows(out, "Forum"));  // the talk on now marks its room
        CHECK(venueShows(out, de ? "Leichtbau in der Serie" : "Lightweight parts"));
        CHECK(venueShows(out, de ? "Ausgang" : "Exit"));  // the legend names the kinds
        // The plan fills a good part of the slide, kept in its proportions; without it, no trace of it.
        const std::size_t plan = planPixels(out);
        if (picture) CHECK(plan > static_cast<std::size_t>(w) * h / 12);
        else CHECK(plan == 0);
        // Text boxes of labels are not over the legend's column or row: all inside the frame.
        for (const auto& t : out.texts) CHECK(t.rect.h >= out.layout.font(core::FontRole::Small) - 0.5f);
      }
    }
  }
}

TEST_CASE("a map slide's labels: the more markers, the fewer names, never two on each other", "[render][venue]") {
  core::Feed feed = fairFeed();
  core::VenueMap& m = feed.maps.front();
  // Thirty stands in a tight block, each with a long name.
  for (int i = 0; i < 30; ++i) {
    core::MapMarker mk;
    mk.kind = core::MarkerKind::Stand;
    mk.label.set("de", "Aussteller mit recht langem Namen " + std::to_string(i));
    mk.x = 0.3 + (i % 6) * 0.04;
    mk.y = 0.3 + (i / 6) * 0.05;
    m.markers.push_back(mk);
  }
  for (auto [w, h] : kVenueSizes) {
    player::FrameRenderer renderer(w, h);
    REQUIRE(renderer.error().empty());
    player::RenderRequest req;
    req.feed = &feed;
    req.width = w;
    req.height = h;
    req.view = player::View::of(core::SlideKind::Map);
    req.language = "de";
    req.at = test::at("2026-05-20T10:00:00+02:00");
    req.collectText = true;
    const auto out = renderer.render(req);
    INFO(w << "x" << h);
    REQUIRE(out.error.empty());
    for (const auto& p : core::checkTextBoxes(out.texts, w, h)) FAIL_CHECK(p.message);
    CHECK_FALSE(venueShows(out, "Sie sind hier"));  // no location configured: no point drawn
  }
}

TEST_CASE("the stand on the spotlight and the detail view at every size", "[render][venue]") {
  const core::Feed feed = fairFeed();
  for (auto [w, h] : kVenueSizes) {
    player::FrameRenderer renderer(w, h);
    REQUIRE(renderer.error().empty());
    for (const char* lang : {"de", "en"})
      for (auto view : {player::View::of(core::SlideKind::Spotlight), player::View::Detail})
        for (const char* project : {"hanfverbund", "praezision-nord"}) {
          player::RenderRequest req;
          req.feed = &feed;
          req.width = w;
          req.height = h;
          req.view = view;
          req.project = project;
          req.language = lang;
          req.at = test::at("2026-05-20T10:00:00+02:00");
          req.collectText = true;
          const auto out = renderer.render(req);
          INFO(w << "x" << h << " " << lang << " " << project << (view == player::View::Detail ? " detail" : " spotlight"));
          REQUIRE(out.error.empty());
          for (const auto& p : core::checkTextBoxes(out.texts, w, h)) FAIL_CHECK(p.message);
          const bool de = std::string(lang) == "de";
          if (std::string(project) == "hanfverbund") CHECK(venueShows(out, de ? "Halle 2 \u00B7 Stand A1" : "Hall 2 \u00B7 Stand A1"));
          else CHECK(venueShows(out, "Stand C3"));
        }
  }
}
