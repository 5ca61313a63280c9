// A themed spotlight in real frames: the light and the dark base with an accent and a logo at the
// five reference sizes. Text stays on screen and apart, every text box reaches WCAG AA against
// the pixels around it, the logo sits in the header; a logo that fails leaves the title alone.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/feed/color.hpp"
#include "core/feed/theme.hpp"
#include "platform/display/png.hpp"
#include "player/player.hpp"
#include "player_fixture.hpp"
#include "render_fixture.hpp"

using namespace sf;

namespace {

constexpr core::Rgb kLogo{201, 23, 164};  // a colour no view uses
const char* const kThemedProject = "amber-initiative-additive-manufacturing-berlin-brandenburg";

// A 300x100 logo: wide, as wordmarks are, so the header must keep its aspect.
void writeLogo(const std::string& path) { REQUIRE(test::writeSolidPng(path, 300, 100, kLogo)); }

core::Feed themed(core::ThemeBase base, const std::string& logo) {
  core::Feed feed = test::defaultFeed();
  feed.theme.given = true;
  feed.theme.base = base;
  feed.theme.accent = core::Rgb{0x0B, 0x5F, 0xA5};  // reads on light; corrected (lighter) on dark
  feed.theme.logoLight = feed.theme.logoDark = logo;
  feed.theme.palette = core::paletteFor(feed.theme);
  return feed;
}

core::Rgb pixel(const player::RenderResult& out, int x, int y) {
  const std::uint8_t* p = &out.rgba[(static_cast<std::size_t>(y) * out.width + x) * 4];
  return {p[0], p[1], p[2]};
}

// The contrast a text box shows: its most common pixel (the surface) against the pixel that
// differs most from it (the glyphs' full-coverage ink).
double boxContrast(const player::RenderResult& out, const core::Rect& r) {
  const int x0 = std::max(0, static_cast<int>(r.x)), x1 = std::min(out.width, static_cast<int>(r.right()));
  const int y0 = std::max(0, static_cast<int>(r.y)), y1 = std::min(out.height, static_cast<int>(r.bottom()));
  std::map<std::uint32_t, int> counts;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const core::Rgb c = pixel(out, x, y);
      ++counts[c.r | c.g << 8 | c.b << 16];
    }
  if (counts.empty()) return 21;
  const auto mode = std::max_element(counts.begin(), counts.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
  const core::Rgb surface{static_cast<std::uint8_t>(mode & 255), static_cast<std::uint8_t>(mode >> 8 & 255), static_cast<std::uint8_t>(mode >> 16)};
  double best = 1;
  for (const auto& [c, n] : counts)
    best = std::max(best, core::contrastRatio(surface, {static_cast<std::uint8_t>(c & 255), static_cast<std::uint8_t>(c >> 8 & 255),
                                                        static_cast<std::uint8_t>(c >> 16)}));
  return best;
}

std::size_t logoPixels(const player::RenderResult& out, const core::Rect& area) {
  std::size_t n = 0;
  for (int y = static_cast<int>(area.y); y < static_cast<int>(area.bottom()); ++y)
    for (int x = static_cast<int>(area.x); x < static_cast<int>(area.right()); ++x) n += pixel(out, x, y) == kLogo;
  return n;
}

player::RenderResult render(player::FrameRenderer& r, const core::Feed& feed, const std::string& base, int w, int h,
                            const char* lang = "de") {
  player::RenderRequest req;
  req.feed = &feed;
  req.width = w;
  req.height = h;
  req.view = player::View::of(core::SlideKind::Spotlight);
  req.project = kThemedProject;
  req.language = lang;
  req.at = test::at("2024-04-25T10:00:00+02:00");
  req.collectText = true;
  req.loadImages = true;
  req.imageBase = base;
  auto out = r.render(req);
  REQUIRE(out.error.empty());
  return out;
}

}  // namespace

TEST_CASE("a themed spotlight on the light and the dark base, with a logo, at every size", "[theme]") {
  test::TempDir dir;
  writeLogo(dir.path + "/logo.png");
  const std::string base = dir.path + "/feed.json";
  for (auto [w, h] : {std::pair{1920, 1080}, {1080, 1920}, {1280, 800}, {1024, 600}, {800, 480}}) {
    player::FrameRenderer renderer(w, h);
    REQUIRE(renderer.error().empty());
    for (const auto b : {core::ThemeBase::Light, core::ThemeBase::Dark}) {
      const core::Feed feed = themed(b, "logo.png");
      const core::Palette& pal = feed.theme.palette;
      INFO(core::baseName(b) << " at " << w << "x" << h);
      const auto out = render(renderer, feed, base, w, h);
      CHECK(out.imageErrors.empty());
      for (const auto& p : core::checkTextBoxes(out.texts, w, h)) FAIL_CHECK(p.message);
      // The base fills the screen: the top-left corner (the header's band) is its background.
      CHECK(pixel(out, 2, 2) == pal.bg);
      // Every text box reads: WCAG AA (4.5:1) between its surface and its ink, in the frame itself.
      for (const auto& t : out.texts) {
        CAPTURE(t.label);
        CHECK(boxContrast(out, t.rect) >= core::kWcagAaText);
      }
      // The logo: in the header's band, left, at the bar's height with margins, aspect 3:1 kept.
      const core::Rect bar = out.layout.header;
      const std::size_t area = logoPixels(out, bar);
      const float logoH = bar.h - 2 * std::max(std::round(out.layout.gap * 0.6f), bar.h * 0.18f);
      CHECK(area > 0);
      CHECK(static_cast<double>(area) == Approx(3.0 * logoH * logoH).epsilon(0.12));
      CHECK(logoPixels(out, {0, bar.bottom(), static_cast<float>(w), static_cast<float>(h) - bar.bottom()}) == 0);
      CHECK(logoPixels(out, {bar.x + bar.w * 0.5f, bar.y, bar.w * 0.5f, bar.h}) == 0);
    }
  }
}

TEST_CASE("a logo that is missing or broken leaves the title-only header, and never a gap", "[theme]") {
  test::TempDir dir;
  std::ofstream(dir.path + "/broken.png") << "\x89PNG but not really";
  const std::string base = dir.path + "/feed.json";
  player::FrameRenderer renderer(1280, 800);
  REQUIRE(renderer.error().empty());
  const core::Feed none = themed(core::ThemeBase::Light, "");
  const auto reference = render(renderer, none, base, 1280, 800);
  const std::string title = none.title.in("de").substr(0, 12);
  auto hasTitle = [&](const player::RenderResult& out) {
    return std::any_of(out.texts.begin(), out.texts.end(), [&](const core::TextBox& t) {
      return t.label.rfind(title, 0) == 0 && t.rect.y < out.layout.header.bottom();
    });
  };
  REQUIRE(hasTitle(reference));
  for (const char* src : {"nowhere.png", "broken.png"}) {
    INFO(src);
    const core::Feed feed = themed(core::ThemeBase::Light, src);
    const auto out = render(renderer, feed, base, 1280, 800);
    CHECK(out.imageErrors.size() == 1);
    CHECK(hasTitle(out));
    CHECK(out.rgba == reference.rgba);  // exactly the header without a logo: title where it always is
  }
}
