// An important announcement owns the screen while it is valid: a warm accent band, a notice
// label in both languages, and the message in the visitor's language with the other one below.
// The info banner, which leaves the screen to whatever shows, is drawn here too.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "announce_text.hpp"
#include "core/show/ui_text.hpp"
#include "draw.hpp"

namespace sf::views {

using core::FontRole;
using core::Rect;
using core::Ui;

namespace {

inline constexpr core::Rgb kNoticeBg{36, 27, 10};
inline constexpr core::Rgb kNoticeText{250, 236, 206};  // the other language: warm, still 14:1 on the band

// "Hinweis · Notice": the label in the visitor's language, then the other's where they differ.
void bilingualLabel(const ViewContext& ctx, Ui key, char* out, std::size_t size) {
  const std::string& lang = ctx.state.language;
  const char* first = core::ui(key, lang);
  const char* second = first;
  for (const std::string& l : ctx.feed.languages)
    if (l != lang) {
      second = core::ui(key, l);
      break;
    }
  if (std::string_view(first) == second) std::snprintf(out, size, "%s", first);
  else std::snprintf(out, size, "%s \xC2\xB7 %s", first, second);
}

}  // namespace

void drawAnnouncement(const ViewContext& ctx, const Placement& at, const core::Announcement& a) {
  if (a.level == core::Level::Emergency) return drawEmergency(ctx, a);
  const Pen pen(ctx, at);
  // The notice keeps its own dark band on either base: its colours are the dark palette's.
  const core::Palette& notice = core::kDarkPalette;
  const core::Layout& l = ctx.layout;
  const float W = static_cast<float>(l.width), H = static_cast<float>(l.height);
  const float top = l.header.bottom();
  pen.rect({0, top, W, H - top}, kNoticeBg);
  const float band = std::max(10.f, 24 * l.scale);
  pen.rect({0, top, band, H - top}, notice.amber);

  const float x = band + l.margin;
  const float maxW = W - x - l.margin;
  char label[64];
  bilingualLabel(ctx, Ui::Notice, label, sizeof label);
  const Rect area{x, top + l.gap, maxW, H - top - 2 * l.gap};
  // The label's pill, a little wider than pill() makes it, so rounding never cuts its last word.
  const float ls = pen.size(FontRole::Heading);
  Rect lr = pillSize(pen, label, FontRole::Heading);
  lr = {x, area.y, std::min(maxW, lr.w + 4), lr.h};
  pen.rect(lr, notice.amber, lr.h * 0.5f);
  drawLine(pen, x + ls * 0.65f, lr.y + (lr.h - ls) * 0.5f, lr.w - ls * 1.3f + 2, label, {FontRole::Heading, notice.bg});
  const float pillBottom = lr.bottom();

  LanguageBlock blocks[2];
  const int n = announcementBlocks(ctx, a, blocks);
  const BlockStyle style{{FontRole::Display, notice.text, 1.12f},
                         {FontRole::Title, notice.text, 1.3f},
                         {FontRole::Title, kNoticeText, 1.15f},
                         {FontRole::Heading, kNoticeText, 1.3f},
                         notice.amber};
  const Rect box{x, pillBottom + l.gap, maxW, area.bottom() - pillBottom - l.gap};
  // On a wide screen the two languages stand side by side, each as large as the other, so the
  // message fills the screen it took over; elsewhere the other language goes below.
  if (n == 2 && !l.portrait && !l.compact) {
    const float colGap = l.gap * 2, colW = std::round((maxW - colGap) / 2);
    BlockStyle second = style;
    second.title = style.secondTitle;
    second.title.role = style.title.role;
    second.text = style.secondText;
    second.text.role = style.text.role;
    const float need = std::min(box.h, std::max(measureLanguageBlocks(pen, colW, &blocks[0], 1, style),
                                                measureLanguageBlocks(pen, colW, &blocks[1], 1, second)));
    const float y = box.y + std::max(0.f, (box.h - need) * 0.4f);
    drawLanguageBlocks(pen, {x, y, colW, box.bottom() - y}, &blocks[0], 1, style);
    pen.rect({x + colW + colGap * 0.5f - 1, y, std::max(2.f, l.scale * 3), need}, notice.amber);
    drawLanguageBlocks(pen, {x + colW + colGap, y, colW, box.bottom() - y}, &blocks[1], 1, second);
    return;
  }
  const float narrowW = std::min(maxW, pen.size(FontRole::Display) * 24);
  // Centred in what is left when it is short, from the top when it needs the room.
  const float need = std::min(box.h, measureLanguageBlocks(pen, narrowW, blocks, n, style));
  const float y = box.y + std::max(0.f, (box.h - need) * 0.4f);
  drawLanguageBlocks(pen, {x, y, narrowW, box.bottom() - y}, blocks, n, style);
}

namespace {

// The banner's one line of text, and its geometry: shared by the drawing and by the layout that
// reserves its room.
struct BannerGeometry {
  char joined[640];
  TextStyle line{FontRole::Title, std::nullopt, 1.2f, 2};  // the palette's bg, on its amber
  float pad = 0, textX = 0, textW = 0, h = 0;
};

void bannerGeometry(const Pen& pen, const core::Announcement& a, BannerGeometry& g) {
  const core::Layout& l = pen.ctx.layout;
  const std::string& lang = pen.ctx.state.language;
  g.line.color = pen.pal.bg;
  // One or two lines of the Title size, which reads from three metres on a hall screen.
  const std::string_view title = a.title.in(lang), text = a.text.in(lang);
  if (!title.empty()) std::snprintf(g.joined, sizeof g.joined, "%.*s: %.*s", static_cast<int>(title.size()), title.data(),
                                    static_cast<int>(text.size()), text.data());
  else std::snprintf(g.joined, sizeof g.joined, "%.*s", static_cast<int>(text.size()), text.data());
  g.pad = std::round(l.gap * 0.6f);
  const float iconW = pen.size(FontRole::Title) * 1.5f;
  g.textX = l.margin + iconW + g.pad;
  g.textW = static_cast<float>(l.width) - g.textX - l.margin;
  const int lines = std::max(1, countLines(pen, g.line, g.textW, g.joined, 2));
  g.h = std::round(lines * lineHeightPx(pen, g.line) + 2 * g.pad);
}

}  // namespace

float bannerHeight(const ViewContext& ctx, const core::Announcement& a) {
  const Pen pen(ctx, {});
  BannerGeometry g;
  bannerGeometry(pen, a, g);
  return g.h;
}

void drawBanner(const ViewContext& ctx, const core::Announcement& a) {
  const Pen pen(ctx, {});
  const core::Layout& l = ctx.layout;
  const float W = static_cast<float>(l.width);
  BannerGeometry g;
  bannerGeometry(pen, a, g);
  const float h = g.h, pad = g.pad;
  // At the bottom it sits above the progress bar's band; at the top, under the header. Slides
  // were laid out around it (core::reserveBanner).
  const float y = a.bannerTop ? l.header.bottom() : l.bannerBottom - h;
  pen.rect({0, y, W, h}, pen.pal.amber);
  // What the banner covers cannot be seen, so it does not react to a tap either.
  std::erase_if(ctx.report.hits, [&](const core::HitTarget& t) {
    const float cy = t.rect.y + t.rect.h * 0.5f;
    return cy >= y && cy < y + h;
  });
  pen.rect({0, a.bannerTop ? y + h - 2 : y, W, 2}, {120, 84, 10});
  // An "i" in a dark disc marks it as information, not as an alarm.
  const float r = pen.size(FontRole::Title) * 0.62f;
  const ImVec2 c = pen.pos(l.margin + r, y + h * 0.5f);
  pen.dl->AddCircleFilled(c, r, pen.color(pen.pal.bg), 32);
  const float iw = std::max(3.f, r * 0.28f);
  pen.dl->AddRectFilled({c.x - iw * 0.5f, c.y - r * 0.15f}, {c.x + iw * 0.5f, c.y + r * 0.6f}, pen.color(pen.pal.amber));
  pen.dl->AddCircleFilled({c.x, c.y - r * 0.45f}, iw * 0.62f, pen.color(pen.pal.amber), 16);
  drawText(pen, {g.textX, y + pad, g.textW, h - pad}, g.joined, g.line);
}

}  // namespace sf::views
