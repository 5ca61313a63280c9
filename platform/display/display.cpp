// The seam's own part: whether this machine has a screen at all, and which backend opens it.
// Backends live in backends/, each behind Display.
#include "platform/display.hpp"

#include <glob.h>

#include <cstdlib>

#include "backends/backends.hpp"
#include "process_tuning.hpp"

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

std::unique_ptr<Display> Display::open(const DisplayOptions& options, std::string& error) {
  tuneProcessForFrames();
  // One backend today: SDL covers every driver the player meets, the bare console included.
  return openSdlDisplay(options, error);
}

}  // namespace sf::platform
