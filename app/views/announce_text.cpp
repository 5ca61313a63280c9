// Both languages of an announcement, measured and drawn: the visitor's language on top, the
// other under a thin rule, the type stepped down until the whole message fits the screen.
#include "announce_text.hpp"

#include <algorithm>

namespace sf::views {
namespace {

using core::FontRole;

FontRole smaller(FontRole r) {
  switch (r) {
    case FontRole::Figure: return FontRole::Display;
    case FontRole::Display: return FontRole::Title;
    case FontRole::Title: return FontRole::Heading;
    case FontRole::Heading: return FontRole::Body;
    default: return FontRole::Small;
  }
}

float textHeight(const Pen& pen, const TextStyle& s, float width, std::string_view text) {
  if (text.empty()) return 0;
  const int n = countLines(pen, s, width, text, s.maxLines);
  return n ? (n - 1) * lineHeightPx(pen, s) + pen.size(s.role) * 1.15f : 0.f;
}

float blockGap(const Pen& pen) { return pen.ctx.layout.gap * 0.5f; }

}  // namespace

int announcementBlocks(const ViewContext& ctx, const core::Announcement& a, LanguageBlock out[2]) {
  const std::string& lang = ctx.state.language;
  out[0] = {a.title.in(lang), a.text.in(lang)};
  int n = 1;
  for (const std::string& other : ctx.feed.languages) {
    if (other == lang) continue;
    const LanguageBlock b{a.title.in(other), a.text.in(other)};
    if (b.title != out[0].title || b.text != out[0].text) out[n++] = b;
    break;
  }
  return n;
}

float measureLanguageBlocks(const Pen& pen, float width, const LanguageBlock* blocks, int n, const BlockStyle& st) {
  float h = 0;
  for (int i = 0; i < n; ++i) {
    const TextStyle& t = i ? st.secondTitle : st.title;
    const TextStyle& x = i ? st.secondText : st.text;
    if (i) h += pen.ctx.layout.gap * 1.2f;  // the rule between the languages
    const float th = textHeight(pen, t, width, blocks[i].title);
    const float xh = textHeight(pen, x, width, blocks[i].text);
    h += th + (th > 0 && xh > 0 ? blockGap(pen) : 0) + xh;
  }
  return h;
}

float drawLanguageBlocks(const Pen& pen, const core::Rect& box, const LanguageBlock* blocks, int n, BlockStyle st) {
  for (int step = 0; step < 2 && measureLanguageBlocks(pen, box.w, blocks, n, st) > box.h; ++step) {
    for (TextStyle* s : {&st.title, &st.text, &st.secondTitle, &st.secondText}) s->role = smaller(s->role);
  }
  float y = box.y;
  for (int i = 0; i < n; ++i) {
    const TextStyle& t = i ? st.secondTitle : st.title;
    const TextStyle& x = i ? st.secondText : st.text;
    if (i) {
      const float g = pen.ctx.layout.gap * 1.2f;
      pen.rect({box.x, y + g * 0.5f - 1, std::min(box.w, pen.size(t.role) * 6), std::max(2.f, pen.ctx.layout.scale * 3)}, st.divider);
      y += g;
    }
    if (!blocks[i].title.empty()) {
      const float th = textHeight(pen, t, box.w, blocks[i].title);
      drawText(pen, {box.x, y, box.w, std::max(0.f, box.bottom() - y)}, blocks[i].title, t);
      y += th + (blocks[i].text.empty() ? 0 : blockGap(pen));
    }
    if (!blocks[i].text.empty() && box.bottom() - y >= pen.size(x.role)) {
      drawText(pen, {box.x, y, box.w, box.bottom() - y}, blocks[i].text, x);
      y += textHeight(pen, x, box.w, blocks[i].text);
    }
  }
  return y - box.y;
}

}  // namespace sf::views
