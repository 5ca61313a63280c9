// Stands and venue maps: what a feed's `stand` and `maps` become, every fault named at its JSON
// pointer, the screen's "location" with a point on a map, and the map slide's geometry (plan fit,
// markers and labels) at every screen size and rotation the player supports.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/feed/edit.hpp"
#include "core/feed/parse.hpp"
#include "core/show/config.hpp"
#include "core/show/layout.hpp"
#include "core/show/map_layout.hpp"
#include "core/show/venue.hpp"
#include "feed_fixture.hpp"

using namespace sf::core;
using sf::test::kBaseFeed;
using sf::test::replaced;

namespace {

const std::string kRoomsAndMaps =
    " \"rooms\": [{\"id\": \"hs1\", \"name\": \"Hörsaal 1\"}, {\"id\": \"foyer\", \"name\": {\"de\": \"Foyer\", \"en\": \"Lobby\"}}],\n"
    " \"maps\": [{\"id\": \"eg\", \"name\": {\"de\": \"Erdgeschoss\", \"en\": \"Ground floor\"}, \"image\": {\"src\": \"images/eg.png\", \"alt\": \"Plan\"},\n"
    "   \"markers\": [{\"id\": \"m-hs1\", \"kind\": \"room\", \"room\": \"hs1\", \"x\": 0.2, \"y\": 0.3},\n"
    "                 {\"kind\": \"stand\", \"hall\": \"2\", \"stand\": \"B14\", \"x\": 0.6, \"y\": 0.4},\n"
    "                 {\"kind\": \"exit\", \"label\": {\"de\": \"Ausgang Nord\", \"en\": \"North exit\"}, \"x\": 1, \"y\": 0}]},\n"
    "  {\"id\": \"og\", \"name\": \"Obergeschoss\", \"image\": \"images/og.png\", \"markers\": []}],\n";

std::string feedWithMaps(const std::string& extra) {
  return replaced(kBaseFeed, " \"figures\":", extra + " \"figures\":");
}

const Diagnostic* diagnosticAt(const ParseResult& r, const std::string& pointer) {
  for (const auto& d : r.diagnostics)
    if (d.jsonPointer == pointer) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("a project's stand: an object with hall and number, or a plain stand number", "[venue]") {
  std::string text = replaced(kBaseFeed, "\"field\": \"inno\"}", "\"field\": \"inno\", \"stand\": {\"hall\": 2, \"number\": \"B14\"}}");
  text = replaced(text, "\"field\": \"komp\",", "\"field\": \"komp\", \"stand\": \"C 3\",");
  const auto r = parseFeed(text, "f.json");
  REQUIRE(r.feed);
  REQUIRE(r.feed->projects[0].stand);
  CHECK(r.feed->projects[0].stand->hall == "2");  // a number as organisers type it
  CHECK(r.feed->projects[0].stand->number == "B14");
  REQUIRE(r.feed->projects[1].stand);
  CHECK(r.feed->projects[1].stand->hall.empty());
  CHECK(r.feed->projects[1].stand->number == "C 3");
  CHECK(formatStand(*r.feed->projects[0].stand, "de") == "Halle 2 \u00B7 Stand B14");
  CHECK(formatStand(*r.feed->projects[0].stand, "en") == "Hall 2 \u00B7 Stand B14");
  CHECK(formatStand(*r.feed->projects[1].stand, "en") == "Stand C 3");
  CHECK(formatStand(Stand{"4", ""}, "de") == "Halle 4");

  const auto bad = parseFeed(replaced(kBaseFeed, "\"field\": \"inno\"}", "\"field\": \"inno\", \"stand\": [\"B14\"]}"), "f.json");
  CHECK_FALSE(bad.feed);
  REQUIRE(diagnosticAt(bad, "/projects/0/stand"));
  CHECK(diagnosticAt(bad, "/projects/0/stand")->message.find("{\"hall\", \"number\"}") != std::string::npos);
  const auto typo = parseFeed(replaced(kBaseFeed, "\"field\": \"inno\"}", "\"field\": \"inno\", \"stand\": {\"halle\": \"2\"}}"), "f.json");
  REQUIRE(typo.feed);  // an unknown key warns; the project shows without a stand
  CHECK(diagnosticAt(typo, "/projects/0/stand/halle"));
  CHECK_FALSE(typo.feed->projects[0].stand);
}

TEST_CASE("maps and their markers become the model, their images are the feed's images", "[venue]") {
  const auto r = parseFeed(feedWithMaps(kRoomsAndMaps), "f.json");
  INFO((r.diagnostics.empty() ? std::string() : r.diagnostics.front().message));
  REQUIRE(r.feed);
  REQUIRE(r.feed->maps.size() == 2);
  const VenueMap& eg = r.feed->maps[0];
  CHECK(eg.name.in("en") == "Ground floor");
  REQUIRE(eg.image);
  CHECK(eg.image->src == "images/eg.png");
  CHECK(eg.image->alt.in("de") == "Plan");
  REQUIRE(eg.markers.size() == 3);
  CHECK(eg.markers[0].kind == MarkerKind::Room);
  CHECK(eg.markers[0].room == "hs1");
  CHECK(eg.markers[1].stand == Stand{"2", "B14"});
  CHECK(eg.markers[2].x == 1.0);
  CHECK(eg.markers[2].y == 0.0);
  CHECK(r.feed->findMap("og"));
  CHECK_FALSE(r.feed->findMap("ug"));
  const auto srcs = imageSources(*r.feed);
  CHECK(std::find(srcs.begin(), srcs.end(), "images/eg.png") != srcs.end());
  CHECK(std::find(srcs.begin(), srcs.end(), "images/og.png") != srcs.end());

  // What pack does: every image place rewritten, both forms of image kept as they were written.
  const auto edited = rewriteImageSources(feedWithMaps(kRoomsAndMaps), [](const std::string& s) { return "packed/" + s; });
  REQUIRE(edited.text);
  const auto again = parseFeed(*edited.text, "packed.json");
  REQUIRE(again.feed);
  CHECK(again.feed->maps[0].image->src == "packed/images/eg.png");
  CHECK(again.feed->maps[0].image->alt.in("de") == "Plan");
  CHECK(again.feed->maps[1].image->src == "packed/images/og.png");
}

TEST_CASE("map faults are named at their JSON pointers", "[venue]") {
  SECTION("a marker outside the image") {
    const auto r = parseFeed(feedWithMaps(replaced(kRoomsAndMaps, "\"x\": 0.6", "\"x\": 1.2")), "f.json");
    CHECK_FALSE(r.feed);
    REQUIRE(diagnosticAt(r, "/maps/0/markers/1/x"));
    CHECK(diagnosticAt(r, "/maps/0/markers/1/x")->message.find("from 0 to 1") != std::string::npos);
    CHECK(diagnosticAt(r, "/maps/0/markers/1/x")->line == sf::test::positionOf(feedWithMaps(replaced(kRoomsAndMaps, "\"x\": 0.6", "\"x\": 1.2")), "1.2").line);
  }
  SECTION("a negative y and a y that is no number") {
    auto r = parseFeed(feedWithMaps(replaced(kRoomsAndMaps, "\"y\": 0.3", "\"y\": -0.01")), "f.json");
    CHECK(diagnosticAt(r, "/maps/0/markers/0/y"));
    r = parseFeed(feedWithMaps(replaced(kRoomsAndMaps, "\"y\": 0.3", "\"y\": \"0.3\"")), "f.json");
    CHECK(diagnosticAt(r, "/maps/0/markers/0/y"));
  }
  SECTION("a marker naming a room the feed lacks") {
    const auto r = parseFeed(feedWithMaps(replaced(kRoomsAndMaps, "\"room\": \"hs1\"", "\"room\": \"hs9\"")), "f.json");
    CHECK_FALSE(r.feed);
    REQUIRE(diagnosticAt(r, "/maps/0/markers/0/room"));
    CHECK(diagnosticAt(r, "/maps/0/markers/0/room")->message.find("hs1, foyer") != std::string::npos);
  }
  SECTION("a map slide naming a map the feed lacks") {
    std::string text = replaced(feedWithMaps(kRoomsAndMaps), "{\"slide\": \"schedule\", \"seconds\": 10}", "{\"slide\": \"map\", \"map\": \"ug\"}");
    const auto r = parseFeed(text, "f.json");
    CHECK_FALSE(r.feed);
    REQUIRE(diagnosticAt(r, "/playlist/1/map"));
    CHECK(diagnosticAt(r, "/playlist/1/map")->message.find("eg, og") != std::string::npos);
    text = replaced(feedWithMaps(kRoomsAndMaps), "{\"slide\": \"schedule\", \"seconds\": 10}", "{\"slide\": \"map\"}");
    CHECK(diagnosticAt(parseFeed(text, "f.json"), "/playlist/1"));  // "map" is required
    text = replaced(feedWithMaps(kRoomsAndMaps), "{\"slide\": \"schedule\", \"seconds\": 10}", "{\"slide\": \"map\", \"map\": \"og\"}");
    const auto ok = parseFeed(text, "f.json");
    REQUIRE(ok.feed);
    CHECK(ok.feed->playlist[1].kind == SlideKind::Map);
    CHECK(ok.feed->playlist[1].map == "og");
  }
  SECTION("duplicate map and marker ids, an unknown kind, a bad image path") {
    std::string text = replaced(kRoomsAndMaps, "{\"id\": \"og\"", "{\"id\": \"eg\"");
    text = replaced(text, "{\"kind\": \"exit\"", "{\"id\": \"m-hs1\", \"kind\": \"exit\"");
    text = replaced(text, "\"kind\": \"stand\"", "\"kind\": \"cafe\"");
    text = replaced(text, "\"images/og.png\"", "\"../og.png\"");
    const auto r = parseFeed(feedWithMaps(text), "f.json");
    CHECK(diagnosticAt(r, "/maps/1/id"));
    CHECK(diagnosticAt(r, "/maps/0/markers/2/id"));
    REQUIRE(diagnosticAt(r, "/maps/0/markers/1/kind"));
    CHECK(diagnosticAt(r, "/maps/0/markers/1/kind")->severity == Severity::Warning);
    CHECK(diagnosticAt(r, "/maps/1/image"));
  }
}

TEST_CASE("the screen's location: a name, or a name with a point on a map", "[venue][config]") {
  auto c = parseConfig(R"({"location": "Foyer Nord"})", "c.json");
  CHECK(c.diagnostics.empty());
  CHECK(c.config.location == "Foyer Nord");
  CHECK_FALSE(c.config.here);

  c = parseConfig(R"({"location": {"name": "Foyer Nord", "map": "eg", "x": 0.42, "y": 0.61}})", "c.json");
  CHECK(c.diagnostics.empty());
  CHECK(c.config.location == "Foyer Nord");  // an emergency still names it
  REQUIRE(c.config.here);
  CHECK(c.config.here->map == "eg");
  CHECK(c.config.here->x == 0.42);
  CHECK(c.config.here->y == 0.61);

  c = parseConfig(R"({"location": {"name": "Foyer", "map": "eg", "x": 1.5, "y": 0.2}})", "c.json");
  REQUIRE(c.diagnostics.size() == 1);
  CHECK(c.diagnostics[0].jsonPointer == "/location/x");
  CHECK(c.diagnostics[0].line == 1);
  CHECK_FALSE(c.config.here);
  CHECK(c.config.location == "Foyer");

  c = parseConfig(R"({"location": {"x": 0.5, "y": 0.5}})", "c.json");
  REQUIRE_FALSE(c.diagnostics.empty());
  CHECK(c.diagnostics[0].jsonPointer == "/location/map");
  c = parseConfig(R"({"location": 7})", "c.json");
  REQUIRE_FALSE(c.diagnostics.empty());
  CHECK(c.diagnostics[0].jsonPointer == "/location");

  // A map the feed lacks: the config is checked against the feed it plays.
  const auto feed = parseFeed(feedWithMaps(kRoomsAndMaps), "f.json");
  REQUIRE(feed.feed);
  c = parseConfig(R"({"location": {"name": "Foyer", "map": "ug", "x": 0.5, "y": 0.5}})", "c.json");
  const auto ds = checkConfigAgainstFeed(c.config, *feed.feed);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].jsonPointer == "/location/map");
  CHECK(ds[0].message.find("eg, og") != std::string::npos);
  c = parseConfig(R"({"location": {"name": "Foyer", "map": "og", "x": 0.5, "y": 0.5}})", "c.json");
  CHECK(checkConfigAgainstFeed(c.config, *feed.feed).empty());
}

