// The SDL backend's window and input: SDL events as InputEvents in upright coordinates, one finger
// at a time, and sleeping until input, a wake-up or a deadline. Private to platform/display.
#pragma once
#include <SDL.h>
#include <poll.h>

#include <chrono>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/show/layout.hpp"
#include "platform/display.hpp"

namespace sf::platform {

// The screen's sizes: physical (renderer pixels on the glass) and logical (upright, what views
// lay out for), which differ when the screen is mounted on its side.
struct ScreenGeometry {
  int rotation = 0;  // 0, 90, 180, 270
  int physW = 0, physH = 0, logW = 0, logH = 0;
};

// What one SDL event means, before the display acts on it.
struct SdlEventMeaning {
  InputEvent event;            // kind None: nothing for the player
  bool sizeReported = false;   // the window reports a size, maybe the one it already has
  bool targetsReset = false;   // the renderer lost its textures' pixels
};

struct SdlWindow {
  SDL_Window* window = nullptr;
  std::string driver;              // SDL's video driver: "x11", "wayland", "KMSDRM", "evdev", ...
  bool fullscreenPending = false;  // X11: borderless until the first frame shows, then full screen
  bool sleepsItself = false;       // the driver cannot wait for events (KMSDRM, offscreen)
  std::vector<pollfd> inputFds;    // evdev devices to wake on (KMSDRM), and wakeFd
  int wakeFd = -1;                 // workers write here to end the sleep early
  Uint32 wakeEvent = 0;            // the same for drivers that sleep in SDL_WaitEventTimeout
  bool fingerDown = false;
  SDL_FingerID finger = 0;

  // Starts SDL's video with the player's hints. Safe to pair with close() when it fails.
  static core::Result<void> startVideo();
  // Chooses how to sleep and what wakes the sleep, once the driver is known.
  void startInput(bool offscreen);
  // The window, then SDL itself (also when no window was made).
  void close();

  SdlEventMeaning translate(const SDL_Event& e, const ScreenGeometry& g);
  // Window coordinates to upright logical pixels.
  core::Point toLogical(float wx, float wy, const ScreenGeometry& g) const;
  void waitUntil(std::chrono::steady_clock::time_point deadline);
  void wake();
  // After a frame showed: the full-screen request X11 waits for, made now.
  void afterPresent();
};

}  // namespace sf::platform
