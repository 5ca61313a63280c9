// Layers in our own memory: the blend loops against the per-channel formula, a cross-fade done in
// one pass against the copy and blend it replaces, and on the offscreen display a layer painted
// through the canvas that leaves the screen's pixels alone and fades in right.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <cstdint>
#include <random>
#include <vector>

#include "core/show/layout.hpp"
#include "platform/display.hpp"
#include "platform/display/backends/layer_pixels.hpp"

using namespace sf;
using platform::LayerCompositor;
using platform::LayerPixels;

namespace {

std::uint8_t mixedChannel(std::uint8_t in, std::uint8_t under, std::uint8_t alpha) {
  const unsigned a = alpha + (alpha >> 7u);
  return static_cast<std::uint8_t>((in * a + under * (256 - a)) >> 8);
}

std::vector<std::uint8_t> noiseBytes(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<std::uint8_t> v(n);
  for (auto& b : v) b = static_cast<std::uint8_t>(rng());
  return v;
}

// A canvas of w x h RGB888 pixels with a pitch wider than its rows, filled with noise.
struct NoisyCanvas {
  SDL_Surface* surface;
  NoisyCanvas(int w, int h, unsigned seed) {
    surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
    REQUIRE(surface);
    const auto n = noiseBytes(static_cast<std::size_t>(surface->pitch) * h, seed);
    std::copy(n.begin(), n.end(), static_cast<std::uint8_t*>(surface->pixels));
  }
  ~NoisyCanvas() { SDL_FreeSurface(surface); }
  std::uint8_t* at(int x, int y) const { return static_cast<std::uint8_t*>(surface->pixels) + y * surface->pitch + x * 4; }
  std::vector<std::uint8_t> bytes() const {
    const auto* p = static_cast<const std::uint8_t*>(surface->pixels);
    return {p, p + static_cast<std::size_t>(surface->pitch) * surface->h};
  }
};

std::unique_ptr<LayerPixels> noisyLayerPixels(int w, int h, unsigned seed) {
  auto l = LayerPixels::make(w, h, w * 4 + 32);
  REQUIRE(l);
  const auto n = noiseBytes(static_cast<std::size_t>(l->pitch()) * h, seed);
  std::copy(n.begin(), n.end(), l->pixels());
  return l;
}

}  // namespace

TEST_CASE("the blend loop gives every channel of every width what the formula gives") {
  for (const int w : {1, 3, 4, 7, 8, 9, 31, 33, 64}) {
    for (const int alpha : {0, 1, 100, 127, 128, 200, 254, 255}) {
      const auto in = noiseBytes(static_cast<std::size_t>(w) * 4 * 3, 7u + w);
      auto out = noiseBytes(static_cast<std::size_t>(w) * 4 * 3, 99u + alpha);
      const auto before = out;
      platform::blendPixels({out.data(), w * 4}, {in.data(), w * 4}, w, 3, static_cast<std::uint8_t>(alpha));
      for (std::size_t i = 0; i < out.size(); ++i) {
        INFO("width " << w << ", alpha " << alpha << ", byte " << i);
        REQUIRE(out[i] == mixedChannel(in[i], before[i], static_cast<std::uint8_t>(alpha)));
      }
      if (alpha == 255) CHECK(out == in);      // full strength is the source exactly
      if (alpha == 0) CHECK(out == before);    // nothing is nothing
    }
  }
}

TEST_CASE("a cross-fade in one pass equals the copy and the blend it replaces") {
  const auto in = noiseBytes(37 * 4 * 5, 1), under = noiseBytes(37 * 4 * 5, 2);
  std::vector<std::uint8_t> one(37 * 4 * 5, 0), two(37 * 4 * 5, 0);
  platform::crossFadePixels({one.data(), 37 * 4}, {in.data(), 37 * 4}, {under.data(), 37 * 4}, 37, 5, 90);
  platform::blendPixels({two.data(), 37 * 4}, {under.data(), 37 * 4}, 37, 5, 255);
  platform::blendPixels({two.data(), 37 * 4}, {in.data(), 37 * 4}, 37, 5, 90);
  CHECK(one == two);
}

