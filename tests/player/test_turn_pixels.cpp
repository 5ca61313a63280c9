// Screens mounted turned: the present's own turn of the upright frame gives what SDL_RenderCopyEx
// gives (so touches, turned back by physicalToLogical, land where they did), a band alone turns into
// its own place, and on the offscreen display a turned screen draws upright into our pixels.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <cstdint>
#include <vector>

#include "core/show/layout.hpp"
#include "platform/display.hpp"
#include "platform/display/backends/turn_pixels.hpp"

using namespace sf;

namespace {

// An upright frame of w x h whose every pixel says where it is.
SDL_Surface* numberedFrame(int w, int h) {
  SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
  REQUIRE(s);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      static_cast<std::uint32_t*>(s->pixels)[y * (s->pitch / 4) + x] = static_cast<std::uint32_t>(0x10000 * (y + 1) + x + 1);
  return s;
}

std::uint32_t pixelOf(const SDL_Surface* s, int x, int y) {
  return static_cast<const std::uint32_t*>(s->pixels)[y * (s->pitch / 4) + x];
}

}  // namespace

TEST_CASE("the present's turn of a frame is SDL's turn, and touches turn back onto the same pixel") {
  constexpr int kW = 38, kH = 70;  // larger than a tile and no multiple of it: tiles end inside the frame
  SDL_Surface* upright = numberedFrame(kW, kH);
  for (const int rotation : {90, 180, 270}) {
    INFO("rotation " << rotation);
    const bool across = rotation != 180;
    const int gw = across ? kH : kW, gh = across ? kW : kH;
    SDL_Surface* ours = SDL_CreateRGBSurfaceWithFormat(0, gw, gh, 32, SDL_PIXELFORMAT_RGB888);
    SDL_Surface* sdls = SDL_CreateRGBSurfaceWithFormat(0, gw, gh, 32, SDL_PIXELFORMAT_RGB888);
    REQUIRE((ours && sdls));
    platform::turnPixels({static_cast<std::uint8_t*>(ours->pixels), ours->pitch},
                         {static_cast<const std::uint8_t*>(upright->pixels), upright->pitch}, kW, kH, rotation, {0, 0, kW, kH});
    // SDL's way, as the renderer turned frames before: the upright texture copied turned about its centre.
    SDL_Renderer* r = SDL_CreateSoftwareRenderer(sdls);
    REQUIRE(r);
    SDL_Texture* t = SDL_CreateTextureFromSurface(r, upright);
    REQUIRE(t);
    const SDL_Rect dst{(gw - kW) / 2, (gh - kH) / 2, kW, kH};
    SDL_RenderCopyEx(r, t, nullptr, &dst, rotation, nullptr, SDL_FLIP_NONE);
    SDL_RenderPresent(r);
    int differ = 0;
    for (int y = 0; y < gh; ++y)
      for (int x = 0; x < gw; ++x) differ += (pixelOf(ours, x, y) & 0xffffff) != (pixelOf(sdls, x, y) & 0xffffff);
    CHECK(differ == 0);
    // A touch at a pixel's centre on the glass, turned back, lands on the upright pixel shown there.
    for (const auto& [gx, gy] : {std::pair{0, 0}, std::pair{gw - 1, 3}, std::pair{5, gh - 1}, std::pair{gw / 2, gh / 2}}) {
      const core::Point p = core::physicalToLogical(rotation, gw, gh, gx + 0.5f, gy + 0.5f);
      CHECK(pixelOf(ours, gx, gy) == pixelOf(upright, static_cast<int>(p.x), static_cast<int>(p.y)));
    }
    // A band of upright rows turns into its own place and nowhere else.
    SDL_Surface* band = SDL_CreateRGBSurfaceWithFormat(0, gw, gh, 32, SDL_PIXELFORMAT_RGB888);
    REQUIRE(band);
    const SDL_Rect rows{0, 50, kW, 9};
    platform::turnPixels({static_cast<std::uint8_t*>(band->pixels), band->pitch},
                         {static_cast<const std::uint8_t*>(upright->pixels), upright->pitch}, kW, kH, rotation, rows);
    const SDL_Rect where = platform::turnedRect(kW, kH, rotation, rows);
    CHECK(where.w * where.h == rows.w * rows.h);
    int inside = 0, stray = 0;
    for (int y = 0; y < gh; ++y)
      for (int x = 0; x < gw; ++x) {
        const bool in = x >= where.x && x < where.x + where.w && y >= where.y && y < where.y + where.h;
        if (in) inside += pixelOf(band, x, y) == pixelOf(ours, x, y);
        else stray += pixelOf(band, x, y) != 0;
      }
    CHECK(inside == rows.w * rows.h);
    CHECK(stray == 0);
    SDL_FreeSurface(band);
    SDL_DestroyTexture(t);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(ours);
    SDL_FreeSurface(sdls);
  }
  SDL_FreeSurface(upright);
}

TEST_CASE("a turned offscreen screen draws upright into our pixels, layers included") {
  platform::DisplayOptions o;
  o.offscreen = true;
  o.width = 160;  // the upright size; the glass is 100 x 160
  o.height = 100;
  o.rotation = 90;
  std::string error;
  auto display = platform::Display::open(o, error);
  REQUIRE(display);
  CHECK(display->width() == 160);
  CHECK(display->height() == 100);
  REQUIRE(display->loadFonts(core::computeLayout(160, 100, 0), error));
  const auto layer = display->createLayer();
  REQUIRE(layer);
  display->beginFrame(1.f / 60);
  ImGui::GetForegroundDrawList()->AddRectFilled({0, 0}, {160, 100}, IM_COL32(0, 0, 200, 255));
  ImGui::GetForegroundDrawList()->AddRectFilled({0, 0}, {40, 20}, IM_COL32(220, 0, 0, 255));
  display->endFrame(layer, false);
  display->beginFrame(1.f / 60);
  ImGui::GetForegroundDrawList()->AddImage(reinterpret_cast<ImTextureID>(layer), {0, 0}, {160, 100});
  display->endFrame(0, false);
  std::vector<std::uint8_t> rgba;
  REQUIRE(display->readPixels(rgba));
  REQUIRE(rgba.size() == 160u * 100 * 4);
  auto red = [&](int x, int y) { return rgba[(static_cast<std::size_t>(y) * 160 + x) * 4]; };
  CHECK(red(5, 5) == 220);     // the upright top-left corner, where it was drawn
  CHECK(red(150, 90) == 0);
  display->present();
  display->destroyTexture(layer);
}