TEST_CASE("markers resolve against the feed: room names, the talks now and next, a stand's projects", "[venue]") {
  std::string text = feedWithMaps(kRoomsAndMaps);
  text = replaced(text, "\"projects\": [\"p1\"]}", "\"projects\": [\"p1\"], \"room\": \"hs1\"}");
  text = replaced(text, "\"field\": \"inno\"}", "\"field\": \"inno\", \"stand\": {\"hall\": \"2\", \"number\": \"b14\"}}");
  text = replaced(text, " \"events\": [", " \"events\": [{\"id\": \"e3\", \"title\": \"Später\", \"room\": \"hs1\", \"start\": \"2024-04-25T14:00:00+02:00\", \"end\": \"2024-04-25T15:00:00+02:00\"},\n");
  const auto r = parseFeed(text, "f.json");
  REQUIRE(r.feed);
  std::vector<MarkerView> views;
  markersAt(*r.feed, r.feed->maps[0], *parseInstant("2024-04-25T10:30:00+02:00"), views);
  REQUIRE(views.size() == 3);
  REQUIRE(views[0].name);
  CHECK(views[0].name->in("de") == "Hörsaal 1");
  REQUIRE(views[0].now);
  CHECK(views[0].now->id == "e1");
  REQUIRE(views[0].next);
  CHECK(views[0].next->id == "e3");
  CHECK(views[1].projects == 1);  // stand numbers match ASCII case aside
  REQUIRE(views[1].name);
  CHECK(views[1].name->in("en") == "Project one");
  CHECK(views[2].name->in("en") == "North exit");
  CHECK_FALSE(views[2].highlighted());
  markersAt(*r.feed, r.feed->maps[0], *parseInstant("2024-04-25T11:30:00+02:00"), views);
  CHECK_FALSE(views[0].now);
  REQUIRE(views[0].next);
  CHECK(views[0].next->id == "e3");
  markersAt(*r.feed, r.feed->maps[0], *parseInstant("2024-04-25T16:00:00+02:00"), views);
  CHECK_FALSE(views[0].highlighted());  // the day's talks are over
}

