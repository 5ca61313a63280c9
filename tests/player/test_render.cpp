// Every view at the five reference sizes, drawn offscreen from the default feed: no text box
// leaves the screen or overlaps another, and the frame is not blank.
#include <catch2/catch.hpp>
#include <algorithm>
#include <set>

#include "player/player.hpp"
#include "player_fixture.hpp"

using namespace sf;

namespace {

struct Case {
  player::View view;
  const char* name;
  const char* project = "";
  const char* field = "";
};

}  // namespace

TEST_CASE("every view at every size: text stays on screen, nothing overlaps, not blank") {
  core::Feed feed = test::defaultFeed();
  core::Announcement a;
  a.id = "room-change";
  a.title.set("de", "Raumänderung: Das Meet-up findet heute im Großen Saal statt");
  a.title.set("en", "Room change: today's meet-up takes place in the Great Hall");
  a.text.set("de", "Bitte folgen Sie der Beschilderung im Erdgeschoss. Der Einlass beginnt um 17:30 Uhr.");
  a.text.set("en", "Please follow the signs on the ground floor. Doors open at 17:30.");
  a.start = *core::parseInstant("2024-04-25T09:00:00+02:00");
  a.end = *core::parseInstant("2024-04-25T20:00:00+02:00");
  feed.announcements.push_back(a);
  const core::Millis when = test::at("2024-04-25T10:00:00+02:00");

  const Case cases[] = {
      {player::View::of(core::SlideKind::Spotlight), "spotlight", "amber-initiative-additive-manufacturing-berlin-brandenburg"},
      {player::View::of(core::SlideKind::Spotlight), "spotlight-long", "its-inberlin-cybersicherheit-als-treiber-der-digitalisierung-fuer-die-berliner-industrie"},
      {player::View::of(core::SlideKind::Schedule), "schedule"},
      {player::View::of(core::SlideKind::Fields), "fields"},
      {player::View::FieldList, "field-list", "", "kompetenzen"},
      {player::View::Detail, "detail", "leichtbautechnologien-fuer-berliner-kmu"},
      {player::View::Detail, "detail-long", "amber-initiative-additive-manufacturing-berlin-brandenburg"},
      {player::View::of(core::SlideKind::Figures), "figures"},
      {player::View::Announcement, "announcement"},
  };
  for (auto [w, h] : {std::pair{1920, 1080}, {1080, 1920}, {1280, 800}, {1024, 600}, {800, 480}}) {
    player::FrameRenderer renderer(w, h);
    REQUIRE(renderer.error().empty());
    for (const Case& c : cases) {
      for (const char* lang : {"de", "en"}) {
        if (std::string(lang) == "en" && c.view != player::View::Detail && c.view != player::View::of(core::SlideKind::Fields)) continue;
        player::RenderRequest req;
        req.feed = &feed;
        req.width = w;
        req.height = h;
        req.view = c.view;
        req.project = c.project;
        req.field = c.field;
        req.language = lang;
        req.at = when;
        req.collectText = true;
        const auto out = renderer.render(req);
        INFO(c.name << " " << lang << " at " << w << "x" << h);
        REQUIRE(out.error.empty());
        REQUIRE(out.width == w);
        REQUIRE(out.height == h);
        CHECK(out.texts.size() >= 3);
        for (const auto& p : core::checkTextBoxes(out.texts, w, h)) FAIL_CHECK(p.message);
        // Not blank: many colours (antialiased text, accents) and plenty of non-background pixels.
        std::set<std::uint32_t> colours;
        std::size_t ink = 0;
        const std::uint8_t* px = out.rgba.data();
        const std::size_t n = static_cast<std::size_t>(w) * h;
        for (std::size_t i = 0; i < n; i += 7) {
          const std::uint32_t c32 = px[i * 4] | px[i * 4 + 1] << 8 | px[i * 4 + 2] << 16;
          if (colours.size() < 64) colours.insert(c32);
          if (px[i * 4] != 14 || px[i * 4 + 1] != 17 || px[i * 4 + 2] != 22) ++ink;
        }
        CHECK(colours.size() >= 16);
        CHECK(ink * 7 > n / 50);
        // Every touch target is at least the minimum size (scrolling views cut rows at their edge).
        const bool scrolls = c.view == player::View::FieldList || c.view == player::View::Detail;
        for (const auto& hit : out.hits) {
          CHECK(hit.rect.w >= out.layout.minTarget - 0.5f);
          if (!scrolls) CHECK(hit.rect.h >= out.layout.minTarget - 0.5f);
        }
      }
    }
  }
}

TEST_CASE("a key figure is written as the visitor's language writes numbers") {
  core::Feed feed = test::defaultFeed();
  REQUIRE(!feed.figures.empty());
  feed.figures[0].value = {};
  feed.figures[0].value.set("de", "100.000 m²");
  feed.figures[0].value.set("en", "100,000 m²");
  player::FrameRenderer renderer(1920, 1080);
  REQUIRE(renderer.error().empty());
  const auto shown = [&](const char* lang) {
    player::RenderRequest req;
    req.feed = &feed;
    req.width = 1920;
    req.height = 1080;
    req.view = player::View::of(core::SlideKind::Figures);
    req.language = lang;
    req.at = test::at("2024-04-25T10:00:00+02:00");
    req.collectText = true;
    std::set<std::string> out;
    for (const auto& t : renderer.render(req).texts) out.insert(t.label);
    return out;
  };
  const auto de = shown("de"), en = shown("en");
  CHECK(de.contains("100.000 m²"));
  CHECK_FALSE(de.contains("100,000 m²"));
  CHECK(en.contains("100,000 m²"));
  CHECK_FALSE(en.contains("100.000 m²"));
}

