// Turning image bytes from a feed into pixels safely: the size is read from the header before
// anything is decoded, so a decompression bomb is refused at a few bytes' cost.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "image_header.hpp"

namespace sf::platform {

struct DecodedImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4 bytes
};

// Checks the header against the limits before decoding, then scales down to the display size.
// The error says in plain words why the image cannot be shown.
core::Result<DecodedImage> decodeImage(std::string_view bytes, const ImageLimits& limits);

}  // namespace sf::platform
