// The feed's theme: reading `theme`, the palette the views draw with, and the contrast checks
// that keep every colour pair it makes readable (WCAG AA), with a nearby colour that passes.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "core/base/diagnostic.hpp"
#include "core/feed/json_reader.hpp"
#include "core/feed/model.hpp"

namespace sf::core {

// Today's dark screens, and the light base: warm off-white with dark text, each pair at the
// dark palette's contrast ratio (tests/core/test_theme.cpp compares them pair by pair).
inline constexpr Palette kDarkPalette{};
inline constexpr Palette kLightPalette{{247, 244, 238}, {236, 232, 225}, {223, 217, 207}, {20, 17, 14}, {70, 60, 50},
                                       {100, 89, 77},   {201, 191, 178}, {168, 12, 12},  {84, 52, 0},  {20, 17, 14},
                                       {247, 244, 238}};

// What an accent must reach: as text and marks on the base, and with a label on it.
inline constexpr double kAccentOnBase = 4.5;
inline constexpr double kTextOnAccent = 4.5;
// Field colours fill tiles, pills and bars on the base: graphics, WCAG 1.4.11 asks 3:1.
inline constexpr double kGraphicOnBase = 3.0;

// Reads `/theme` (every fault a warning: a theme never keeps a screen from playing).
Theme readTheme(JsonReader& r, const nlohmann::json& root);
// The palette for a theme: the base's colours, and its accent (corrected when unreadable).
Palette paletteFor(const Theme& theme);
// Whether `accent` reads on `bg` and carries a readable label.
bool accentReadable(Rgb accent, Rgb bg);
// The colour nearest `c` in lightness (hue and saturation kept) for which `ok` holds; `c` itself
// when it passes, nullopt when no lightness does.
std::optional<Rgb> nearestPassing(Rgb c, const std::function<bool(Rgb)>& ok);
// `c`, or the nearest colour that reaches `ratio` on `bg` (colours used as text on the base).
Rgb legibleOn(Rgb c, Rgb bg, double ratio = 4.5);
std::string hexColor(Rgb c);  // "#RRGGBB"
const char* baseName(ThemeBase base);  // "dark", "light"
// Contrast of the theme's pairs: accent on the base, label on the accent, field colours on the
// base (when the feed has a theme). Warnings at /theme/accent and /fields/N/color.
void checkTheme(const Feed& feed, Diagnostics& out);

}  // namespace sf::core
