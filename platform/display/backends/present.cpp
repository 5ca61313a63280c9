// The three presents of the SDL backend. The CPU's own frames (X11 shared memory, DRM dumb
// buffers) are drawn by SDL's software renderer into surfaces that wrap the pixels shown.
#include "present.hpp"

#include "drm_present.hpp"
#include "x11_present.hpp"

namespace sf::platform {

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

SDL_Renderer* X11ShmPresent::createRenderer(int w, int h) {
  surface_ = SDL_CreateRGBSurfaceWithFormatFrom(x11_->firstPixels(), w, h, 32, x11_->firstPitch(), SDL_PIXELFORMAT_RGB888);
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
  return w != surface_->w || h != surface_->h ? ScreenTarget::Texture : ScreenTarget::Pixels;
}

void X11ShmPresent::beforeDirectFrame() {
  x11_->waitIdle();  // the X server may still be reading the last frame out of these pixels
}

void X11ShmPresent::show(SDL_Renderer* renderer, bool composed) {
  if (composed) {
    x11_->waitIdle();
    SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_RGB888, x11_->pixels(), x11_->pitch());
  }
  x11_->show();
}

void X11ShmPresent::showBands(SDL_Renderer* /*renderer*/, const SDL_Rect* bands, int count) {
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

SDL_Renderer* DrmDumbPresent::createRenderer() {
  surface_ = SDL_CreateRGBSurfaceWithFormat(0, drm_->width(), drm_->height(), 32, SDL_PIXELFORMAT_RGB888);
  return surface_ ? SDL_CreateSoftwareRenderer(surface_) : nullptr;
}

void DrmDumbPresent::show(SDL_Renderer*, bool) {
  drm_->show(static_cast<const std::uint8_t*>(surface_->pixels), surface_->pitch);
}

std::string DrmDumbPresent::describe(const std::string&) const {
  return "KMS/DRM: software renderer into dumb buffers on " + drm_->describe() + ", input through evdev";
}

void DrmDumbPresent::close() {
  if (surface_) SDL_FreeSurface(surface_);
  surface_ = nullptr;
}

MemoryPresent::~MemoryPresent() { close(); }

SDL_Renderer* MemoryPresent::createRenderer(int w, int h) {
  surface_ = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
  return surface_ ? SDL_CreateSoftwareRenderer(surface_) : nullptr;
}

void MemoryPresent::outputSize(SDL_Window* window, SDL_Renderer*, int& w, int& h) const {
  SDL_GetWindowSize(window, &w, &h);  // the renderer keeps drawing into the pixels it was made with
}

ScreenTarget MemoryPresent::resize(int& w, int& h) {
  return w != surface_->w || h != surface_->h ? ScreenTarget::Texture : ScreenTarget::Pixels;
}

void MemoryPresent::close() {
  if (surface_) SDL_FreeSurface(surface_);
  surface_ = nullptr;
}

}  // namespace sf::platform
