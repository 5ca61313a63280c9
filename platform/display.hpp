// The player's screen as a declared seam: input as plain events, Dear ImGui frames, layers,
// capture and sleeping until the next deadline. Backends (platform/display/backends/) implement it.
#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/show/layout.hpp"

namespace sf::platform {

struct InputEvent {
  enum class Kind { None, Quit, PointerDown, PointerMove, PointerUp, PointerCancel, Key, Resized, Exposed };
  enum class Key { None, Left, Right, Up, Down, Enter, Back, Language, Fields, Home, Quit };
  Kind kind = Kind::None;
  float x = 0, y = 0;  // logical (upright) pixels, after undoing --rotate
  Key key = Key::None;
};

struct DisplayOptions {
  bool offscreen = false;   // SDL's offscreen driver: no display needed (render, tests, benchmarks)
  int width = 0;            // a window of this size; 0 = full screen at the display's size
  int height = 0;
  int rotation = 0;         // 0, 90, 180, 270: the screen is mounted on its side
  std::string title = "Schaufenster";
};

// Why the player cannot open a screen here, in words for a newcomer; empty when one should open.
std::string headlessReason();

// What the player asks of a screen. Dear ImGui draws the frames; a backend (today SDL with its
// renderers and presents, see display/backends/) puts them on the glass, so another one (DRM
// direct, a GPU path) can stand beside it without the player noticing. No backend's types show here.
class Display {
 public:
  // The backend that suits this machine, opened; nullptr and `error` set when no screen opens.
  static std::unique_ptr<Display> open(const DisplayOptions& options, std::string& error);
  virtual ~Display() = default;
  Display(const Display&) = delete;
  Display& operator=(const Display&) = delete;

  virtual int width() const = 0;   // logical size (what views lay out for)
  virtual int height() const = 0;
  virtual float dpi() const = 0;   // 0 when unknown
  virtual std::string driver() const = 0;
  // How frames reach the screen (video driver, renderer, present), for the log and status page.
  virtual const std::string& describe() const = 0;
  virtual bool softwareRendering() const = 0;  // the CPU draws every pixel (no GPU renderer)

  // (Re)builds the fonts for `layout`'s sizes: one per core::FontRole, in that order.
  virtual bool loadFonts(const core::Layout& layout, std::string& error) = 0;
  // The characters beyond the base glyphs the feed needs (core::extraGlyphs). True when they
  // differ from the atlas's: then loadFonts must run again.
  virtual bool setExtraGlyphs(std::u32string glyphs) = 0;

  virtual bool pollEvent(InputEvent& out) = 0;
  // Sleeps until an input event may be there or `deadline` passes (steady clock).
  virtual void waitUntil(std::chrono::steady_clock::time_point deadline) = 0;
  // Ends a waitUntil early; safe to call from any thread (workers call it when they push work).
  virtual void wake() = 0;

  // Textures live in the renderer (GPU memory, or plain memory for the software renderer). An id
  // is usable as ImTextureID; 0 means none. Views only ever see ids, never a backend's types.
  using TextureId = std::uintptr_t;
  // A picture: RGBA pixels, w * h * 4 bytes, filtered when scaled. 0 when it cannot be made.
  virtual TextureId createTexture(const std::uint8_t* rgba, int w, int h) = 0;
  // A layer: an opaque texture (by default the screen's logical size) that a frame can be drawn
  // into once and then reused (a slide, the header bar), so a redraw is a copy, not a repaint.
  // A smaller layer holds the frame's top-left part.
  virtual TextureId createLayer(int width = 0, int height = 0) = 0;
  virtual void destroyTexture(TextureId id) = 0;
  // True when the layers' contents were lost (renderer reset) since the last call.
  virtual bool layersLost() = 0;

  virtual void beginFrame(float deltaSeconds) = 0;  // ImGui frame: views draw after this
  // Renders the ImGui draw data into the frame, or into `layer` (made by createLayer). `covered`:
  // the views painted every pixel opaquely, so the frame is not cleared first (a full-screen fill
  // saved per frame on a software renderer).
  virtual void endFrame(TextureId layer = 0, bool covered = false) = 0;
  virtual bool readPixels(std::vector<std::uint8_t>& rgba) = 0;  // the frame just rendered, RGBA, logical size
  virtual void present() = 0;

  // For the next endFrame(0, true): the rows (logical pixels) where this frame may differ from the
  // last one, the header's clock and the progress bar at rest. The display checks that nothing
  // drawn outside them changed and then redraws and presents these bands alone; otherwise, or
  // where the shown pixels are not kept between frames, the whole frame.
  struct DamageBands {
    float top[2] = {0, 0};
    float bottom[2] = {0, 0};
    int count = 0;
  };
  virtual void hintBands(const DamageBands& bands) { (void)bands; }
  // Frames drawn as bands alone so far.
  virtual std::size_t partialFrames() const { return 0; }

 protected:
  Display() = default;
};

}  // namespace sf::platform
