// Colour maths for legible screens: WCAG relative luminance and contrast ratios, so field
// colours from a feed get text that meets WCAG AA whatever colour an organiser picks.
#pragma once
#include <optional>
#include <string_view>

#include "core/feed/model.hpp"

namespace sf::core {

std::optional<Rgb> parseHexColor(std::string_view text);  // "#RRGGBB"
double relativeLuminance(Rgb c);
double contrastRatio(Rgb a, Rgb b);
// White or near-black, whichever contrasts more with `background`.
Rgb readableTextOn(Rgb background);

inline constexpr double kWcagAaText = 4.5;

// The dark base's background (core::kDarkPalette.bg), which screens show without a theme.
inline constexpr Rgb kScreenBackground{14, 17, 22};

}  // namespace sf::core
