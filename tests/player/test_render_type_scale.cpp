// The type scale on real frames: views drawn for a screen's physical size and viewing distance
// keep every text at or above the legible size, on screen and without overlaps.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include <imgui.h>

#include "core/feed/parse.hpp"
#include "player/player.hpp"
#include "player_fixture.hpp"

using namespace sf;

namespace {

core::Feed exampleFeed(const char* name) {
  std::ifstream in(std::string(SF_SOURCE_DIR) + "/assets/examples/" + name);
  std::stringstream text;
  text << in.rdbuf();
  auto r = core::parseFeed(text.str(), name);
  REQUIRE(r.feed);
  return std::move(*r.feed);
}

struct TypeCase {
  const char* name;
  const core::Feed* feed;
  player::View view;
  const char* at;
  const char* project = "";
  const char* field = "";
  const char* room = "";
};

struct Screen {
  int w, h;
  float inches, metres;
};

}  // namespace

TEST_CASE("views sized for the viewing distance: no text below the legible size, none cut off the screen",
          "[render][type-scale]") {
  const core::Feed projects = test::defaultFeed();
  const core::Feed conference = exampleFeed("conference-feed.json");
  const char* day = "2024-04-25T10:00:00+02:00";
  const char* talks = "2027-03-18T10:05:00+01:00";
  using K = core::SlideKind;
  const TypeCase cases[] = {
      {"spotlight", &projects, player::View::of(K::Spotlight), day, "its-inberlin-cybersicherheit-als-treiber-der-digitalisierung-fuer-die-berliner-industrie"},
      {"fields", &projects, player::View::of(K::Fields), day},
      {"figures", &projects, player::View::of(K::Figures), day},
      {"field-list", &projects, player::View::FieldList, day, "", "kompetenzen"},
      {"detail", &projects, player::View::Detail, day, "amber-initiative-additive-manufacturing-berlin-brandenburg"},
      {"schedule", &conference, player::View::of(K::Schedule), talks},
      {"room", &conference, player::View::of(K::Room), talks, "", "", "saal-1"},
      {"programme", &conference, player::View::Programme, talks},
  };
  // Wall screens from 3 and 5 m, and small ones asked for more than they hold.
  const Screen screens[] = {{1920, 1080, 55, 3}, {1920, 1080, 55, 5}, {1080, 1920, 55, 5},
                            {800, 480, 7, 3},    {1024, 600, 7, 1},   {1280, 800, 10, 3}};
  for (const Screen& s : screens) {
    const float dpi = core::screenDpi(s.w, s.h, 0, s.inches);
    player::FrameRenderer renderer(s.w, s.h, dpi, s.metres);
    REQUIRE(renderer.error().empty());
    for (const TypeCase& c : cases) {
      player::RenderRequest req;
      req.feed = c.feed;
      req.width = s.w;
      req.height = s.h;
      req.view = c.view;
      req.project = c.project;
      req.field = c.field;
      req.room = c.room;
      req.language = "de";
      req.at = test::at(c.at);
      req.collectText = true;
      const auto out = renderer.render(req);
      INFO(c.name << " at " << s.w << "x" << s.h << ", " << s.inches << "\" from " << s.metres << " m");
      REQUIRE(out.error.empty());
      const core::Layout& l = out.layout;
      CHECK(l.viewingDistance == s.metres);
      // What the distance asks, or (on a screen too small for it) the most the screen holds.
      const float legible = std::min(l.minTextPx, l.font(core::FontRole::Small));
      CHECK(legible >= core::legibleFontPx(dpi, std::min(s.metres, l.legibleDistance)) - 0.01f);
      CHECK(out.texts.size() >= 3);
      std::size_t sized = 0;
      for (const auto& t : out.texts) {
        if (t.size <= 0) continue;
        ++sized;
        INFO("\"" << t.label << "\" at " << t.size << " px, legible from " << legible << " px");
        CHECK(t.size >= legible);
      }
      CHECK(sized >= out.texts.size() / 2);
      for (const auto& p : core::checkTextBoxes(out.texts, s.w, s.h)) FAIL_CHECK(p.message);
    }
  }
}

TEST_CASE("the type scale's x-height per pixel is the face's", "[render][type-scale]") {
  player::FrameRenderer renderer(1920, 1080);
  REQUIRE(renderer.error().empty());
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  REQUIRE(atlas->Fonts.Size >= static_cast<int>(core::kFontRoles));
  for (int i = 0; i < static_cast<int>(core::kFontRoles); ++i) {
    const ImFont* f = atlas->Fonts[i];
    const ImFontGlyph* x = f->FindGlyphNoFallback('x');
    REQUIRE(x);
    INFO("role " << i << " at " << f->FontSize << " px: x is " << (x->Y1 - x->Y0) << " px tall");
    // Rasterised glyphs snap to whole pixels: a pixel of slack either way.
    CHECK(x->Y1 - x->Y0 >= core::kXHeightPerFontPx * f->FontSize - 1.01f);
    CHECK(x->Y1 - x->Y0 <= core::kXHeightPerFontPx * f->FontSize + 1.01f);
  }
}
