// Frames, input and sleep on the screen Display opened: ImGui draw data through SDL's renderer,
// rotated screens drawn into a target texture turned onto the glass, input mapped back upright.
#include "display.hpp"

#include <SDL.h>
#include <SDL_image.h>
#include <unistd.h>

#include <algorithm>

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include "display_impl.hpp"
#include "draw_data.hpp"
#include "fonts.hpp"

namespace sf::platform {

using Key = InputEvent::Key;
using Kind = InputEvent::Kind;

Display::Impl::~Impl() {
  if (imgui) {
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext(imgui);
  }
  for (auto& p : inputFds) close(p.fd);
  if (target) SDL_DestroyTexture(target);
  if (screen) SDL_DestroyTexture(screen);
  if (renderer) SDL_DestroyRenderer(renderer);
  if (x11Surface) SDL_FreeSurface(x11Surface);
  if (drmSurface) SDL_FreeSurface(drmSurface);
  x11.reset();  // before the window it draws into
  if (window) SDL_DestroyWindow(window);
  SDL_Quit();
  drm.reset();  // after SDL: the console's picture comes back last
}

Display::Display(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Display::~Display() = default;

int Display::width() const { return impl_->logW; }
int Display::height() const { return impl_->logH; }
float Display::dpi() const { return impl_->dpi; }
std::string Display::driver() const { return impl_->driver; }
const std::string& Display::describe() const { return impl_->description; }

bool Display::softwareRendering() const {
  SDL_RendererInfo info{};
  return SDL_GetRendererInfo(impl_->renderer, &info) != 0 || (info.flags & SDL_RENDERER_SOFTWARE) != 0;
}

bool Display::loadFonts(const core::Layout& layout, std::string& error) {
  ImGui_ImplSDLRenderer_DestroyFontsTexture();
  if (!buildFonts(layout, impl_->extraGlyphs, error)) return false;
  if (!ImGui_ImplSDLRenderer_CreateFontsTexture()) {
    error = "could not upload the font atlas";
    return false;
  }
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->ClearTexData();  // the renderer holds the pixels now; keep no second copy
  return true;
}

bool Display::setExtraGlyphs(std::u32string glyphs) {
  if (glyphs == impl_->extraGlyphs) return false;
  impl_->extraGlyphs = std::move(glyphs);
  return true;
}

std::size_t Display::fontAtlasBytes() const {
  const ImGuiIO& io = ImGui::GetIO();
  return static_cast<std::size_t>(io.Fonts->TexWidth) * io.Fonts->TexHeight * 4;
}

bool Display::pollEvent(InputEvent& out) {
  SDL_Event e;
  while (SDL_PollEvent(&e)) {
    out = {};
    switch (e.type) {
      case SDL_QUIT:
        out.kind = Kind::Quit;
        return true;
      case SDL_MOUSEBUTTONDOWN:
      case SDL_MOUSEBUTTONUP:
        if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
        {
          const auto p = impl_->toLogical(static_cast<float>(e.button.x), static_cast<float>(e.button.y));
          out.kind = e.type == SDL_MOUSEBUTTONDOWN ? Kind::PointerDown : Kind::PointerUp;
          out.x = p.x;
          out.y = p.y;
        }
        return true;
      case SDL_MOUSEMOTION:
        if (e.motion.which == SDL_TOUCH_MOUSEID || !(e.motion.state & SDL_BUTTON_LMASK)) break;
        {
          const auto p = impl_->toLogical(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y));
          out.kind = Kind::PointerMove;
          out.x = p.x;
          out.y = p.y;
        }
        return true;
      case SDL_FINGERDOWN:
      case SDL_FINGERMOTION:
      case SDL_FINGERUP: {
        // One finger drives the UI; a second one resting on the glass is ignored.
        if (e.type == SDL_FINGERDOWN) {
          if (impl_->fingerDown) break;
          impl_->fingerDown = true;
          impl_->finger = e.tfinger.fingerId;
        } else if (!impl_->fingerDown || e.tfinger.fingerId != impl_->finger) {
          break;
        }
        if (e.type == SDL_FINGERUP) impl_->fingerDown = false;
        const auto p = core::physicalToLogical(impl_->rotation, impl_->physW, impl_->physH,
                                               e.tfinger.x * impl_->physW, e.tfinger.y * impl_->physH);
        out.kind = e.type == SDL_FINGERDOWN ? Kind::PointerDown : e.type == SDL_FINGERUP ? Kind::PointerUp : Kind::PointerMove;
        out.x = p.x;
        out.y = p.y;
        return true;
      }
      case SDL_KEYDOWN: {
        const SDL_Keycode k = e.key.keysym.sym;
        Key key = Key::None;
        if (k == SDLK_LEFT) key = Key::Left;
        else if (k == SDLK_RIGHT) key = Key::Right;
        else if (k == SDLK_UP) key = Key::Up;
        else if (k == SDLK_DOWN) key = Key::Down;
        else if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE) key = Key::Enter;
        else if (k == SDLK_ESCAPE || k == SDLK_BACKSPACE || k == SDLK_AC_BACK) key = Key::Back;
        else if (k == SDLK_l) key = Key::Language;
        else if (k == SDLK_f) key = Key::Fields;
        else if (k == SDLK_HOME || k == SDLK_h) key = Key::Home;
        else if (k == SDLK_q && (e.key.keysym.mod & KMOD_CTRL)) key = Key::Quit;
        if (key == Key::None) break;
        out.kind = key == Key::Quit ? Kind::Quit : Kind::Key;
        out.key = key;
        return true;
      }
      case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
          // Window managers confirm the size a window already has (going full screen, mapping);
          // only a real change is worth new fonts and repainted slides.
          int w = 0, h = 0;
          impl_->outputSize(w, h);
          out.kind = Kind::Exposed;
          if (w != impl_->physW || h != impl_->physH) {
            impl_->updateSize();
            out.kind = Kind::Resized;
          }
          return true;
        }
        if (e.window.event == SDL_WINDOWEVENT_EXPOSED) {
          out.kind = Kind::Exposed;
          return true;
        }
        break;
      case SDL_RENDER_TARGETS_RESET:
      case SDL_RENDER_DEVICE_RESET:
        impl_->layersLost = true;
        out.kind = Kind::Exposed;
        return true;
      default:
        break;
    }
  }
  return false;
}

