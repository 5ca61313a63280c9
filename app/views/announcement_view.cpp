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
  const core::Layout& l = ctx.layout;
  const float W = static_cast<float>(l.width), H = static_cast<float>(l.height);
  const float top = l.header.bottom();
  pen.rect({0, top, W, H - top}, kNoticeBg);
  const float band = std::max(10.f, 24 * l.scale);
  pen.rect({0, top, band, H - top}, palette::amber);

  const float x = band + l.margin;
  const float maxW = std::min(W - x - l.margin, pen.size(FontRole::Display) * 24);
  char label[64];
  bilingualLabel(ctx, Ui::Notice, label, sizeof label);
  const Rect area{x, top + l.gap, maxW, H - top - 2 * l.gap};
  // The label's pill, a little wider than pill() makes it, so rounding never cuts its last word.
  const float ls = pen.size(FontRole::Heading);
  Rect lr = pillSize(pen, label, FontRole::Heading);
  lr = {x, area.y, std::min(maxW, lr.w + 4), lr.h};
  pen.rect(lr, palette::amber, lr.h * 0.5f);
  drawLine(pen, x + ls * 0.65f, lr.y + (lr.h - ls) * 0.5f, lr.w - ls * 1.3f + 2, label, {FontRole::Heading, palette::bg});
  const float pillBottom = lr.bottom();

  LanguageBlock blocks[2];
  const int n = announcementBlocks(ctx, a, blocks);
  const BlockStyle style{{FontRole::Display, palette::text, 1.12f},
                         {FontRole::Title, palette::text, 1.3f},
                         {FontRole::Title, kNoticeText, 1.15f},
                         {FontRole::Heading, kNoticeText, 1.3f},
                         palette::amber};
  const Rect box{x, pillBottom + l.gap, maxW, area.bottom() - pillBottom - l.gap};
  // Centred in what is left when it is short, from the top when it needs the room.
  const float need = std::min(box.h, measureLanguageBlocks(pen, maxW, blocks, n, style));
  const float y = box.y + std::max(0.f, (box.h - need) * 0.4f);
  drawLanguageBlocks(pen, {x, y, maxW, box.bottom() - y}, blocks, n, style);
}

namespace {

// The banner's one line of text, and its geometry: shared by the drawing and by the layout that
// reserves its room.
struct BannerGeometry {
  char joined[640];
  TextStyle line{FontRole::Title, palette::bg, 1.2f, 2};
  float pad = 0, textX = 0, textW = 0, h = 0;
};

void bannerGeometry(const Pen& pen, const core::Announcement& a, BannerGeometry& g) {
  const core::Layout& l = pen.ctx.layout;
  const std::string& lang = pen.ctx.state.language;
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
  pen.rect({0, y, W, h}, palette::amber);
  // What the banner covers cannot be seen, so it does not react to a tap either.
  std::erase_if(ctx.report.hits, [&](const core::HitTarget& t) {
    const float cy = t.rect.y + t.rect.h * 0.5f;
    return cy >= y && cy < y + h;
  });
  pen.rect({0, a.bannerTop ? y + h - 2 : y, W, 2}, {120, 84, 10});
  // An "i" in a dark disc marks it as information, not as an alarm.
  const float r = pen.size(FontRole::Title) * 0.62f;
  const ImVec2 c = pen.pos(l.margin + r, y + h * 0.5f);
  pen.dl->AddCircleFilled(c, r, pen.color(palette::bg), 32);
  const float iw = std::max(3.f, r * 0.28f);
  pen.dl->AddRectFilled({c.x - iw * 0.5f, c.y - r * 0.15f}, {c.x + iw * 0.5f, c.y + r * 0.6f}, pen.color(palette::amber));
  pen.dl->AddCircleFilled({c.x, c.y - r * 0.45f}, iw * 0.62f, pen.color(palette::amber), 16);
  drawText(pen, {g.textX, y + pad, g.textW, h - pad}, g.joined, g.line);
}

}  // namespace sf::views
