// The three presents of the SDL backend. The CPU's own frames (X11 shared memory, DRM dumb
// buffers) are drawn by SDL's software renderer into surfaces that wrap the pixels shown.
#include "present.hpp"

#include "core/show/layout.hpp"
#include "drm_present.hpp"
#include "turn_pixels.hpp"
#include "x11_present.hpp"

namespace sf::platform {

namespace {

// Pixels of ours for the upright frame of a `w` x `h` screen turned by `rotation`.
SDL_Surface* uprightSurface(int w, int h, int rotation) {
  int uw = 0, uh = 0;
  core::logicalSize(rotation, w, h, uw, uh);
  return SDL_CreateRGBSurfaceWithFormat(0, uw, uh, 32, SDL_PIXELFORMAT_RGB888);
}

}  // namespace

void Present::outputSize(SDL_Window*, SDL_Renderer* renderer, int& w, int& h) const {
  SDL_GetRendererOutputSize(renderer, &w, &h);
}

ScreenTarget Present::resize(int&, int&) { return ScreenTarget::Untouched; }

void SdlPresent::show(SDL_Renderer* renderer, bool) { SDL_RenderPresent(renderer); }

std::unique_ptr<X11ShmPresent> X11ShmPresent::open(SDL_Window* window, int w, int h) {
  auto x11 = X11Present::open(window, w, h);
  if (!x11) return nullptr;
  auto p = std::make_unique<X11ShmPresent>();
  p->x11_ = std::move(x11);
  return p;
}

X11ShmPresent::~X11ShmPresent() { close(); }

SDL_Renderer* X11ShmPresent::createRenderer(int w, int h, int rotation) {
  glassW_ = w;
  glassH_ = h;
  turn_ = rotation;
  surface_ = rotation ? uprightSurface(w, h, rotation)
                      : SDL_CreateRGBSurfaceWithFormatFrom(x11_->firstPixels(), w, h, 32, x11_->firstPitch(), SDL_PIXELFORMAT_RGB888);
  return surface_ ? SDL_CreateSoftwareRenderer(surface_) : nullptr;
}

void X11ShmPresent::outputSize(SDL_Window* window, SDL_Renderer*, int& w, int& h) const {
  // The window's size: the renderer keeps drawing into the pixels it was made with.
  SDL_GetWindowSize(window, &w, &h);
}

ScreenTarget X11ShmPresent::resize(int& w, int& h) {
  // At another size than the first pixels, frames are composed in a texture and copied into
  // shared pixels of that size: a copy per frame, only until the player restarts.
  if (!x11_->resize(w, h)) {
    w = x11_->width();
    h = x11_->height();
  }
  return w != glassW_ || h != glassH_ ? ScreenTarget::Texture : ScreenTarget::Pixels;
}

void X11ShmPresent::beforeDirectFrame() {
  // The X server may still be reading the last frame out of the shared pixels; upright frames
  // are drawn into our own, and wait only when show() turns them into the shared ones.
  if (!turn_) x11_->waitIdle();
}

void X11ShmPresent::show(SDL_Renderer* renderer, bool composed) {
  if (composed) {
    x11_->waitIdle();
    SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_RGB888, x11_->pixels(), x11_->pitch());
  } else if (turn_) {
    x11_->waitIdle();
    turnOntoGlass({0, 0, surface_->w, surface_->h});
  }
  x11_->show();
}

void X11ShmPresent::turnOntoGlass(const SDL_Rect& part) {
  turnPixels({x11_->pixels(), x11_->pitch()}, {static_cast<const std::uint8_t*>(surface_->pixels), surface_->pitch},
             surface_->w, surface_->h, turn_, part);
}

void X11ShmPresent::showBands(SDL_Renderer* /*renderer*/, const SDL_Rect* bands, int count) {
  if (turn_) {
    // The bands are upright rows: turned, they are columns (or rows from the bottom) on the glass.
    x11_->waitIdle();
    for (int i = 0; i < count; ++i) turnOntoGlass(bands[i]);
    if (turn_ != 180) {
      x11_->show();
      return;
    }
    for (int i = 0; i < count; ++i) {
      const SDL_Rect g = turnedRect(surface_->w, surface_->h, turn_, bands[i]);
      x11_->show(g.y, g.h);
    }
    return;
  }
  for (int i = 0; i < count; ++i) x11_->show(bands[i].y, bands[i].h);  // the server copies those rows alone
}

std::string X11ShmPresent::describe(const std::string& sdlPath) const { return sdlPath + ", shared-memory present"; }

void X11ShmPresent::close() {
  if (surface_) SDL_FreeSurface(surface_);
  surface_ = nullptr;
  x11_.reset();  // before the window it draws into
}

DrmDumbPresent::DrmDumbPresent(std::unique_ptr<DrmPresent> drm) : drm_(std::move(drm)) {}
DrmDumbPresent::~DrmDumbPresent() { close(); }

int DrmDumbPresent::width() const { return drm_->width(); }
int DrmDumbPresent::height() const { return drm_->height(); }
float DrmDumbPresent::dpi() const { return drm_->dpi(); }

SDL_Renderer* DrmDumbPresent::createRenderer(int rotation) {
  turn_ = rotation;
  surface_ = uprightSurface(drm_->width(), drm_->height(), rotation);
  return surface_ ? SDL_CreateSoftwareRenderer(surface_) : nullptr;
}

void DrmDumbPresent::outputSize(SDL_Window*, SDL_Renderer*, int& w, int& h) const {
  w = drm_->width();  // the glass, not the upright frame the renderer draws
  h = drm_->height();
}

void DrmDumbPresent::show(SDL_Renderer*, bool) {
  drm_->show(static_cast<const std::uint8_t*>(surface_->pixels), surface_->pitch, turn_);
}

std::string DrmDumbPresent::describe(const std::string&) const {
  return "KMS/DRM: software renderer into dumb buffers on " + drm_->describe() + ", input through evdev";
}

void DrmDumbPresent::close() {
  if (surface_) SDL_FreeSurface(surface_);
  surface_ = nullptr;
}

MemoryPresent::~MemoryPresent() { close(); }

SDL_Renderer* MemoryPresent::createRenderer(int w, int h, int rotation) {
  glassW_ = w;
  glassH_ = h;
  turn_ = rotation;
  surface_ = uprightSurface(w, h, rotation);
  return surface_ ? SDL_CreateSoftwareRenderer(surface_) : nullptr;
}

void MemoryPresent::outputSize(SDL_Window* window, SDL_Renderer*, int& w, int& h) const {
  SDL_GetWindowSize(window, &w, &h);  // the renderer keeps drawing into the pixels it was made with
}

ScreenTarget MemoryPresent::resize(int& w, int& h) {
  return w != glassW_ || h != glassH_ ? ScreenTarget::Texture : ScreenTarget::Pixels;
}

void MemoryPresent::close() {
  if (surface_) SDL_FreeSurface(surface_);
  surface_ = nullptr;
}

}  // namespace sf::platform
