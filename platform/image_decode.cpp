// Decoding image bytes from a feed with SDL2_image into RGBA, after the header check, and an
// area-average downscale so a 6000-pixel photo costs no more than a screen-sized texture.
#include "image_decode.hpp"

#include <SDL.h>
#include <SDL_image.h>

#include <algorithm>

namespace sf::platform {

core::Result<DecodedImage> decodeImage(std::string_view bytes, const ImageLimits& limits) {
  if (auto header = checkImageHeader(sniffImage(bytes), limits); !header) return core::Unexpected{header.error()};
  SDL_RWops* rw = SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size()));
  SDL_Surface* loaded = rw ? IMG_Load_RW(rw, 1) : nullptr;
  if (!loaded) return core::fail(std::string("the image could not be decoded: ") + IMG_GetError());
  SDL_Surface* rgba = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_RGBA32, 0);
  SDL_FreeSurface(loaded);
  if (!rgba) return core::fail(std::string("the image could not be converted: ") + SDL_GetError());
  DecodedImage out;
  // Whole-number area averaging: cheap, no ringing, and good enough for photos on a screen.
  const int factor = std::max(1, (std::max(rgba->w, rgba->h) + limits.displaySide - 1) / limits.displaySide);
  out.width = rgba->w / factor;
  out.height = rgba->h / factor;
  if (out.width == 0 || out.height == 0) {
    out.width = std::max(out.width, 1);
    out.height = std::max(out.height, 1);
  }
  out.rgba.resize(static_cast<std::size_t>(out.width) * out.height * 4);
  SDL_LockSurface(rgba);
  const auto* src = static_cast<const std::uint8_t*>(rgba->pixels);
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) {
      unsigned sum[4] = {0, 0, 0, 0};
      int n = 0;
      for (int dy = 0; dy < factor && y * factor + dy < rgba->h; ++dy)
        for (int dx = 0; dx < factor && x * factor + dx < rgba->w; ++dx, ++n) {
          const std::uint8_t* p = src + (y * factor + dy) * rgba->pitch + (x * factor + dx) * 4;
          for (int c = 0; c < 4; ++c) sum[c] += p[c];
        }
      std::uint8_t* d = &out.rgba[(static_cast<std::size_t>(y) * out.width + x) * 4];
      for (int c = 0; c < 4; ++c) d[c] = static_cast<std::uint8_t>(sum[c] / std::max(n, 1));
    }
  }
  SDL_UnlockSurface(rgba);
  SDL_FreeSurface(rgba);
  return out;
}

}  // namespace sf::platform
