// PNGs made by hand for the collector's tests, honest ones and hostile ones: any IHDR size over
// any pixel data, so a header can lie about what its data holds.
#pragma once
#include <zlib.h>

#include <cstdint>
#include <string>

namespace sf::test {

inline void putBe32(std::string& out, std::uint32_t v) {
  for (int s : {24, 16, 8, 0}) out += static_cast<char>((v >> s) & 0xff);
}

inline void pngChunk(std::string& out, const std::string& type, const std::string& data) {
  putBe32(out, static_cast<std::uint32_t>(data.size()));
  const std::string body = type + data;
  out += body;
  putBe32(out, static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

inline std::string deflated(const std::string& raw) {
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string out(size, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()), 9);
  out.resize(size);
  return out;
}

// An 8-bit RGB PNG whose IHDR says `w` x `h` and whose IDAT holds `raw` (filter bytes and pixels).
inline std::string pngWithData(std::uint32_t w, std::uint32_t h, const std::string& raw) {
  std::string out("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  putBe32(ihdr, w);
  putBe32(ihdr, h);
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);
  pngChunk(out, "IHDR", ihdr);
  pngChunk(out, "IDAT", deflated(raw));
  pngChunk(out, "IEND", "");
  return out;
}

// An honest one: `w` x `h` of one grey.
inline std::string greyPng(std::uint32_t w, std::uint32_t h, std::uint8_t grey = 128) {
  std::string raw;
  for (std::uint32_t y = 0; y < h; ++y) raw += '\0' + std::string(w * 3, static_cast<char>(grey));
  return pngWithData(w, h, raw);
}

}  // namespace sf::test
