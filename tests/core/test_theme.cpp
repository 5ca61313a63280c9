// The feed's theme: how `theme` is read, the light palette against the dark one pair by pair,
// the contrast maths, and the warnings (with pointer, ratios and a colour that passes) for
// accents and field colours that would not read on the chosen base.
#include <catch2/catch.hpp>

#include "core/feed/color.hpp"
#include "core/feed/edit.hpp"
#include "core/feed/parse.hpp"
#include "core/feed/theme.hpp"
#include "core/show/ui_text.hpp"
#include "feed_fixture.hpp"

using namespace sf::core;
using sf::test::kBaseFeed;
using sf::test::replaced;

namespace {

const std::string kTitleLine = " \"title\": {\"de\": \"Testfeed\", \"en\": \"Test feed\"},\n";

std::string withTheme(const std::string& theme) {
  return replaced(kBaseFeed, kTitleLine, kTitleLine + " \"theme\": " + theme + ",\n");
}

std::vector<const Diagnostic*> at(const ParseResult& r, const std::string& pointer) {
  std::vector<const Diagnostic*> out;
  for (const auto& d : r.diagnostics)
    if (d.jsonPointer == pointer) out.push_back(&d);
  return out;
}

std::optional<Rgb> lastHexIn(const std::string& message, std::size_t nth) {
  std::size_t pos = 0;
  std::optional<Rgb> found;
  for (std::size_t i = 0; i <= nth; ++i) {
    pos = message.find('#', pos);
    if (pos == std::string::npos) return std::nullopt;
    found = parseHexColor(message.substr(pos, 7));
    ++pos;
  }
  return found;
}

}  // namespace

TEST_CASE("a feed without a theme draws with today's dark palette", "[theme]") {
  const auto r = parseFeed(kBaseFeed, "base.json");
  REQUIRE(r.feed);
  const Theme& t = r.feed->theme;
  CHECK_FALSE(t.given);
  CHECK(t.base == ThemeBase::Dark);
  CHECK(t.palette == kDarkPalette);
  CHECK(t.palette.bg == kScreenBackground);
  CHECK(t.palette.accent == t.palette.text);  // selected tabs stay white as before
  CHECK(t.palette.onAccent == t.palette.bg);
  CHECK(t.logo().empty());
  char buf[64];
  CHECK(std::string(groupText(*r.feed, Ui::Fields, "de", buf, sizeof buf)) == "Handlungsfelder");
  CHECK(std::string(groupText(*r.feed, Ui::RelatedFields, "en", buf, sizeof buf)) == "Related fields");
}

