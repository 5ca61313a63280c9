// Showing a software-drawn screen on a bare KMS/DRM display that has no GPU render node: frames
// are copied into two dumb buffers that the display controller scans out, swapped by page flips.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

namespace sf::platform {

// True where a GPU render node (/dev/dri/renderD*) exists, so OpenGL ES can draw the frames.
bool gpuRenderNodePresent();

// The first DRM card with a connected screen, driven at that screen's preferred mode. The caller
// becomes the card's DRM master, so nothing else (no display server, no SDL KMS/DRM window) may
// hold it; the console's own picture comes back when the object (or the process) goes.
class DrmPresent {
 public:
  // nullptr, with the reason in `error`, where no card has a connected screen, the card is held
  // by another master, or it cannot make dumb buffers.
  static std::unique_ptr<DrmPresent> open(std::string& error);
  ~DrmPresent();
  DrmPresent(const DrmPresent&) = delete;
  DrmPresent& operator=(const DrmPresent&) = delete;

  int width() const;
  int height() const;
  float dpi() const;          // from the screen's reported size; 0 when it reports none
  std::string describe() const;  // card, kernel driver, connector and mode, for logs and status

  // Puts a frame of XRGB8888 pixels (`pitch` bytes a row, width() x height(), or upright on glass
  // mounted turned by `rotation`: height() x width() for 90 and 270) on the screen at the next
  // vertical blank. Waits only while the previous flip is still pending.
  void show(const std::uint8_t* pixels, int pitch, int rotation = 0);

 private:
  struct Impl;
  explicit DrmPresent(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sf::platform
