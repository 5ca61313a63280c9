// Frames at rest redraw only their bands (the header's clock, the progress bar): on SDL's offscreen
// software path, a frame that differs outside the hinted bands, or shows a repainted layer there,
// is drawn whole; the pixels are always those of the frame asked for.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <cstdint>
#include <vector>

#include "core/show/layout.hpp"
#include "platform/display.hpp"

using namespace sf;

namespace {

constexpr int kDamageW = 320, kDamageH = 200;

struct DamageScreen {
  std::unique_ptr<platform::Display> display;
  platform::Display::DamageBands bands;
  DamageScreen() {
    platform::DisplayOptions o;
    o.offscreen = true;
    o.width = kDamageW;
    o.height = kDamageH;
    std::string error;
    display = platform::Display::open(o, error);
    REQUIRE(display);
    REQUIRE(display->loadFonts(core::computeLayout(kDamageW, kDamageH, 0), error));
    bands.top[0] = 0;
    bands.bottom[0] = 20;  // a header
    bands.top[1] = 180;
    bands.bottom[1] = kDamageH;  // a progress bar's strip
    bands.count = 2;
  }
  // A frame: a grey background, a middle block of `middle`, a bar `progress` pixels long at the
  // bottom and, when given, a layer in the middle.
  std::vector<std::uint8_t> frame(ImU32 middle, float progress, platform::Display::TextureId layer = 0) {
    display->beginFrame(1.f / 60);
    ImDrawList* d = ImGui::GetForegroundDrawList();
    d->AddRectFilled({0, 0}, {kDamageW, kDamageH}, IM_COL32(40, 40, 40, 255));
    d->AddRectFilled({100, 60}, {200, 120}, middle);
    d->AddRectFilled({0, 190}, {progress, kDamageH}, IM_COL32(255, 160, 0, 255));
    if (layer) d->AddImage(reinterpret_cast<ImTextureID>(layer), {20, 130}, {60, 170}, {0, 0}, {40.f / kDamageW, 40.f / kDamageH});
    display->hintBands(bands);
    display->endFrame(0, true);
    std::vector<std::uint8_t> rgba;
    REQUIRE(display->readPixels(rgba));
    display->present();
    return rgba;
  }
  void paintLayer(platform::Display::TextureId layer, ImU32 colour) {
    display->beginFrame(1.f / 60);
    ImGui::GetForegroundDrawList()->AddRectFilled({0, 0}, {kDamageW, kDamageH}, colour);
    display->endFrame(layer, true);
  }
};

std::uint32_t pixelAt(const std::vector<std::uint8_t>& rgba, int x, int y) {
  const std::size_t i = (static_cast<std::size_t>(y) * kDamageW + x) * 4;
  return static_cast<std::uint32_t>(rgba[i]) << 16 | static_cast<std::uint32_t>(rgba[i + 1]) << 8 | rgba[i + 2];
}

}  // namespace

TEST_CASE("a frame that changes only inside its bands is redrawn there alone, and right") {
  DamageScreen s;
  const ImU32 blue = IM_COL32(0, 0, 255, 255);
  s.frame(blue, 50);
  CHECK(s.display->partialFrames() == 0);  // the first frame is whole
  const auto second = s.frame(blue, 120);
  CHECK(s.display->partialFrames() == 1);
  CHECK(pixelAt(second, 110, 195) == 0xffa000);  // the longer bar
  CHECK(pixelAt(second, 150, 90) == 0x0000ff);   // the middle, kept from the first frame
  CHECK(pixelAt(second, 250, 195) == 0x282828);

  SECTION("a change outside the bands draws the whole frame") {
    const auto third = s.frame(IM_COL32(255, 0, 0, 255), 130);
    CHECK(s.display->partialFrames() == 1);
    CHECK(pixelAt(third, 150, 90) == 0xff0000);
    CHECK(pixelAt(third, 125, 195) == 0xffa000);
  }
  SECTION("a layer repainted where it shows outside the bands draws the whole frame") {
    const auto layer = s.display->createLayer();
    REQUIRE(layer);
    s.paintLayer(layer, IM_COL32(0, 200, 0, 255));
    CHECK(pixelAt(s.frame(blue, 130, layer), 40, 150) == 0x00c800);
    CHECK(pixelAt(s.frame(blue, 140, layer), 40, 150) == 0x00c800);
    const auto partials = s.display->partialFrames();
    s.paintLayer(layer, IM_COL32(200, 0, 200, 255));  // the same quad, new pixels
    const auto after = s.frame(blue, 150, layer);
    CHECK(s.display->partialFrames() == partials);
    CHECK(pixelAt(after, 40, 150) == 0xc800c8);
    s.display->destroyTexture(layer);
  }
}
