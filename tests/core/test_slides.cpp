// The organiser's own slides in the feed: image, text and sponsors items parsed and checked with
// the pointer of each fault, their images in imageSources and rewriteImageSources, the body's
// blocks and fit estimate, and the sponsor grid's maths across sizes and rotations.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/feed/edit.hpp"
#include "core/feed/parse.hpp"
#include "core/feed/slide_text.hpp"
#include "core/show/rotation.hpp"
#include "core/show/sponsor_layout.hpp"
#include "feed_fixture.hpp"

using namespace sf::core;
using sf::test::kBaseFeed;
using sf::test::replaced;

namespace {

const std::string kSlidesPlaylist = "\"playlist\": [{\"slide\": \"spotlight\", \"project\": \"p1\", \"seconds\": 12}, {\"slide\": \"schedule\", \"seconds\": 10}]";

// The base feed with `playlist` (the items' JSON) and top-level `extra` members.
std::string withSlides(const std::string& items, const std::string& extra = "") {
  return replaced(kBaseFeed, kSlidesPlaylist, extra + "\"playlist\": [" + items + "]");
}

bool has(const ParseResult& r, Severity s, const std::string& pointer, const std::string& words) {
  for (const auto& d : r.diagnostics)
    if (d.severity == s && d.jsonPointer == pointer && d.message.find(words) != std::string::npos) return true;
  return false;
}

std::string diagnostics(const ParseResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics) out += d.jsonPointer + ": " + d.message + "\n";
  return out;
}

const std::string kSponsors =
    "\"sponsorTiers\": [{\"id\": \"gold\", \"name\": {\"de\": \"Hauptförderer\", \"en\": \"Main sponsors\"}}, {\"id\": \"silver\", \"name\": \"Förderer\"}],\n"
    "\"sponsors\": [{\"name\": \"Nordlicht\", \"logo\": \"logos/nordlicht.png\", \"tier\": \"gold\"},\n"
    "               {\"name\": \"KWB\", \"logo\": {\"src\": \"https://example.org/kwb.png\", \"alt\": \"KWB\"}, \"tier\": \"silver\"},\n"
    "               {\"name\": \"Café Zimt\"}],\n";

}  // namespace

TEST_CASE("image, text and sponsors slides become the model", "[slides]") {
  const auto r = parseFeed(withSlides(
      "{\"slide\": \"image\", \"image\": {\"src\": \"posters/fest.png\", \"alt\": \"Plakat\"}, \"caption\": {\"de\": \"Sommerfest\", \"en\": \"Summer party\"}, \"seconds\": 8},\n"
      "{\"slide\": \"image\", \"image\": \"https://example.org/hof.jpg\", \"fit\": \"fill\", \"caption\": \"Der Hof\"},\n"
      "{\"slide\": \"text\", \"headline\": {\"de\": \"Willkommen\", \"en\": \"Welcome\"}, \"body\": \"WLAN: Gast\\nPasswort: sonne\\n\\n- eins\\n- zwei\"},\n"
      "{\"slide\": \"sponsors\", \"tier\": \"gold\", \"headline\": \"Danke\"}, {\"slide\": \"sponsors\"}", kSponsors), "slides.json");
  INFO(diagnostics(r));
  REQUIRE(r.feed);
  const Feed& f = *r.feed;
  REQUIRE(f.playlist.size() == 5);
  CHECK(f.playlist[0].kind == SlideKind::Image);
  CHECK(f.playlist[0].image->src == "posters/fest.png");
  CHECK(f.playlist[0].image->alt.in("de") == "Plakat");
  CHECK(f.playlist[0].fit == ImageFit::Fit);  // posters whole by default
  CHECK(f.playlist[0].caption.in("en") == "Summer party");
  CHECK(f.playlist[0].seconds == 8);
  CHECK(f.playlist[1].fit == ImageFit::Fill);
  CHECK(f.playlist[2].kind == SlideKind::Text);
  CHECK(f.playlist[2].headline.in("en") == "Welcome");
  CHECK(f.playlist[2].body.in("de").find("Passwort") != std::string::npos);
  CHECK(f.playlist[3].kind == SlideKind::Sponsors);
  CHECK(f.playlist[3].tier == "gold");
  REQUIRE(f.sponsorTiers.size() == 2);
  CHECK(f.sponsorTiers[0].name.in("en") == "Main sponsors");
  REQUIRE(f.sponsors.size() == 3);
  CHECK(f.sponsors[1].logo->src == "https://example.org/kwb.png");
  CHECK(f.sponsors[2].tier.empty());
  CHECK_FALSE(f.sponsors[2].logo);
  // Every poster and logo is one of the feed's images: loaded, fetched and packed like the rest.
  const auto srcs = imageSources(f);
  CHECK(srcs == std::vector<std::string>{"posters/fest.png", "https://example.org/hof.jpg", "logos/nordlicht.png", "https://example.org/kwb.png"});
  // In the rotation, in the playlist's order.
  const RotationPlan plan = buildRotation(f, *parseInstant("2024-04-25T10:00:00+02:00"));
  REQUIRE(plan.slots.size() == 5);
  CHECK(plan.slots[2].kind == SlideKind::Text);
  CHECK(plan.slots[2].item == 2);
}

