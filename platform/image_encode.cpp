// PNG and JPEG encoding through SDL2_image into a growing string: an SDL_RWops of our own whose
// write appends, so no fixed buffer bounds (or wastes) the output.
#include "image_encode.hpp"

#include <SDL.h>
#include <SDL_image.h>

namespace sf::platform {
namespace {

size_t appendTo(SDL_RWops* rw, const void* data, size_t size, size_t count) {
  auto* out = static_cast<std::string*>(rw->hidden.unknown.data1);
  out->append(static_cast<const char*>(data), size * count);
  return count;
}
Sint64 sizeOf(SDL_RWops* rw) { return static_cast<Sint64>(static_cast<std::string*>(rw->hidden.unknown.data1)->size()); }
Sint64 seekEnd(SDL_RWops* rw, Sint64, int) { return sizeOf(rw); }  // the encoders only ask where they are
size_t readNothing(SDL_RWops*, void*, size_t, size_t) { return 0; }
int closeNothing(SDL_RWops* rw) {
  SDL_FreeRW(rw);
  return 0;
}

}  // namespace

core::Result<std::string> encodeImage(const std::vector<std::uint8_t>& rgba, int w, int h, ImageFormat format, int quality) {
  if (w <= 0 || h <= 0 || rgba.size() < static_cast<std::size_t>(w) * h * 4) return core::fail("no pixels to encode");
  SDL_Surface* wrapped = SDL_CreateRGBSurfaceWithFormatFrom(const_cast<std::uint8_t*>(rgba.data()), w, h, 32, w * 4,
                                                            SDL_PIXELFORMAT_RGBA32);
  // Three bytes a pixel: a PNG without an alpha channel is a quarter smaller.
  SDL_Surface* rgb = wrapped ? SDL_ConvertSurfaceFormat(wrapped, SDL_PIXELFORMAT_RGB24, 0) : nullptr;
  SDL_FreeSurface(wrapped);
  if (!rgb) return core::fail(std::string("could not convert the pixels: ") + SDL_GetError());
  std::string out;
  SDL_RWops* rw = SDL_AllocRW();
  if (!rw) {
    SDL_FreeSurface(rgb);
    return core::fail("out of memory");
  }
  rw->type = SDL_RWOPS_UNKNOWN;
  rw->hidden.unknown.data1 = &out;
  rw->size = sizeOf;
  rw->seek = seekEnd;
  rw->read = readNothing;
  rw->write = appendTo;
  rw->close = closeNothing;
  const int rc = format == ImageFormat::Png ? IMG_SavePNG_RW(rgb, rw, 1) : IMG_SaveJPG_RW(rgb, rw, 1, quality);
  SDL_FreeSurface(rgb);
  if (rc != 0) return core::fail(std::string("could not encode the screenshot: ") + IMG_GetError());
  return out;
}

}  // namespace sf::platform
