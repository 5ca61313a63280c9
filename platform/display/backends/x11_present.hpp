// Showing a software-drawn screen in an X11 window through shared memory, without waiting for
// the X server after each frame (SDL's own present does, a second wake-up per frame). Internal.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

struct SDL_Window;

namespace sf::platform {

// Whether the X server named `displayName` (":0") can read memory we share with it: a server on
// this machine, in our IPC namespace, with MIT-SHM. Where it cannot, X11Present::open fails.
bool sharedMemoryWorks(const std::string& displayName);

// Pixels (XRGB8888) that the X server reads straight from our memory. show() asks the server to
// put them into the window and returns at once, on a connection of our own that nothing polls:
// the server's "done reading" notice waits there until the next frame looks for it, so an idle
// screen wakes once per change, not twice.
class X11Present {
 public:
  // For an SDL window on X11, at `width` x `height`. nullptr where the server cannot share our
  // memory (another machine, another IPC namespace, no MIT-SHM) or its pixels are not 32-bit
  // XRGB: then SDL's own present is used.
  static std::unique_ptr<X11Present> open(SDL_Window* window, int width, int height);
  ~X11Present();
  X11Present(const X11Present&) = delete;
  X11Present& operator=(const X11Present&) = delete;

  // The pixels show() sends. The first ones, made by open(), stay valid for the object's life
  // (a renderer draws into them), also after resize() made others current.
  std::uint8_t* pixels() const;
  int pitch() const;  // bytes per row
  int width() const;
  int height() const;
  std::uint8_t* firstPixels() const;
  int firstPitch() const;

  // Current pixels of another size (the window was resized). False, keeping the old ones, when
  // no memory could be shared.
  bool resize(int width, int height);
  // Returns once the server has finished reading what show() sent, so the pixels may change.
  void waitIdle();
  void show();
  // Sends rows [y, y + h) only: the rest of the window keeps what the last show() sent.
  void show(int y, int h);

 private:
  struct Impl;
  explicit X11Present(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sf::platform