TEST_CASE("a plan fits its area with the aspect kept, markers land on the image at every size and rotation", "[venue][layout]") {
  const std::pair<int, int> sizes[] = {{1920, 1080}, {1080, 1920}, {1280, 800}, {1024, 600}, {800, 480}};
  const std::pair<float, float> images[] = {{1600, 900}, {600, 1000}, {1000, 1000}, {0, 0}};
  for (const auto& [pw, ph] : sizes)
    for (int rot : {0, 90, 180, 270})
      for (const auto& [iw, ih] : images) {
        int w = 0, h = 0;
        logicalSize(rot, pw, ph, w, h);
        const Layout l = computeLayout(w, h, 96);
        const Rect area = l.content;
        const Rect plan = fitImage(area, iw, ih);
        INFO(pw << "x" << ph << " turned " << rot << ", image " << iw << "x" << ih);
        // Inside the area, touching it on two sides, centred, and of the image's aspect.
        CHECK(plan.x >= area.x - 0.01f);
        CHECK(plan.y >= area.y - 0.01f);
        CHECK(plan.right() <= area.right() + 0.01f);
        CHECK(plan.bottom() <= area.bottom() + 0.01f);
        CHECK((std::abs(plan.w - area.w) < 0.01f || std::abs(plan.h - area.h) < 0.01f));
        CHECK(plan.x - area.x == Approx(area.right() - plan.right()).margin(0.01));
        CHECK(plan.y - area.y == Approx(area.bottom() - plan.bottom()).margin(0.01));
        if (iw > 0) CHECK(plan.w / plan.h == Approx(iw / ih).epsilon(0.001));
        // The centre lands on the centre, the corners on the corners.
        const Point c = mapPoint(plan, 0.5, 0.5);
        CHECK(c.x == Approx(plan.x + plan.w / 2));
        CHECK(c.y == Approx(plan.y + plan.h / 2));
        CHECK(mapPoint(plan, 0, 0).x == Approx(plan.x));
        CHECK(mapPoint(plan, 0, 0).y == Approx(plan.y));
        CHECK(mapPoint(plan, 1, 1).x == Approx(plan.right()));
        CHECK(mapPoint(plan, 1, 1).y == Approx(plan.bottom()));
        CHECK(mapPoint(plan, 1, 0).x == Approx(plan.right()));
        CHECK(mapPoint(plan, 0, 1).y == Approx(plan.bottom()));
        // On the glass: the point the player shows turned is the one it draws upright.
        for (const auto& [mx, my] : {std::pair{0.5, 0.5}, {0.0, 0.0}, {1.0, 1.0}, {0.25, 0.8}}) {
          const Point p = mapPoint(plan, mx, my);
          const Point glass = logicalToPhysical(rot, pw, ph, p.x, p.y);
          CHECK(glass.x >= -0.01f);
          CHECK(glass.y >= -0.01f);
          CHECK(glass.x <= pw + 0.01f);
          CHECK(glass.y <= ph + 0.01f);
          const Point back = physicalToLogical(rot, pw, ph, glass.x, glass.y);
          CHECK(back.x == Approx(p.x).margin(0.01));
          CHECK(back.y == Approx(p.y).margin(0.01));
        }
      }
  // A screen turned 90°: the image's top-left corner is at the glass's top-right.
  const Rect plan = fitImage({0, 0, 1080, 1920}, 1080, 1920);
  const Point tl = logicalToPhysical(90, 1920, 1080, mapPoint(plan, 0, 0).x, mapPoint(plan, 0, 0).y);
  CHECK(tl.x == Approx(1920));
  CHECK(tl.y == Approx(0));
}

