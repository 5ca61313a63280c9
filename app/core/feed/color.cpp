// WCAG 2.x formulas (sRGB linearisation, luminance, contrast ratio).
// Used by the validator to warn and by the views to choose text colours.
#include "core/feed/color.hpp"

#include <cmath>

namespace sf::core {

std::optional<Rgb> parseHexColor(std::string_view s) {
  if (s.size() != 7 || s[0] != '#') return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  int v[6];
  for (int i = 0; i < 6; ++i)
    if ((v[i] = nibble(s[1 + i])) < 0) return std::nullopt;
  return Rgb{static_cast<std::uint8_t>(v[0] * 16 + v[1]), static_cast<std::uint8_t>(v[2] * 16 + v[3]),
             static_cast<std::uint8_t>(v[4] * 16 + v[5])};
}

double relativeLuminance(Rgb c) {
  auto lin = [](std::uint8_t v) {
    const double s = v / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

double contrastRatio(Rgb a, Rgb b) {
  double la = relativeLuminance(a), lb = relativeLuminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

Rgb readableTextOn(Rgb background) {
  const Rgb white{255, 255, 255}, ink{17, 20, 24};
  return contrastRatio(background, white) >= contrastRatio(background, ink) ? white : ink;
}

}  // namespace sf::core