TEST_CASE("theme: base, accent, a logo per base and the group labels are read", "[theme]") {
  const auto r = parseFeed(withTheme(R"({"base": "light", "accent": "#0B5FA5",
      "logo": {"light": "images/logo-ink.png", "dark": {"src": "images/logo-white.png"}, "alt": {"de": "Messe Logo", "en": "Fair logo"}},
      "labels": {"fields": {"de": "Hallen", "en": "Halls"}, "field": {"de": "Halle", "en": "Hall"}}})"),
                           "themed.json");
  REQUIRE(r.feed);
  for (const auto& d : r.diagnostics) CHECK(d.severity != Severity::Error);
  const Feed& f = *r.feed;
  CHECK(f.theme.given);
  CHECK(f.theme.base == ThemeBase::Light);
  CHECK(f.theme.accent == Rgb{0x0B, 0x5F, 0xA5});
  CHECK(f.theme.palette.bg == kLightPalette.bg);
  CHECK(f.theme.palette.accent == Rgb{0x0B, 0x5F, 0xA5});  // readable: used as written
  CHECK(f.theme.palette.onAccent == Rgb{255, 255, 255});
  CHECK(f.theme.logo() == "images/logo-ink.png");  // the one made for light backgrounds
  CHECK(f.theme.logoDark == "images/logo-white.png");
  CHECK(f.theme.logoAlt.in("en") == "Fair logo");
  CHECK(at(r, "/theme/accent").empty());

  // Both variants are loaded by the player and carried by pack, and rewritten in place.
  const auto srcs = imageSources(f);
  CHECK(std::find(srcs.begin(), srcs.end(), "images/logo-ink.png") != srcs.end());
  CHECK(std::find(srcs.begin(), srcs.end(), "images/logo-white.png") != srcs.end());
  const auto edited = rewriteImageSources(withTheme(R"({"logo": {"light": "a.png", "dark": {"src": "b.png"}}})"),
                                          [](const std::string& s) { return "packed/" + s; });
  REQUIRE(edited.text);
  const auto again = parseFeed(*edited.text, "packed.json");
  REQUIRE(again.feed);
  CHECK(again.feed->theme.logoLight == "packed/a.png");
  CHECK(again.feed->theme.logoDark == "packed/b.png");
  const auto single = rewriteImageSources(withTheme(R"({"logo": "c.png"})"), [](const std::string& s) { return "x/" + s; });
  REQUIRE(single.text);
  CHECK(parseFeed(*single.text, "p.json").feed->theme.logo() == "x/c.png");

  char buf[96];
  CHECK(std::string(groupText(f, Ui::Fields, "de", buf, sizeof buf)) == "Hallen");
  CHECK(std::string(groupText(f, Ui::Fields, "en", buf, sizeof buf)) == "Halls");
  CHECK(std::string(groupText(f, Ui::RelatedFields, "de", buf, sizeof buf)) == "Verwandte Hallen");
  CHECK(std::string(groupText(f, Ui::FieldsIntro, "de", buf, sizeof buf)) == "Halle wählen");
  CHECK(std::string(groupText(f, Ui::FieldsIntro, "en", buf, sizeof buf)) == "Select Hall");
  CHECK(std::string(groupText(f, Ui::Explore, "en", buf, sizeof buf)) == "Explore");  // other words stay
}

TEST_CASE("theme: one logo serves both bases, a missing variant falls back with a warning", "[theme]") {
  const auto one = parseFeed(withTheme(R"({"logo": {"src": "logo.png", "alt": "Logo"}})"), "t.json");
  REQUIRE(one.feed);
  CHECK(one.feed->theme.logo() == "logo.png");
  CHECK(one.feed->theme.logoLight == "logo.png");
  const auto onlyDark = parseFeed(withTheme(R"({"base": "light", "logo": {"dark": "white.png"}})"), "t.json");
  REQUIRE(onlyDark.feed);
  CHECK(onlyDark.feed->theme.logo() == "white.png");
  REQUIRE(at(onlyDark, "/theme/logo").size() == 1);
  CHECK_THAT(at(onlyDark, "/theme/logo")[0]->message, Catch::Contains("no logo made for light backgrounds"));
}

TEST_CASE("theme faults are warnings: the screen plays with the built-in look", "[theme]") {
  const auto r = parseFeed(withTheme(R"({"base": "sepia", "accent": "blue", "logo": "../outside.png", "colour": 1})"), "t.json");
  REQUIRE(r.feed);  // never refused for its theme
  CHECK(r.feed->theme.base == ThemeBase::Dark);
  CHECK_FALSE(r.feed->theme.accent);
  CHECK(r.feed->theme.logo().empty());
  CHECK(r.feed->theme.palette == kDarkPalette);
  for (const char* p : {"/theme/base", "/theme/accent", "/theme/logo", "/theme/colour"}) {
    INFO(p);
    REQUIRE(at(r, p).size() == 1);
    CHECK(at(r, p)[0]->severity == Severity::Warning);
  }
  CHECK_THAT(at(r, "/theme/accent")[0]->message, Catch::Contains("#RRGGBB"));
  CHECK_THAT(at(r, "/theme/base")[0]->message, Catch::Contains("\"light\""));
  const auto notObject = parseFeed(withTheme("\"light\""), "t.json");
  REQUIRE(notObject.feed);
  CHECK(at(notObject, "/theme").size() == 1);
}

