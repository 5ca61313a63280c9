// The organiser's own slides (image, text, sponsors) from the example feed at the five reference
// sizes: text on screen and apart, legible colours, and a designed placeholder for every picture
// or logo that is missing, broken or still loading.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/feed/color.hpp"
#include "core/feed/parse.hpp"
#include "core/feed/slide_text.hpp"
#include "core/feed/theme.hpp"
#include "fixtures.hpp"
#include "player/player.hpp"
#include "player_fixture.hpp"
#include "render_fixture.hpp"
#include "views/draw.hpp"

using namespace sf;

namespace {

const std::string kSlidesFeedPath = test::sourcePath("assets/examples/slides-feed.json");

const core::Feed& slidesFeed() {
  static const core::Feed feed = [] {
    auto r = core::parseFeed(test::readText(kSlidesFeedPath), "slides-feed.json");
    if (!r.feed) throw std::runtime_error("the example slides feed does not parse");
    return *r.feed;
  }();
  return feed;
}

std::size_t itemOf(const core::Feed& feed, core::SlideKind kind, int nth = 0) {
  for (std::size_t i = 0; i < feed.playlist.size(); ++i)
    if (feed.playlist[i].kind == kind && nth-- == 0) return i;
  throw std::runtime_error("no such slide in the example");
}

player::RenderResult render(player::FrameRenderer& r, const core::Feed& feed, core::SlideKind kind, std::size_t item, int w, int h,
                            const char* lang = "de", const std::string& base = kSlidesFeedPath) {
  player::RenderRequest req;
  req.feed = &feed;
  req.width = w;
  req.height = h;
  req.view = player::View::of(kind);
  req.item = item;
  req.language = lang;
  req.at = test::at("2026-05-20T10:00:00+02:00");
  req.collectText = true;
  req.loadImages = !base.empty();
  req.imageBase = base;
  auto out = r.render(req);
  REQUIRE(out.error.empty());
  REQUIRE(out.width == w);
  return out;
}

bool shows(const player::RenderResult& out, const std::string& s) {
  return std::any_of(out.texts.begin(), out.texts.end(), [&](const core::TextBox& t) { return t.label.find(s) != std::string::npos; });
}

// Share of sampled pixels that are not the screen's background: a slide is never empty or black.
double inked(const player::RenderResult& out) {
  std::size_t ink = 0, n = 0;
  for (std::size_t i = 0; i < out.rgba.size(); i += 4 * 5, ++n) {
    const std::uint8_t* p = &out.rgba[i];
    ink += !(p[0] == 14 && p[1] == 17 && p[2] == 22) && !(p[0] < 8 && p[1] < 8 && p[2] < 8);
  }
  return static_cast<double>(ink) / static_cast<double>(n);
}

constexpr std::pair<int, int> kSlideSizes[] = {{1920, 1080}, {1080, 1920}, {1280, 800}, {1024, 600}, {800, 480}};

}  // namespace