TEST_CASE("layers drawn into a canvas: clipped, moved, and a cross-fade fused where they overlap") {
  constexpr int kW = 96, kH = 54;
  const auto outgoing = noisyLayerPixels(kW, kH, 11), incoming = noisyLayerPixels(kW, kH, 12);
  const SDL_Rect whole{0, 0, kW, kH}, clip{0, 6, kW, 40};
  // The rotation's cross-fade: the outgoing slide copied, moved left; the incoming blended over it
  // from the right; what the fused pass draws must be what drawing them one by one draws.
  const platform::LayerDraw out{outgoing.get(), whole, {-7, 0, kW, kH}, clip, {255, 255, 255, 255}};
  const platform::LayerDraw in{incoming.get(), whole, {5, 0, kW, kH}, clip, {255, 255, 255, 140}};
  NoisyCanvas fused(kW, kH, 5), apart(kW, kH, 5);
  {
    LayerCompositor c(fused.surface);
    c.draw(out);
    c.draw(in);
    c.settle();
  }
  {
    LayerCompositor c(apart.surface);
    c.draw(out);
    c.settle();  // as if something else came between them
    c.draw(in);
    c.settle();
  }
  CHECK(fused.bytes() == apart.bytes());

  // And one by one against the formula, at pixels in each part of the screen.
  NoisyCanvas fresh(kW, kH, 5);
  auto layerAt = [](const LayerPixels& l, int x, int y) { return l.pixels() + y * l.pitch() + x * 4; };
  struct Spot {
    int x, y;
  };
  for (const Spot s : {Spot{2, 10}, Spot{50, 20}, Spot{92, 30}, Spot{40, 2}, Spot{40, 50}}) {
    INFO("pixel " << s.x << "," << s.y);
    for (int ch = 0; ch < 3; ++ch) {
      std::uint8_t expect = fresh.at(s.x, s.y)[ch];
      const bool clipped = s.y < clip.y || s.y >= clip.y + clip.h;
      if (!clipped && s.x + 7 < kW) expect = layerAt(*outgoing, s.x + 7, s.y)[ch];
      if (!clipped && s.x >= 5) expect = mixedChannel(layerAt(*incoming, s.x - 5, s.y)[ch], expect, 140);
      CHECK(fused.at(s.x, s.y)[ch] == expect);
    }
  }

  SECTION("a layer placed off the canvas changes nothing") {
    NoisyCanvas c(kW, kH, 9);
    const auto before = c.bytes();
    LayerCompositor lc(c.surface);
    lc.draw({outgoing.get(), whole, {kW + 3, 0, kW, kH}, whole, {255, 255, 255, 255}});
    lc.draw({incoming.get(), whole, {0, -kH - 1, kW, kH}, whole, {255, 255, 255, 90}});
    lc.settle();
    CHECK(c.bytes() == before);
  }
}

TEST_CASE("on the offscreen display a layer is painted through the canvas and shown as drawn") {
  constexpr int kW = 200, kH = 120;
  platform::DisplayOptions o;
  o.offscreen = true;
  o.width = kW;
  o.height = kH;
  std::string error;
  auto display = platform::Display::open(o, error);
  REQUIRE(display);
  REQUIRE(display->loadFonts(core::computeLayout(kW, kH, 0), error));
  auto screen = [&](ImU32 under, platform::Display::TextureId layer, int alpha) {
    display->beginFrame(1.f / 60);
    ImDrawList* d = ImGui::GetForegroundDrawList();
    d->AddRectFilled({0, 0}, {kW, kH}, under);
    if (layer) d->AddImage(reinterpret_cast<ImTextureID>(layer), {0, 0}, {kW, kH}, {0, 0}, {1, 1}, IM_COL32(255, 255, 255, alpha));
    display->endFrame(0, false);
    std::vector<std::uint8_t> rgba;
    REQUIRE(display->readPixels(rgba));
    display->present();
    return rgba;
  };
  auto rgbAt = [](const std::vector<std::uint8_t>& rgba, int x, int y) {
    const std::size_t i = (static_cast<std::size_t>(y) * kW + x) * 4;
    return std::vector<int>{rgba[i], rgba[i + 1], rgba[i + 2]};
  };
  screen(IM_COL32(0, 160, 0, 255), 0, 0);
  const auto layer = display->createLayer();
  REQUIRE(layer);
  display->beginFrame(1.f / 60);
  ImGui::GetForegroundDrawList()->AddRectFilled({0, 0}, {kW, kH}, IM_COL32(240, 20, 0, 255));
  ImGui::GetForegroundDrawList()->AddRectFilled({0, 0}, {kW / 2.f, kH}, IM_COL32(10, 20, 250, 255));
  display->endFrame(layer, false);
  // The paint went into the layer, not into what the screen shows.
  std::vector<std::uint8_t> shown;
  REQUIRE(display->readPixels(shown));
  CHECK(rgbAt(shown, kW / 2, kH / 2) == std::vector<int>{0, 160, 0});

  const auto full = screen(IM_COL32(0, 0, 0, 255), layer, 255);
  CHECK(rgbAt(full, 20, 60) == std::vector<int>{10, 20, 250});
  CHECK(rgbAt(full, 180, 60) == std::vector<int>{240, 20, 0});
  const auto half = screen(IM_COL32(0, 0, 0, 255), layer, 128);
  CHECK(rgbAt(half, 180, 60) == std::vector<int>{mixedChannel(240, 0, 128), mixedChannel(20, 0, 128), 0});
  display->destroyTexture(layer);
  const auto gone = screen(IM_COL32(0, 0, 0, 255), 0, 0);
  CHECK(rgbAt(gone, 180, 60) == std::vector<int>{0, 0, 0});
}