TEST_CASE("contrast maths: WCAG luminance and ratios, and the nearest colour that passes", "[theme]") {
  CHECK(contrastRatio({255, 255, 255}, {0, 0, 0}) == Approx(21.0));
  CHECK(contrastRatio({0, 0, 0}, {255, 255, 255}) == Approx(21.0));
  CHECK(contrastRatio({0x77, 0x77, 0x77}, {255, 255, 255}) == Approx(4.48).epsilon(0.01));  // the classic near miss
  CHECK(contrastRatio({0x76, 0x76, 0x76}, {255, 255, 255}) >= 4.5);
  CHECK(relativeLuminance({255, 255, 255}) == Approx(1.0));

  const Rgb grey{0x77, 0x77, 0x77};
  const auto fix = nearestPassing(grey, [](Rgb c) { return contrastRatio(c, {255, 255, 255}) >= 4.5; });
  REQUIRE(fix);
  CHECK(contrastRatio(*fix, {255, 255, 255}) >= 4.5);
  CHECK(fix->r == fix->g);  // a grey stays grey (hue and saturation kept)
  CHECK(fix->r >= 0x70);    // and only a step darker
  CHECK(legibleOn({110, 214, 150}, kDarkPalette.bg) == Rgb{110, 214, 150});  // passes: unchanged
  const Rgb onLight = legibleOn({110, 214, 150}, kLightPalette.bg);
  CHECK(contrastRatio(onLight, kLightPalette.bg) >= 4.5);
  CHECK(onLight.g > onLight.r);  // still green
  CHECK(hexColor({11, 95, 165}) == "#0B5FA5");
}

TEST_CASE("the light palette keeps the dark palette's contrast, pair by pair", "[theme]") {
  struct Pair {
    const char* what;
    Rgb Palette::*fg;
    Rgb Palette::*bg;
  };
  const Pair pairs[] = {
      {"text on bg", &Palette::text, &Palette::bg},          {"text on surface", &Palette::text, &Palette::surface},
      {"text on surfaceHigh", &Palette::text, &Palette::surfaceHigh},
      {"muted on bg", &Palette::muted, &Palette::bg},        {"muted on surface", &Palette::muted, &Palette::surface},
      {"faint on bg", &Palette::faint, &Palette::bg},        {"faint on surface", &Palette::faint, &Palette::surface},
      {"live on bg", &Palette::live, &Palette::bg},          {"amber on bg", &Palette::amber, &Palette::bg},
      {"line on bg", &Palette::line, &Palette::bg},          {"surface on bg", &Palette::surface, &Palette::bg},
      {"surfaceHigh on bg", &Palette::surfaceHigh, &Palette::bg},
      {"accent on bg", &Palette::accent, &Palette::bg},      {"label on accent", &Palette::onAccent, &Palette::accent},
  };
  for (const auto& p : pairs) {
    const double dark = contrastRatio(kDarkPalette.*p.fg, kDarkPalette.*p.bg);
    const double light = contrastRatio(kLightPalette.*p.fg, kLightPalette.*p.bg);
    CAPTURE(p.what, dark, light);
    CHECK(light == Approx(dark).epsilon(0.15));  // the same ratio within 15 % (amber: 10.2 against 11.9)
    if (dark >= kWcagAaText) CHECK(light >= kWcagAaText);
  }
  // Warm: red above blue in the background, the text and the surfaces.
  CHECK(kLightPalette.bg.r > kLightPalette.bg.b);
  CHECK(relativeLuminance(kLightPalette.bg) > 0.85);
  // Labels on the running pill and on the live pill read on the light base too.
  CHECK(contrastRatio(readableTextOn(kLightPalette.live), kLightPalette.live) >= kWcagAaText);
  CHECK(contrastRatio(kLightPalette.bg, kLightPalette.amber) >= kWcagAaText);  // the info banner
}

