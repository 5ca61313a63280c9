// The type scale against the viewing distance: on each reference screen (its pixels and its
// diagonal) no font role is below what the distance asks, and the config key is checked.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/show/config.hpp"
#include "core/show/layout.hpp"

using namespace sf::core;

namespace {

struct Screen {
  int w, h;
  float inches;
  bool large;  // a wall screen: it must hold text for every distance up to 5 m
};

constexpr Screen kScreens[] = {{1920, 1080, 55, true},  {1080, 1920, 55, true}, {3840, 2160, 65, true},
                               {1280, 800, 10, false},  {1024, 600, 7, false},  {800, 480, 7, false}};

// The rule in its own units: millimetres of x-height on the glass for a font of `px`.
float xHeightMm(float px, float dpi) { return px * kXHeightPerFontPx * 25.4f / dpi; }

}  // namespace

TEST_CASE("every font role is legible from the viewing distance on each screen size", "[layout][type-scale]") {
  for (const Screen& s : kScreens) {
    const float dpi = screenDpi(s.w, s.h, 0, s.inches);
    for (float metres : {1.f, 3.f, 5.f}) {
      const Layout l = computeLayout(s.w, s.h, dpi, metres);
      INFO(s.w << "x" << s.h << " at " << s.inches << "\" from " << metres << " m: smallest " << l.font(FontRole::Small)
                << " px, legible from " << l.legibleDistance << " m");
      CHECK(l.viewingDistance == metres);
      // Roles stay in order, each a step above the next smaller one.
      for (std::size_t i = 0; i + 1 < kFontRoles; ++i) CHECK(l.fontPx[i] > l.fontPx[i + 1]);
      const bool reached = l.font(FontRole::Small) >= l.minTextPx;
      if (s.large) CHECK(reached);  // 55- and 65-inch screens hold the type for 5 m
      if (reached) {
        // 2.5 mm of x-height per metre for every role, measured on the glass.
        for (std::size_t i = 0; i < kFontRoles; ++i) {
          INFO("role " << i << ": " << l.fontPx[i] << " px, x-height " << xHeightMm(l.fontPx[i], dpi) << " mm");
          CHECK(xHeightMm(l.fontPx[i], dpi) >= kXHeightMmPerMetre * metres * 0.9999f);
          CHECK(l.fontPx[i] >= l.minTextPx);
        }
        CHECK(l.legibleDistance >= metres * 0.9999f);
      } else {
        // Too small a screen for the distance: its text is as large as it can hold, and it says
        // from how far that text is legible.
        const float shortSide = static_cast<float>(std::min(s.w, s.h));
        CHECK(l.font(FontRole::Small) >= std::floor(shortSide / 24));
        CHECK(l.minTextPx > l.font(FontRole::Small));
        CHECK(l.legibleDistance == Approx(xHeightMm(l.font(FontRole::Small), dpi) / kXHeightMmPerMetre).epsilon(1e-4));
        CHECK(l.legibleDistance < metres);
      }
      // The lists still hold rows: a screenful shows at least three.
      const ListGeometry g = fieldListGeometry(l);
      CHECK(g.contentHeight(3) <= g.viewport.h);
      // Controls stay twice their label's size and a fingertip high.
      CHECK(l.minTarget >= 2 * l.font(FontRole::Small));
      CHECK(l.content.h > l.height / 2);
    }
  }
}

TEST_CASE("the 55-inch case of the issue: 1080p labels grow from 6.3 to 7.5 mm of x-height at 3 m", "[layout][type-scale]") {
  const float dpi = screenDpi(1920, 1080, 0, 55);
  CHECK(dpi == Approx(40.05).epsilon(1e-3));
  const Layout before = computeLayout(1920, 1080, dpi);
  const Layout after = computeLayout(1920, 1080, dpi, 3);
  CHECK(xHeightMm(before.font(FontRole::Small), dpi) < 7.5f);  // 22 px: 6.3 mm, too small from 3 m
  CHECK(xHeightMm(after.font(FontRole::Small), dpi) >= 7.5f);
  CHECK(after.font(FontRole::Small) == 27);
  // Headlines were large enough already and stay as they were.
  CHECK(after.font(FontRole::Display) == before.font(FontRole::Display));
  CHECK(after.font(FontRole::Figure) == before.font(FontRole::Figure));
}

TEST_CASE("a 7-inch touch screen read at arm's length keeps today's type", "[layout][type-scale]") {
  const float dpi = screenDpi(800, 480, 0, 7);
  CHECK(dpi == Approx(133.3).epsilon(1e-3));
  const Layout today = computeLayout(800, 480, 0);
  for (float metres : {0.3f, 0.45f}) {
    const Layout l = computeLayout(800, 480, dpi, metres);
    for (std::size_t i = 0; i < kFontRoles; ++i) CHECK(l.fontPx[i] == today.fontPx[i]);
    CHECK(l.legibleDistance >= metres);
  }
  // At half a metre the smaller roles grow by a pixel; the headlines stay.
  const Layout half = computeLayout(800, 480, dpi, 0.5f);
  CHECK(half.font(FontRole::Small) == today.font(FontRole::Small) + 1);
  for (FontRole r : {FontRole::Body, FontRole::Heading, FontRole::Title}) CHECK(half.font(r) <= today.font(r) + 1);
  CHECK(half.font(FontRole::Display) == today.font(FontRole::Display));
}

