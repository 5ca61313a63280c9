// An announcement from the feed owns the screen while it is valid: a warm accent band, a
// notice label, a large title and the text, centred so it reads from across a room.
#include <algorithm>
#include <cmath>

#include "core/show/ui_text.hpp"
#include "draw.hpp"

namespace sf::views {

using core::FontRole;
using core::Rect;
using core::Ui;

void drawAnnouncement(const ViewContext& ctx, const Placement& at, const core::Announcement& a) {
  const Pen pen(ctx, at);
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  const float W = static_cast<float>(l.width), H = static_cast<float>(l.height);
  const float top = l.header.bottom();
  pen.rect({0, top, W, H - top}, {30, 24, 12});
  pen.rect({0, top, std::max(8.f, 20 * l.scale), H - top}, palette::amber);

  const float maxW = std::min(l.content.w - l.margin, pen.size(FontRole::Display) * 22);
  const float x = l.margin * 1.5f;
  const TextStyle title{FontRole::Display, palette::text, 1.12f, 4};
  const TextStyle body{FontRole::Title, {236, 226, 205}, 1.3f, l.compact ? 4 : 6};
  const float pillH = pillSize(pen, "X").h;
  const float titleH = [&] {
    const int n = countLines(pen, title, maxW, a.title.in(lang), title.maxLines);
    return n ? (n - 1) * lineHeightPx(pen, title) + pen.size(FontRole::Display) : 0.f;
  }();
  const float bodyH = [&] {
    const int n = countLines(pen, body, maxW, a.text.in(lang), body.maxLines);
    return n ? (n - 1) * lineHeightPx(pen, body) + pen.size(FontRole::Title) : 0.f;
  }();
  const float total = pillH + l.gap + titleH + (bodyH > 0 ? l.gap + bodyH : 0);
  const Rect area = l.content;
  float y = std::max(area.y + l.gap * 0.5f, area.y + (area.h - total) * 0.45f);
  y = pill(pen, x, y, maxW, ui(Ui::Notice, lang), palette::amber).bottom() + l.gap;
  y += drawText(pen, {x, y, maxW, area.bottom() - y}, a.title.in(lang), title) + l.gap - lineHeightPx(pen, title) + pen.size(FontRole::Display);
  if (bodyH > 0 && area.bottom() - y > pen.size(FontRole::Title))
    drawText(pen, {x, y, maxW, area.bottom() - y}, a.text.in(lang), body);
}

}  // namespace sf::views
