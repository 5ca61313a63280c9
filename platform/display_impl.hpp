// The state behind Display, shared by the files that open the screen and that draw and present
// frames. Internal to the platform layer: it is the one place SDL's types meet Display.
#pragma once
#include <SDL.h>
#include <poll.h>

#include <memory>
#include <string>
#include <vector>

#include "core/show/layout.hpp"
#include "display.hpp"
#include "drm_present.hpp"
#include "x11_present.hpp"

struct ImGuiContext;

namespace sf::platform {

struct Display::Impl {
  SDL_Window* window = nullptr;
  SDL_Renderer* renderer = nullptr;
  SDL_Texture* target = nullptr;  // only when rotated
  // X11 with the software renderer: the renderer draws into memory shared with the X server.
  std::unique_ptr<X11Present> x11;
  SDL_Surface* x11Surface = nullptr;  // the renderer's pixels: x11's first image
  SDL_Texture* screen = nullptr;      // the screen, once x11's window has another size than those
  // A console without a GPU render node: the CPU draws into drmSurface, drm puts it on the glass.
  std::unique_ptr<DrmPresent> drm;
  SDL_Surface* drmSurface = nullptr;
  std::string description;         // how frames reach the screen, for the log and the status page
  bool softwareGl = false;         // the GPU path found only Mesa's CPU rasteriser (llvmpipe)
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

  ~Impl();


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

}  // namespace sf::platform
