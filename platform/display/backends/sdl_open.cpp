// Opening the SDL backend: which video driver, renderer and present a machine gets, chosen
// explicitly (X11, Wayland, a bare KMS/DRM console with or without a GPU, offscreen) and logged.
#include <SDL.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>

#include "backends.hpp"
#include "drm_present.hpp"
#include "sdl_display.hpp"

namespace sf::platform {

namespace {

// Without a GPU render node, SDL's "accelerated" renderer is OpenGL on Mesa's llvmpipe, which
// draws on the CPU too. Measured under X11 on the benchmark's 1920x1080 screen: 1.3 s to the first
// frame instead of 0.4 s, 120 MiB PSS instead of 43, and a thread pool waking ~60 times a second
// while the screen is still. SDL's own software renderer is chosen directly there.
bool softwareOnly(bool gpu) {
  const char* hint = std::getenv("SDL_RENDER_DRIVER");
  if (hint && *hint) return false;  // whoever set it knows the machine; SDL follows the hint
  return !gpu;
}

bool envSet(const char* name) {
  const char* v = std::getenv(name);
  return v && *v;
}

// A bare console: no display server to ask for a window and no video driver forced, so the
// player drives the KMS/DRM device itself (a kiosk booting without a desktop, the systemd unit).
bool bareConsole(const DisplayOptions& o) {
  return !o.offscreen && !envSet("SDL_VIDEODRIVER") && !envSet("DISPLAY") && !envSet("WAYLAND_DISPLAY");
}

// On a bare console, the path is chosen here rather than left to SDL. With a render node, SDL's
// KMS/DRM driver with OpenGL ES 2: SDL's default "opengl" renderer showed plain fills there but
// no texture (so no text), and its software renderer reached the screen through a GL emulation
// that showed nothing at all. Without one, SDL's KMS/DRM driver cannot open a window (it needs
// EGL for any), so the CPU draws and our own dumb buffers take the frames to the glass, while
// SDL's "evdev" driver (no video, input from the same devices) reads touch, mouse and keys.
void chooseConsolePath(SdlDisplay& d, bool gpu, std::string& why) {
  if (gpu) {
    if (!envSet("SDL_RENDER_DRIVER")) SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
    // Without vsync SDL asks KMS for asynchronous page flips, which not every driver takes: a
    // refused flip leaves the buffer on the glass to be drawn into again, and the screen shows
    // stray frames. With vsync every frame is a plain flip, and transitions do not tear.
    SDL_SetHint(SDL_HINT_RENDER_VSYNC, "1");
    return;
  }
  if (auto drm = DrmPresent::open(why)) {
    d.output = std::make_unique<DrmDumbPresent>(std::move(drm));
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "evdev");
  }
}

// The bare console's dumb buffers, when chooseConsolePath opened them.
DrmDumbPresent* dumbBuffers(const SdlDisplay& d) { return dynamic_cast<DrmDumbPresent*>(d.output.get()); }

// SDL started, and its driver noted. False with `error` set when SDL cannot start its video.
bool initSdl(SdlDisplay& d, std::string& error) {
  if (auto started = SdlWindow::startVideo(); !started) {
    error = started.error().message;
    return false;
  }
  d.window.driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
  return true;
}

// Mesa's own CPU rasterisers, which it falls back to where the render node has no hardware
// driver (virtio-gpu without 3D, a display-only device). OpenGL ES through them costs more
// memory and CPU than SDL's software renderer, and on virtio-gpu their page flips never
// completed: the screen froze until the watchdog struck. The CPU path is the better one there.
std::string softwareGl(SDL_Renderer* renderer) {
  SDL_RendererInfo info{};
  if (SDL_GetRendererInfo(renderer, &info) != 0 || (info.flags & SDL_RENDERER_SOFTWARE) || !SDL_GL_GetCurrentContext())
    return {};
  using GetString = const unsigned char* (*)(unsigned);
  auto getString = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString"));
  const auto* name = getString ? reinterpret_cast<const char*>(getString(0x1F01 /* GL_RENDERER */)) : nullptr;
  if (!name) return {};
  const std::string r = name;
  for (const char* cpu : {"llvmpipe", "softpipe", "swrast"})
    if (r.rfind(cpu, 0) == 0) return r;
  return {};
}

// The window and its renderer. The renderer draws on the CPU where no GPU can (offscreen, no
// render node); its pixels then go to the screen through X11 shared memory or DRM dumb buffers
// where those are open, else through SDL's own present.
// `gpu`: a render node exists (looked for once, by open()).
bool openWindow(SdlDisplay& d, const DisplayOptions& o, bool gpu, std::string& error) {
  // Without this SDL probes OpenGL through Mesa for the software path: 3x the memory, 2x the
  // start-up. Not on SDL's KMS/DRM driver: it has no window framebuffer of its own, so a software
  // renderer there (forced by SDL_RENDER_DRIVER=software) needs SDL's framebuffer emulation.
  const std::string& driver = d.window.driver;
  DrmDumbPresent* const drm = dumbBuffers(d);
  if (driver != "KMSDRM") SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  const bool fullscreen = o.width <= 0 || o.height <= 0;
  int w = o.width, h = o.height, x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
  if (drm) {
    w = drm->width();
    h = drm->height();
  } else if (fullscreen) {
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
  } else if (d.renderer.geometry.rotation == 90 || d.renderer.geometry.rotation == 270) {
    std::swap(w, h);  // --window gives the upright size; the glass is turned
  }
  // Under X11, SDL waits up to 100 ms after a full-screen request for the window manager to
  // confirm it, before anything is drawn. So there the window opens borderless over the whole
  // screen, and full screen is asked for once the first frame shows (see present()).
  d.window.fullscreenPending = fullscreen && driver == "x11";
  const Uint32 flags = SDL_WINDOW_SHOWN | (d.window.fullscreenPending ? SDL_WINDOW_BORDERLESS
                                           : fullscreen && !drm ? SDL_WINDOW_FULLSCREEN_DESKTOP
                                                                  : 0);
  SDL_Window* window = d.window.window = SDL_CreateWindow(o.title.c_str(), x, y, w, h, flags);
  if (!window) {
    error = std::string("could not open a window: ") + SDL_GetError();
    return false;
  }
  const bool software = o.offscreen || drm || softwareOnly(gpu);
  SDL_Renderer*& renderer = d.renderer.renderer;
  // On X11 frames drawn by the CPU go to the screen through memory shared with the X server
  // (x11_present.hpp): one wake-up per frame instead of two.
  if (software && driver == "x11") {
    SDL_GetWindowSize(window, &w, &h);
    if (auto x11 = X11ShmPresent::open(window, w, h)) {
      renderer = x11->createRenderer(w, h, d.renderer.geometry.rotation);
      if (renderer) d.output = std::move(x11);
    }
  }
  if (o.offscreen && !renderer) {
    SDL_GetWindowSize(window, &w, &h);
    auto memory = std::make_unique<MemoryPresent>();
    renderer = memory->createRenderer(w, h, d.renderer.geometry.rotation);
    if (renderer) d.output = std::move(memory);
  }
  if (drm) {
    renderer = drm->createRenderer(d.renderer.geometry.rotation);
    if (!renderer) {
      error = std::string("could not draw for the KMS/DRM screen: ") + SDL_GetError();
      return false;
    }
  }
  const Uint32 rflags = software ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED;
  if (!renderer) renderer = SDL_CreateRenderer(window, -1, rflags | SDL_RENDERER_TARGETTEXTURE);
  if (!renderer) renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
  if (!renderer) {
    error = std::string("could not create a renderer: ") + SDL_GetError();
    return false;
  }
  if (!d.output) d.output = std::make_unique<SdlPresent>();
  if (driver == "KMSDRM" && !envSet("SDL_RENDER_DRIVER")) {
    if (const std::string cpu = softwareGl(renderer); !cpu.empty()) {
      error = "no hardware OpenGL ES for the render node (Mesa's " + cpu + ")";
      d.softwareGl = true;
      return false;
    }
  }
  if (fullscreen) SDL_ShowCursor(SDL_DISABLE);
  return true;
}

// How frames reach the glass, in one line: the log's first word on a screen that stays black.
std::string describePath(const SdlDisplay& d) {
  SDL_RendererInfo info{};
  const std::string renderer = SDL_GetRendererInfo(d.renderer.renderer, &info) == 0 && info.name ? info.name : "?";
  const std::string& driver = d.window.driver;
  std::string s = driver + ", " + renderer + " renderer";
  if (driver == "KMSDRM") s = "KMS/DRM: " + renderer + (info.flags & SDL_RENDERER_SOFTWARE ? " renderer" : " renderer on the GPU");
  return d.output->describe(s);
}

std::unique_ptr<SdlDisplay> startDisplay(const DisplayOptions& o) {
  auto d = std::make_unique<SdlDisplay>();
  d->renderer.geometry.rotation = ((o.rotation % 360) + 360) % 360;
  return d;
}

// SDL, the window, its renderer and present; on a bare console with a GPU that fails, the CPU path.
std::unique_ptr<SdlDisplay> openScreen(const DisplayOptions& o, std::string& error) {
  auto d = startDisplay(o);
  const bool console = bareConsole(o);
  const bool gpu = gpuRenderNodePresent();
  std::string drmWhy;
  if (console) chooseConsolePath(*d, gpu, drmWhy);
  if (!initSdl(*d, error)) return nullptr;
  if (openWindow(*d, o, gpu, error)) return d;
  // A GPU path that fails (no EGL or GL driver installed, a driver that refuses the mode) must
  // not leave a kiosk black: the CPU path needs neither.
  if (!console || !gpu || dumbBuffers(*d)) return nullptr;
  const std::string gpuError = error;
  const bool cpuGl = d->softwareGl;
  d.reset();
  d = startDisplay(o);
  chooseConsolePath(*d, false, drmWhy);
  if (!dumbBuffers(*d)) {
    error = gpuError + "; without the GPU: " + drmWhy;
    return nullptr;
  }
  if (cpuGl) std::fprintf(stderr, "schaufenster: %s: the player draws on the CPU itself\n", gpuError.c_str());
  else std::fprintf(stderr, "schaufenster: the GPU path failed (%s); drawing on the CPU instead\n", gpuError.c_str());
  if (!initSdl(*d, error)) return nullptr;
  if (!openWindow(*d, o, false, error)) return nullptr;
  return d;
}

}  // namespace

std::unique_ptr<Display> openSdlDisplay(const DisplayOptions& o, std::string& error) {
  if (o.offscreen) setenv("SDL_VIDEODRIVER", "offscreen", 1);
  auto d = openScreen(o, error);
  if (!d) return nullptr;
  d->renderer.start(d->output->canvas(), d->output->turnsFrames());  // before the size: it decides the turned texture
  d->updateSize();
  d->description = describePath(*d);
  SDL_DisableScreenSaver();
  float ddpi = 0;
  if (const DrmDumbPresent* drm = dumbBuffers(*d)) d->screenDpi = drm->dpi();
  else if (!o.offscreen && SDL_GetDisplayDPI(SDL_GetWindowDisplayIndex(d->window.window), &ddpi, nullptr, nullptr) == 0 && ddpi > 0)
    d->screenDpi = ddpi;
  d->window.startInput(o.offscreen);
  d->renderer.startImGui();
  return d;
}

}  // namespace sf::platform
