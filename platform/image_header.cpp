// Header sniffing for PNG, JPEG, GIF and WebP by hand: a few bytes each, and enough to refuse a
// decompression bomb before a single pixel is decoded.
#include "image_header.hpp"

namespace sf::platform {
namespace {

std::uint32_t be16(std::string_view b, std::size_t i) {
  return (static_cast<std::uint8_t>(b[i]) << 8) | static_cast<std::uint8_t>(b[i + 1]);
}
std::uint32_t be32(std::string_view b, std::size_t i) { return (be16(b, i) << 16) | be16(b, i + 2); }
std::uint32_t le16(std::string_view b, std::size_t i) {
  return static_cast<std::uint8_t>(b[i]) | (static_cast<std::uint8_t>(b[i + 1]) << 8);
}

std::optional<ImageHeader> sniffJpeg(std::string_view b) {
  std::size_t i = 2;
  while (i + 9 < b.size()) {
    if (static_cast<std::uint8_t>(b[i]) != 0xFF) return std::nullopt;
    const std::uint8_t marker = static_cast<std::uint8_t>(b[i + 1]);
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    const std::uint32_t len = be16(b, i + 2);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
      return ImageHeader{"jpeg", static_cast<int>(be16(b, i + 7)), static_cast<int>(be16(b, i + 5))};
    if (len < 2) return std::nullopt;
    i += 2 + len;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ImageHeader> sniffImage(std::string_view b) {
  if (b.size() >= 24 && b.substr(0, 8) == "\x89PNG\r\n\x1a\n" && b.substr(12, 4) == "IHDR")
    return ImageHeader{"png", static_cast<int>(be32(b, 16)), static_cast<int>(be32(b, 20))};
  if (b.size() >= 4 && static_cast<std::uint8_t>(b[0]) == 0xFF && static_cast<std::uint8_t>(b[1]) == 0xD8) return sniffJpeg(b);
  if (b.size() >= 10 && (b.substr(0, 6) == "GIF87a" || b.substr(0, 6) == "GIF89a"))
    return ImageHeader{"gif", static_cast<int>(le16(b, 6)), static_cast<int>(le16(b, 8))};
  if (b.size() >= 30 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") {
    const auto chunk = b.substr(12, 4);
    if (chunk == "VP8 ") return ImageHeader{"webp", static_cast<int>(le16(b, 26) & 0x3FFF), static_cast<int>(le16(b, 28) & 0x3FFF)};
    if (chunk == "VP8L") {
      const std::uint32_t bits = static_cast<std::uint8_t>(b[21]) | (static_cast<std::uint8_t>(b[22]) << 8) |
                                 (static_cast<std::uint8_t>(b[23]) << 16) | (static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[24])) << 24);
      return ImageHeader{"webp", static_cast<int>((bits & 0x3FFF) + 1), static_cast<int>(((bits >> 14) & 0x3FFF) + 1)};
    }
    if (chunk == "VP8X") {
      auto le24 = [&](std::size_t i) { return static_cast<int>(le16(b, i) | (static_cast<std::uint8_t>(b[i + 2]) << 16)); };
      return ImageHeader{"webp", le24(24) + 1, le24(27) + 1};
    }
  }
  return std::nullopt;
}

core::Result<void> checkImageHeader(const std::optional<ImageHeader>& header, const ImageLimits& limits) {
  if (!header) return core::fail("not a PNG, JPEG, GIF or WebP image");
  if (header->width <= 0 || header->height <= 0) return core::fail("the image says it has no pixels");
  const std::int64_t pixels = static_cast<std::int64_t>(header->width) * header->height;
  if (header->width > limits.maxSide || header->height > limits.maxSide || pixels > limits.maxPixels)
    return core::fail("the image is " + std::to_string(header->width) + "x" + std::to_string(header->height) +
                      " pixels; the limit is " + std::to_string(limits.maxPixels / 1000000) + " megapixels (not decoded)");
  if (header->width < limits.minSide || header->height < limits.minSide)
    return core::fail("the image is " + std::to_string(header->width) + "x" + std::to_string(header->height) + " pixels; at least " +
                      std::to_string(limits.minSide) + "x" + std::to_string(limits.minSide) + " are needed to show it");
  return {};
}

}  // namespace sf::platform
