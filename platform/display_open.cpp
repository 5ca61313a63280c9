// Opening the screen: which video driver, renderer and present a machine gets, chosen
// explicitly (X11, Wayland, a bare KMS/DRM console with or without a GPU, offscreen) and logged.
#include <SDL.h>
#include <fcntl.h>
#include <glob.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include "display_impl.hpp"

namespace sf::platform {

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
void chooseConsolePath(Display::Impl& d, bool gpu, std::string& why) {
  if (gpu) {
    if (!envSet("SDL_RENDER_DRIVER")) SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
    // Without vsync SDL asks KMS for asynchronous page flips, which not every driver takes: a
    // refused flip leaves the buffer on the glass to be drawn into again, and the screen shows
    // stray frames. With vsync every frame is a plain flip, and transitions do not tear.
    SDL_SetHint(SDL_HINT_RENDER_VSYNC, "1");
    return;
  }
  d.drm = DrmPresent::open(why);
  if (d.drm) SDL_SetHint(SDL_HINT_VIDEODRIVER, "evdev");
}

bool initSdl(std::string& error) {
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");  // fingers come as finger events only
  SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
  // SDL reports failed page flips and lost contexts as errors of these categories, which it does
  // not print by default: a screen that stays black must say why in the journal.
  SDL_LogSetPriority(SDL_LOG_CATEGORY_VIDEO, SDL_LOG_PRIORITY_ERROR);
  SDL_LogSetPriority(SDL_LOG_CATEGORY_RENDER, SDL_LOG_PRIORITY_ERROR);
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    error = std::string("could not start SDL video: ") + SDL_GetError();
    return false;
  }
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
bool openWindow(Display::Impl& d, const DisplayOptions& o, bool gpu, std::string& error) {
  // Without this SDL probes OpenGL through Mesa for the software path: 3x the memory, 2x the
  // start-up. Not on SDL's KMS/DRM driver: it has no window framebuffer of its own, so a software
  // renderer there (forced by SDL_RENDER_DRIVER=software) needs SDL's framebuffer emulation.
  if (d.driver != "KMSDRM") SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  const bool fullscreen = o.width <= 0 || o.height <= 0;
  int w = o.width, h = o.height, x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
  if (d.drm) {
    w = d.drm->width();
    h = d.drm->height();
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
  } else if (d.rotation == 90 || d.rotation == 270) {
    std::swap(w, h);  // --window gives the upright size; the glass is turned
  }
  // Under X11, SDL waits up to 100 ms after a full-screen request for the window manager to
  // confirm it, before anything is drawn. So there the window opens borderless over the whole
  // screen, and full screen is asked for once the first frame shows (see present()).
  d.fullscreenPending = fullscreen && d.driver == "x11";
  const Uint32 flags = SDL_WINDOW_SHOWN | (d.fullscreenPending ? SDL_WINDOW_BORDERLESS
                                           : fullscreen && !d.drm ? SDL_WINDOW_FULLSCREEN_DESKTOP
                                                                  : 0);
  d.window = SDL_CreateWindow(o.title.c_str(), x, y, w, h, flags);
  if (!d.window) {
    error = std::string("could not open a window: ") + SDL_GetError();
    return false;
  }
  const bool software = o.offscreen || d.drm || softwareOnly(gpu);
  // On X11 frames drawn by the CPU go to the screen through memory shared with the X server
  // (x11_present.hpp): one wake-up per frame instead of two.
  if (software && d.driver == "x11") {
    SDL_GetWindowSize(d.window, &w, &h);
    d.x11 = X11Present::open(d.window, w, h);
    if (d.x11)
      d.x11Surface = SDL_CreateRGBSurfaceWithFormatFrom(d.x11->firstPixels(), w, h, 32, d.x11->firstPitch(),
                                                        SDL_PIXELFORMAT_RGB888);
    if (d.x11Surface) d.renderer = SDL_CreateSoftwareRenderer(d.x11Surface);
    if (!d.renderer) d.x11.reset();
  }
  if (d.drm) {
    d.drmSurface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
    if (d.drmSurface) d.renderer = SDL_CreateSoftwareRenderer(d.drmSurface);
    if (!d.renderer) {
      error = std::string("could not draw for the KMS/DRM screen: ") + SDL_GetError();
      return false;
    }
  }
  const Uint32 rflags = software ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED;
  if (!d.renderer) d.renderer = SDL_CreateRenderer(d.window, -1, rflags | SDL_RENDERER_TARGETTEXTURE);
  if (!d.renderer) d.renderer = SDL_CreateRenderer(d.window, -1, SDL_RENDERER_SOFTWARE);
  if (!d.renderer) {
    error = std::string("could not create a renderer: ") + SDL_GetError();
    return false;
  }
  if (d.driver == "KMSDRM" && !envSet("SDL_RENDER_DRIVER")) {
    if (const std::string cpu = softwareGl(d.renderer); !cpu.empty()) {
      error = "no hardware OpenGL ES for the render node (Mesa's " + cpu + ")";
      d.softwareGl = true;
      return false;
    }
  }
  if (fullscreen) SDL_ShowCursor(SDL_DISABLE);
  return true;
}

// How frames reach the glass, in one line: the log's first word on a screen that stays black.
std::string describePath(const Display::Impl& d) {
  SDL_RendererInfo info{};
  const std::string renderer = SDL_GetRendererInfo(d.renderer, &info) == 0 && info.name ? info.name : "?";
  std::string s = d.driver + ", " + renderer + " renderer";
  if (d.drm) s = "KMS/DRM: software renderer into dumb buffers on " + d.drm->describe() + ", input through evdev";
  else if (d.driver == "KMSDRM") s = "KMS/DRM: " + renderer + (info.flags & SDL_RENDERER_SOFTWARE ? " renderer" : " renderer on the GPU");
  else if (d.x11) s += ", shared-memory present";
  return s;
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
  auto impl = std::make_unique<Impl>();
  impl->rotation = ((o.rotation % 360) + 360) % 360;
  const bool console = bareConsole(o);
  const bool gpu = gpuRenderNodePresent();
  std::string drmWhy;
  if (console) chooseConsolePath(*impl, gpu, drmWhy);
  if (!initSdl(error)) return nullptr;
  impl->driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
  if (!openWindow(*impl, o, gpu, error)) {
    // A GPU path that fails (no EGL or GL driver installed, a driver that refuses the mode) must
    // not leave a kiosk black: the CPU path needs neither.
    if (!console || !gpu || impl->drm) return nullptr;
    const std::string gpuError = error;
    const bool cpuGl = impl->softwareGl;
    impl.reset();
    impl = std::make_unique<Impl>();
    impl->rotation = ((o.rotation % 360) + 360) % 360;
    chooseConsolePath(*impl, false, drmWhy);
    if (!impl->drm) {
      error = gpuError + "; without the GPU: " + drmWhy;
      return nullptr;
    }
    if (cpuGl) std::fprintf(stderr, "schaufenster: %s: the player draws on the CPU itself\n", gpuError.c_str());
    else std::fprintf(stderr, "schaufenster: the GPU path failed (%s); drawing on the CPU instead\n", gpuError.c_str());
    if (!initSdl(error)) return nullptr;
    impl->driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
    if (!openWindow(*impl, o, false, error)) return nullptr;
  }
  impl->updateSize();
  impl->description = describePath(*impl);
  // Layers carry no alpha channel where the renderer allows it: the software renderer then fades
  // them with its fast constant-alpha blitter instead of blending every pixel's own alpha.
  SDL_RendererInfo info{};
  if (SDL_GetRendererInfo(impl->renderer, &info) == 0)
    for (Uint32 i = 0; i < info.num_texture_formats; ++i)
      if (info.texture_formats[i] == SDL_PIXELFORMAT_RGB888) impl->layerFormat = SDL_PIXELFORMAT_RGB888;
  SDL_DisableScreenSaver();
  float ddpi = 0;
  if (impl->drm) impl->dpi = impl->drm->dpi();
  else if (!o.offscreen && SDL_GetDisplayDPI(SDL_GetWindowDisplayIndex(impl->window), &ddpi, nullptr, nullptr) == 0 && ddpi > 0)
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

}  // namespace sf::platform
