// The software renderer's fast paths for ImGui shapes: rows of fills for one-colour triangles must
// give exactly the pixels SDL's triangle rasteriser gives, and gradients must stay bilinear.
#include <catch2/catch.hpp>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <vector>

#include "platform/display/backends/draw_data.hpp"

namespace {

constexpr int kW = 640, kH = 400;

// An ImGui frame drawn by `draw`, rendered into a software surface either by the ImGui backend
// (every triangle through SDL_RenderGeometry) or by our renderDrawData; returns the pixels.
struct Canvas {
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, kW, kH, 32, SDL_PIXELFORMAT_RGB888);
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
  ImGuiContext* imgui = ImGui::CreateContext();

  Canvas() {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.Fonts->AddFontDefault();
    ImGui_ImplSDLRenderer_Init(renderer);
  }
  ~Canvas() {
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext(imgui);
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
  }

  std::vector<std::uint32_t> draw(const std::function<void(ImDrawList*)>& shapes, bool fastPaths) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(kW, kH);
    io.DeltaTime = 1.f / 60;
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    shapes(ImGui::GetBackgroundDrawList());
    ImGui::Render();
    SDL_SetRenderDrawColor(renderer, 18, 22, 30, 255);
    SDL_RenderClear(renderer);
    const std::vector<SDL_Texture*> noTextures;
    const std::vector<std::unique_ptr<sf::platform::LayerPixels>> noPixels;
    if (fastPaths) sf::platform::renderDrawData(renderer, ImGui::GetDrawData(), {noTextures, noPixels}, rows);
    else ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    SDL_RenderFlush(renderer);
    std::vector<std::uint32_t> px(static_cast<std::size_t>(kW) * kH);
    for (int y = 0; y < kH; ++y)
      std::copy_n(reinterpret_cast<const std::uint32_t*>(static_cast<const std::uint8_t*>(surface->pixels) + y * surface->pitch), kW,
                  px.begin() + static_cast<std::ptrdiff_t>(y) * kW);
    return px;
  }

  std::vector<SDL_Rect> rows;
};

int channelDiff(std::uint32_t a, std::uint32_t b) {
  int d = 0;
  for (int s : {0, 8, 16}) d = std::max(d, std::abs(static_cast<int>((a >> s) & 255) - static_cast<int>((b >> s) & 255)));
  return d;
}

}  // namespace


TEST_CASE("one-colour shapes drawn as rows of fills match SDL's triangles pixel for pixel") {
  Canvas canvas;
  REQUIRE(canvas.renderer);
  const auto shapes = [](ImDrawList* dl) {
    dl->AddCircleFilled({160, 150}, 117.3f, IM_COL32(200, 40, 90, 255), 96);            // opaque, anti-aliased edge
    dl->AddCircleFilled({250, 210}, 140.6f, IM_COL32(255, 255, 255, 38), 96);           // translucent over it
    dl->AddRectFilled({380.4f, 40.7f}, {610.2f, 120.5f}, IM_COL32(34, 40, 51, 255), 40.f);  // a pill
    dl->AddRectFilled({400, 150}, {600, 360}, IM_COL32(244, 245, 247, 200), 18.f);      // rounded card
    dl->AddCircle({480, 255}, 90.f, IM_COL32(255, 255, 255, 90), 128, 5.f);             // thick ring
    const ImVec2 poly[] = {{30, 330}, {140, 290}, {210, 380}, {60, 395}};
    dl->AddConvexPolyFilled(poly, 4, IM_COL32(90, 200, 120, 255));
    dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;  // and hard-edged fans, fill rule alone
    dl->AddCircleFilled({330, 340}, 47.7f, IM_COL32(250, 200, 40, 160), 40);
    dl->AddTriangleFilled({12.3f, 12.8f}, {90.9f, 30.1f}, {40.5f, 100.4f}, IM_COL32(10, 120, 250, 255));
  };
  const auto reference = canvas.draw(shapes, false);
  const auto fast = canvas.draw(shapes, true);
  int worst = 0, differing = 0, painted = 0;
  for (std::size_t i = 0; i < fast.size(); ++i) {
    const int d = channelDiff(reference[i], fast[i]);
    worst = std::max(worst, d);
    differing += d > 0;
    painted += channelDiff(reference[i], 0x12161e) > 0;
  }
  CHECK(painted > 100000);  // the shapes are there
  // The same pixels; a translucent fill may round one level differently from a blended triangle.
  CHECK(worst <= 1);
  CHECK(differing < painted / 20);
}

TEST_CASE("a four-colour rectangle is drawn as a bilinear gradient") {
  Canvas canvas;
  REQUIRE(canvas.renderer);
  const SDL_Color ul{110, 22, 50, 255}, ur{200, 40, 90, 255}, br{160, 32, 72, 255}, bl{70, 14, 32, 255};
  const float x0 = 40, y0 = 30, x1 = 600, y1 = 370;
  const auto fast = canvas.draw(
      [&](ImDrawList* dl) {
        dl->AddRectFilledMultiColor({x0, y0}, {x1, y1}, IM_COL32(ul.r, ul.g, ul.b, 255), IM_COL32(ur.r, ur.g, ur.b, 255),
                                    IM_COL32(br.r, br.g, br.b, 255), IM_COL32(bl.r, bl.g, bl.b, 255));
      },
      true);
  int worst = 0;
  for (int y = static_cast<int>(y0); y < static_cast<int>(y1); ++y)
    for (int x = static_cast<int>(x0); x < static_cast<int>(x1); ++x) {
      const float u = (x + 0.5f - x0) / (x1 - x0), v = (y + 0.5f - y0) / (y1 - y0);
      auto lerp = [&](Uint8 SDL_Color::*c) {
        const float top = ul.*c + (ur.*c - ul.*c) * u, bottom = bl.*c + (br.*c - bl.*c) * u;
        return static_cast<int>(std::lround(top + (bottom - top) * v));
      };
      const std::uint32_t p = fast[static_cast<std::size_t>(y) * kW + x];
      worst = std::max({worst, std::abs(static_cast<int>((p >> 16) & 255) - lerp(&SDL_Color::r)),
                        std::abs(static_cast<int>((p >> 8) & 255) - lerp(&SDL_Color::g)),
                        std::abs(static_cast<int>(p & 255) - lerp(&SDL_Color::b))});
    }
  CHECK(worst <= 2);  // cells at most two levels apart: nowhere more than that from the exact blend
  // Outside the rectangle nothing was drawn.
  CHECK(fast[static_cast<std::size_t>(10) * kW + 10] == 0x12161e);
  CHECK(fast[static_cast<std::size_t>(385) * kW + 620] == 0x12161e);
}
