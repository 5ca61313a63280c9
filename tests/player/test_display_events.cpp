// The display's window events: a window manager confirming the size a window already has is a
// redraw, not a resize (which would rebuild the font atlas and repaint every slide).
#include <catch2/catch.hpp>

#include <SDL.h>

#include "platform/display.hpp"

using namespace sf;
using Kind = platform::InputEvent::Kind;

namespace {

Kind nextKind(platform::Display& d) {
  platform::InputEvent ev;
  return d.pollEvent(ev) ? ev.kind : Kind::None;
}

}  // namespace

TEST_CASE("a size change that keeps the size is a redraw, a real one is a resize") {
  platform::DisplayOptions o;
  o.offscreen = true;
  o.width = 640;
  o.height = 400;
  std::string error;
  auto display = platform::Display::open(o, error);
  REQUIRE(display);
  while (nextKind(*display) != Kind::None) {}
  SDL_Window* window = SDL_GetWindowFromID(1);
  for (Uint32 id = 1; !window && id < 16; ++id) window = SDL_GetWindowFromID(id);
  REQUIRE(window);

  SDL_Event e{};
  e.type = SDL_WINDOWEVENT;
  e.window.event = SDL_WINDOWEVENT_SIZE_CHANGED;
  e.window.windowID = SDL_GetWindowID(window);
  e.window.data1 = 640;
  e.window.data2 = 400;
  SDL_PushEvent(&e);
  CHECK(nextKind(*display) == Kind::Exposed);
  CHECK(display->width() == 640);

  SDL_SetWindowSize(window, 800, 480);
  Kind k = Kind::None;
  for (int i = 0; i < 8 && k != Kind::Resized; ++i) k = nextKind(*display);
  CHECK(k == Kind::Resized);
  CHECK(display->width() == 800);
  CHECK(display->height() == 480);
}
