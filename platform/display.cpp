// SDL2 window/renderer and the ImGui SDL_Renderer backend. Rotated screens draw into a target
// texture that is turned onto the glass; input is mapped back so views never know.
#include "display.hpp"

#include <SDL.h>
#include <SDL_image.h>
#include <fcntl.h>
#include <glob.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include "draw_data.hpp"
#include "fonts.hpp"
#include "x11_present.hpp"

namespace sf::platform {

using Key = InputEvent::Key;
using Kind = InputEvent::Kind;

struct Display::Impl {
  SDL_Window* window = nullptr;
  SDL_Renderer* renderer = nullptr;
  SDL_Texture* target = nullptr;  // only when rotated
  // X11 with the software renderer: the renderer draws into memory shared with the X server.
  std::unique_ptr<X11Present> x11;
  SDL_Surface* x11Surface = nullptr;  // the renderer's pixels: x11's first image
  SDL_Texture* screen = nullptr;      // the screen, once x11's window has another size than those
  ImGuiContext* imgui = nullptr;
  int physW = 0, physH = 0, logW = 0, logH = 0, rotation = 0;
  float dpi = 0;
  std::string driver;
  std::u32string extraGlyphs;      // rasterised beyond the base glyphs, for the playing feed
  bool sleepsItself = false;       // the driver cannot wait for events (KMSDRM, offscreen)
  std::vector<pollfd> inputFds;    // evdev devices to wake on (KMSDRM), and wakeFd
  int wakeFd = -1;                 // workers write here to end the sleep early
  Uint32 wakeEvent = 0;            // the same for drivers that sleep in SDL_WaitEventTimeout
  bool fingerDown = false;
  SDL_FingerID finger = 0;
  Uint32 layerFormat = SDL_PIXELFORMAT_ARGB8888;
  std::vector<SDL_Texture*> layers;  // to tell layers from pictures when a frame is rendered
  bool layersLost = false;         // a renderer reset dropped the layers' pixels
  std::vector<SDL_Rect> rows;      // renderDrawData's scratch, kept across frames
  bool fullscreenPending = false;  // X11: borderless until the first frame shows, then full screen

  ~Impl() {
    if (imgui) {
      ImGui_ImplSDLRenderer_Shutdown();
      ImGui::DestroyContext(imgui);
    }
    for (auto& p : inputFds) close(p.fd);
    if (target) SDL_DestroyTexture(target);
    if (screen) SDL_DestroyTexture(screen);
    if (renderer) SDL_DestroyRenderer(renderer);
    if (x11Surface) SDL_FreeSurface(x11Surface);
    x11.reset();  // before the window it draws into
    if (window) SDL_DestroyWindow(window);
    SDL_Quit();
  }

  // The screen's size in pixels: the window's for x11 (its renderer draws into fixed pixels).
  void outputSize(int& w, int& h) const {
    if (x11) SDL_GetWindowSize(window, &w, &h);
    else SDL_GetRendererOutputSize(renderer, &w, &h);
  }

  void updateSize() {
    outputSize(physW, physH);
    if (x11) {
      // The renderer keeps drawing into the pixels it was made with. At another size frames are
      // composed in `screen` and copied into shared pixels of that size: a copy per frame, only
      // until the player restarts.
      if (screen) SDL_DestroyTexture(screen);
      screen = nullptr;
      if (!x11->resize(physW, physH)) {
        physW = x11->width();
        physH = x11->height();
      }
      if (physW != x11Surface->w || physH != x11Surface->h)
        screen = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET, physW, physH);
      SDL_SetRenderTarget(renderer, screen);
    }
    core::logicalSize(rotation, physW, physH, logW, logH);
    if (target) SDL_DestroyTexture(target);
    target = nullptr;
    if (rotation != 0)
      target = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, logW, logH);
  }

  core::Point toLogical(float wx, float wy) const {
    // Window coordinates to renderer pixels (they differ on high-DPI windows), then un-rotate.
    int ww = physW, wh = physH;
    SDL_GetWindowSize(window, &ww, &wh);
    const float px = ww > 0 ? wx * physW / ww : wx, py = wh > 0 ? wy * physH / wh : wy;
    return core::physicalToLogical(rotation, physW, physH, px, py);
  }
};

