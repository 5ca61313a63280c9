// The status page organisers open with a long press in the top-left corner: what this screen
// plays, where from, when it last heard from the server and what went wrong, in plain words.
#include <algorithm>

#include "core/show/ui_text.hpp"
#include "draw.hpp"

namespace sf::views {

using core::FontRole;
using core::Rect;

void drawStatus(const ViewContext& ctx, const std::vector<StatusRow>& rows) {
  const Pen pen(ctx, {});
  const core::Layout& l = ctx.layout;
  const float W = static_cast<float>(l.width), H = static_cast<float>(l.height);
  pen.rect({0, 0, W, H}, palette::bg);  // opaque: the rotation behind would make it hard to read

  const float x = l.margin, width = W - 2 * l.margin;
  float y = l.margin;
  const TextStyle heading{FontRole::Title, palette::text, 1.2f, 1};
  drawLine(pen, x, y, width, core::ui(core::Ui::StatusTitle, ctx.state.language), heading);
  y += pen.size(FontRole::Title) * 1.6f;

  const TextStyle label{FontRole::Small, palette::faint, 1.25f, 1};
  const TextStyle value{FontRole::Body, palette::text, 1.25f, 2};
  const TextStyle fault{FontRole::Body, palette::live, 1.25f, 2};
  // Two columns on wide screens, one on narrow ones: labels above values either way.
  const int columns = W > H && W >= 1000 ? 2 : 1;
  const float colW = (width - (columns - 1) * l.gap) / columns;
  const float rowH = lineHeightPx(pen, label) + 2 * lineHeightPx(pen, value) + l.gap * 0.5f;
  const std::size_t perColumn = (rows.size() + columns - 1) / columns;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::size_t col = i / std::max<std::size_t>(1, perColumn), row = i % std::max<std::size_t>(1, perColumn);
    const float cx = x + col * (colW + l.gap);
    const float cy = y + row * rowH;
    if (cy + rowH > H - l.margin) continue;  // a very small screen shows what fits
    drawLine(pen, cx, cy, colW, rows[i].label, label);
    drawText(pen, {cx, cy + lineHeightPx(pen, label), colW, rowH - lineHeightPx(pen, label)}, rows[i].value.empty() ? "–" : rows[i].value,
             rows[i].fault ? fault : value);
  }
  const char* hint = core::ui(core::Ui::StatusClose, ctx.state.language);
  drawLine(pen, x, H - l.margin * 0.8f - pen.size(FontRole::Small), width, hint, label);
}

}  // namespace sf::views