TEST_CASE("without the screen's size or a distance the type follows the pixels alone", "[layout][type-scale]") {
  for (const Screen& s : kScreens) {
    const Layout today = computeLayout(s.w, s.h, 0);
    for (const Layout& l : {computeLayout(s.w, s.h, 0, 3), computeLayout(s.w, s.h, screenDpi(s.w, s.h, 0, s.inches), 0)}) {
      for (std::size_t i = 0; i < kFontRoles; ++i) CHECK(l.fontPx[i] == today.fontPx[i]);
      CHECK(l.minTextPx == 0);
      CHECK(l.legibleDistance == 0);
    }
  }
}

TEST_CASE("the screen's size: a configured diagonal wins over what the screen reports", "[layout][type-scale]") {
  CHECK(screenDpi(3840, 2160, 96, 65) == Approx(67.8).epsilon(1e-3));
  CHECK(screenDpi(1920, 1080, 40, 0) == 40);
  // No size, or a size no screen has (EDID of 1 cm, or none): unknown.
  CHECK(screenDpi(1920, 1080, 0, 0) == 0);
  CHECK(screenDpi(1920, 1080, 4000, 0) == 0);
  CHECK(screenDpi(1920, 1080, 5, 0) == 0);
  CHECK(legibleFontPx(0, 3) == 0);
  CHECK(legibleDistanceM(40, legibleFontPx(40, 3)) == Approx(3));
}

TEST_CASE("config viewingDistance and screenDiagonal: read, and a clear error for bad values", "[config][type-scale]") {
  CHECK(Config{}.viewingDistance == 0);  // unset: from the screen's size
  CHECK(Config{}.screenDiagonal == 0);
  const auto good = parseConfig(R"({"viewingDistance": 0.5, "screenDiagonal": 7})", "config.json");
  CHECK(good.diagnostics.empty());
  CHECK(good.config.viewingDistance == 0.5f);
  CHECK(good.config.screenDiagonal == 7);

  const auto bad = parseConfig("{\n  \"viewingDistance\": \"3 m\",\n  \"screenDiagonal\": 0.5\n}", "screen.json");
  CHECK(bad.config.viewingDistance == 0);
  CHECK(bad.config.screenDiagonal == 0);
  REQUIRE(bad.diagnostics.size() == 2);
  const Diagnostic& d = bad.diagnostics[0];
  CHECK(d.file == "screen.json");
  CHECK(d.line == 2);
  CHECK(d.jsonPointer == "/viewingDistance");
  CHECK(d.message == "expected the distance in metres from which visitors read the screen, a number from 0.3 to 50, found \"3 m\"; using the distance for the screen's size");
  CHECK(bad.diagnostics[1].jsonPointer == "/screenDiagonal");
  CHECK(bad.diagnostics[1].line == 3);
  CHECK(bad.diagnostics[1].message ==
        "expected the screen's diagonal in inches, a number from 3 to 300, found 0.5; using the size the screen reports");
  const auto far = parseConfig(R"({"viewingDistance": 80})", "config.json");
  REQUIRE(far.diagnostics.size() == 1);
  CHECK(far.config.viewingDistance == 0);
  CHECK(parseConfig(R"({"viewingDistance": 2})", "config.json").config.viewingDistance == 2);
}

TEST_CASE("an unset viewing distance follows the screen's size", "[config][type-scale]") {
  // About 2.2 times the diagonal: the 7" touch display at arm's length, a 32" foyer screen from
  // under 2 m, a 55" or larger wall screen from 3 m.
  CHECK(defaultViewingDistanceM(7) == Approx(0.4f));
  CHECK(defaultViewingDistanceM(10) == Approx(0.559f).epsilon(1e-3));
  CHECK(defaultViewingDistanceM(32) == Approx(1.788f).epsilon(1e-3));
  CHECK(defaultViewingDistanceM(55) == Approx(3));
  CHECK(defaultViewingDistanceM(98) == Approx(3));
  CHECK(defaultViewingDistanceM(3) == Approx(0.4f));  // never nearer than 0.4 m
  CHECK(defaultViewingDistanceM(0) == 3);            // unknown size: as before
  // From the screen's pixels and dpi (its EDID, or the config's screenDiagonal).
  CHECK(screenDiagonalInches(800, 480, screenDpi(800, 480, 0, 7)) == Approx(7));
  CHECK(screenDiagonalInches(1920, 1080, 0) == 0);
  CHECK(viewingDistanceFor(0, 800, 480, screenDpi(800, 480, 0, 7)) == Approx(0.4f));
  CHECK(viewingDistanceFor(0, 3840, 2160, screenDpi(3840, 2160, 0, 65)) == Approx(3));
  CHECK(viewingDistanceFor(0, 1920, 1080, screenDpi(1920, 1080, 0, 24)) == Approx(1.341f).epsilon(1e-3));
  CHECK(viewingDistanceFor(0, 1920, 1080, 0) == 3);       // size unknown
  CHECK(viewingDistanceFor(2.5f, 800, 480, screenDpi(800, 480, 0, 7)) == 2.5f);  // the config's own wins
  // What it does to the type: a 7" display that reports its size keeps its compact sizes rather
  // than being capped at the most it holds for 3 m.
  const float dpi7 = screenDpi(800, 480, 0, 7);
  const Layout near = computeLayout(800, 480, dpi7, viewingDistanceFor(0, 800, 480, dpi7));
  const Layout far3 = computeLayout(800, 480, dpi7, 3);
  const Layout plain = computeLayout(800, 480, dpi7);
  for (std::size_t i = 0; i < kFontRoles; ++i) CHECK(near.fontPx[i] == plain.fontPx[i]);
  CHECK(near.legibleDistance >= near.viewingDistance);
  CHECK(far3.font(FontRole::Small) > near.font(FontRole::Small));
  CHECK(far3.legibleDistance < 3);
}
