// What the player's fonts can show, and the fallback for what they cannot: emoji are dropped as
// decoration, other missing characters show as one □ per run, or another language steps in.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "core/feed/model.hpp"

namespace sf::core {

struct CodeRange {
  char32_t first, last;
};

// The characters the player's text fonts are built with (Inter has every one of them): Latin
// with its extensions for European names, and the typographic marks the views use.
inline constexpr CodeRange kTextGlyphs[] = {
    {0x0020, 0x007E}, {0x00A0, 0x024F}, {0x2013, 0x2014}, {0x2018, 0x201A}, {0x201C, 0x201E},
    {0x2022, 0x2022}, {0x2026, 0x2026}, {0x2082, 0x2082}, {0x20AC, 0x20AC}, {0x2190, 0x2192},
    {0x2212, 0x2212}, {0x2248, 0x2248}, {0x25A1, 0x25A1},
};
inline constexpr char32_t kMissingGlyph = 0x25A1;  // □
// What every font atlas holds: Latin-1 and the marks above. The rest of kTextGlyphs (Latin's
// extensions) is rasterised only when a feed uses it: each glyph costs atlas memory at every size.
inline constexpr char32_t kBaseGlyphsEnd = 0x0100;  // below: Latin-1; above: the marks, always
inline bool inBaseGlyphs(char32_t c) { return c < kBaseGlyphsEnd || c > 0x024F; }

bool canShow(char32_t c);
// Every character of `utf8` can be shown (line breaks and tabs count as shown).
bool canShowAll(std::string_view utf8);

// The text as the screen can show it: emoji, their joiners and variation selectors, and
// combining marks are left out (the base letter stays); each run of other characters the font
// lacks, spaces between them included, becomes one □; spaces doubled by a removal collapse.
std::string fitToFont(std::string_view utf8);

// Every visible text of the feed made showable. A language whose text cannot be fully shown
// takes another language's text that can; only if none can is it fitted with □. Returns how
// many texts were changed, for the status page.
std::size_t fitFeedToFont(Feed& feed);
// Every text of the feed can be shown as it is: fitFeedToFont would change nothing.
bool fitsFont(const Feed& feed);

// The characters of the feed's texts that the fonts can show but the base atlas lacks (e.g. Ł, ș),
// sorted, each once: the player adds them to its atlas.
std::u32string extraGlyphs(const Feed& feed);

}  // namespace sf::core
