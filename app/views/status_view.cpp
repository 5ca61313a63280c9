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
  const std::string& lang = ctx.state.language;
  const float W = static_cast<float>(l.width), H = static_cast<float>(l.height);
  pen.rect({0, 0, W, H}, pen.pal.bg);  // opaque: the rotation behind would make it hard to read

  const float x = l.margin, width = W - 2 * l.margin;
  float y = l.margin;
  const TextStyle heading{FontRole::Title, pen.pal.text, 1.2f, 1};
  const float titleW = drawLine(pen, x, y, width * 0.6f, core::ui(core::Ui::StatusTitle, lang), heading);
  // The verdict first, in one word, beside the title: what someone walking past needs to know.
  const bool problem = std::any_of(rows.begin(), rows.end(), [](const StatusRow& r) { return r.fault; });
  const char* verdict = core::ui(problem ? core::Ui::StatusProblem : core::Ui::StatusOk, lang);
  const float pillY = y + (pen.size(FontRole::Title) - pillSize(pen, verdict).h) * 0.5f;
  pill(pen, x + titleW + l.gap, pillY, width - titleW - l.gap, verdict, problem ? core::Rgb{180, 35, 24} : core::Rgb{26, 127, 72});
  y += pen.size(FontRole::Title) * 1.6f;

  const TextStyle label{FontRole::Small, pen.pal.faint, 1.25f, 1};
  const TextStyle value{FontRole::Body, pen.pal.text, 1.25f, 2};
  // An error is read whole: as many lines as it takes where the page has room, else four.
  TextStyle fault{FontRole::Body, pen.pal.live, 1.25f, 0};
  // Two columns on wide screens, one on narrow ones: labels above values either way. Each row is
  // as tall as its value; the columns break at half the rows' total height.
  const int columns = W > H && W >= 760 ? 2 : 1;
  const float colW = (width - (columns - 1) * l.gap) / columns;
  const float labelH = lineHeightPx(pen, label), gap = l.gap * 0.5f;
  auto rowHeight = [&](const StatusRow& r) {
    const TextStyle& s = r.fault ? fault : value;
    const int lines = std::max(1, countLines(pen, s, colW, r.value.empty() ? "–" : r.value, s.maxLines));
    return labelH + (lines - 1) * lineHeightPx(pen, s) + pen.size(s.role) * 1.3f + gap;
  };
  float total = 0;
  for (const auto& r : rows) total += rowHeight(r);
  const float bottom = H - l.margin - pen.size(FontRole::Small) * 2;
  if (total / columns > bottom - y) {
    fault.maxLines = 4;
    total = 0;
    for (const auto& r : rows) total += rowHeight(r);
  }
  float cy = y, cx = x, used = 0;
  int col = 0;
  for (const auto& r : rows) {
    const float h = rowHeight(r);
    if (col + 1 < columns && used > 0 && used + h * 0.5f > total / columns) {
      ++col;
      cx += colW + l.gap;
      cy = y;
      used = 0;
    }
    used += h;
    if (cy + h - gap > bottom) continue;  // a very small screen shows what fits
    drawLine(pen, cx, cy, colW, r.label, label);
    drawText(pen, {cx, cy + labelH, colW, h - labelH - gap + 1}, r.value.empty() ? "–" : r.value, r.fault ? fault : value);
    cy += h;
  }
  const char* hint = core::ui(core::Ui::StatusClose, lang);
  drawLine(pen, x, H - l.margin * 0.8f - pen.size(FontRole::Small), width, hint, label);
}

}  // namespace sf::views
