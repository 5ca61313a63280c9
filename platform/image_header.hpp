// What an image is, read from its first bytes: type and size, and whether our limits allow it.
// No decoding and no SDL, so tools like `pack` can check images too.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace sf::platform {

struct ImageLimits {
  std::size_t maxBytes = 8u << 20;          // a download larger than this is cut off
  std::int64_t maxPixels = 24'000'000;      // e.g. 6000 x 4000; the decoded buffer stays bounded
  int maxSide = 12000;
  int minSide = 16;                         // smaller would show as a blur or a flat colour
  int displaySide = 1920;                   // decoded images are scaled down to fit this square
};

struct ImageHeader {
  std::string type;  // "png", "jpeg", "gif", "webp"
  int width = 0;
  int height = 0;
};

// Reads type and size from the first bytes; nullopt for anything that is not a known image.
std::optional<ImageHeader> sniffImage(std::string_view bytes);

// Whether an image with this header may be decoded; the error says why not.
core::Result<void> checkImageHeader(const std::optional<ImageHeader>& header, const ImageLimits& limits);

}  // namespace sf::platform
