// How the SDL backend's finished frames reach the glass: SDL's own present, memory shared with the
// X server, or DRM dumb buffers on a bare console. Private to platform/display.
#pragma once
#include <SDL.h>

#include <memory>
#include <string>

namespace sf::platform {

class DrmPresent;
class X11Present;

// Where frames are drawn once a screen changed size.
enum class ScreenTarget {
  Untouched,  // the renderer's output follows the screen by itself
  Pixels,     // straight into the pixels that are shown
  Texture,    // into a screen-sized texture, copied into the shown pixels at the present
};

class Present {
 public:
  virtual ~Present() = default;
  // The screen's size in pixels.
  virtual void outputSize(SDL_Window* window, SDL_Renderer* renderer, int& w, int& h) const;
  // Follows a screen of `w` x `h`, which it may correct to the size it can show.
  virtual ScreenTarget resize(int& w, int& h);
  // Before a frame is drawn straight into the shown pixels: they must be free to change.
  virtual void beforeDirectFrame() {}
  // Puts the frame on the glass; `composed`: it is in the renderer's screen texture.
  virtual void show(SDL_Renderer* renderer, bool composed) = 0;
  // Puts a frame on the glass that differs from the last one only in these bands of rows.
  virtual void showBands(SDL_Renderer* renderer, const SDL_Rect* bands, int count) {
    (void)bands;
    (void)count;
    show(renderer, false);
  }
  // The path in one line, from SDL's (`sdlPath`: driver and renderer).
  virtual std::string describe(const std::string& sdlPath) const { return sdlPath; }
  // The surface a software renderer made by this present draws into, when it is ours (in the
  // screen's format, RGB888): layers can then live in our memory too (layer_pixels.hpp).
  virtual SDL_Surface* canvas() const { return nullptr; }
  // The canvas is upright and the present turns each frame onto glass mounted turned, in the copy
  // it makes anyway (turn_pixels.hpp): the renderer then needs no turned texture of its own.
  virtual bool turnsFrames() const { return false; }
  // Lets go of what must go before the window (shared pixels, the CPU's frame).
  virtual void close() {}
};

// SDL_RenderPresent: the renderer owns the window's pixels (GPU, or SDL's own software path).
class SdlPresent final : public Present {
 public:
  void show(SDL_Renderer* renderer, bool composed) override;
};

// The CPU draws into pixels the X server reads straight from our memory (x11_present.hpp).
class X11ShmPresent final : public Present {
 public:
  // nullptr where the server cannot share our memory: then SDL's present is the one.
  static std::unique_ptr<X11ShmPresent> open(SDL_Window* window, int w, int h);
  ~X11ShmPresent() override;
  // A software renderer drawing into the first shared pixels (`w` x `h`, as opened), or on glass
  // turned by `rotation`, into upright pixels of ours that show() turns into them; nullptr when
  // none can be made.
  SDL_Renderer* createRenderer(int w, int h, int rotation);
  void outputSize(SDL_Window* window, SDL_Renderer* renderer, int& w, int& h) const override;
  ScreenTarget resize(int& w, int& h) override;
  void beforeDirectFrame() override;
  void show(SDL_Renderer* renderer, bool composed) override;
  void showBands(SDL_Renderer* renderer, const SDL_Rect* bands, int count) override;
  std::string describe(const std::string& sdlPath) const override;
  SDL_Surface* canvas() const override { return surface_; }
  bool turnsFrames() const override { return turn_ != 0; }
  void close() override;

 private:
  void turnOntoGlass(const SDL_Rect& part);  // `part` of the upright frame into the shared pixels

  std::unique_ptr<X11Present> x11_;
  SDL_Surface* surface_ = nullptr;  // the renderer's pixels: x11_'s first image, or upright ones to turn
  int turn_ = 0, glassW_ = 0, glassH_ = 0;
};

// A bare console without a GPU render node: the CPU draws, dumb buffers take frames to the glass.
class DrmDumbPresent final : public Present {
 public:
  explicit DrmDumbPresent(std::unique_ptr<DrmPresent> drm);
  ~DrmDumbPresent() override;
  int width() const;
  int height() const;
  float dpi() const;
  // A software renderer drawing into the CPU's frame, upright when the glass is turned by
  // `rotation` (show() turns it into the dumb buffer); nullptr when none can be made.
  SDL_Renderer* createRenderer(int rotation);
  void outputSize(SDL_Window* window, SDL_Renderer* renderer, int& w, int& h) const override;
  void show(SDL_Renderer* renderer, bool composed) override;
  std::string describe(const std::string& sdlPath) const override;
  SDL_Surface* canvas() const override { return surface_; }
  bool turnsFrames() const override { return turn_ != 0; }
  void close() override;

 private:
  std::unique_ptr<DrmPresent> drm_;
  SDL_Surface* surface_ = nullptr;
  int turn_ = 0;
};

// Offscreen (renders, previews, tests): the CPU draws into memory of ours that nothing shows, as
// on the glass's paths above. After a resize frames are composed in a texture of the new size.
class MemoryPresent final : public Present {
 public:
  ~MemoryPresent() override;
  // A software renderer drawing into pixels of ours for a `w` x `h` screen turned by `rotation`
  // (upright: nothing shows them, so nothing turns them); nullptr when none can be made.
  SDL_Renderer* createRenderer(int w, int h, int rotation);
  void outputSize(SDL_Window* window, SDL_Renderer* renderer, int& w, int& h) const override;
  ScreenTarget resize(int& w, int& h) override;
  void show(SDL_Renderer*, bool) override {}
  SDL_Surface* canvas() const override { return surface_; }
  bool turnsFrames() const override { return turn_ != 0; }
  void close() override;

 private:
  SDL_Surface* surface_ = nullptr;
  int turn_ = 0, glassW_ = 0, glassH_ = 0;
};

}  // namespace sf::platform
