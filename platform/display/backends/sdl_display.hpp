// The SDL backend of Display, put together from its parts: window and input, renderer, present.
// Private to platform/display: the one place those parts meet the Display interface.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "platform/display.hpp"
#include "present.hpp"
#include "sdl_renderer.hpp"
#include "sdl_window.hpp"

namespace sf::platform {

class SdlDisplay final : public Display {
 public:
  SdlDisplay() = default;
  ~SdlDisplay() override;

  int width() const override { return renderer.geometry.logW; }
  int height() const override { return renderer.geometry.logH; }
  float dpi() const override { return screenDpi; }
  std::string driver() const override { return window.driver; }
  const std::string& describe() const override { return description; }
  bool softwareRendering() const override { return renderer.software(); }

  bool loadFonts(const core::Layout& layout, std::string& error) override;
  bool setExtraGlyphs(std::u32string glyphs) override;

  bool pollEvent(InputEvent& out) override;
  void waitUntil(std::chrono::steady_clock::time_point deadline) override { window.waitUntil(deadline); }
  void wake() override { window.wake(); }

  TextureId createTexture(const std::uint8_t* rgba, int w, int h) override;
  TextureId createLayer(int width, int height) override;
  void destroyTexture(TextureId id) override;
  bool layersLost() override;

  void beginFrame(float deltaSeconds) override;
  void endFrame(TextureId layer, bool covered) override;
  bool readPixels(std::vector<std::uint8_t>& rgba) override;
  void present() override;
  void hintBands(const DamageBands& bands) override { renderer.damage.hint(bands); }
  std::size_t partialFrames() const override { return renderer.damage.partialFrames(); }

  // Filled in by openSdlDisplay (sdl_open.cpp), which chooses the driver and the parts.
  SdlWindow window;
  SdlRenderer renderer;
  std::unique_ptr<Present> output;
  std::string description;  // how frames reach the screen, for the log and the status page
  float screenDpi = 0;
  bool softwareGl = false;  // the GPU path found only Mesa's CPU rasteriser (llvmpipe)

  // Takes the screen's (new) size from the present and remakes what depends on it.
  void updateSize();
};

}  // namespace sf::platform
