// The frame around every screen: background, the header bar (feed title, back/explore,
// language switch, date and clock) and the thin rotation progress bar at the bottom.
#include <algorithm>
#include <cmath>

#include "core/show/ui_text.hpp"
#include "draw.hpp"

namespace sf::views {

using core::FontRole;
using core::Rect;
using core::Ui;

void drawBackground(const ViewContext& ctx) {
  drawBackground(ctx, {0, 0, static_cast<float>(ctx.layout.width), static_cast<float>(ctx.layout.height)});
}

void drawBackground(const ViewContext& ctx, const core::Rect& area, float alpha) {
  const Pen pen(ctx, {});
  pen.rect(area, pen.pal.bg, 0, alpha);
}

void drawHeader(const ViewContext& ctx, HeaderKind kind) {
  const Pen pen(ctx, {});
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  const Rect bar = l.header;
  const float m = l.margin, gap = std::round(l.gap * 0.6f);
  const float target = l.minTarget;
  // In portrait the controls have a bar of their own at the bottom, where hands are; an
  // announcement keeps its language switch up with the clock.
  const bool below = !l.controls.empty() && kind != HeaderKind::Announcement;
  const Rect cbar = below ? l.controls : bar;
  const float by = cbar.y + (cbar.h - target) * 0.5f;  // buttons centred in their bar
  pen.rect({m, bar.bottom() - 1, bar.w - 2 * m, 1}, pen.pal.line);
  if (below) {
    pen.rect(cbar, pen.pal.bg);
    pen.rect({m, cbar.y, cbar.w - 2 * m, 1}, pen.pal.line);
  }

  // Right to left: clock, date, language switch, explore.
  float right = bar.right() - m;
  const float clockSize = pen.size(FontRole::Title);
  const float clockW = figureWidth(pen, FontRole::Title, ctx.text.clock);
  drawFigures(pen, right - clockW, bar.y + (bar.h - clockSize) * 0.5f, ctx.text.clock, {FontRole::Title, pen.pal.text});
  right -= clockW + gap;

  const float dateW = textWidth(pen, FontRole::Body, ctx.text.date);
  const bool showDate = bar.w > 1200;  // narrower bars keep the room for the feed title
  if (showDate) {
    drawLine(pen, right - dateW, bar.y + (bar.h - pen.size(FontRole::Body)) * 0.5f, dateW + 1, ctx.text.date,
             {FontRole::Body, pen.pal.muted});
    right -= dateW + gap * 1.5f;
  }
  const float titleRight = right;
  if (below) right = cbar.right() - m;

  if (ctx.feed.languages.size() > 1) {
    const std::size_t n = std::min<std::size_t>(ctx.feed.languages.size(), 4);
    const float segW = std::max(target, pen.size(FontRole::Small) * 3.2f);
    const Rect sw{right - segW * n, by, segW * n, target};
    pen.rect(sw, pen.pal.surfaceHigh, target * 0.5f);
    for (std::size_t i = 0; i < n; ++i) {
      const Rect seg{sw.x + segW * i, by, segW, target};
      const bool on = ctx.feed.languages[i] == lang;
      if (on || pen.pressed(seg)) pen.rect(seg.inset(3), on ? pen.pal.accent : pen.pal.line, (target - 6) * 0.5f);
      char label[8];
      core::languageLabel(ctx.feed.languages[i], label, sizeof label);
      const float w = textWidth(pen, FontRole::Small, label);
      drawLine(pen, seg.x + (segW - w) * 0.5f, by + (target - pen.size(FontRole::Small)) * 0.5f, segW, label,
               {FontRole::Small, on ? pen.pal.onAccent : pen.pal.muted});
      pen.hit(seg, {core::ActionKind::SetLanguage, i});
    }
    right = sw.x - gap;
  }

  float left = m;
  if (kind == HeaderKind::Rotation) {
    // "Explore" leads to the fields of action, "Programme" to the events: each only when there is
    // something behind it.
    auto entry = [&](Ui text, core::ActionKind action) {
      const char* label = ui(text, lang);
      const float w = std::max(target * 1.6f, textWidth(pen, FontRole::Small, label) + pen.size(FontRole::Small) * 2.2f);
      if (right - w < left) return;  // type sized for a far viewing distance on a narrow bar
      button(pen, {right - w, by, w, target}, label, {action}, pen.pal.surfaceHigh);
      right -= w + gap;
    };
    if (!ctx.feed.fields.empty()) entry(Ui::Explore, core::ActionKind::BrowseFields);
    if (!ctx.feed.events.empty()) entry(Ui::Programme, core::ActionKind::OpenProgramme);
  } else if (kind == HeaderKind::Browsing) {
    char label[48];
    std::snprintf(label, sizeof label, "\xE2\x86\x90  %s", ui(Ui::Back, lang));
    const float w = std::max(target * 1.6f, textWidth(pen, FontRole::Small, label) + pen.size(FontRole::Small) * 2.2f);
    button(pen, {left, by, w, target}, label, {core::ActionKind::Back}, pen.pal.surfaceHigh);
    left += w + gap;
  }
  if (below) {  // the header above holds the title alone, up to the clock
    left = m;
    right = titleRight;
  }

  // The theme's logo leads (scaled to the bar with margins, at most a quarter of its width);
  // while it loads or when it failed, the title alone, as without one. A themed accent without
  // a logo gives the title a mark.
  const float logoH = std::round(bar.h - 2 * std::max(gap, bar.h * 0.18f));
  if (const FeedImage* logo = feedImage(ctx, ctx.feed.theme.logo()); logo && logoH > 0) {
    const float logoW = std::min(std::round(logoH * logo->width / static_cast<float>(logo->height)), bar.w * 0.25f);
    const float h = std::round(logoW * logo->height / static_cast<float>(logo->width));
    if (right - left - gap > logoW) {
      const ImVec2 a = pen.pos(left, std::round(bar.y + (bar.h - h) * 0.5f));
      pen.dl->AddImage(reinterpret_cast<ImTextureID>(logo->texture), a, {a.x + logoW, a.y + h}, {0, 0}, {1, 1},
                       pen.color({255, 255, 255}));
      left += logoW + gap * 1.5f;
    }
  } else if (ctx.feed.theme.accent) {
    const float markH = pen.size(FontRole::Heading), markW = std::max(4.f, std::round(markH * 0.22f));
    pen.rect({left, bar.y + (bar.h - markH) * 0.5f, markW, markH}, pen.pal.accent, markW * 0.5f);
    left += markW + gap;
  }

  // The feed title takes what is left; on narrow screens it yields to the controls.
  const float titleW = right - left - gap;
  if (titleW > pen.size(FontRole::Heading) * 3) {
    drawLine(pen, left, bar.y + (bar.h - pen.size(FontRole::Heading)) * 0.5f, titleW, ctx.feed.title.in(lang),
             {FontRole::Heading, pen.pal.text});
  }
}

void drawLayer(const ViewContext& ctx, std::uintptr_t texture, const Placement& at, float height, float from) {
  if (!texture || at.alpha <= 0) return;
  const Pen pen(ctx, at);
  const float w = static_cast<float>(ctx.layout.width), h = height > 0 ? height : static_cast<float>(ctx.layout.height);
  from = std::clamp(std::round(from), 0.f, h - 1);
  // Whole pixels: a fractional offset would make the renderer resample the texture.
  const ImVec2 a{std::round(at.dx), std::round(at.dy) + from};
  pen.dl->AddImage(reinterpret_cast<ImTextureID>(texture), a, {a.x + w, a.y + h - from}, {0, from / h}, {1, 1},
                   pen.color({255, 255, 255}));
}

void drawProgress(const ViewContext& ctx, double progress, core::Rgb accent) {
  const Pen pen(ctx, {});
  const core::Layout& l = ctx.layout;
  const float h = l.progressHeight;
  const float y = l.height - h;
  pen.rect({0, y, static_cast<float>(l.width), h}, pen.pal.surfaceHigh);
  pen.rect({0, y, static_cast<float>(l.width * std::clamp(progress, 0.0, 1.0)), h}, accent);
}

}  // namespace sf::views