TEST_CASE("image, text and sponsors slides at every size: on screen, apart, pictures shown", "[slides]") {
  const core::Feed& feed = slidesFeed();
  for (auto [w, h] : kSlideSizes) {
    player::FrameRenderer renderer(w, h);
    REQUIRE(renderer.error().empty());
    for (const char* lang : {"de", "en"}) {
      INFO(w << "x" << h << " " << lang);
      const bool de = std::string(lang) == "de";
      const auto poster = render(renderer, feed, core::SlideKind::Image, itemOf(feed, core::SlideKind::Image, 0), w, h, lang);
      const auto photo = render(renderer, feed, core::SlideKind::Image, itemOf(feed, core::SlideKind::Image, 1), w, h, lang);
      const auto text = render(renderer, feed, core::SlideKind::Text, itemOf(feed, core::SlideKind::Text), w, h, lang);
      const auto all = render(renderer, feed, core::SlideKind::Sponsors, itemOf(feed, core::SlideKind::Sponsors, 0), w, h, lang);
      const auto gold = render(renderer, feed, core::SlideKind::Sponsors, itemOf(feed, core::SlideKind::Sponsors, 1), w, h, lang);
      for (const auto* out : {&poster, &photo, &text, &all, &gold}) {
        CHECK(out->imageErrors.empty());
        for (const auto& p : core::checkTextBoxes(out->texts, w, h)) FAIL_CHECK(p.message);
        CHECK(inked(*out) > 0.02);  // never blank (a text slide is mostly calm background)
      }
      CHECK(shows(poster, de ? "Sommerfest im Hof" : "Summer party in the yard"));
      CHECK(shows(photo, de ? "Abends spielt" : "The yard band"));
      CHECK(shows(text, de ? "Willkommen auf der Sommermesse" : "Welcome to the Summer Fair"));
      CHECK(shows(text, de ? "WLAN: Sommermesse-Gast" : "Wi-Fi: Sommermesse-Gast"));
      CHECK(shows(text, de ? "Erste Hilfe" : "First aid"));
      CHECK(shows(all, de ? "Hauptförderer" : "Main sponsors"));
      CHECK(shows(all, de ? "Freunde der Messe" : "Friends of the fair"));
      CHECK(shows(all, "Hofcafé Zimt & Zucker"));  // no logo: its name in type
      CHECK_FALSE(shows(all, "Nordlicht Energie"));  // a logo that loaded stands for itself
      CHECK(shows(gold, de ? "Die Messe wird ermöglicht von" : "The fair is made possible by"));
      CHECK_FALSE(shows(gold, "Hofcafé"));  // only the gold tier
      // Text slides are not cut: their last list item is there at every size.
      CHECK(shows(text, de ? "Fundsachen" : "Please hand in lost property"));
    }
  }
}

TEST_CASE("a poster that is missing, broken, tiny or not loaded leaves a designed placeholder", "[slides]") {
  test::TempDir dir;
  std::ofstream(dir.path + "/broken.png") << "<html>not a picture</html>";
  std::filesystem::copy(test::sourcePath("assets/examples/images"), dir.path + "/images");  // the logos load
  const core::Feed& plain = slidesFeed();
  const std::size_t poster = itemOf(plain, core::SlideKind::Image, 0), photo = itemOf(plain, core::SlideKind::Image, 1);
  for (const char* src : {"nowhere.png", "broken.png", "https://127.0.0.1:9/closed.png"}) {
    for (auto [w, h] : {std::pair{1920, 1080}, {1080, 1920}, {800, 480}}) {
      INFO(src << " at " << w << "x" << h);
      core::Feed feed = plain;
      feed.playlist[poster].image->src = src;
      feed.playlist[photo].image->src = src;
      player::FrameRenderer renderer(w, h);
      REQUIRE(renderer.error().empty());
      for (const std::size_t item : {poster, photo}) {
        const auto out = render(renderer, feed, core::SlideKind::Image, item, w, h, "de", dir.path + "/feed.json");
        CHECK(out.imageErrors.size() == 1);
        for (const auto& p : core::checkTextBoxes(out.texts, w, h)) FAIL_CHECK(p.message);
        CHECK(shows(out, item == poster ? "Sommerfest im Hof" : "Abends spielt"));  // the caption says what it would show
        CHECK(inked(out) > 0.3);  // a card, not a black or empty screen
      }
    }
  }
  // Without a caption, the alt text; without either, the feed's title.
  core::Feed feed = plain;
  feed.playlist[poster].caption = {};
  player::FrameRenderer renderer(1280, 800);
  REQUIRE(renderer.error().empty());
  CHECK(shows(render(renderer, feed, core::SlideKind::Image, poster, 1280, 800, "de", ""), "Plakat: Sommerfest"));
  feed.playlist[poster].image->alt = {};
  CHECK(shows(render(renderer, feed, core::SlideKind::Image, poster, 1280, 800, "de", ""), "Sommermesse im Hof"));
}

TEST_CASE("sponsor logos that fail show the sponsors' names in their cells", "[slides]") {
  core::Feed feed = slidesFeed();
  for (auto& s : feed.sponsors)
    if (s.logo) s.logo->src = "missing/" + s.logo->src;
  for (auto [w, h] : kSlideSizes) {
    INFO(w << "x" << h);
    player::FrameRenderer renderer(w, h);
    REQUIRE(renderer.error().empty());
    const auto out = render(renderer, feed, core::SlideKind::Sponsors, itemOf(feed, core::SlideKind::Sponsors, 0), w, h);
    CHECK(out.imageErrors.size() == 6);
    for (const auto& p : core::checkTextBoxes(out.texts, w, h)) FAIL_CHECK(p.message);
    for (const auto& s : feed.sponsors) CHECK(shows(out, s.name));
  }
}