TEST_CASE("faults in the new slides are named at their pointers", "[slides]") {
  SECTION("an image slide without an image, or with a bad src or fit") {
    const auto r = parseFeed(withSlides("{\"slide\": \"image\"}, {\"slide\": \"image\", \"image\": \"../etc/passwd\", \"fit\": \"stretch\"}"), "x.json");
    CHECK_FALSE(r.feed);
    CHECK(has(r, Severity::Error, "/playlist/0", "\"image\""));
    CHECK(has(r, Severity::Error, "/playlist/1/image", "relative path inside the feed's folder"));
    CHECK(has(r, Severity::Error, "/playlist/1/fit", "expected \"fit\""));
  }
  SECTION("a text slide without a headline; keys of other kinds") {
    const auto r = parseFeed(withSlides("{\"slide\": \"text\", \"body\": \"x\", \"caption\": \"c\"}, {\"slide\": \"schedule\", \"body\": \"y\"}"), "x.json");
    CHECK_FALSE(r.feed);
    CHECK(has(r, Severity::Error, "/playlist/0", "\"headline\""));
    CHECK(has(r, Severity::Warning, "/playlist/0/caption", "only an image slide reads \"caption\""));
    CHECK(has(r, Severity::Warning, "/playlist/1/body", "only a text slide reads \"body\""));
  }
  SECTION("a sponsor of an unknown tier, a nameless sponsor, a slide filtering by an unknown tier") {
    const auto r = parseFeed(withSlides("{\"slide\": \"sponsors\", \"tier\": \"platinum\"}",
                                        "\"sponsorTiers\": [{\"id\": \"gold\", \"name\": \"Gold\"}, {\"id\": \"gold\", \"name\": \"Gold 2\"}],\n"
                                        "\"sponsors\": [{\"name\": \"A\", \"tier\": \"bronze\"}, {\"logo\": \"a.png\"}],\n"),
                             "x.json");
    CHECK_FALSE(r.feed);
    CHECK(has(r, Severity::Error, "/sponsors/0/tier", "unknown sponsor tier \"bronze\"; the feed defines: gold"));
    CHECK(has(r, Severity::Error, "/sponsors/1", "\"name\""));
    CHECK(has(r, Severity::Error, "/playlist/0/tier", "unknown sponsor tier \"platinum\""));
    CHECK(has(r, Severity::Error, "/sponsorTiers/1/id", "duplicate sponsor tier id \"gold\""));
  }
  SECTION("a tier without sponsorTiers") {
    const auto r = parseFeed(withSlides("{\"slide\": \"spotlight\", \"project\": \"p1\"}", "\"sponsors\": [{\"name\": \"A\", \"tier\": \"gold\"}],\n"), "x.json");
    CHECK(has(r, Severity::Error, "/sponsors/0/tier", "none (add /sponsorTiers)"));
  }
}