TEST_CASE("labels stay inside their bounds, clear of pins and of each other, the first placed first", "[venue][layout]") {
  const std::pair<int, int> sizes[] = {{1920, 1080}, {1080, 1920}, {1280, 800}, {1024, 600}, {800, 480}};
  for (const auto& [w, h] : sizes) {
    const Layout l = computeLayout(w, h, 96);
    const Rect bounds = l.content;
    const float r = 15 * l.scale, lw = 180 * l.scale, lh = 40 * l.scale;
    std::vector<LabelRequest> in;
    std::vector<Rect> pins;
    // A crowded plan: a row of close markers, and markers in every corner and on every edge.
    for (const auto& [x, y] : {std::pair{0.0, 0.0}, {1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}, {0.5, 0.0}, {0.5, 1.0}, {0.0, 0.5}, {1.0, 0.5},
                               {0.40, 0.5}, {0.43, 0.5}, {0.46, 0.5}, {0.49, 0.5}, {0.52, 0.5}})
      in.push_back({mapPoint(bounds, x, y), lw, lh, lw * 0.5f, lh, r * 1.6f});
    for (const auto& q : in) pins.push_back({q.anchor.x - r, q.anchor.y - r, 2 * r, 2 * r});
    std::vector<LabelPlacement> out;
    placeLabels(in, bounds, pins, out);
    INFO(w << "x" << h);
    REQUIRE(out.size() == in.size());
    std::size_t shown = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (!out[i].shown()) continue;
      ++shown;
      const Rect& a = out[i].rect;
      CHECK(a.x >= bounds.x);
      CHECK(a.y >= bounds.y);
      CHECK(a.right() <= bounds.right());
      CHECK(a.bottom() <= bounds.bottom());
      for (const Rect& p : pins) CHECK_FALSE(a.overlaps(p, 0));
      for (std::size_t k = i + 1; k < out.size(); ++k)
        if (out[k].shown()) CHECK_FALSE(a.overlaps(out[k].rect, 0));
      // Beside its own pin: no further than the gap plus the label's size.
      const Point c = in[i].anchor;
      CHECK(std::max({a.x - c.x, c.x - a.right(), 0.f}) <= in[i].gap + 0.5f);
      CHECK(std::max({a.y - c.y, c.y - a.bottom(), 0.f}) <= in[i].gap + 0.5f);
    }
    CHECK(out[0].shown());  // the first always finds a place in a corner
    CHECK(out[3].shown());
    CHECK(shown >= 9);      // the crowded row loses some, not most
  }
  // Room for nothing: the label is left out rather than drawn over the pin or off the area.
  std::vector<LabelPlacement> out;
  placeLabels({{{50, 50}, 500, 40, 0, 0, 20}}, {0, 0, 100, 100}, {}, out);
  REQUIRE(out.size() == 1);
  CHECK_FALSE(out[0].shown());
  // The shorter form when the long one finds no place.
  placeLabels({{{50, 50}, 500, 40, 40, 20, 12}}, {0, 0, 100, 100}, {}, out);
  CHECK(out[0].shown());
  CHECK(out[0].alt);
}
