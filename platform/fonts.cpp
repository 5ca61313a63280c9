// Font atlas construction. Only the glyphs European names and texts use are rasterised (Latin
// with its extensions, quotes, dashes, a few symbols), so the atlas stays a few megabytes.
#include "fonts.hpp"

#include <vector>
#include <cstdlib>
#include <filesystem>

#include <imgui.h>
#include <imgui_freetype.h>

#include "core/feed/text_fit.hpp"

namespace sf::platform {
namespace {

// The text fonts' code point ranges in ImGui's format (pairs, zero-terminated): the core's base
// glyphs plus the feed's extra characters, so what is rasterised and what the core lets through
// (text_fit) never differ, and no glyph is rasterised that no text uses.
std::vector<ImWchar> textRanges(std::u32string_view extra) {
  std::vector<ImWchar> r;
  for (const core::CodeRange g : core::kTextGlyphs) {
    for (char32_t first = g.first; first <= g.last;) {  // the base parts of the range
      if (!core::inBaseGlyphs(first)) {
        ++first;
        continue;
      }
      char32_t last = first;
      while (last < g.last && core::inBaseGlyphs(last + 1)) ++last;
      r.push_back(static_cast<ImWchar>(first));
      r.push_back(static_cast<ImWchar>(last));
      first = last + 1;
    }
  }
  for (char32_t c : extra) {
    r.push_back(static_cast<ImWchar>(c));
    r.push_back(static_cast<ImWchar>(c));
  }
  r.push_back(0);
  return r;
}
// The big numbers of the figures slide: digits, ASCII and the symbols figures use.
constexpr ImWchar kFigureRanges[] = {0x0020, 0x007E, 0x00B0, 0x00B7, 0x2013, 0x2014, 0x20AC, 0x20AC,
                                     0x2248, 0x2248, 0x2212, 0x2212, 0};

// In core::FontRole order: Figure, Display, Title, Heading, Body, Small. Only Figure has its own ranges.
constexpr const char* kRoleFonts[core::kFontRoles] = {"Inter-Bold.otf",    "Inter-Bold.otf",    "Inter-SemiBold.otf",
                                                      "Inter-SemiBold.otf", "Inter-Regular.otf", "Inter-Medium.otf"};

}  // namespace

bool buildFonts(const core::Layout& layout, std::u32string_view extra, std::string& error) {
  const char* env = std::getenv("SF_FONT_DIR");
  const std::filesystem::path dir = env && *env ? env : "/usr/share/fonts/opentype/inter";
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const std::vector<ImWchar> text = textRanges(extra);  // ImGui reads it until Build() below
  io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  io.Fonts->TexGlyphPadding = 1;
  // The atlas as high as its glyphs need, not the next power of two: with Latin's extensions the
  // rounding alone took it from about 2048x1100 to 2048x2048, 7 MiB of RGBA nobody draws from.
  io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  for (std::size_t i = 0; i < core::kFontRoles; ++i) {
    const auto path = dir / kRoleFonts[i];
    if (!std::filesystem::exists(path)) {
      error = "font " + path.string() + " not found (install the package fonts-inter, or set SF_FONT_DIR)";
      return false;
    }
    ImFontConfig cfg;
    cfg.OversampleH = cfg.OversampleV = 1;  // FreeType hints; oversampling would only grow the atlas
    cfg.PixelSnapH = true;
    if (!io.Fonts->AddFontFromFileTTF(path.c_str(), layout.fontPx[i], &cfg, i == 0 ? kFigureRanges : text.data())) {
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