TEST_CASE("warnings for what a visitor would miss: no words for a picture, a body too long, no sponsors", "[slides]") {
  std::string longBody;
  for (int i = 0; i < 30; ++i) longBody += "Bitte beachten Sie die Hausordnung und die Hinweise am Eingang. ";
  const auto r = parseFeed(withSlides("{\"slide\": \"image\", \"image\": \"p.png\"},\n"
                                      "{\"slide\": \"text\", \"headline\": \"Hausordnung\", \"body\": {\"de\": \"" + longBody + "\", \"en\": \"Short.\"}},\n"
                                      "{\"slide\": \"sponsors\"}"),
                           "x.json");
  INFO(diagnostics(r));
  REQUIRE(r.feed);  // warnings only: the screens still play it
  CHECK(has(r, Severity::Warning, "/playlist/0/image", "neither \"alt\" nor a \"caption\""));
  CHECK(has(r, Severity::Warning, "/playlist/1/body/de", "smallest screen (800x480)"));
  CHECK_FALSE(has(r, Severity::Warning, "/playlist/1/body/en", "smallest screen"));
  CHECK(has(r, Severity::Warning, "/playlist/2/slide", "no /sponsors; it is skipped"));
  // Skipped indeed: the rotation holds the image and the text only.
  const RotationPlan plan = buildRotation(*r.feed, *parseInstant("2024-04-25T10:00:00+02:00"));
  REQUIRE(plan.slots.size() == 2);
  CHECK(plan.slots[1].kind == SlideKind::Text);
}

TEST_CASE("rewriteImageSources reaches posters and sponsor logos", "[slides]") {
  const auto text = withSlides("{\"slide\": \"image\", \"image\": {\"src\": \"posters/fest.png\", \"alt\": \"Plakat\"}}, {\"slide\": \"sponsors\"}", kSponsors);
  const auto edited = rewriteImageSources(text, [](const std::string& src) { return "packed/" + std::to_string(src.size()) + ".png"; });
  REQUIRE(edited.text);
  const auto r = parseFeed(*edited.text, "edited.json");
  REQUIRE(r.feed);
  CHECK(r.feed->playlist[0].image->src == "packed/16.png");
  CHECK(r.feed->playlist[0].image->alt.in("de") == "Plakat");  // the rest of the image stays
  CHECK(r.feed->sponsors[0].logo->src == "packed/19.png");
  CHECK(r.feed->sponsors[1].logo->src == "packed/27.png");
  CHECK_FALSE(r.feed->sponsors[2].logo);
}

TEST_CASE("a body splits into paragraphs and list items", "[slides]") {
  std::vector<std::pair<std::string, bool>> blocks;
  forEachTextBlock("Willkommen!\nSchön, dass Sie da sind.\n\n  \n- Garderobe im Foyer\n-  Erste Hilfe\nDanach weiter.\r\n\nEnde", [&](const TextBlock& b) {
    blocks.emplace_back(std::string(b.text), b.item);
  });
  REQUIRE(blocks.size() == 5);
  CHECK(blocks[0] == std::pair<std::string, bool>{"Willkommen!\nSchön, dass Sie da sind.", false});
  CHECK(blocks[1] == std::pair<std::string, bool>{"Garderobe im Foyer", true});
  CHECK(blocks[2] == std::pair<std::string, bool>{"Erste Hilfe", true});
  CHECK(blocks[3] == std::pair<std::string, bool>{"Danach weiter.", false});
  CHECK(blocks[4] == std::pair<std::string, bool>{"Ende", false});
  int none = 0;
  forEachTextBlock("", [&](const TextBlock&) { ++none; });
  forEachTextBlock("\n\n  \n", [&](const TextBlock&) { ++none; });
  CHECK(none == 0);
}

TEST_CASE("the body estimate wraps by words like a screen", "[slides]") {
  CHECK(estimateBodyLines("eins zwei drei", 20) == 1);
  CHECK(estimateBodyLines("eins zwei drei", 9) == 2);                   // "eins zwei" / "drei"
  CHECK(estimateBodyLines("ü ü ü ü ü", 5) == 2);                         // characters, not bytes
  CHECK(estimateBodyLines("Donaudampfschifffahrt", 10) == 3);             // a long word is cut
  CHECK(estimateBodyLines("a\nb\n\nc", 20) == Approx(3 + kTextBlockGap));  // two blocks, one gap
  CHECK(estimateBodyLines("- one two three", 9) == 2);                    // items are indented
}