TEST_CASE("a text slide's body shrinks to fit, then is cut, never off the screen", "[slides]") {
  core::Feed feed = slidesFeed();
  const std::size_t item = itemOf(feed, core::SlideKind::Text);
  // The longest body the check lets through without a warning, at the smallest screen.
  std::string body;
  const std::string sentence = "Bitte beachten Sie die Hinweise am Eingang und am Infostand. ";
  while (core::estimateBodyLines(body + sentence) <= core::kTextSlideLines) body += sentence;
  feed.playlist[item].body = {};
  feed.playlist[item].body.set("de", body);
  {  // one offscreen display at a time
    player::FrameRenderer small(800, 480);
    REQUIRE(small.error().empty());
    const auto out = render(small, feed, core::SlideKind::Text, item, 800, 480, "de", "");
    for (const auto& p : core::checkTextBoxes(out.texts, 800, 480)) FAIL_CHECK(p.message);
    // It fits whole: the body's box holds every line the estimate counted, none cut off.
    const auto box = std::find_if(out.texts.begin(), out.texts.end(), [](const core::TextBox& t) { return t.label.rfind("Bitte beachten", 0) == 0; });
    REQUIRE(box != out.texts.end());
    CHECK(box->rect.bottom() <= out.layout.content.bottom() + 1);
    const float lines = std::round((box->rect.h - out.layout.font(core::FontRole::Body)) / std::round(out.layout.font(core::FontRole::Body) * 1.4f)) + 1;
    CHECK(lines <= core::kTextSlideLines);
    CHECK(lines >= core::estimateBodyLines(body) - 3);  // the estimate is close to, and above, what the screen needs
  }

  // Four times as long: still on screen, the start shown, the rest cut off.
  feed.playlist[item].body = {};
  feed.playlist[item].body.set("de", body + "\n\n" + body + "\n\n- " + body + "\n\n" + body);
  for (auto [w, h] : kSlideSizes) {
    INFO(w << "x" << h);
    player::FrameRenderer renderer(w, h);
    REQUIRE(renderer.error().empty());
    const auto out = render(renderer, feed, core::SlideKind::Text, item, w, h, "de", "");
    for (const auto& p : core::checkTextBoxes(out.texts, w, h)) FAIL_CHECK(p.message);
    CHECK(shows(out, "Bitte beachten"));
    const core::Rect& controls = out.layout.controls;  // portrait: the controls' bar below the content
    for (const auto& t : out.texts)
      if (controls.empty() || t.rect.y < controls.y) CHECK(t.rect.bottom() <= out.layout.content.bottom() + 1);
  }
}

TEST_CASE("captions over photos and names on logo cards reach WCAG AA", "[slides][contrast]") {
  // On both bases: the scrim is the base's background over the picture, the caption its text.
  for (const core::Palette& p : {core::kDarkPalette, core::kLightPalette}) {
    // Over the brightest and the darkest picture there is, a mid grey and a yellow.
    for (const core::Rgb under : {core::Rgb{255, 255, 255}, core::Rgb{0, 0, 0}, core::Rgb{128, 128, 128}, core::Rgb{255, 230, 0}}) {
      const auto mix = [&](std::uint8_t a, std::uint8_t b) { return static_cast<std::uint8_t>(a * views::kCaptionScrim + b * (1 - views::kCaptionScrim)); };
      const core::Rgb scrim{mix(p.bg.r, under.r), mix(p.bg.g, under.g), mix(p.bg.b, under.b)};
      CAPTURE(p.bg.r, scrim.r, scrim.g, scrim.b, core::contrastRatio(p.text, scrim));
      CHECK(core::contrastRatio(p.text, scrim) >= core::kWcagAaText);
    }
    CHECK(core::contrastRatio(p.muted, p.surface) >= core::kWcagAaText);  // a placeholder's words on its card
  }
  CHECK(core::contrastRatio({17, 20, 24}, {255, 255, 255}) >= core::kWcagAaText);  // a sponsor's name on its card
}
