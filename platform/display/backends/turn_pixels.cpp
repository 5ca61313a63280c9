// Turning the upright frame onto turned glass in one pass: a tile at a time, so the rows read and
// the columns written both stay in the cache (a plain loop misses it on every written pixel).
#include "turn_pixels.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace sf::platform {

namespace {

constexpr int kTile = 32;

// The glass position of upright pixel (x, y).
inline void glassOf(int w, int h, int rotation, int x, int y, int& gx, int& gy) {
  switch (rotation) {
    case 90: gx = h - 1 - y, gy = x; break;
    case 180: gx = w - 1 - x, gy = h - 1 - y; break;
    case 270: gx = y, gy = w - 1 - x; break;
    default: gx = x, gy = y; break;
  }
}

}  // namespace

SDL_Rect turnedRect(int w, int h, int rotation, const SDL_Rect& r) {
  int ax, ay, bx, by;
  glassOf(w, h, rotation, r.x, r.y, ax, ay);
  glassOf(w, h, rotation, r.x + r.w - 1, r.y + r.h - 1, bx, by);
  return {std::min(ax, bx), std::min(ay, by), std::abs(bx - ax) + 1, std::abs(by - ay) + 1};
}

void turnPixels(PixelRect glass, PixelSource upright, int w, int h, int rotation, const SDL_Rect& part) {
  SDL_Rect r;
  const SDL_Rect whole{0, 0, w, h};
  if (!SDL_IntersectRect(&part, &whole, &r)) return;
  if (rotation == 0) {
    for (int y = r.y; y < r.y + r.h; ++y)
      std::memcpy(glass.pixels + static_cast<std::ptrdiff_t>(y) * glass.pitch + r.x * 4,
                  upright.pixels + static_cast<std::ptrdiff_t>(y) * upright.pitch + r.x * 4, static_cast<std::size_t>(r.w) * 4);
    return;
  }
  // One step right in the upright frame is one step down (90), left (180) or up (270) on the glass.
  const std::ptrdiff_t step = rotation == 90 ? glass.pitch : rotation == 180 ? -4 : -glass.pitch;
  for (int ty = r.y; ty < r.y + r.h; ty += kTile) {
    const int yEnd = std::min(ty + kTile, r.y + r.h);
    for (int tx = r.x; tx < r.x + r.w; tx += kTile) {
      const int xEnd = std::min(tx + kTile, r.x + r.w);
      for (int y = ty; y < yEnd; ++y) {
        int gx, gy;
        glassOf(w, h, rotation, tx, y, gx, gy);
        std::uint8_t* out = glass.pixels + static_cast<std::ptrdiff_t>(gy) * glass.pitch + gx * 4;
        const std::uint8_t* in = upright.pixels + static_cast<std::ptrdiff_t>(y) * upright.pitch + tx * 4;
        for (int x = tx; x < xEnd; ++x, in += 4, out += step) std::memcpy(out, in, 4);
      }
    }
  }
}

}  // namespace sf::platform
