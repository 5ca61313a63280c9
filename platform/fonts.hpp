// Building the player's fonts into the current ImGui context's atlas: Inter, rasterised by
// FreeType, one font per core::FontRole at the layout's pixel size.
#pragma once
#include <string>
#include <string_view>

#include "core/show/layout.hpp"

namespace sf::platform {

// Clears the atlas and adds the fonts in core::FontRole order (so the views find role `r` at
// index r). The directory comes from SF_FONT_DIR, else Debian's fonts-inter location.
// `extra`: characters beyond the base glyphs that the feed uses (core::extraGlyphs).
bool buildFonts(const core::Layout& layout, std::u32string_view extra, std::string& error);

}  // namespace sf::platform
