// The real player in a private Xvfb, dragged sideways by a pointer as by a finger: the slide
// follows (the window's pixels move by the distance dragged), snaps to the next slide past the
// swipe distance, and back after a short drag.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "x11_probe.hpp"

using namespace sf;
using namespace std::chrono;

namespace {

constexpr int kSwipeW = 1280, kSwipeH = 800;
// Rows wholly inside the slides' content: below the header, above the page dots.
constexpr int kTop = 180, kBottom = 680;

using Image = std::vector<std::uint32_t>;

bool near(std::uint32_t a, std::uint32_t b) {
  const int dr = std::abs(static_cast<int>(a >> 16) - static_cast<int>(b >> 16));
  const int dg = std::abs(static_cast<int>((a >> 8) & 255) - static_cast<int>((b >> 8) & 255));
  const int db = std::abs(static_cast<int>(a & 255) - static_cast<int>(b & 255));
  return std::max({dr, dg, db}) <= 24;
}

// Share of content pixels, x from x0 to x1, where `a` at x differs from `b` at x + shift.
double mismatch(const Image& a, const Image& b, int shift, int x0 = 0, int x1 = kSwipeW) {
  if (a.size() != static_cast<std::size_t>(kSwipeW) * kSwipeH || b.size() != a.size()) return 1;
  std::size_t differ = 0, all = 0;
  for (int y = kTop; y < kBottom; y += 2) {
    for (int x = std::max(x0, -shift); x < std::min(x1, kSwipeW - shift); ++x, ++all) {
      const std::size_t row = static_cast<std::size_t>(y) * kSwipeW;
      if (!near(a[row + x], b[row + x + shift])) ++differ;
    }
  }
  return all ? static_cast<double>(differ) / static_cast<double>(all) : 1;
}

// The window once it has stopped changing (a snap settles; the server catches up).
Image settled(const test::Xvfb& x) {
  Image last = test::windowImage(x.name(), kSwipeW, kSwipeH);
  for (const auto until = steady_clock::now() + 20s; steady_clock::now() < until;) {
    std::this_thread::sleep_for(150ms);
    Image now = test::windowImage(x.name(), kSwipeW, kSwipeH);
    if (!now.empty() && now == last) return now;
    last = std::move(now);
  }
  return last;
}

// The window once it shows something other than `old` and has settled: a loaded machine may take
// a while to handle the pointer, and until then the old picture stands still too.
Image changedFrom(const test::Xvfb& x, const Image& old) {
  for (const auto until = steady_clock::now() + 20s; steady_clock::now() < until;) {
    if (test::windowImage(x.name(), kSwipeW, kSwipeH) != old) break;
    std::this_thread::sleep_for(50ms);
  }
  return settled(x);
}

// Uniform content would match itself at any shift: the slide must show something to follow.
bool varied(const Image& img) {
  if (img.size() != static_cast<std::size_t>(kSwipeW) * kSwipeH) return false;
  std::size_t differ = 0;
  for (int y = kTop; y < kBottom; y += 4)
    for (int x = 0; x < kSwipeW; x += 4) differ += !near(img[static_cast<std::size_t>(y) * kSwipeW + x], img[kTop * kSwipeW]);
  return differ > 500;
}

using sf::test::PlayerProcess;

}  // namespace

TEST_CASE("on X11 a dragged slide follows the pointer, snaps to the next one, and back after a short drag", "[x11]") {
  test::Xvfb x(kSwipeW, kSwipeH);
  REQUIRE(x.running());
  const auto cache = std::filesystem::temp_directory_path() / ("sf-swipe-" + std::to_string(::getpid()));
  std::filesystem::create_directories(cache);
  PlayerProcess player;
  player.pid = ::fork();
  REQUIRE(player.pid >= 0);
  if (player.pid == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    // The built-in feed: a rotation of many slides.
    ::execl(SF_BINARY, SF_BINARY, "--at", "2024-04-25T10:00:00+02:00", "--lang", "de", "--idle", "600", "--cache-dir",
            cache.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  Image shown;
  for (const auto until = steady_clock::now() + 30s; steady_clock::now() < until && !varied(shown);) {
    std::this_thread::sleep_for(200ms);
    shown = test::windowImage(x.name(), kSwipeW, kSwipeH);
  }
  REQUIRE(varied(shown));
  shown = settled(x);

  // A finger down and moved 40 px left: the slide is caught (the rotation pauses) and moves.
  constexpr int y = 420, x0 = 900;
  REQUIRE(test::pointerTo(x.name(), x0, y, test::PointerButton::Press));
  REQUIRE(test::pointerTo(x.name(), x0 - 40, y));
  const Image caught = changedFrom(x, shown);
  // Slowly on to 240 px left of where it went down, in steps as a finger's motion comes.
  for (int dx = 80; dx <= 240; dx += 40) {
    std::this_thread::sleep_for(60ms);
    REQUIRE(test::pointerTo(x.name(), x0 - dx, y));
  }
  const Image dragged = changedFrom(x, caught);
  // The slide moved 200 px with the pointer: what showed at x + 200 now shows at x.
  const double followed = mismatch(dragged, caught, 200, 0, kSwipeW - 240 - 200);
  const double stayed = mismatch(dragged, caught, 0, 0, kSwipeW - 240 - 200);
  INFO("mismatch shifted by the drag " << followed << ", unshifted " << stayed);
  CHECK(followed < 0.01);
  CHECK(stayed > 5 * followed + 0.01);
  CHECK(varied(dragged));

  // Lifted past the swipe distance: the neighbour that came in from the right takes the screen;
  // its left 240 px are what the drag had uncovered at the right edge.
  std::this_thread::sleep_for(300ms);
  REQUIRE(test::pointerTo(x.name(), x0 - 240, y, test::PointerButton::Release));
  const Image next = changedFrom(x, dragged);
  const double uncovered = mismatch(next, dragged, kSwipeW - 240, 0, 240);
  INFO("the next slide against the uncovered strip " << uncovered);
  CHECK(uncovered < 0.01);
  CHECK(mismatch(next, caught, 0) > 0.02);  // another slide

  // A short slow drag (under the swipe distance) moves it a little, and it goes back on release.
  REQUIRE(test::pointerTo(x.name(), 500, y, test::PointerButton::Press));
  std::this_thread::sleep_for(100ms);
  REQUIRE(test::pointerTo(x.name(), 520, y));
  std::this_thread::sleep_for(100ms);
  REQUIRE(test::pointerTo(x.name(), 535, y));
  const Image nudged = changedFrom(x, next);
  const double moved = mismatch(nudged, next, -35, 35, kSwipeW);
  INFO("nudged by 35 px: " << moved);
  CHECK(moved < 0.01);
  std::this_thread::sleep_for(600ms);
  REQUIRE(test::pointerTo(x.name(), 535, y, test::PointerButton::Release));
  const Image back = changedFrom(x, nudged);
  CHECK(mismatch(back, next, 0) < 0.002);

  int status = 0;
  CHECK(::waitpid(player.pid, &status, WNOHANG) == 0);  // still running: nothing crashed on the way
  std::filesystem::remove_all(cache);
}
