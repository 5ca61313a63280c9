// An image slide: a poster whole on the background ("fit") or a photo over the whole slide
// ("fill"), an optional caption below the poster or on a scrim over the photo. While the picture
// loads, or when it cannot be shown, a quiet card says what it would show (caption or alt text).
#include <algorithm>
#include <cmath>

#include "draw.hpp"

namespace sf::views {

using core::FontRole;
using core::Rect;

namespace {

// The largest box of the picture's shape inside `r`, centred (CSS object-fit: contain).
Rect containBox(const Rect& r, int width, int height) {
  const float pic = static_cast<float>(width) / static_cast<float>(height);
  float w = r.w, h = r.w / pic;
  if (h > r.h) {
    h = r.h;
    w = r.h * pic;
  }
  return {std::round(r.x + (r.w - w) * 0.5f), std::round(r.y + (r.h - h) * 0.5f), std::round(w), std::round(h)};
}

// A picture frame drawn in lines: a mountain and a sun, the sign for "an image belongs here".
void pictureSign(const Pen& pen, const Rect& r, core::Rgb c) {
  const float stroke = std::max(2.f, r.w * 0.05f);
  pen.dl->AddRect(pen.pos(r.x, r.y), pen.pos(r.right(), r.bottom()), pen.color(c), r.w * 0.08f, 0, stroke);
  const ImVec2 a = pen.pos(r.x + r.w * 0.15f, r.bottom() - r.h * 0.2f), b = pen.pos(r.x + r.w * 0.42f, r.y + r.h * 0.42f),
               m = pen.pos(r.x + r.w * 0.6f, r.y + r.h * 0.62f), n = pen.pos(r.x + r.w * 0.72f, r.y + r.h * 0.5f),
               e = pen.pos(r.right() - r.w * 0.15f, r.bottom() - r.h * 0.2f);
  const ImVec2 pts[] = {a, b, m, n, e};
  pen.dl->AddPolyline(pts, 5, pen.color(c), 0, stroke);
  pen.dl->AddCircle(pen.pos(r.x + r.w * 0.7f, r.y + r.h * 0.28f), r.w * 0.09f, pen.color(c), 24, stroke);
}

// What stands in for the picture: a card on the slide with the sign and the caption, the alt text
// or, failing both, the feed's title. Never black, never empty.
void placeholder(const Pen& pen, const Rect& area, std::string_view text) {
  const core::Layout& l = pen.ctx.layout;
  const Rect card = area.inset(l.margin * 0.5f);
  pen.rect(card, pen.pal.surface, l.radius);
  const float sign = std::round(std::clamp(std::min(card.w, card.h) * 0.18f, 40.f, 180.f));
  const TextStyle s{FontRole::Title, pen.pal.muted, 1.25f, l.compact ? 3 : 4, true};
  const float textW = std::min(card.w - 2 * l.margin, pen.size(FontRole::Title) * 26);
  const int lines = text.empty() ? 0 : countLines(pen, s, textW, text, s.maxLines);
  const float textH = lines ? (lines - 1) * lineHeightPx(pen, s) + pen.size(FontRole::Title) : 0;
  const float blockH = sign + (lines ? l.gap + textH : 0);
  float y = std::round(card.y + std::max(0.f, (card.h - blockH) * 0.5f));
  pictureSign(pen, {std::round(card.x + (card.w - sign) * 0.5f), y, sign, std::round(sign * 0.78f)}, pen.pal.faint);
  y += sign + l.gap;
  if (lines) drawText(pen, {card.x + (card.w - textW) * 0.5f, y, textW, card.bottom() - y}, text, s);
}

}  // namespace

void drawImageSlide(const ViewContext& ctx, const Placement& at, const core::PlaylistItem* item) {
  const Pen pen(ctx, at);
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  const float W = static_cast<float>(l.width);
  const float top = l.header.bottom(), bottom = l.height - l.progressHeight;
  const Rect slide{0, top, W, bottom - top};
  const FeedImage* image = item && item->image ? feedImage(ctx, item->image->src) : nullptr;
  const std::string& caption = item ? item->caption.in(lang) : ctx.feed.title.in(lang);
  if (!image) {
    const std::string& alt = item && item->image ? item->image->alt.in(lang) : caption;
    placeholder(pen, {slide.x, slide.y, slide.w, std::min(slide.h, l.content.bottom() - slide.y)},
                !caption.empty() ? std::string_view(caption) : !alt.empty() ? std::string_view(alt) : std::string_view(ctx.feed.title.in(lang)));
    return;
  }

  // The caption: at most two lines, a column as wide as reads well.
  const TextStyle cap{FontRole::Title, pen.pal.text, 1.25f, 2, true};
  const float capW = std::min(W - 2 * l.margin, pen.size(FontRole::Title) * 30);
  const int capLines = caption.empty() ? 0 : countLines(pen, cap, capW, caption, cap.maxLines);
  const float capTextH = capLines ? (capLines - 1) * lineHeightPx(pen, cap) + pen.size(FontRole::Title) : 0;
  const float pad = l.gap * 0.8f;
  // The caption's band ends above the content's bottom, which a banner moves up.
  const float bandBottom = std::min(bottom, l.content.bottom() + pad);
  const Rect band{0, bandBottom - capTextH - 2 * pad, W, capTextH + 2 * pad};
  const auto id = reinterpret_cast<ImTextureID>(image->texture);
  if (item->fit == core::ImageFit::Fill) {
    imageCover(pen, slide, *image);
    if (capLines) {
      // A scrim the picture cannot brighten past the caption's contrast (kCaptionScrim).
      pen.rect({0, band.y, W, bottom - band.y}, pen.pal.bg, 0, kCaptionScrim);
      drawText(pen, {(W - capW) * 0.5f, band.y + pad, capW, capTextH + 1}, caption, cap);
    }
    return;
  }
  // A poster whole, on the background; the caption below it.
  const Rect room{l.margin, top + l.gap * 0.5f, W - 2 * l.margin, (capLines ? band.y : bandBottom) - top - l.gap * 0.5f};
  Rect box = containBox(room, image->width, image->height);
  // Poster and caption as one group, centred: a caption belongs right under its poster.
  const float groupH = box.h + (capLines ? pad + capTextH : 0);
  box.y = std::round(room.y + std::max(0.f, (bandBottom - pad - room.y - groupH) * 0.5f));
  pen.dl->AddImage(id, pen.pos(box.x, box.y), pen.pos(box.right(), box.bottom()), {0, 0}, {1, 1}, pen.color({255, 255, 255}));
  if (capLines) drawText(pen, {(W - capW) * 0.5f, box.bottom() + pad, capW, capTextH + 1}, caption, cap);
}

}  // namespace sf::views
