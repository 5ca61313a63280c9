// The full-screen player on an X11 server (a private Xvfb): frames reach the window through memory
// shared with the server, a present does not wait for the server, and a resized window still
// shows whole frames.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <chrono>
#include <thread>

#include "platform/display.hpp"
#include "platform/display/backends/x11_present.hpp"
#include "x11_probe.hpp"

using namespace sf;
using namespace std::chrono;

namespace {

// One frame of a single colour (0xRRGGBB), rendered and presented.
void showColour(platform::Display& d, unsigned rgb) {
  d.beginFrame(1.f / 25);
  ImGui::GetBackgroundDrawList()->AddRectFilled({0, 0}, {static_cast<float>(d.width()), static_cast<float>(d.height())},
                                                IM_COL32(rgb >> 16, (rgb >> 8) & 255, rgb & 255, 255));
  d.endFrame(0, true);
  d.present();
}

std::unique_ptr<platform::Display> openFullScreen(std::string& error) {
  platform::DisplayOptions o;  // no size: full screen, as on a kiosk
  return platform::Display::open(o, error);
}

}  // namespace

TEST_CASE("on X11 a present hands the frame to the server and does not wait for it") {
  test::Xvfb x(640, 400);
  REQUIRE(x.running());  // Xvfb comes with the test command's packages (.ci/install-deps)
  std::string error;
  auto display = openFullScreen(error);
  REQUIRE(display);
  CHECK(display->driver() == "x11");
  CHECK(display->width() == 640);
  CHECK(display->height() == 400);

  showColour(*display, 0xc8285a);
  CHECK(test::windowPixel(x.name(), 320, 200, 0xc8285a, 3000) == 0xc8285a);
  CHECK(test::windowPixel(x.name(), 639, 399, 0xc8285a, 3000) == 0xc8285a);

  // With the server stopped a present that waited for it would not return until it resumes.
  // Where the server cannot share our memory SDL's present (which waits) is the right choice:
  // then only the frames are checked. Asked on a connection of its own, not of the player.
  const bool shared = platform::sharedMemoryWorks(x.name());
  if (!shared) WARN("this X server cannot share memory with us: SDL's present is used, and it waits");
  display->beginFrame(1.f / 25);
  ImGui::GetBackgroundDrawList()->AddRectFilled({0, 0}, {640, 400}, IM_COL32(30, 160, 90, 255));
  display->endFrame(0, true);
  x.pause();
  std::thread resume([&] {
    std::this_thread::sleep_for(shared ? 3s : 100ms);
    x.resume();
  });
  const auto t0 = steady_clock::now();
  display->present();
  const auto took = steady_clock::now() - t0;
  resume.join();
  if (shared) CHECK(took < 1s);
  CHECK(test::windowPixel(x.name(), 320, 200, 0x1ea05a, 3000) == 0x1ea05a);

  // The next frame waits for the server to have read the last one, then draws as usual.
  showColour(*display, 0x2040e0);
  CHECK(test::windowPixel(x.name(), 10, 10, 0x2040e0, 3000) == 0x2040e0);
}

TEST_CASE("on X11 a window resized to another size still shows whole frames") {
  test::Xvfb x(640, 400);
  REQUIRE(x.running());
  std::string error;
  auto display = openFullScreen(error);
  REQUIRE(display);
  showColour(*display, 0xc8285a);
  REQUIRE(test::windowPixel(x.name(), 320, 200, 0xc8285a, 3000) == 0xc8285a);

  for (const auto& [w, h] : {std::pair{500, 300}, std::pair{640, 400}}) {
    REQUIRE(test::resizeWindow(x.name(), w, h));
    bool resized = false;
    for (int i = 0; i < 100 && !resized; ++i) {
      platform::InputEvent ev;
      while (display->pollEvent(ev)) resized = resized || ev.kind == platform::InputEvent::Kind::Resized;
      if (!resized) std::this_thread::sleep_for(20ms);
    }
    REQUIRE(resized);
    CHECK(display->width() == w);
    CHECK(display->height() == h);
    const unsigned colour = w == 500 ? 0x30c0b0 : 0xe0a020;
    showColour(*display, colour);
    CHECK(test::windowPixel(x.name(), 5, 5, colour, 3000) == colour);
    CHECK(test::windowPixel(x.name(), w - 1, h - 1, colour, 3000) == colour);
  }
}
