// A project in full: title, status, the long description, funding, applicants and partners,
// related fields (tappable), related events, its QR code and more projects of its field
// (tappable). The content scrolls when it is taller than the screen; landscape screens set the
// facts beside the text.
#include <algorithm>
#include <cmath>

#include "core/show/ui_text.hpp"
#include "core/show/venue.hpp"
#include "draw.hpp"

namespace sf::views {

using core::FontRole;
using core::Rect;
using core::Ui;

namespace {

// A small caps-like label above a fact.
float factLabel(const Pen& pen, float x, float y, float w, const char* label) {
  drawLine(pen, x, y, w, label, {FontRole::Small, pen.pal.faint});
  return pen.size(FontRole::Small) * 1.5f;
}

// The facts column; returns its height.
float facts(const Pen& pen, const core::Project& p, const Rect& col) {
  const core::Layout& l = pen.ctx.layout;
  const std::string& lang = pen.ctx.state.language;
  const TextStyle body{FontRole::Body, pen.pal.text, 1.35f, 0};
  const float big = 1e6f;
  float y = col.y;
  char buf[160];
  if (p.stand) {  // at a fair, where to find it comes first
    y += factLabel(pen, col.x, y, col.w, ui(Ui::Where, lang));
    core::formatStand(*p.stand, lang, buf, sizeof buf);
    y += drawText(pen, {col.x, y, col.w, big}, buf, body) + l.gap * 0.8f;
  }
  if (p.funding) {
    const core::Funding& f = *p.funding;
    y += factLabel(pen, col.x, y, col.w, ui(Ui::Funding, lang));
    if (!f.programme.empty()) y += drawText(pen, {col.x, y, col.w, big}, f.programme.in(lang), body);
    if (f.start || f.end) {
      char runtime[64];
      core::formatRuntime(f.start, f.end, runtime, sizeof runtime);
      std::snprintf(buf, sizeof buf, "%s %s", ui(Ui::Runtime, lang), runtime);
      y += drawText(pen, {col.x, y, col.w, big}, buf, {FontRole::Body, pen.pal.muted, 1.35f, 0});
    }
    if (!f.fundedTitle.empty()) y += drawText(pen, {col.x, y, col.w, big}, f.fundedTitle, {FontRole::Body, pen.pal.muted, 1.35f, 0});
    y += l.gap * 0.8f;
    if (!f.applicants.empty()) {
      y += factLabel(pen, col.x, y, col.w, ui(Ui::Applicants, lang));
      for (const auto& a : f.applicants) y += drawText(pen, {col.x, y, col.w, big}, a, body);
      y += l.gap * 0.8f;
    }
  }
  if (!p.partners.empty()) {
    y += factLabel(pen, col.x, y, col.w, ui(Ui::Partners, lang));
    for (const auto& a : p.partners) y += drawText(pen, {col.x, y, col.w, big}, a, body);
    y += l.gap * 0.8f;
  }
  if (!p.relatedFields.empty()) {
    char related[160];
    y += factLabel(pen, col.x, y, col.w, core::groupText(pen.ctx.feed, Ui::RelatedFields, lang, related, sizeof related));
    float x = col.x;
    const float h = std::max(pillSize(pen, "X").h, l.minTarget);
    for (const auto& id : p.relatedFields) {
      const std::size_t fi = core::fieldIndex(pen.ctx.feed, id);
      if (fi == core::kNoProject) continue;
      const core::Field& f = pen.ctx.feed.fields[fi];
      const float w = std::min(col.w, pillSize(pen, f.name.in(lang)).w + l.gap);
      if (x > col.x && x + w > col.right()) {
        x = col.x;
        y += h + l.gap * 0.3f;
      }
      button(pen, {x, y, w, h}, f.name.in(lang), {core::ActionKind::OpenField, fi}, f.color);
      x += w + l.gap * 0.3f;
    }
    y += h + l.gap * 0.8f;
  }
  bool first = true;
  for (const core::Event& e : pen.ctx.feed.events) {
    if (std::find(e.projects.begin(), e.projects.end(), p.id) == e.projects.end()) continue;
    if (first) y += factLabel(pen, col.x, y, col.w, ui(Ui::RelatedEvents, lang));
    first = false;
    core::formatEventTime(e, pen.ctx.zone, lang, buf, sizeof buf);
    y += drawText(pen, {col.x, y, col.w, big}, buf, {FontRole::Small, pen.pal.muted, 1.4f, 1});
    y += drawText(pen, {col.x, y, col.w, big}, e.title.in(lang), body) + l.gap * 0.4f;
  }
  return y - col.y;
}

// The QR card: the project's own page when it has a link, else the feed's; the caption says
// which and where it leads. Returns its height (0 without a code).
float qrCard(const Pen& pen, const core::Project& p, std::size_t index, float x, float y, float maxW) {
  const ViewContext& ctx = pen.ctx;
  const core::Layout& l = ctx.layout;
  const platform::QrCode* own = ctx.projectQrs && index < ctx.projectQrs->size() ? &(*ctx.projectQrs)[index] : nullptr;
  const bool ownLink = own && own->size > 0 && !p.links.empty();
  const platform::QrCode& qr = ownLink ? *own : ctx.qr;
  if (qr.size == 0) return 0;
  char where[96];
  core::formatLinkShort(ownLink ? std::string_view(p.links.front().url) : std::string_view(ctx.feed.link), where, sizeof where);
  const char* label = ui(ownLink ? Ui::ProjectPage : Ui::MoreOnline, ctx.state.language);
  const float side = std::round(std::clamp(170.f * l.scale, 96.f, std::min(maxW, 300.f * std::max(1.f, l.scale))));
  const float pad = std::round(side * 0.06f);
  // The code on a white card, its words beside it where the column has room, else below.
  const float textW = std::max(textWidth(pen, FontRole::Small, label), textWidth(pen, FontRole::Small, where));
  const bool beside = side + l.gap + textW <= maxW;
  const float line = pen.size(FontRole::Small) * 1.4f;
  pen.rect({x, y, side, side}, {255, 255, 255}, l.radius);
  drawQr(pen, {x + pad, y + pad, side - 2 * pad, side - 2 * pad}, qr);
  const float tx = beside ? x + side + l.gap * 0.8f : x;
  const float ty = beside ? y + (side - 2 * line) * 0.5f : y + side + l.gap * 0.4f;
  const float tw = beside ? maxW - side - l.gap * 0.8f : maxW;
  drawLine(pen, tx, ty, tw, label, {FontRole::Small, pen.pal.text});
  drawLine(pen, tx, ty + line, tw, where, {FontRole::Small, pen.pal.muted});
  return beside ? side : side + l.gap * 0.4f + 2 * line;
}

// Other projects of the same field as tappable cards, starting after this one in the feed's
// order so each project leads on to different neighbours. Returns the height used.
float relatedProjects(const Pen& pen, const core::Project& p, std::size_t self, const Rect& box) {
  const ViewContext& ctx = pen.ctx;
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  const auto& projects = ctx.feed.projects;
  std::size_t picks[4];
  std::size_t n = 0;
  const std::size_t most = l.compact ? 2 : 4;
  for (std::size_t k = 1; k < projects.size() && n < most; ++k) {
    const std::size_t i = (self + k) % projects.size();
    if (projects[i].field == p.field) picks[n++] = i;
  }
  if (n == 0) return 0;
  float y = box.y + factLabel(pen, box.x, box.y, box.w, ui(Ui::MoreProjects, lang));
  const int cols = box.w >= 640 * l.scale ? 2 : 1;
  const float cw = (box.w - l.gap * 0.6f * (cols - 1)) / cols;
  const TextStyle title{FontRole::Heading, pen.pal.text, 1.2f, 2};
  const TextStyle summary{FontRole::Small, pen.pal.muted, 1.35f, 2};
  const float pad = std::round(l.gap * 0.6f);
  const float ch = std::max(l.minTarget, 2 * pad + 2 * lineHeightPx(pen, title) + l.gap * 0.2f + 2 * lineHeightPx(pen, summary));
  const core::Rgb accent = fieldColor(ctx.feed, p.field);
  for (std::size_t k = 0; k < n; ++k) {
    const Rect card{box.x + static_cast<float>(k % cols) * (cw + l.gap * 0.6f), y + static_cast<float>(k / cols) * (ch + l.gap * 0.6f), cw, ch};
    const core::Project& other = projects[picks[k]];
    pen.rect(card, pen.pressed(card) ? pen.pal.surfaceHigh : pen.pal.surface, l.radius);
    pen.rect({card.x, card.y + l.radius, std::max(3.f, 5 * l.scale), card.h - 2 * l.radius}, accent);
    const float tx = card.x + pad + std::max(3.f, 5 * l.scale), tw = card.right() - pad - tx;
    const float th = drawText(pen, {tx, card.y + pad, tw, 2 * lineHeightPx(pen, title) + 1}, other.title.in(lang), title);
    drawText(pen, {tx, card.y + pad + th + l.gap * 0.2f, tw, 2 * lineHeightPx(pen, summary) + 1}, other.summary.in(lang), summary);
    pen.hit(card, {core::ActionKind::OpenProject, picks[k]});
  }
  const std::size_t rows = (n + cols - 1) / cols;
  return y - box.y + rows * ch + (rows - 1) * l.gap * 0.6f;
}

}  // namespace

void drawDetail(const ViewContext& ctx, const Placement& at) {
  const core::Project* found = ctx.feed.findProject(ctx.state.project);
  if (!found) return;
  const core::Project& p = *found;
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;
  const float viewEnd = l.content.bottom();  // below: the pause pill, and in portrait the controls
  const Rect view{0, l.header.bottom() + 1, static_cast<float>(l.width), viewEnd - l.header.bottom() - 1};
  Pen pen(ctx, at);
  pen.at.clip = view;
  pen.dl->PushClipRect(pen.pos(view.x, view.y), pen.pos(view.right(), view.bottom()), true);

  const core::Rgb accent = fieldColor(ctx.feed, p.field);
  const float top = l.content.y + l.gap * 0.5f - ctx.state.scroll;
  const bool twoColumns = !l.portrait && l.width >= 1000;
  const float factsW = twoColumns ? std::round(l.content.w * 0.34f) : l.content.w;
  const Rect main{l.content.x, top, twoColumns ? l.content.w - factsW - l.gap * 1.5f : l.content.w, 1e6f};

  float y = main.y;
  // The project's picture heads the text when it has loaded; without one the text starts at the
  // top as before (the detail view has no generated visual to stand in for it).
  if (const FeedImage* image = projectImage(ctx, p)) {
    const float h = std::round(std::min(main.w * 0.42f, view.h * 0.4f));
    imageCover(pen, {main.x, y, main.w, h}, *image, l.radius);
    y += h + l.gap * 0.8f;
  }
  if (const core::Field* f = ctx.feed.findField(p.field)) y = pill(pen, main.x, y, main.w, f->name.in(lang), accent).bottom() + l.gap * 0.6f;
  y += drawText(pen, {main.x, y, main.w, 1e6f}, p.title.in(lang), {FontRole::Display, pen.pal.text, 1.12f, 0});
  if (!p.subtitle.empty())
    y += drawText(pen, {main.x, y, main.w, 1e6f}, p.subtitle.in(lang), {FontRole::Heading, pen.pal.muted, 1.3f, 0});
  y += l.gap * 0.5f;
  char status[96];
  const core::ProjectPhase phase = projectStatus(ctx, p, status, sizeof status);
  if (status[0]) y = pill(pen, main.x, y, main.w, status, statusColor(pen, phase)).bottom() + l.gap * 0.8f;
  const TextStyle body{FontRole::Body, pen.pal.text, 1.5f, 0};
  const std::string& text = p.description.empty() ? p.summary.in(lang) : p.description.in(lang);
  y += drawText(pen, {main.x, y, std::min(main.w, pen.size(FontRole::Body) * 38), 1e6f}, text, body);
  float contentBottom = y;
  const std::size_t index = static_cast<std::size_t>(found - ctx.feed.projects.data());

  // The space below the text: the facts and the QR code beside it (or below it), then more of the
  // field's projects to go on to.
  if (twoColumns) {
    const Rect col{main.right() + l.gap * 1.5f, top, factsW, 1e6f};
    pen.rect({col.x - l.gap * 0.75f, top, 1, 0}, pen.pal.line);
    float fy = top + facts(pen, p, col);
    fy += qrCard(pen, p, index, col.x, fy, col.w);
    y += l.gap * 1.2f;
    y += relatedProjects(pen, p, index, {main.x, y, main.w, 1e6f});
    contentBottom = std::max(y, fy);
  } else {
    y += l.gap;
    pen.rect({main.x, y, main.w, 1}, pen.pal.line);
    y += l.gap;
    y += facts(pen, p, {main.x, y, main.w, 1e6f});
    y += qrCard(pen, p, index, main.x, y, main.w) + l.gap * 1.2f;
    y += relatedProjects(pen, p, index, {main.x, y, main.w, 1e6f});
    contentBottom = y;
  }
  pen.dl->PopClipRect();
  ctx.report.scrollContent = contentBottom + ctx.state.scroll - view.y + l.gap * 1.5f;
  ctx.report.scrollViewport = view.h;

  pen.at.clip = {};
  drawScrollThumb(pen, view, ctx.report.scrollContent, ctx.report.scrollContent - view.h, ctx.state.scroll);
}

}  // namespace sf::views
