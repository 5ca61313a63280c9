// Screenshot checks by hand on the bytes, with zlib's inflate bounded by the header's promise:
// nothing here allocates more than the image's own size or decodes a pixel.
#include "fleet_shot.hpp"

#include <zlib.h>

#include <array>
#include <cstdint>

#include "platform/image_header.hpp"

namespace sf::tools {
namespace {

std::uint32_t be32(std::string_view b, std::size_t i) {
  return (static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[i])) << 24) | (static_cast<std::uint8_t>(b[i + 1]) << 16) |
         (static_cast<std::uint8_t>(b[i + 2]) << 8) | static_cast<std::uint8_t>(b[i + 3]);
}

std::string size(std::int64_t w, std::int64_t h) { return std::to_string(w) + "x" + std::to_string(h); }

core::Result<void> checkSides(std::int64_t w, std::int64_t h, const ShotLimits& limits) {
  if (w <= 0 || h <= 0) return core::failAs("invalid", "the screenshot's header says it has no pixels");
  if (w > limits.maxSide || h > limits.maxSide)
    return core::failAs("too-large", "the screenshot's header says " + size(w, h) + " pixels; at most " +
                                         size(limits.maxSide, limits.maxSide) + " are taken (not decoded)");
  return {};
}

// Bits per pixel for a PNG colour type and bit depth (PNG 11.2.2); 0 for a combination PNG forbids.
int pngBitsPerPixel(int colourType, int depth) {
  auto in = [&](std::initializer_list<int> allowed) {
    for (int a : allowed)
      if (a == depth) return true;
    return false;
  };
  switch (colourType) {
    case 0: return in({1, 2, 4, 8, 16}) ? depth : 0;
    case 2: return in({8, 16}) ? 3 * depth : 0;
    case 3: return in({1, 2, 4, 8}) ? depth : 0;
    case 4: return in({8, 16}) ? 2 * depth : 0;
    case 6: return in({8, 16}) ? 4 * depth : 0;
    default: return 0;
  }
}

// Inflates `data` and counts what comes out, stopping as soon as it passes `expected`.
core::Result<void> inflateExactly(std::string_view data, std::uint64_t expected, const std::string& dims) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return core::fail("the screenshot could not be checked (zlib)");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  std::array<Bytef, 16384> scratch;
  std::uint64_t produced = 0;
  int rc = Z_OK;
  while (rc == Z_OK && produced <= expected) {
    z.next_out = scratch.data();
    z.avail_out = static_cast<uInt>(scratch.size());
    rc = inflate(&z, Z_NO_FLUSH);
    produced += scratch.size() - z.avail_out;
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // the data ends before the stream does
  }
  inflateEnd(&z);
  if (produced > expected)
    return core::failAs("invalid", "the screenshot's pixel data is larger than its header's " + dims + " (a decompression bomb?)");
  if (rc != Z_STREAM_END || produced != expected)
    return core::failAs("invalid", "the screenshot's pixel data does not match its header's " + dims +
                                       (rc == Z_DATA_ERROR ? " (corrupt data)" : ""));
  return {};
}

core::Result<ShotInfo> checkPng(std::string_view b, const ShotLimits& limits) {
  // The header first: signature, then IHDR and the size it declares, before anything else.
  if (b.size() < 8 + 25 + 12 || b.substr(12, 4) != "IHDR" || be32(b, 8) != 13)
    return core::failAs("invalid", "the screenshot is a PNG without its IHDR header");
  const std::int64_t w = be32(b, 16), h = be32(b, 20);
  if (auto ok = checkSides(w, h, limits); !ok) return core::Unexpected{ok.error()};
  const int depth = static_cast<std::uint8_t>(b[24]), colourType = static_cast<std::uint8_t>(b[25]);
  const int bpp = pngBitsPerPixel(colourType, depth);
  if (bpp == 0 || b[26] != 0 || b[27] != 0) return core::failAs("invalid", "the screenshot's PNG header is malformed");
  if (b[28] != 0) return core::failAs("invalid", "the screenshot is an interlaced PNG; screens send plain ones");

  // The chunks: each within the file and with its CRC, IEND last with nothing after it.
  std::string idat;
  std::size_t i = 8;
  bool ended = false;
  while (!ended) {
    if (i + 12 > b.size()) return core::failAs("invalid", "the screenshot's PNG is cut off");
    const std::uint32_t len = be32(b, i);
    if (len > b.size() - i - 12) return core::failAs("invalid", "the screenshot's PNG is cut off or has a chunk longer than the file");
    const std::string_view type = b.substr(i + 4, 4), data = b.substr(i + 8, len);
    for (char c : type)
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return core::failAs("invalid", "the screenshot's PNG has a malformed chunk");
    const uLong crc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(b.data() + i + 4), len + 4);
    if (crc != be32(b, i + 8 + len))
      return core::failAs("invalid", "the screenshot's PNG chunk " + std::string(type) + " has a wrong checksum");
    if (type == "IDAT") idat.append(data);
    ended = type == "IEND";
    i += 12 + len;
  }
  if (i != b.size()) return core::failAs("invalid", "the screenshot's PNG has bytes after its end");
  if (idat.empty()) return core::failAs("invalid", "the screenshot's PNG has no pixel data");
  const std::uint64_t row = 1 + (static_cast<std::uint64_t>(w) * bpp + 7) / 8;  // a filter byte and the pixels
  if (auto ok = inflateExactly(idat, row * static_cast<std::uint64_t>(h), size(w, h)); !ok) return core::Unexpected{ok.error()};
  return ShotInfo{"png", static_cast<int>(w), static_cast<int>(h)};
}

core::Result<ShotInfo> checkJpeg(std::string_view b, const ShotLimits& limits) {
  const auto header = platform::sniffImage(b);
  if (!header || header->type != "jpeg") return core::failAs("invalid", "the screenshot is a JPEG without a frame header");
  if (auto ok = checkSides(header->width, header->height, limits); !ok) return core::Unexpected{ok.error()};
  if (b.size() < 4 || static_cast<std::uint8_t>(b[b.size() - 2]) != 0xFF || static_cast<std::uint8_t>(b[b.size() - 1]) != 0xD9)
    return core::failAs("invalid", "the screenshot's JPEG is cut off (no end marker)");
  return ShotInfo{"jpeg", header->width, header->height};
}

}  // namespace

core::Result<ShotInfo> checkScreenshot(std::string_view bytes, const std::string& declaredType, const ShotLimits& limits) {
  if (bytes.size() > limits.maxBytes)
    return core::failAs("too-large", "the screenshot has " + std::to_string(bytes.size()) + " bytes, at most " +
                                         std::to_string(limits.maxBytes) + " are taken");
  const bool png = bytes.size() >= 8 && bytes.substr(0, 8) == "\x89PNG\r\n\x1a\n";
  const bool jpeg = bytes.size() >= 3 && bytes.substr(0, 3) == "\xFF\xD8\xFF";
  if (!png && !jpeg) return core::failAs("invalid", "the screenshot is not a PNG or JPEG image");
  const std::string actual = png ? "png" : "jpeg";
  if (actual != declaredType)
    return core::failAs("invalid", "the screenshot is declared as " + declaredType + " but is a " + actual + " image");
  return png ? checkPng(bytes, limits) : checkJpeg(bytes, limits);
}

}  // namespace sf::tools
