// A text slide: a balanced headline and a body of paragraphs and "- " lists (a welcome, house
// rules, the Wi-Fi), set as large as the screen allows, smaller down to the body size, then cut.
#include <algorithm>
#include <cmath>

#include "core/feed/slide_text.hpp"
#include "draw.hpp"

namespace sf::views {

using core::FontRole;
using core::Rect;

namespace {

constexpr std::string_view kBullet = "\xE2\x80\xA2";  // •
constexpr float kMeasureEm = 34;    // a comfortable line: about 60 characters at any size
constexpr float kBodyLeading = 1.4f;

// The body's height at `role` in a column `width` wide (list items indented by `indent`).
float bodyHeight(const Pen& pen, FontRole role, float width, std::string_view body) {
  const TextStyle s{role, pen.pal.text, kBodyLeading};
  const float lh = lineHeightPx(pen, s), indent = std::round(pen.size(role) * 1.2f);
  float h = 0;
  int blocks = 0;
  core::forEachTextBlock(body, [&](const core::TextBlock& b) {
    const int lines = countLines(pen, s, b.item ? width - indent : width, b.text);
    h += (blocks++ ? std::round(lh * core::kTextBlockGap) : 0) + (lines - 1) * lh + pen.size(role);
  });
  return h;
}

}  // namespace

void drawTextSlide(const ViewContext& ctx, const Placement& at, const core::PlaylistItem* item) {
  if (!item) return;
  const Pen pen(ctx, at);
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  const std::string& headline = item->headline.in(lang);
  const std::string& body = item->body.in(lang);
  const Rect area{l.content.x, l.content.y + l.gap * 0.5f, l.content.w, l.content.h - l.gap * 0.5f};

  // The body's size: the largest of title, heading and body type at which everything fits.
  const FontRole roles[] = {FontRole::Title, FontRole::Heading, FontRole::Body};
  const TextStyle head{FontRole::Display, pen.pal.text, 1.1f, l.compact ? 2 : 3};
  const float barH = std::max(3.f, 5 * l.scale), barSpace = barH + l.gap * 0.8f;
  FontRole role = FontRole::Body;
  float colW = area.w, headH = 0, bodyH = 0;
  bool fits = false;
  for (const FontRole r : roles) {
    colW = std::min(area.w, std::round(pen.size(r) * kMeasureEm));
    const int hl = headline.empty() ? 0 : countLines(pen, head, colW, headline, head.maxLines);
    headH = hl ? (hl - 1) * lineHeightPx(pen, head) + pen.size(FontRole::Display) + l.gap : 0;
    bodyH = body.empty() ? 0 : bodyHeight(pen, r, colW, body);
    role = r;
    if (barSpace + headH + bodyH <= area.h) {
      fits = true;
      break;
    }
  }
  const float blockH = fits ? barSpace + headH + bodyH : area.h;
  const float x = std::round(area.x + (area.w - colW) * 0.5f);
  float y = std::round(area.y + (area.h - blockH) * 0.4f);
  // The theme's accent marks the slide; without a theme, amber as the built-in slides use it.
  const core::Rgb mark = ctx.feed.theme.accent ? pen.pal.accent : pen.pal.amber;
  pen.rect({x, y, std::min(colW, l.minTarget * 1.2f), barH}, mark, 2);
  y += barSpace;
  if (!headline.empty()) y += drawText(pen, {x, y, colW, area.bottom() - y}, headline, head) - lineHeightPx(pen, head) + pen.size(FontRole::Display) + l.gap;

  // Paragraphs and list items; at the floor size, the block that reaches the bottom ends in "…".
  const TextStyle s{role, pen.pal.text, kBodyLeading};
  const float lh = lineHeightPx(pen, s), size = pen.size(role), indent = std::round(size * 1.2f);
  const float gap = std::round(lh * core::kTextBlockGap);
  int total = 0, index = 0;
  core::forEachTextBlock(body, [&](const core::TextBlock&) { ++total; });
  bool cut = false;  // the rest did not fit and was left out, the cut marked with "…"
  core::forEachTextBlock(body, [&](const core::TextBlock& b) {
    if (cut) return;
    if (index++) y += gap;
    const float room = area.bottom() - y;
    if (room < size) return;
    const float bx = b.item ? x + indent : x, w = colW - (bx - x);
    const int lines = countLines(pen, s, w, b.text);
    const float h = (lines - 1) * lh + size;
    Rect box{bx, y, w, room};
    if (h > room) {
      cut = true;  // the block itself ends in "…"
    } else if (index < total && y + h + gap + size > area.bottom()) {
      // This block fits but the next does not: the cut must still show. Its own last line gives
      // way to "…", or "…" takes the line below when there is room for it.
      cut = true;
      if (room - h >= lh) drawLine(pen, bx, y + lines * lh, w, "\xE2\x80\xA6", s);
      else if (lines > 1) box.h = h - 1;
    }
    if (b.item) drawLine(pen, x + size * 0.2f, y, indent, kBullet, {role, mark});
    y += drawText(pen, box, b.text, s) - lh + size;
  });
}

}  // namespace sf::views
