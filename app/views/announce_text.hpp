// The texts of an announcement in both of the feed's languages at once, shared by the important
// takeover and the emergency: measured first, then drawn one language under the other.
#pragma once
#include <string_view>

#include "draw.hpp"

namespace sf::views {

struct LanguageBlock {
  std::string_view title;
  std::string_view text;
};

// The announcement in the screen's language first, then in the feed's other one (at most two);
// a text that reads the same in both shows once. Returns how many blocks it filled.
int announcementBlocks(const ViewContext& ctx, const core::Announcement& a, LanguageBlock out[2]);

struct BlockStyle {
  TextStyle title;
  TextStyle text;
  TextStyle secondTitle;  // the other language: the same size steps, set apart by colour
  TextStyle secondText;
  core::Rgb divider;
};

// Draws the blocks from the top of `box`, stepping the type down a size (at most twice) until
// everything fits. Returns the height used.
float drawLanguageBlocks(const Pen& pen, const core::Rect& box, const LanguageBlock* blocks, int n, BlockStyle style);
// The height drawLanguageBlocks would use with `style` at `width`.
float measureLanguageBlocks(const Pen& pen, float width, const LanguageBlock* blocks, int n, const BlockStyle& style);

}  // namespace sf::views
