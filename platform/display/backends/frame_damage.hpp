// Which parts of the screen a frame must redraw: at rest only the header's clock and the progress
// bar change, so a frame can redraw and present those bands alone instead of the whole screen.
#pragma once
#include <SDL.h>
#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "platform/display.hpp"

namespace sf::platform {

class FrameDamage {
 public:
  // What textures hold: a frame that shows a texture whose pixels changed is redrawn where it shows.
  void created(const void* texture);
  void changed(const void* texture);
  void destroyed(const void* texture);
  // The shown pixels are not what the last frame drew (exposed, resized, fonts or renderer reset).
  void invalidate() { lastValid_ = false; }
  void hint(const Display::DamageBands& bands) {
    hint_ = bands;
    hinted_ = true;
  }

  // For the frame in `data`, drawn into pixels that keep the last frame (`retained`): the bands to
  // redraw (screen rows, clipped to `height`), or none when the whole frame must be drawn. Only when
  // everything drawn outside the hinted bands (geometry, colours, textures and their pixels) is
  // what the last frame drew there. Forgets the hint either way.
  int plan(const ImDrawData* data, bool retained, int width, int height, SDL_Rect out[2]);
  std::size_t partialFrames() const { return partials_; }

 private:
  std::uint64_t outsideHash(const ImDrawData* data) const;
  std::uint64_t versionOf(const void* texture) const;

  std::vector<std::pair<const void*, std::uint64_t>> versions_;  // textures whose pixels were set
  std::uint64_t serial_ = 0;
  Display::DamageBands hint_{}, lastBands_{};
  bool hinted_ = false;
  bool lastValid_ = false;
  std::uint64_t lastHash_ = 0;
  std::size_t partials_ = 0;
};

}  // namespace sf::platform
