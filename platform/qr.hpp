// QR codes for links on screen, via libqrencode: a square grid of modules the views draw as
// rectangles, so no texture or image file is involved.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace sf::platform {

struct QrCode {
  int size = 0;                        // modules per side; 0 when there is nothing to show
  std::vector<std::uint8_t> modules;   // size * size, 1 = dark
  bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y * size + x)] != 0; }
};

QrCode encodeQr(const std::string& text);

}  // namespace sf::platform
