// Encoding RGBA pixels into PNG or JPEG bytes in memory (SDL2_image, which decodes the feed's
// images anyway), for the screenshots a screen sends with its report. Safe on any thread.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/base/result.hpp"

namespace sf::platform {

enum class ImageFormat { Png, Jpeg };

// `rgba`: width * height * 4 bytes, row after row. The alpha channel is dropped (frames are
// opaque). `quality` 1..100 for JPEG; ignored for PNG.
core::Result<std::string> encodeImage(const std::vector<std::uint8_t>& rgba, int width, int height, ImageFormat format,
                                      int quality = 80);

}  // namespace sf::platform