std::string headlessReason() {
  const char* drv = std::getenv("SDL_VIDEODRIVER");
  if (drv && *drv) return {};
  const char* x = std::getenv("DISPLAY");
  const char* w = std::getenv("WAYLAND_DISPLAY");
  if ((x && *x) || (w && *w)) return {};
  glob_t g{};
  const bool drm = glob("/dev/dri/card*", 0, nullptr, &g) == 0 && g.gl_pathc > 0;
  globfree(&g);
  if (drm) return {};
  return "There is no screen to show the player on: neither DISPLAY nor WAYLAND_DISPLAY is set, and there is\n"
         "no KMS/DRM device (/dev/dri/card*) for running without a desktop.\n\n"
         "  - To see a frame without a display:  schaufenster render --view spotlight -o frame.png\n"
         "  - On a desktop, in a window:         schaufenster --window 1280x800\n"
         "  - To force a video driver:           SDL_VIDEODRIVER=kmsdrm schaufenster";
}

namespace {

// Without a GPU render node, SDL's "accelerated" renderer is OpenGL on Mesa's llvmpipe, which
// draws on the CPU too. Measured under X11 on the benchmark's 1920x1080 screen: 1.3 s to the first
// frame instead of 0.4 s, 120 MiB PSS instead of 43, and a thread pool waking ~60 times a second
// while the screen is still. SDL's own software renderer is chosen directly there.
bool softwareOnly() {
  const char* hint = std::getenv("SDL_RENDER_DRIVER");
  if (hint && *hint) return false;  // whoever set it knows the machine; SDL follows the hint
  glob_t g{};
  const bool gpu = glob("/dev/dri/renderD*", 0, nullptr, &g) == 0 && g.gl_pathc > 0;
  globfree(&g);
  return !gpu;
}

}  // namespace

