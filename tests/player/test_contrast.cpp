// WCAG AA for what hangs in public: every text colour the views use against the surfaces it is
// drawn on, and the text chosen for each field colour of the default feed, reach 4.5:1.
#include <catch2/catch.hpp>

#include "core/feed/color.hpp"
#include "player_fixture.hpp"
#include "views/draw.hpp"

using namespace sf;
using core::contrastRatio;
using core::Rgb;

TEST_CASE("text colours reach WCAG AA on the surfaces they are drawn on", "[contrast]") {
  struct Pair {
    const char* what;
    Rgb text, background;
  };
  // Both bases: the dark one every feed without a theme shows, and the theme's light one.
  for (const core::Palette& p : {core::kDarkPalette, core::kLightPalette}) {
    CAPTURE(p.bg.r);
    const Pair pairs[] = {
        {"text on the background", p.text, p.bg},
        {"text on cards", p.text, p.surface},
        {"text on raised cards", p.text, p.surfaceHigh},
        {"secondary text on the background", p.muted, p.bg},
        {"secondary text on cards", p.muted, p.surface},
        {"faint labels on the background", p.faint, p.bg},
        {"faint labels on cards", p.faint, p.surface},
        {"the live mark on the background", p.live, p.bg},
        {"the accent as text on the background", p.accent, p.bg},
        {"a label on an accent button", p.onAccent, p.accent},
        {"a label on a raised button", core::readableTextOn(p.surfaceHigh), p.surfaceHigh},
        {"the notice pill's text", core::readableTextOn(p.amber), p.amber},
        {"white on the running pill", {255, 255, 255}, {26, 127, 72}},
        {"running status on cards", core::legibleOn({110, 214, 150}, p.surface), p.surface},
        {"announcement text in the other language", {250, 236, 206}, {36, 27, 10}},
        {"announcement text", core::kDarkPalette.text, {36, 27, 10}},  // the notice keeps its dark band
        {"an info banner's text", p.bg, p.amber},
        {"QR caption", {17, 20, 24}, {255, 255, 255}},
    };
    for (const auto& pr : pairs) {
      CAPTURE(pr.what, contrastRatio(pr.text, pr.background));
      CHECK(contrastRatio(pr.text, pr.background) >= core::kWcagAaText);
    }
  }
  // The map's labels and pins keep their own colours on any base: they sit on the floor plan.
  const Rgb card{34, 40, 51}, amber{255, 196, 77};
  const Pair map[] = {
      {"a map label on its card", {244, 245, 247}, card},
      {"a map label's talk now", {255, 150, 150}, card},
      {"a map label's talk next", amber, card},
      {"\"You are here\" on its red card", {255, 255, 255}, {200, 30, 45}},
      {"the exit pin's arrow", {255, 255, 255}, views::markerColor(core::MarkerKind::Exit)},
      {"the first-aid pin's cross", {255, 255, 255}, views::markerColor(core::MarkerKind::FirstAid)},
      {"the info pin's i", {255, 255, 255}, views::markerColor(core::MarkerKind::Info)},
      {"the toilets pin's WC", {255, 255, 255}, views::markerColor(core::MarkerKind::Toilets)},
  };
  for (const auto& pr : map) {
    CAPTURE(pr.what, contrastRatio(pr.text, pr.background));
    CHECK(contrastRatio(pr.text, pr.background) >= core::kWcagAaText);
  }
}

TEST_CASE("text on every field colour of the default feed reaches WCAG AA", "[contrast]") {
  for (const auto& f : test::defaultFeed().fields) {
    CAPTURE(f.id);
    CHECK(contrastRatio(core::readableTextOn(f.color), f.color) >= core::kWcagAaText);
  }
}

TEST_CASE("an emergency's white text reaches WCAG AAA (7:1) on both of its colours", "[contrast]") {
  const Rgb white{255, 255, 255};
  for (const auto style : {core::EmergencyStyle::Alarm, core::EmergencyStyle::Evacuation}) {
    const Rgb bg = views::emergencyBackground(style);
    CAPTURE(static_cast<int>(style), contrastRatio(white, bg));
    CHECK(contrastRatio(white, bg) >= 7.0);
  }
  // The two are told apart at a glance: red for alarm, green for the way out.
  CHECK(views::emergencyBackground(core::EmergencyStyle::Alarm).r > 120);
  CHECK(views::emergencyBackground(core::EmergencyStyle::Evacuation).g > views::emergencyBackground(core::EmergencyStyle::Evacuation).r + 60);
}