TEST_CASE("an emergency and an info banner at every size: on screen, legible, an emergency takes no touch") {
  core::Feed feed = test::defaultFeed();
  core::Announcement e;
  e.id = "evac";
  e.level = core::Level::Emergency;
  e.style = core::EmergencyStyle::Evacuation;
  e.pictogram = core::Pictogram::AssemblyPoint;
  e.title.set("de", "Räumung der Halle 2");
  e.title.set("en", "Evacuation of hall 2");
  e.text.set("de", "Gehen Sie ruhig zum Sammelpunkt Parkplatz Nord. Benutzen Sie nicht die Aufzüge.");
  e.text.set("en", "Walk calmly to the assembly point in the north car park. Do not use the lifts.");
  e.start = *core::parseInstant("2024-04-25T09:00:00+02:00");
  e.end = *core::parseInstant("2024-04-25T11:00:00+02:00");
  core::Announcement b;
  b.id = "lunch";
  b.level = core::Level::Info;
  b.title.set("de", "Mittagessen");
  b.text.set("de", "Ab 11:30 im Foyer, vegetarisch und vegan, bis 14 Uhr");
  b.start = e.end;
  b.end = *core::parseInstant("2024-04-25T13:00:00+02:00");
  feed.announcements = {e, b};
  for (auto [w, h] : {std::pair{1920, 1080}, {1080, 1920}, {1280, 800}, {1024, 600}, {800, 480}}) {
    player::FrameRenderer renderer(w, h);
    REQUIRE(renderer.error().empty());
    player::RenderRequest req;
    req.feed = &feed;
    req.width = w;
    req.height = h;
    req.language = "de";
    req.collectText = true;
    req.location = "Foyer Nord";
    req.exitHint = "Notausgang links neben der Treppe";
    req.at = test::at("2024-04-25T10:00:00+02:00");
    INFO(w << "x" << h);
    auto out = renderer.render(req);
    REQUIRE(out.error.empty());
    for (const auto& p : core::checkTextBoxes(out.texts, w, h)) FAIL_CHECK(p.message);
    CHECK(out.hits.empty());  // nothing on an emergency reacts to a tap
    const auto shows = [&](const std::string& s) {
      return std::any_of(out.texts.begin(), out.texts.end(), [&](const core::TextBox& t) { return t.label.find(s) != std::string::npos; });
    };
    CHECK(shows("Räumung der Halle 2"));
    CHECK(shows("Evacuation of hall 2"));  // both languages at once
    CHECK(shows("Foyer Nord"));
    CHECK(shows("Notausgang"));
    // The emergency's title is the largest text on the screen, at least the display size.
    float titleH = 0;
    for (const auto& t : out.texts)
      if (t.label.find("Räumung der") != std::string::npos) titleH = std::max(titleH, t.rect.h);
    CHECK(titleH >= out.layout.font(core::FontRole::Display));

    // An hour later the banner lies over the rotation, which still takes touch.
    req.view = player::View::of(core::SlideKind::Spotlight);
    req.at = test::at("2024-04-25T12:00:00+02:00");
    out = renderer.render(req);
    REQUIRE(out.error.empty());
    // The slide was laid out around it: nothing overlaps, no text or button lies beneath it.
    for (const auto& p : core::checkTextBoxes(out.texts, w, h)) FAIL_CHECK(p.message);
    CHECK(!out.hits.empty());
    const auto bannerText = std::find_if(out.texts.begin(), out.texts.end(),
                                         [](const core::TextBox& t) { return t.label.find("Mittagessen: Ab 11:30") != std::string::npos; });
    REQUIRE(bannerText != out.texts.end());
    CHECK(bannerText->rect.h >= out.layout.font(core::FontRole::Title));
    CHECK(bannerText->rect.bottom() <= h);
    const float bannerTop = bannerText->rect.y - out.layout.gap * 0.6f;
    // In portrait the controls' bar lies below the banner, clear of it.
    const core::Rect& controls = out.layout.controls;
    if (!controls.empty()) CHECK(bannerText->rect.bottom() <= controls.y);
    auto inControls = [&](const core::Rect& r) { return !controls.empty() && r.y >= controls.y; };
    for (const auto& t : out.texts)
      if (&t != &*bannerText && !inControls(t.rect)) CHECK(t.rect.bottom() <= bannerTop + 1);
    // Every button lies above it; the slide's own tap area may run on beneath it, as it is
    // tapped above it.
    for (const auto& hit : out.hits)
      CHECK((hit.rect.h > h * 0.5f || hit.rect.bottom() <= bannerTop + 1 || inControls(hit.rect)));
  }
}
