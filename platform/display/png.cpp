// PNG encoding through SDL2_image, which the player links for decoding anyway: one encoder in the
// binary rather than a second PNG library.
#include "png.hpp"

#include <SDL.h>
#include <SDL_image.h>

namespace sf::platform {

core::Result<void> writePng(const std::string& path, const std::vector<std::uint8_t>& rgba, int w, int h) {
  if (rgba.size() < static_cast<std::size_t>(w) * h * 4) return core::fail("no pixels to write");
  SDL_Surface* s = SDL_CreateRGBSurfaceWithFormatFrom(const_cast<std::uint8_t*>(rgba.data()), w, h, 32, w * 4,
                                                      SDL_PIXELFORMAT_RGBA32);
  if (!s) return core::fail(std::string("could not wrap the pixels: ") + SDL_GetError());
  const int rc = IMG_SavePNG(s, path.c_str());
  SDL_FreeSurface(s);
  if (rc != 0) return core::fail("could not write " + path + ": " + IMG_GetError());
  return {};
}

}  // namespace sf::platform