void Display::waitUntil(std::chrono::steady_clock::time_point deadline) {
  using namespace std::chrono;
  const auto left = duration_cast<milliseconds>(deadline - steady_clock::now()).count();
  if (left <= 0) return;
  const int ms = static_cast<int>(std::min<long long>(left, 3600 * 1000));
  if (!impl_->sleepsItself) {
    SDL_WaitEventTimeout(nullptr, ms);  // NULL: wake on an event, leave it queued
    return;
  }
  SDL_PumpEvents();
  if (SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT)) return;
  // Sleep in the kernel until an input device has data, a signal (SIGTERM) arrives, or the
  // deadline passes. Without devices to watch, this is a plain interruptible sleep.
  for (auto& p : impl_->inputFds) p.revents = 0;
  ::poll(impl_->inputFds.data(), impl_->inputFds.size(), ms);
  if (impl_->wakeFd >= 0) {
    std::uint64_t n = 0;
    [[maybe_unused]] const auto got = ::read(impl_->wakeFd, &n, sizeof n);  // clears the wake-up
  }
}

void Display::wake() {
  if (impl_->wakeFd >= 0) {
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto put = ::write(impl_->wakeFd, &one, sizeof one);
  }
  if (!impl_->sleepsItself && impl_->wakeEvent != static_cast<Uint32>(-1)) {
    SDL_Event e{};
    e.type = impl_->wakeEvent;
    SDL_PushEvent(&e);  // thread-safe; ends SDL_WaitEventTimeout
  }
}

Display::TextureId Display::createTexture(const std::uint8_t* rgba, int w, int h) {
  if (!rgba || w <= 0 || h <= 0) return 0;
  SDL_Texture* t = SDL_CreateTexture(impl_->renderer, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC, w, h);
  if (!t) return 0;
  SDL_UpdateTexture(t, nullptr, rgba, w * 4);
  SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
  SDL_SetTextureScaleMode(t, SDL_ScaleModeLinear);  // photos are scaled to the visual's size
  return reinterpret_cast<TextureId>(t);
}

Display::TextureId Display::createLayer(int width, int height) {
  const int w = width > 0 ? width : impl_->logW, h = height > 0 ? height : impl_->logH;
  SDL_Texture* t = SDL_CreateTexture(impl_->renderer, impl_->layerFormat, SDL_TEXTUREACCESS_TARGET, w, h);
  if (!t) return 0;
  impl_->layers.push_back(t);
  return reinterpret_cast<TextureId>(t);
}

