// The strip below the content that tells visitors the screen answers touch: where the rotation
// is (page dots), "Tap for more" after a quiet while, and while it waits for a visitor, when it goes on.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/show/ui_text.hpp"
#include "draw.hpp"

namespace sf::views {

namespace {

// More slides than this and dots would be specks: the place is given as "3 / 42".
constexpr std::size_t kMostDots = 15;

}  // namespace

void drawTouchStrip(const ViewContext& ctx, const TouchStrip& strip) {
  const Pen pen(ctx, {});
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  // The band between the content and the progress bar: nothing of a view's lies there.
  const float top = l.content.bottom();
  const float bottom = l.controls.empty() ? static_cast<float>(l.height) - l.progressHeight : l.controls.y;
  const float band = bottom - top;
  const float text = pen.size(core::FontRole::Small);
  if (band < text) return;
  const float pillH = std::min(band - 2, std::round(text * 1.7f));
  const float y = std::round(top + (band - pillH) * 0.5f);
  const float pad = std::round(pillH * 0.55f), gap = std::round(pillH * 0.45f);

  // What the strip holds, measured first so it can be centred as one group.
  char words[96] = "";
  if (strip.resumesIn) {
    const long long s = std::max<long long>(0, strip.resumesIn->count());
    std::snprintf(words, sizeof words, core::ui(core::Ui::PausedResumes, lang), s / 60, s % 60);
  } else if (strip.hint) {
    std::snprintf(words, sizeof words, "%s", core::ui(core::Ui::TapToOpen, lang));
  }
  const bool dots = strip.slides > 1 && strip.slides <= kMostDots;
  char place[48] = "";
  if (strip.slides > kMostDots) std::snprintf(place, sizeof place, "%zu / %zu", strip.current + 1, strip.slides);
  const float dot = std::max(4.f, std::round(pillH * 0.28f)), dotGap = std::round(dot * 1.1f);
  const float dotsW = dots ? strip.slides * dot + (strip.slides - 1) * dotGap : 0;
  const float placeW = place[0] ? figureWidth(pen, core::FontRole::Small, place) : 0;
  const float pauseW = strip.resumesIn ? std::round(text * 0.6f) : 0;  // the pause sign before the words
  const float wordsW = words[0] ? textWidth(pen, core::FontRole::Small, words) + pauseW + (pauseW > 0 ? gap * 0.6f : 0) : 0;
  const float marker = dots ? dotsW : placeW;
  if (marker <= 0 && wordsW <= 0) return;
  float w = marker + wordsW + (marker > 0 && wordsW > 0 ? gap * 1.5f : 0) + 2 * pad;
  w = std::min(w, static_cast<float>(l.width) - 2 * l.margin);
  float x = std::round((static_cast<float>(l.width) - w) * 0.5f);
  pen.rect({x, y, w, pillH}, pen.pal.surface, pillH * 0.5f, 0.92f);
  x += pad;
  const float mid = y + pillH * 0.5f;
  if (dots) {
    for (std::size_t i = 0; i < strip.slides; ++i) {
      const bool on = i == strip.current;
      pen.rect({x, std::round(mid - dot * 0.5f), dot, dot}, on ? pen.pal.accent : pen.pal.line, dot * 0.5f);
      x += dot + dotGap;
    }
    x += gap * 1.5f - dotGap;
  } else if (place[0]) {
    drawFigures(pen, x, std::round(mid - text * 0.5f), place, {core::FontRole::Small, pen.pal.muted});
    x += placeW + gap * 1.5f;
  }
  if (!words[0]) return;
  if (pauseW > 0) {  // two bars: the sign for a pause
    const float barW = std::max(2.f, std::round(pauseW * 0.3f)), barH = std::round(text * 0.75f);
    pen.rect({x, std::round(mid - barH * 0.5f), barW, barH}, pen.pal.text, 1);
    pen.rect({x + pauseW - barW, std::round(mid - barH * 0.5f), barW, barH}, pen.pal.text, 1);
    x += pauseW + gap * 0.6f;
  }
  const float room = std::round(static_cast<float>(l.width) - l.margin - pad) - x;
  drawLine(pen, x, std::round(mid - text * 0.5f), room, words,
           {core::FontRole::Small, strip.resumesIn ? pen.pal.text : pen.pal.muted});
}

}  // namespace sf::views