TEST_CASE("an unreadable accent is warned at /theme/accent with its ratio and a nearby colour that passes", "[theme]") {
  struct Case {
    const char* base;
    const char* accent;
  };
  for (const Case c : {Case{"dark", "#1E2A78"}, Case{"light", "#FFD54F"}, Case{"dark", "#5A6B7C"}, Case{"light", "#F06292"}}) {
    INFO(c.base << " " << c.accent);
    const auto r = parseFeed(withTheme(std::string(R"({"base": ")") + c.base + R"(", "accent": ")" + c.accent + "\"}"), "t.json");
    REQUIRE(r.feed);  // the screen still plays
    const auto ds = at(r, "/theme/accent");
    REQUIRE(ds.size() == 1);
    const Diagnostic& d = *ds[0];
    CHECK(d.severity == Severity::Warning);
    CHECK(d.line > 0);  // located in the file
    const Rgb written = *parseHexColor(c.accent);
    const Palette& p = r.feed->theme.palette;
    char ratio[16];
    std::snprintf(ratio, sizeof ratio, "%.1f:1", std::floor(contrastRatio(written, p.bg) * 10) / 10);
    CHECK_THAT(d.message, Catch::Contains(c.accent) && Catch::Contains(ratio) && Catch::Contains("4.5:1") &&
                              Catch::Contains(std::string("the ") + c.base + " base") && Catch::Contains("change /theme/accent"));
    // The proposal: written in the message, used by the screens, and it passes.
    CHECK(p.accent != written);
    CHECK_THAT(d.message, Catch::Contains(hexColor(p.accent)));
    CHECK(contrastRatio(p.accent, p.bg) >= 4.5);
    CHECK(contrastRatio(p.onAccent, p.accent) >= 4.5);
    CHECK(accentReadable(p.accent, p.bg));
  }
  // A readable accent is used as written, without a word.
  for (const char* ok : {"#0B5FA5", "#7FB3FF"}) {
    const std::string base = ok[1] == '0' ? "light" : "dark";
    const auto r = parseFeed(withTheme(R"({"base": ")" + base + R"(", "accent": ")" + ok + "\"}"), "t.json");
    REQUIRE(r.feed);
    CHECK(at(r, "/theme/accent").empty());
    CHECK(r.feed->theme.palette.accent == *parseHexColor(ok));
  }
}

TEST_CASE("field colours that fade into a themed base are warned with a colour that passes", "[theme]") {
  const std::string pale = replaced(withTheme(R"({"base": "light"})"), "\"#C2185B\"", "\"#FFE082\"");
  const auto r = parseFeed(pale, "t.json");
  REQUIRE(r.feed);
  const auto ds = at(r, "/fields/0/color");
  REQUIRE(ds.size() == 1);
  CHECK(ds[0]->severity == Severity::Warning);
  CHECK_THAT(ds[0]->message, Catch::Contains("#FFE082") && Catch::Contains("3:1") && Catch::Contains("light base"));
  const auto proposal = lastHexIn(ds[0]->message, 2);  // the field colour, the base, then the proposal
  REQUIRE(proposal);
  CHECK(contrastRatio(*proposal, kLightPalette.bg) >= kGraphicOnBase);
  CHECK(contrastRatio(readableTextOn(*proposal), *proposal) >= kWcagAaText);
  CHECK(at(r, "/fields/1/color").empty());  // #1565C0 reads on light

  // Without a theme the same feed is checked as before: no base check on field colours.
  const auto plain = parseFeed(replaced(kBaseFeed, "\"#C2185B\"", "\"#FFE082\""), "t.json");
  REQUIRE(plain.feed);
  CHECK(at(plain, "/fields/0/color").empty());
}
