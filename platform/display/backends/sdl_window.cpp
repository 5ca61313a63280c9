// SDL's events turned into the player's InputEvents, and sleeping without spinning: X11 and
// Wayland wait inside SDL; the other drivers poll, so there the kernel waits on the input devices.
#include "sdl_window.hpp"

#include <fcntl.h>
#include <glob.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>

namespace sf::platform {

using Key = InputEvent::Key;
using Kind = InputEvent::Kind;

namespace {

Key keyOf(const SDL_Keysym& keysym) {
  const SDL_Keycode k = keysym.sym;
  if (k == SDLK_LEFT) return Key::Left;
  if (k == SDLK_RIGHT) return Key::Right;
  if (k == SDLK_UP) return Key::Up;
  if (k == SDLK_DOWN) return Key::Down;
  if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE) return Key::Enter;
  if (k == SDLK_ESCAPE || k == SDLK_BACKSPACE || k == SDLK_AC_BACK) return Key::Back;
  if (k == SDLK_l) return Key::Language;
  if (k == SDLK_f) return Key::Fields;
  if (k == SDLK_HOME || k == SDLK_h) return Key::Home;
  if (k == SDLK_q && (keysym.mod & KMOD_CTRL)) return Key::Quit;
  return Key::None;
}

InputEvent pointer(Kind kind, core::Point p) {
  InputEvent out;
  out.kind = kind;
  out.x = p.x;
  out.y = p.y;
  return out;
}

}  // namespace

core::Result<void> SdlWindow::startVideo() {
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");  // fingers come as finger events only
  SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
  // SDL reports failed page flips and lost contexts as errors of these categories, which it does
  // not print by default: a screen that stays black must say why in the journal.
  SDL_LogSetPriority(SDL_LOG_CATEGORY_VIDEO, SDL_LOG_PRIORITY_ERROR);
  SDL_LogSetPriority(SDL_LOG_CATEGORY_RENDER, SDL_LOG_PRIORITY_ERROR);
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) return core::fail(std::string("could not start SDL video: ") + SDL_GetError());
  return {};
}

void SdlWindow::startInput(bool offscreen) {
  // X11 and Wayland block in SDL_WaitEventTimeout; the others poll every millisecond, so for
  // them we sleep ourselves and wake on the input devices' file descriptors.
  sleepsItself = driver != "x11" && driver != "wayland";
  wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wakeFd >= 0) inputFds.push_back({wakeFd, POLLIN, 0});
  wakeEvent = SDL_RegisterEvents(1);
  if (sleepsItself && !offscreen) {
    glob_t g{};
    if (glob("/dev/input/event*", 0, nullptr, &g) == 0)
      for (std::size_t i = 0; i < g.gl_pathc; ++i) {
        const int fd = ::open(g.gl_pathv[i], O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd >= 0) inputFds.push_back({fd, POLLIN, 0});
      }
    globfree(&g);
  }
}

void SdlWindow::close() {
  for (auto& p : inputFds) ::close(p.fd);
  inputFds.clear();
  wakeFd = -1;
  if (window) SDL_DestroyWindow(window);
  window = nullptr;
  SDL_Quit();
}

core::Point SdlWindow::toLogical(float wx, float wy, const ScreenGeometry& g) const {
  // Window coordinates to renderer pixels (they differ on high-DPI windows), then un-rotate.
  int ww = g.physW, wh = g.physH;
  SDL_GetWindowSize(window, &ww, &wh);
  const float px = ww > 0 ? wx * g.physW / ww : wx, py = wh > 0 ? wy * g.physH / wh : wy;
  return core::physicalToLogical(g.rotation, g.physW, g.physH, px, py);
}

SdlEventMeaning SdlWindow::translate(const SDL_Event& e, const ScreenGeometry& g) {
  SdlEventMeaning m;
  switch (e.type) {
    case SDL_QUIT:
      m.event.kind = Kind::Quit;
      break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
      m.event = pointer(e.type == SDL_MOUSEBUTTONDOWN ? Kind::PointerDown : Kind::PointerUp,
                        toLogical(static_cast<float>(e.button.x), static_cast<float>(e.button.y), g));
      break;
    case SDL_MOUSEMOTION:
      if (e.motion.which == SDL_TOUCH_MOUSEID || !(e.motion.state & SDL_BUTTON_LMASK)) break;
      m.event = pointer(Kind::PointerMove, toLogical(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y), g));
      break;
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
      // One finger drives the UI; a second one resting on the glass is ignored.
      if (e.type == SDL_FINGERDOWN) {
        if (fingerDown) break;
        fingerDown = true;
        finger = e.tfinger.fingerId;
      } else if (!fingerDown || e.tfinger.fingerId != finger) {
        break;
      }
      if (e.type == SDL_FINGERUP) fingerDown = false;
      m.event = pointer(e.type == SDL_FINGERDOWN ? Kind::PointerDown : e.type == SDL_FINGERUP ? Kind::PointerUp : Kind::PointerMove,
                        core::physicalToLogical(g.rotation, g.physW, g.physH, e.tfinger.x * g.physW, e.tfinger.y * g.physH));
      break;
    case SDL_KEYDOWN:
      if (const Key key = keyOf(e.key.keysym); key != Key::None) {
        m.event.kind = key == Key::Quit ? Kind::Quit : Kind::Key;
        m.event.key = key;
      }
      break;
    case SDL_WINDOWEVENT:
      // Window managers confirm the size a window already has (going full screen, mapping);
      // the display tells a real change, worth new fonts and repainted slides, from that.
      if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) m.sizeReported = true;
      if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED || e.window.event == SDL_WINDOWEVENT_EXPOSED)
        m.event.kind = Kind::Exposed;
      break;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
      m.targetsReset = true;
      m.event.kind = Kind::Exposed;
      break;
    default:
      break;
  }
  return m;
}

void SdlWindow::waitUntil(std::chrono::steady_clock::time_point deadline) {
  using namespace std::chrono;
  const auto left = duration_cast<milliseconds>(deadline - steady_clock::now()).count();
  if (left <= 0) return;
  const int ms = static_cast<int>(std::min<long long>(left, 3600 * 1000));
  if (!sleepsItself) {
    SDL_WaitEventTimeout(nullptr, ms);  // NULL: wake on an event, leave it queued
    return;
  }
  SDL_PumpEvents();
  if (SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT)) return;
  // Sleep in the kernel until an input device has data, a signal (SIGTERM) arrives, or the
  // deadline passes. Without devices to watch, this is a plain interruptible sleep.
  for (auto& p : inputFds) p.revents = 0;
  ::poll(inputFds.data(), inputFds.size(), ms);
  if (wakeFd >= 0) {
    std::uint64_t n = 0;
    [[maybe_unused]] const auto got = ::read(wakeFd, &n, sizeof n);  // clears the wake-up
  }
}

void SdlWindow::wake() {
  if (wakeFd >= 0) {
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto put = ::write(wakeFd, &one, sizeof one);
  }
  if (!sleepsItself && wakeEvent != static_cast<Uint32>(-1)) {
    SDL_Event e{};
    e.type = wakeEvent;
    SDL_PushEvent(&e);  // thread-safe; ends SDL_WaitEventTimeout
  }
}

void SdlWindow::afterPresent() {
  if (!fullscreenPending) return;
  fullscreenPending = false;
  SDL_SetWindowFullscreen(window, SDL_WINDOW_FULLSCREEN_DESKTOP);  // above panels, as a kiosk
}

}  // namespace sf::platform
