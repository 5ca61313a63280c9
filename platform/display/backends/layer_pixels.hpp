// Layers held in our own memory where the CPU draws into pixels we own: painted by the software
// renderer through its surface, copied and cross-faded by the loops here. Private to platform/display.
#pragma once
#include <SDL.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace sf::platform {

// A screen-sized layer's pixels (the canvas's format and pitch), mapped on their own and marked
// for huge pages: each slide change maps a new one, and the page faults of 2,025 small pages cost
// four times the faults of four huge ones (31 ms against 7.7 ms for 1080p, measured here).
class LayerPixels {
 public:
  // nullptr when the memory cannot be mapped.
  static std::unique_ptr<LayerPixels> make(int width, int height, int pitch);
  ~LayerPixels();
  LayerPixels(const LayerPixels&) = delete;
  LayerPixels& operator=(const LayerPixels&) = delete;

  std::uint8_t* pixels() const { return pixels_; }
  int width() const { return width_; }
  int height() const { return height_; }
  int pitch() const { return pitch_; }

 private:
  LayerPixels() = default;
  void* mapping_ = nullptr;
  std::size_t length_ = 0;
  std::uint8_t* pixels_ = nullptr;
  int width_ = 0, height_ = 0, pitch_ = 0;
};

// The layer among `layers` that a texture id names, or nullptr: the id of a layer of ours is its address.
LayerPixels* findLayer(const std::vector<std::unique_ptr<LayerPixels>>& layers, const void* id);

// A rectangle of 32-bit pixels written row by row, and one read.
struct PixelRect {
  std::uint8_t* pixels;  // the first pixel of the rectangle
  int pitch;             // bytes from one row to the next
};
struct PixelSource {
  const std::uint8_t* pixels;
  int pitch;
};

// Copies `w` x `h` pixels (alpha 255) or blends them over what is there, out = (in·a + out·(256−a)) / 256
// per channel with a = alpha + alpha/128, so 255 gives the source exactly and 0 leaves the target.
void blendPixels(PixelRect to, PixelSource from, int w, int h, std::uint8_t alpha);
// The same blend with what lies under taken from `under` instead of `to`: a copy and a blend over
// it in one pass, reading each layer once and writing the screen once.
void crossFadePixels(PixelRect to, PixelSource from, PixelSource under, int w, int h, std::uint8_t alpha);

// A layer drawn into the canvas: from its `src` (same size as `dst`, or scaled by nearest pixels)
// to `dst`, only inside `clip`, with the tint's alpha and colour (255 each: none).
struct LayerDraw {
  const LayerPixels* layer = nullptr;
  SDL_Rect src{}, dst{}, clip{};
  SDL_Color tint{255, 255, 255, 255};
};

// Draws layers into a canvas in order. A layer copied at full strength waits for what is drawn
// next: when that is a layer blended over it (the rotation's cross-fade), the two become one pass
// where they overlap. Anything else drawn into the canvas must wait for settle().
class LayerCompositor {
 public:
  explicit LayerCompositor(SDL_Surface* canvas) : canvas_(canvas) {}
  void draw(const LayerDraw& d);
  // The waiting copy, done.
  void settle();

 private:
  // Where a one-to-one draw lands: the screen's rectangle and the layer's pixel at its corner.
  struct Placed {
    const LayerPixels* layer = nullptr;
    SDL_Rect area{};
    int sx = 0, sy = 0;
    std::uint8_t alpha = 255;
    PixelSource at(int x, int y) const;  // the layer's pixel shown at screen (x, y)
  };
  bool visible(const LayerDraw& d, SDL_Rect& area) const;  // dst inside the clip and the canvas
  PixelRect canvasAt(int x, int y) const;
  bool place(const LayerDraw& d, Placed& out) const;
  void drawPlaced(const Placed& p, const SDL_Rect& part) const;
  void drawScaled(const LayerDraw& d) const;

  SDL_Surface* canvas_;
  Placed waiting_{};
};

}  // namespace sf::platform
