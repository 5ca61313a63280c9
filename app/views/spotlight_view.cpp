// A project spotlight: field tag, title, summary, and in the lower left its key facts (status,
// stand, runtime, who is behind it, funding, next event); its picture (or a generated visual in
// the field colour) and the QR code. Tap opens the detail.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/show/ui_text.hpp"
#include "core/show/venue.hpp"
#include "draw.hpp"

namespace sf::views {

using core::FontRole;
using core::Rect;
using core::Ui;

namespace {

// "a, b, c" into a fixed buffer (cut short when it overflows; the text ellipsizes anyway).
void joinNames(char* out, std::size_t size, const std::vector<std::string>& names) {
  std::size_t n = 0;
  out[0] = '\0';
  for (std::size_t i = 0; i < names.size() && n + 1 < size; ++i) {
    const int w = std::snprintf(out + n, size - n, i ? ", %s" : "%s", names[i].c_str());
    if (w < 0) break;
    n += static_cast<std::size_t>(w);
  }
}

// One of the spotlight's key facts: a quiet label above a value of a line or two.
struct Fact {
  const char* label = "";
  char value[256] = "";
  char labelText[64] = "";  // a label made for this feed (its own word for fields)
};
constexpr std::size_t kMaxFacts = 7;

// The facts a visitor asks first, the most important first (the last ones give way on a small
// screen): where the project stands at a fair, its runtime, who runs it, its next event, its
// funding and the other fields it works in.
std::size_t collectFacts(const ViewContext& ctx, const core::Project& p, core::ProjectPhase phase, Fact* out) {
  const std::string& lang = ctx.state.language;
  std::size_t n = 0;
  if (p.stand) {
    out[n].label = ui(Ui::Where, lang);
    core::formatStand(*p.stand, lang, out[n++].value, sizeof out[0].value);
  }
  // "Laufzeit endete 02/2025" in the status already says how the runtime stands.
  if (phase != core::ProjectPhase::Ended && p.funding && (p.funding->start || p.funding->end)) {
    out[n].label = ui(Ui::Runtime, lang);
    core::formatRuntime(p.funding->start, p.funding->end, out[n++].value, sizeof out[0].value);
  }
  if (p.funding && !p.funding->applicants.empty()) {
    out[n].label = ui(Ui::Applicants, lang);
    joinNames(out[n++].value, sizeof out[0].value, p.funding->applicants);
  }
  if (!p.partners.empty()) {
    out[n].label = ui(Ui::Partners, lang);
    joinNames(out[n++].value, sizeof out[0].value, p.partners);
  }
  for (const core::Event& e : ctx.feed.events) {  // sorted by start: the first still to come
    if (e.cancelled || e.end <= ctx.now || std::find(e.projects.begin(), e.projects.end(), p.id) == e.projects.end()) continue;
    char when[96];
    core::formatEventTime(e, ctx.zone, lang, when, sizeof when);
    out[n].label = ui(Ui::RelatedEvents, lang);
    std::snprintf(out[n++].value, sizeof out[0].value, "%s · %s", when, e.title.in(lang).c_str());
    break;
  }
  if (p.funding && !p.funding->programme.empty()) {
    out[n].label = ui(Ui::Funding, lang);
    std::snprintf(out[n++].value, sizeof out[0].value, "%s", p.funding->programme.in(lang).c_str());
  }
  // The other fields it works in, by name (what the detail offers to open).
  std::size_t named = 0;
  for (const std::string& id : p.relatedFields) {
    const core::Field* f = ctx.feed.findField(id);
    if (!f) continue;
    char* v = out[n].value;
    const std::size_t used = std::strlen(v);
    std::snprintf(v + used, sizeof out[0].value - used, named++ ? ", %s" : "%s", f->name.in(lang).c_str());
  }
  if (named) {
    out[n].label = core::groupText(ctx.feed, Ui::RelatedFields, lang, out[n].labelText, sizeof out[0].labelText);
    ++n;
  }
  return std::min(n, kMaxFacts);
}

const TextStyle kFactValue{FontRole::Heading, std::nullopt, 1.25f, 0};

float factLabelH(const Pen& pen) { return pen.size(FontRole::Small) * 1.45f; }

// The facts in rows of `cols`; a value too long for its cell in `lines` lines gets a row of its
// own rather than an ellipsis. Calls `row(first, count, cellWidth, top, height)` per row; returns the
// total height.
template <class Row>
float factRows(const Pen& pen, const Fact* facts, std::size_t n, int cols, float width, int lines, Row&& row) {
  const core::Layout& l = pen.ctx.layout;
  const float narrow = (width - l.gap * (cols - 1)) / cols;
  auto wide = [&](std::size_t i) { return cols > 1 && countLines(pen, kFactValue, narrow, facts[i].value) > lines; };
  auto height = [&](std::size_t i, float w) {
    return factLabelH(pen) + (countLines(pen, kFactValue, w, facts[i].value, lines) - 1) * lineHeightPx(pen, kFactValue) +
           pen.size(kFactValue.role) * 1.15f;
  };
  float y = 0;
  for (std::size_t i = 0; i < n;) {
    std::size_t count = 1;
    if (!wide(i))
      while (count < static_cast<std::size_t>(cols) && i + count < n && !wide(i + count)) ++count;
    const float w = count == 1 && wide(i) ? width : narrow;
    float h = 0;
    for (std::size_t k = i; k < i + count; ++k) h = std::max(h, height(k, w));
    if (i) y += l.gap * 0.7f;
    row(i, count, w, y, h);
    y += h;
    i += count;
  }
  return y;
}

float factRowsHeight(const Pen& pen, const Fact* facts, std::size_t n, int cols, float width, int lines) {
  return factRows(pen, facts, n, cols, width, lines, [](std::size_t, std::size_t, float, float, float) {});
}

void drawFactRows(const Pen& pen, const Fact* facts, std::size_t n, const Rect& box, int cols, int lines) {
  const core::Layout& l = pen.ctx.layout;
  factRows(pen, facts, n, cols, box.w, lines, [&](std::size_t first, std::size_t count, float w, float y, float) {
    for (std::size_t c = first; c < first + count; ++c) {
      const float x = box.x + static_cast<float>(c - first) * (w + l.gap);
      drawLine(pen, x, box.y + y, w, facts[c].label, {FontRole::Small, pen.pal.faint});
      TextStyle value = kFactValue;
      value.color = pen.pal.text;
      value.maxLines = lines;
      const float h = (countLines(pen, value, w, facts[c].value, lines) - 1) * lineHeightPx(pen, value) + pen.size(value.role) * 1.15f;
      drawText(pen, {x, box.y + y + factLabelH(pen), w, h + 1}, facts[c].value, value);
    }
  });
}

// The project's picture (or its generated visual) in `visual`, with the QR card in its lower
// right: the project's own link when it has one, else the feed's.
void spotlightVisual(const Pen& pen, const core::Project& p, std::size_t index, const Rect& visual) {
  const ViewContext& ctx = pen.ctx;
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  const core::Rgb accent = fieldColor(ctx.feed, p.field);
  // The feed's picture when it has loaded; the generated visual is the placeholder meanwhile and
  // whenever the picture cannot be shown.
  if (const FeedImage* image = projectImage(ctx, p)) imageCover(pen, visual, *image);
  else projectVisual(pen, visual, p, accent);

  // QR card: the project's own link when it has one, else the feed's; the caption says which,
  // and where the code leads, for those who type rather than scan.
  const platform::QrCode* own = ctx.projectQrs && index < ctx.projectQrs->size() ? &(*ctx.projectQrs)[index] : nullptr;
  const bool ownLink = own && own->size > 0 && !p.links.empty();
  const platform::QrCode& qr = ownLink ? *own : ctx.qr;
  if (qr.size > 0) {
    char where[96];
    core::formatLinkShort(ownLink ? std::string_view(p.links.front().url) : std::string_view(ctx.feed.link), where, sizeof where);
    const char* label = ui(ownLink ? Ui::ProjectPage : Ui::MoreOnline, lang);
    const float line = pen.size(FontRole::Small) * 1.35f;
    const float caption = line * 2 + pen.size(FontRole::Small) * 0.4f;
    const float side = std::round(std::clamp(std::min(visual.w, visual.h) * 0.36f, 96.f, 260.f * std::max(1.f, l.scale)));
    const float pad = std::round(side * 0.06f);
    // Wide enough for the address when the visual has the room; a longer one is cut at the end.
    const float cardW = std::round(std::clamp(textWidth(pen, FontRole::Small, where) + 2 * pad, side, visual.w - 2 * l.margin));
    // Above the content's bottom too, which an info banner moves up.
    const float cardBottom = std::min(visual.bottom() - l.margin * 0.8f, l.content.bottom());
    Rect card{visual.right() - l.margin - cardW, cardBottom - side - caption, cardW, side + caption};
    if (l.portrait) card.y = visual.bottom() - l.gap - side - caption;
    pen.rect(card, {255, 255, 255}, l.radius);
    drawQr(pen, {card.x + (cardW - side) * 0.5f + pad, card.y + pad, side - 2 * pad, side - 2 * pad}, qr);
    const float textW = cardW - 2 * pad;
    const float lw = std::min(textWidth(pen, FontRole::Small, label), textW);
    float ty = card.y + side - pad * 0.5f;
    drawLine(pen, card.x + (cardW - lw) * 0.5f, ty, textW, label, {FontRole::Small, core::Rgb{17, 20, 24}});
    const float ww = std::min(textWidth(pen, FontRole::Small, where), textW);
    drawLine(pen, card.x + (cardW - ww) * 0.5f, ty + line, textW, where, {FontRole::Small, core::Rgb{72, 80, 92}});
  }
}

}  // namespace

void drawSpotlight(const ViewContext& ctx, const Placement& at, std::size_t index) {
  if (index >= ctx.feed.projects.size()) return;
  const Pen pen(ctx, at);
  const core::Layout& l = ctx.layout;
  const core::Project& p = ctx.feed.projects[index];
  const std::string& lang = ctx.state.language;
  const core::Field* field = ctx.feed.findField(p.field);
  const core::Rgb accent = fieldColor(ctx.feed, p.field);
  const float W = static_cast<float>(l.width), H = static_cast<float>(l.height);
  const float top = l.header.bottom(), bottom = H - l.progressHeight;

  // The visual: full-bleed on the right in landscape, across the top in portrait.
  Rect visual, column;
  if (l.portrait) {
    visual = {0, top, W, std::round((bottom - top) * 0.38f)};
    column = {l.margin, visual.bottom() + l.gap, W - 2 * l.margin, l.content.bottom() - visual.bottom() - l.gap};
  } else {
    const float vw = std::round(W * (l.compact ? 0.34f : 0.38f));
    visual = {W - vw, top, vw, bottom - top};
    column = {l.margin, l.content.y + l.gap * 0.5f, W - vw - l.margin - l.gap * 1.5f, l.content.h - l.gap * 0.5f};
  }
  // The lower left holds the project's key facts: its status, then where, when, who, under a
  // rule. Measured first, so the title and the summary get exactly the space that is left.
  char status[96];
  const core::ProjectPhase phase = projectStatus(ctx, p, status, sizeof status);
  Fact facts[kMaxFacts];
  std::size_t nFacts = collectFacts(ctx, p, phase, facts);
  const int cols = column.w >= 560 * l.scale ? 2 : 1;
  const int valueLines = l.compact ? 1 : l.portrait ? 3 : 2;
  const float pillH = pillSize(pen, "X").h;
  const float statusH = status[0] ? pillH + l.gap * 0.6f : 0;
  // The title block needs at least its tag, two title lines and a line of summary.
  const TextStyle title = fittedStyle(pen, {FontRole::Display, pen.pal.text, 1.1f, l.compact ? 2 : 3}, column.w, 1e6f, p.title.in(lang));
  // A title set a step smaller takes its summary a step down with it: the two keep their order.
  const TextStyle summary{title.role == FontRole::Display ? FontRole::Title : FontRole::Heading, pen.pal.muted, 1.3f, l.compact ? 3 : 4};
  const float tagH = field ? pillH + l.gap * 0.7f : 0;
  const float minTop = tagH + 2 * lineHeightPx(pen, title) + l.gap * 0.5f + lineHeightPx(pen, summary);
  float factsH = 0;
  for (;;) {
    factsH = factRowsHeight(pen, facts, nFacts, cols, column.w, valueLines);
    const float total = statusH + factsH + (statusH + factsH > 0 ? l.gap * 1.2f : 0);
    if (nFacts == 0 || column.h - total >= minTop) break;
    --nFacts;  // the least important fact goes first
  }
  const int tl = countLines(pen, title, column.w, p.title.in(lang), title.maxLines);
  const int sl = countLines(pen, summary, column.w, p.summary.in(lang), summary.maxLines);
  const float blockH = tagH + tl * lineHeightPx(pen, title) + l.gap * 0.5f + sl * lineHeightPx(pen, summary);
  const float factsBlock = statusH + factsH > 0 ? l.gap * 1.2f + statusH + factsH : 0;
  float textTop = column.y;
  if (l.portrait) {
    // Tall: the facts follow the summary, and the picture takes the height the text leaves (up
    // to about half the screen), so no band opens between them; what is still over is shared
    // above the text and below the facts.
    const float spare = std::max(0.f, column.h - blockH - factsBlock);
    const float grow = std::min(spare, std::round((bottom - top) * 0.54f) - visual.h);
    if (grow > 0) {
      visual.h += grow;
      column.y += grow;
      column.h -= grow;
    }
    textTop = column.y + std::max(0.f, spare - std::max(0.f, grow)) * 0.5f;
  }
  spotlightVisual(pen, p, index, visual);
  const float blockBottom = l.portrait && factsBlock > 0 ? textTop + blockH + l.gap * 1.2f
                            : statusH + factsH > 0     ? column.bottom() - statusH - factsH
                                                       : column.bottom();
  float by = blockBottom;
  if (statusH + factsH > 0) pen.rect({column.x, by - l.gap * 0.6f, column.w, 1}, pen.pal.line);
  if (status[0]) {
    pill(pen, column.x, by, column.w, status, statusColor(pen, phase));
    by += statusH;
  }
  drawFactRows(pen, facts, nFacts, {column.x, by, column.w, factsH}, cols, valueLines);

  // Top: field tag, title, summary, as one block centred in the space above the bottom block.
  const float limit = blockBottom - (statusH + factsH > 0 ? l.gap * 1.2f : 0);
  float y = l.portrait ? textTop : column.y + std::max(0.f, (limit - column.y - blockH) * 0.4f);
  if (field) {
    const Rect tag = pill(pen, column.x, y, column.w, field->name.in(lang), accent);
    y = tag.bottom() + l.gap * 0.7f;
  }
  y += drawText(pen, {column.x, y, column.w, limit - y}, p.title.in(lang), title);
  y += l.gap * 0.5f;
  if (limit - y > pen.size(summary.role)) drawText(pen, {column.x, y, column.w, limit - y}, p.summary.in(lang), summary);

  // The whole slide opens the project; the header's buttons lie on top of it.
  pen.hit({0, top, W, bottom - top}, {core::ActionKind::OpenProject, index});
}

}  // namespace sf::views