std::unique_ptr<Display> Display::open(const DisplayOptions& o, std::string& error) {
  if (o.offscreen) setenv("SDL_VIDEODRIVER", "offscreen", 1);
#if defined(__GLIBC__)
  // Layers (screen-sized pixel buffers with the software renderer) come and go around every slide
  // change. A fixed threshold keeps them in their own mappings, returned to the kernel when freed;
  // glibc's adaptive one would move them onto the heap after the first free and keep the pages.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");  // fingers come as finger events only
  SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    error = std::string("could not start SDL video: ") + SDL_GetError();
    return nullptr;
  }
  auto impl = std::make_unique<Impl>();
  impl->rotation = ((o.rotation % 360) + 360) % 360;
  impl->driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
  // Without this SDL probes OpenGL through Mesa for the software path: 3x the memory, 2x the
  // start-up. Not on KMS/DRM: it has no window framebuffer of its own, so a software renderer
  // there (a board without a render node) needs SDL's framebuffer emulation through GLES.
  if (impl->driver != "KMSDRM") SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  const bool fullscreen = o.width <= 0 || o.height <= 0;
  int w = o.width, h = o.height, x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
  if (fullscreen) {
    SDL_DisplayMode mode{};
    if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
      w = mode.w;
      h = mode.h;
    } else {
      w = 1920;
      h = 1080;
    }
    SDL_Rect bounds{};
    if (SDL_GetDisplayBounds(0, &bounds) == 0) {
      x = bounds.x;
      y = bounds.y;
    }
  } else if (impl->rotation == 90 || impl->rotation == 270) {
    std::swap(w, h);  // --window gives the upright size; the glass is turned
  }
  // Under X11, SDL waits up to 100 ms after a full-screen request for the window manager to
  // confirm it, before anything is drawn. So there the window opens borderless over the whole
  // screen, and full screen is asked for once the first frame shows (see present()).
  impl->fullscreenPending = fullscreen && impl->driver == "x11";
  const Uint32 flags = SDL_WINDOW_SHOWN | (impl->fullscreenPending ? SDL_WINDOW_BORDERLESS
                                           : fullscreen              ? SDL_WINDOW_FULLSCREEN_DESKTOP
                                                                     : 0);
  impl->window = SDL_CreateWindow(o.title.c_str(), x, y, w, h, flags);
  if (!impl->window) {
    error = std::string("could not open a window: ") + SDL_GetError();
    return nullptr;
  }
  const bool software = o.offscreen || softwareOnly();
  // On X11 frames drawn by the CPU go to the screen through memory shared with the X server
  // (x11_present.hpp): one wake-up per frame instead of two.
  if (software && impl->driver == "x11") {
    SDL_GetWindowSize(impl->window, &w, &h);
    impl->x11 = X11Present::open(impl->window, w, h);
    if (impl->x11)
      impl->x11Surface = SDL_CreateRGBSurfaceWithFormatFrom(impl->x11->firstPixels(), w, h, 32, impl->x11->firstPitch(),
                                                            SDL_PIXELFORMAT_RGB888);
    if (impl->x11Surface) impl->renderer = SDL_CreateSoftwareRenderer(impl->x11Surface);
    if (!impl->renderer) impl->x11.reset();
  }
  const Uint32 rflags = software ? SDL_RENDERER_SOFTWARE
                                 : (SDL_RENDERER_ACCELERATED | (o.vsync ? SDL_RENDERER_PRESENTVSYNC : 0));
  if (!impl->renderer) impl->renderer = SDL_CreateRenderer(impl->window, -1, rflags | SDL_RENDERER_TARGETTEXTURE);
  if (!impl->renderer) impl->renderer = SDL_CreateRenderer(impl->window, -1, SDL_RENDERER_SOFTWARE);
  if (!impl->renderer) {
    error = std::string("could not create a renderer: ") + SDL_GetError();
    return nullptr;
  }
  impl->updateSize();
  // Layers carry no alpha channel where the renderer allows it: the software renderer then fades
  // them with its fast constant-alpha blitter instead of blending every pixel's own alpha.
  SDL_RendererInfo info{};
  if (SDL_GetRendererInfo(impl->renderer, &info) == 0)
    for (Uint32 i = 0; i < info.num_texture_formats; ++i)
      if (info.texture_formats[i] == SDL_PIXELFORMAT_RGB888) impl->layerFormat = SDL_PIXELFORMAT_RGB888;
  if (fullscreen) SDL_ShowCursor(SDL_DISABLE);
  SDL_DisableScreenSaver();
  float ddpi = 0;
  if (!o.offscreen && SDL_GetDisplayDPI(SDL_GetWindowDisplayIndex(impl->window), &ddpi, nullptr, nullptr) == 0 && ddpi > 0)
    impl->dpi = ddpi;

  // X11 and Wayland block in SDL_WaitEventTimeout; the others poll every millisecond, so for
  // them we sleep ourselves and wake on the input devices' file descriptors.
  impl->sleepsItself = impl->driver != "x11" && impl->driver != "wayland";
  impl->wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (impl->wakeFd >= 0) impl->inputFds.push_back({impl->wakeFd, POLLIN, 0});
  impl->wakeEvent = SDL_RegisterEvents(1);
  if (impl->sleepsItself && !o.offscreen) {
    glob_t g{};
    if (glob("/dev/input/event*", 0, nullptr, &g) == 0)
      for (std::size_t i = 0; i < g.gl_pathc; ++i) {
        const int fd = ::open(g.gl_pathv[i], O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd >= 0) impl->inputFds.push_back({fd, POLLIN, 0});
      }
    globfree(&g);
  }

  IMGUI_CHECKVERSION();
  impl->imgui = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  ImGui_ImplSDLRenderer_Init(impl->renderer);
  return std::unique_ptr<Display>(new Display(std::move(impl)));
}

Display::Display(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Display::~Display() = default;

int Display::width() const { return impl_->logW; }
int Display::height() const { return impl_->logH; }
float Display::dpi() const { return impl_->dpi; }
std::string Display::driver() const { return impl_->driver; }

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
