// A private X server (Xvfb) for tests, and what a test asks of it from a connection of its own:
// a window's pixel, a resize. Xlib stays in x11_probe.cpp, away from names it would clobber.
#pragma once
#include <cstdint>
#include <string>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <vector>

namespace sf::test {

// Xvfb on the first free display, at width x height; sets DISPLAY to it. Stops it when destroyed.
class Xvfb {
 public:
  Xvfb(int width, int height);
  ~Xvfb();
  Xvfb(const Xvfb&) = delete;
  Xvfb& operator=(const Xvfb&) = delete;
  bool running() const { return pid_ > 0 && !name_.empty(); }
  const std::string& name() const { return name_; }  // ":N"
  void pause();   // SIGSTOP: the server stops answering
  void resume();  // SIGCONT

 private:
  pid_t pid_ = -1;
  std::string name_;
};

// The colour (0xRRGGBB) at (x, y) of the first top-level window, waiting up to `timeoutMs` for it
// to become `want` (another client's drawing reaches the server in its own time). -1: no window.
long windowPixel(const std::string& display, int x, int y, long want, int timeoutMs);
// Resizes the first top-level window, as a mode change or a window manager would.
bool resizeWindow(const std::string& display, int width, int height);
// The first top-level window's pixels (0xRRGGBB, row by row) as the server has them; empty: no window.
std::vector<std::uint32_t> windowImage(const std::string& display, int width, int height);
// A tap at (x, y) in the first top-level window: the pointer moves there (a real motion), then the
// first button goes down and up. Returns false when there is no window.
bool tapWindow(const std::string& display, int x, int y);
// A finger's path in the first top-level window, step by step: the pointer moves to (x, y) and,
// with `button` Press or Release, the first button goes down or up there (Move: a motion only).
enum class PointerButton { Move, Press, Release };
bool pointerTo(const std::string& display, int x, int y, PointerButton button = PointerButton::Move);

// A player started by a test (fork and exec): stopped with SIGTERM and reaped when the test ends.
struct PlayerProcess {
  pid_t pid = -1;
  ~PlayerProcess() {
    if (pid <= 0) return;
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
  }
};

}  // namespace sf::test
