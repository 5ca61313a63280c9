// The display backends Display::open can choose from. Private to platform/display: the rest of the
// program sees only the Display interface.
#pragma once
#include <memory>
#include <string>

#include "platform/display.hpp"

namespace sf::platform {

// SDL's video drivers (X11, Wayland, KMS/DRM, offscreen) with its renderers, or the CPU drawing
// into X11 shared memory or DRM dumb buffers. nullptr and `error` set when no screen opens.
std::unique_ptr<Display> openSdlDisplay(const DisplayOptions& options, std::string& error);

}  // namespace sf::platform