TEST_CASE("the sponsor grid fits the area, weighs logos by area and tiers by size", "[slides][layout]") {
  const float aspects[] = {4.0f, 1.0f, 2.4f, 0.8f, 3.0f, 1.5f, 2.0f};
  for (auto [w, h] : {std::pair{1920.f, 1080.f}, {1080.f, 1920.f}, {1280.f, 800.f}, {1024.f, 600.f}, {800.f, 480.f}}) {
    for (std::size_t n : {1u, 2u, 5u, 7u, 12u, 30u}) {
      INFO(w << "x" << h << ", " << n << " logos");
      const Rect area{40, 120, w - 80, h - 180};
      std::vector<SponsorGroupSpec> groups(2);
      groups[0].heading = groups[1].heading = true;
      groups[0].scale = sponsorTierScale(0);
      groups[1].scale = sponsorTierScale(1);
      for (std::size_t i = 0; i < n; ++i) groups[i % 3 == 0 ? 0 : 1].aspects.push_back(aspects[i % 7]);
      const SponsorGrid g = layoutSponsors(area, groups, 12, 30);
      REQUIRE(g.cells.size() == n);
      REQUIRE(g.unit > 0);
      for (std::size_t i = 0; i < g.cells.size(); ++i) {
        const SponsorCell& c = g.cells[i];
        CHECK(c.cell.x >= area.x - 0.5f);
        CHECK(c.cell.right() <= area.right() + 0.5f);
        CHECK(c.cell.y >= area.y - 0.5f);
        CHECK(c.cell.bottom() <= area.bottom() + 0.5f);
        CHECK(c.logo.x >= c.cell.x);
        CHECK(c.logo.right() <= c.cell.right() + 0.01f);
        CHECK(c.logo.y >= c.cell.y);
        CHECK(c.logo.bottom() <= c.cell.bottom() + 0.01f);
        CHECK(c.logo.w / c.logo.h == Approx(groups[c.group].aspects[c.index]).epsilon(0.01));  // never distorted
        for (std::size_t k = i + 1; k < g.cells.size(); ++k) CHECK_FALSE(c.cell.overlaps(g.cells[k].cell));
        for (const Rect& head : g.headings) CHECK_FALSE(c.cell.overlaps(head));
      }
      // Higher tier, bigger cells.
      std::vector<float> cellW(2, 0);
      for (const auto& c : g.cells) cellW[c.group] = c.cell.w;
      if (cellW[0] > 0 && cellW[1] > 0) CHECK(cellW[0] > cellW[1]);
    }
  }
}

TEST_CASE("logos of different shapes get the same area, not the same width", "[slides][layout]") {
  const Rect cell{0, 0, 360, 200};
  const Rect wide = sponsorLogoBox(cell, 3.0f), square = sponsorLogoBox(cell, 1.0f), tall = sponsorLogoBox(cell, 0.8f);
  CHECK(wide.w * wide.h == Approx(square.w * square.h).epsilon(0.01));
  CHECK(tall.w * tall.h == Approx(square.w * square.h).epsilon(0.01));
  CHECK(wide.w > square.w);
  CHECK(tall.h > square.h);
  // A very wide mark is held by the cell's width, and loses area rather than leaving it.
  const Rect banner = sponsorLogoBox(cell, 12.0f);
  CHECK(banner.w <= cell.w * 0.9f + 0.01f);
  CHECK(banner.w * banner.h < square.w * square.h);
  // More logos, smaller cells; balanced rows (7 is 4 + 3 or 3 + 2 + 2, never 6 + 1).
  std::vector<SponsorGroupSpec> one(1), many(1);
  one[0].aspects.assign(3, 2.f);
  many[0].aspects.assign(7, 2.f);
  const Rect area{0, 0, 1800, 900};
  const auto a = layoutSponsors(area, one, 20, 0), b = layoutSponsors(area, many, 20, 0);
  CHECK(a.unit > b.unit);
  std::vector<float> rows;
  for (const auto& c : b.cells)
    if (std::find(rows.begin(), rows.end(), c.cell.y) == rows.end()) rows.push_back(c.cell.y);
  REQUIRE(rows.size() >= 2);
  std::vector<long> perRow;
  for (float y : rows) perRow.push_back(std::count_if(b.cells.begin(), b.cells.end(), [&](const SponsorCell& c) { return c.cell.y == y; }));
  CHECK(*std::max_element(perRow.begin(), perRow.end()) - *std::min_element(perRow.begin(), perRow.end()) <= 1);
  // A lone sponsor is not blown up to the whole screen.
  std::vector<SponsorGroupSpec> lone(1);
  lone[0].aspects = {2.f};
  CHECK(layoutSponsors(area, lone, 20, 0).cells[0].cell.w <= area.w * 0.5f);
}
