// Turning image bytes from a feed into pixels safely: the size is read from the header before
// anything is decoded, so a decompression bomb is refused at a few bytes' cost.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sf::platform {

struct ImageLimits {
  std::size_t maxBytes = 8u << 20;          // a download larger than this is cut off
  std::int64_t maxPixels = 24'000'000;      // e.g. 6000 x 4000; the decoded buffer stays bounded
  int maxSide = 12000;
  int displaySide = 1920;                   // decoded images are scaled down to fit this square
};

struct ImageHeader {
  std::string type;  // "png", "jpeg", "gif", "webp"
  int width = 0;
  int height = 0;
};

// Reads type and size from the first bytes; nullopt for anything that is not a known image.
std::optional<ImageHeader> sniffImage(std::string_view bytes);

// Empty when an image with this header may be decoded, else the reason it may not.
std::string checkImageHeader(const std::optional<ImageHeader>& header, const ImageLimits& limits);

struct DecodedImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;
  std::string error;  // plain words when the image cannot be shown
};

DecodedImage decodeImage(std::string_view bytes, const ImageLimits& limits);

}  // namespace sf::platform
