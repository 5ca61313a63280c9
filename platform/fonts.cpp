// Font atlas construction. Only the glyphs a German/English feed uses are rasterised (Latin-1
// plus typographic quotes, dashes and a few symbols), so the atlas stays a few megabytes.
#include "fonts.hpp"

#include <cstdlib>
#include <filesystem>

#include <imgui.h>
#include <imgui_freetype.h>

namespace sf::platform {
namespace {

// Sorted, zero-terminated code point ranges (ImGui's format).
constexpr ImWchar kTextRanges[] = {
    0x0020, 0x00FF,  // Basic Latin and Latin-1 (ä ö ü ß é ² ³ · « » ...)
    0x2013, 0x2014,  // – —
    0x2018, 0x201A,  // ‘ ’ ‚
    0x201C, 0x201E,  // “ ” „
    0x2022, 0x2022,  // •
    0x2026, 0x2026,  // …
    0x2082, 0x2082,  // ₂
    0x20AC, 0x20AC,  // €
    0x2190, 0x2192,  // ← ↑ →
    0x2212, 0x2212,  // −
    0x2248, 0x2248,  // ≈
    0};
// The big numbers of the figures slide: digits, ASCII and the symbols figures use.
constexpr ImWchar kFigureRanges[] = {0x0020, 0x007E, 0x00B0, 0x00B7, 0x2013, 0x2014, 0x20AC, 0x20AC,
                                     0x2248, 0x2248, 0x2212, 0x2212, 0};

struct RoleFont {
  const char* file;
  const ImWchar* ranges;
};
// In core::FontRole order: Figure, Display, Title, Heading, Body, Small.
constexpr RoleFont kRoleFonts[core::kFontRoles] = {
    {"Inter-Bold.otf", kFigureRanges},    {"Inter-Bold.otf", kTextRanges},   {"Inter-SemiBold.otf", kTextRanges},
    {"Inter-SemiBold.otf", kTextRanges},  {"Inter-Regular.otf", kTextRanges}, {"Inter-Medium.otf", kTextRanges},
};

}  // namespace

bool buildFonts(const core::Layout& layout, std::string& error) {
  const char* env = std::getenv("SF_FONT_DIR");
  const std::filesystem::path dir = env && *env ? env : "/usr/share/fonts/opentype/inter";
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  io.Fonts->TexGlyphPadding = 1;
  for (std::size_t i = 0; i < core::kFontRoles; ++i) {
    const auto path = dir / kRoleFonts[i].file;
    if (!std::filesystem::exists(path)) {
      error = "font " + path.string() + " not found (install the package fonts-inter, or set SF_FONT_DIR)";
      return false;
    }
    ImFontConfig cfg;
    cfg.OversampleH = cfg.OversampleV = 1;  // FreeType hints; oversampling would only grow the atlas
    cfg.PixelSnapH = true;
    if (!io.Fonts->AddFontFromFileTTF(path.c_str(), layout.fontPx[i], &cfg, kRoleFonts[i].ranges)) {
      error = "could not load font " + path.string();
      return false;
    }
  }
  if (!io.Fonts->Build()) {
    error = "could not build the font atlas";
    return false;
  }
  return true;
}

}  // namespace sf::platform