void Display::destroyTexture(TextureId id) {
  if (!id) return;
  auto* t = reinterpret_cast<SDL_Texture*>(id);
  impl_->layers.erase(std::remove(impl_->layers.begin(), impl_->layers.end(), t), impl_->layers.end());
  SDL_DestroyTexture(t);
}

bool Display::layersLost() {
  const bool lost = impl_->layersLost;
  impl_->layersLost = false;
  return lost;
}

void Display::beginFrame(float dt) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(impl_->logW), static_cast<float>(impl_->logH));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = std::max(dt, 1e-4f);
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui::NewFrame();
}

void Display::endFrame(TextureId layer, bool covered) {
  ImGui::Render();
  SDL_Renderer* r = impl_->renderer;
  SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
  if (layer) {
    SDL_SetRenderTarget(r, reinterpret_cast<SDL_Texture*>(layer));
    if (!covered) SDL_RenderClear(r);
    renderDrawData(r, ImGui::GetDrawData(), impl_->layers, impl_->rows);
    SDL_SetRenderTarget(r, impl_->screen);  // between frames the renderer always points at the screen
    return;
  }
  // The X server may still be reading the last frame out of the pixels this one is drawn into.
  if (impl_->x11 && !impl_->screen) impl_->x11->waitIdle();
  if (impl_->target) SDL_SetRenderTarget(r, impl_->target);
  if (!covered) SDL_RenderClear(r);
  renderDrawData(r, ImGui::GetDrawData(), impl_->layers, impl_->rows);
  if (impl_->target) {
    SDL_SetRenderTarget(r, impl_->screen);
    SDL_RenderClear(r);
    const SDL_Rect dst{(impl_->physW - impl_->logW) / 2, (impl_->physH - impl_->logH) / 2, impl_->logW, impl_->logH};
    SDL_RenderCopyEx(r, impl_->target, nullptr, &dst, impl_->rotation, nullptr, SDL_FLIP_NONE);
  }
}

bool Display::readPixels(std::vector<std::uint8_t>& rgba) {
  rgba.resize(static_cast<std::size_t>(impl_->logW) * impl_->logH * 4);
  SDL_Renderer* r = impl_->renderer;
  if (impl_->target) SDL_SetRenderTarget(r, impl_->target);
  const int rc = SDL_RenderReadPixels(r, nullptr, SDL_PIXELFORMAT_RGBA32, rgba.data(), impl_->logW * 4);
  if (impl_->target) SDL_SetRenderTarget(r, impl_->screen);
  return rc == 0;
}

void Display::present() {
  if (impl_->x11) {
    if (impl_->screen) {
      impl_->x11->waitIdle();
      SDL_RenderReadPixels(impl_->renderer, nullptr, SDL_PIXELFORMAT_RGB888, impl_->x11->pixels(), impl_->x11->pitch());
    }
    impl_->x11->show();
  } else if (impl_->drm) {
    impl_->drm->show(static_cast<const std::uint8_t*>(impl_->drmSurface->pixels), impl_->drmSurface->pitch);
  } else {
    SDL_RenderPresent(impl_->renderer);
  }
  if (impl_->fullscreenPending) {
    impl_->fullscreenPending = false;
    SDL_SetWindowFullscreen(impl_->window, SDL_WINDOW_FULLSCREEN_DESKTOP);  // above panels, as a kiosk
  }
}

std::string writePng(const std::string& path, const std::vector<std::uint8_t>& rgba, int w, int h) {
  if (rgba.size() < static_cast<std::size_t>(w) * h * 4) return "no pixels to write";
  SDL_Surface* s = SDL_CreateRGBSurfaceWithFormatFrom(const_cast<std::uint8_t*>(rgba.data()), w, h, 32, w * 4,
                                                      SDL_PIXELFORMAT_RGBA32);
  if (!s) return std::string("could not wrap the pixels: ") + SDL_GetError();
  const int rc = IMG_SavePNG(s, path.c_str());
  SDL_FreeSurface(s);
  return rc == 0 ? std::string() : std::string("could not write ") + path + ": " + IMG_GetError();
}

}  // namespace sf::platform
