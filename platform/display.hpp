// The player's screen: an SDL window and renderer with Dear ImGui on top, input as plain
// events, frame capture to PNG, and sleeping until the next deadline without spinning.
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

class Display {
 public:
  // nullptr and `error` set when no window can be opened.
  static std::unique_ptr<Display> open(const DisplayOptions& options, std::string& error);
  ~Display();
  Display(const Display&) = delete;
  Display& operator=(const Display&) = delete;

  int width() const;   // logical size (what views lay out for)
  int height() const;
  float dpi() const;   // 0 when unknown
  std::string driver() const;
  // How frames reach the screen (video driver, renderer, present), for the log and status page.
  const std::string& describe() const;
  bool softwareRendering() const;  // the CPU draws every pixel (no GPU renderer)

  // (Re)builds the fonts for `layout`'s sizes: one per core::FontRole, in that order.
  bool loadFonts(const core::Layout& layout, std::string& error);
  // The characters beyond the base glyphs the feed needs (core::extraGlyphs). True when they
  // differ from the atlas's: then loadFonts must run again.
  bool setExtraGlyphs(std::u32string glyphs);
  std::size_t fontAtlasBytes() const;

  bool pollEvent(InputEvent& out);
  // Sleeps until an input event may be there or `deadline` passes (steady clock).
  void waitUntil(std::chrono::steady_clock::time_point deadline);
  // Ends a waitUntil early; safe to call from any thread (workers call it when they push work).
  void wake();

  // Textures live in the renderer (GPU memory, or plain memory for the software renderer). An id
  // is usable as ImTextureID; 0 means none. Views only ever see ids, never SDL types.
  using TextureId = std::uintptr_t;
  // A picture: RGBA pixels, w * h * 4 bytes, filtered when scaled. 0 when it cannot be made.
  TextureId createTexture(const std::uint8_t* rgba, int w, int h);
  // A layer: an opaque texture (by default the screen's logical size) that a frame can be drawn
  // into once and then reused (a slide, the header bar), so a redraw is a copy, not a repaint.
  // A smaller layer holds the frame's top-left part.
  TextureId createLayer(int width = 0, int height = 0);
  void destroyTexture(TextureId id);
  // True when the layers' contents were lost (renderer reset) since the last call.
  bool layersLost();

  void beginFrame(float deltaSeconds);  // ImGui frame: views draw after this
  // Renders the ImGui draw data into the frame, or into `layer` (made by createLayer). `covered`:
  // the views painted every pixel opaquely, so the frame is not cleared first (a full-screen fill
  // saved per frame on a software renderer).
  void endFrame(TextureId layer = 0, bool covered = false);
  bool readPixels(std::vector<std::uint8_t>& rgba);  // the frame just rendered, RGBA, logical size
  void present();

  struct Impl;  // opaque: SDL's types stay in display.cpp

 private:
  explicit Display(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Writes RGBA pixels as PNG (SDL2_image). Empty string on success, else the error.
std::string writePng(const std::string& path, const std::vector<std::uint8_t>& rgba, int width, int height);

}  // namespace sf::platform
