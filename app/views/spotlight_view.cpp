// A project spotlight: field tag, title, summary, status and runtime, who is behind it, its
// picture (or a generated visual in the field colour) and the feed's QR code. Tap opens the detail.
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

// "Label: a, b, c" into a fixed buffer (cut short when it overflows; the line ellipsizes anyway).
void joinNames(char* out, std::size_t size, const char* label, const std::vector<std::string>& names) {
  std::size_t n = static_cast<std::size_t>(std::snprintf(out, size, "%s: ", label));
  for (std::size_t i = 0; i < names.size() && n + 1 < size; ++i) {
    const int w = std::snprintf(out + n, size - n, i ? ", %s" : "%s", names[i].c_str());
    if (w < 0) break;
    n += static_cast<std::size_t>(w);
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

  // The bottom block (status, runtime, people, hint) is measured first so the title and the
  // summary get exactly the space that is left.
  const float small = pen.size(FontRole::Small);
  const float pillH = pillSize(pen, "X").h;
  const TextStyle people{FontRole::Body, pen.pal.muted, 1.3f, l.compact ? 1 : 2};
  char peopleText[512] = "";
  if (p.funding && !p.funding->applicants.empty())
    joinNames(peopleText, sizeof peopleText, ui(Ui::Applicants, lang), p.funding->applicants);
  else if (!p.partners.empty())
    joinNames(peopleText, sizeof peopleText, ui(Ui::Partners, lang), p.partners);
  const int peopleLines = peopleText[0] ? countLines(pen, people, column.w, peopleText, people.maxLines) : 0;
  const float peopleH = peopleLines ? (peopleLines - 1) * lineHeightPx(pen, people) + pen.size(FontRole::Body) : 0;
  // The stand at a fair ("Halle 2 · Stand B14") beside the status pill, or on a line of its own
  // above it when the two do not fit side by side.
  char status[96], runtime[64], line[128], stand[160] = "";
  const core::ProjectPhase phase = projectStatus(ctx, p, status, sizeof status);
  if (p.stand) core::formatStand(*p.stand, lang, stand, sizeof stand);
  const float statusW = status[0] ? pillSize(pen, status).w + l.gap * 0.5f : 0;
  const bool standOwnLine = stand[0] && statusW + textWidth(pen, FontRole::Small, stand) > column.w;
  const float standLineH = standOwnLine ? small * 1.4f + l.gap * 0.3f : 0;
  const float bottomH = standLineH + pillH + (peopleLines ? l.gap * 0.6f + peopleH : 0);
  float by = column.bottom() - bottomH;
  if (standOwnLine) {
    drawLine(pen, column.x, by, column.w, stand, {FontRole::Small, pen.pal.text});
    by += standLineH;
  }

  // Status pill, stand, runtime and the tap hint.
  float mx = column.x;
  if (status[0]) mx = pill(pen, column.x, by, column.w, status, statusColor(pen, phase)).right() + l.gap * 0.5f;
  if (stand[0] && !standOwnLine)
    mx += drawLine(pen, mx, by + (pillH - small) * 0.5f, column.right() - mx, stand, {FontRole::Small, pen.pal.text}) + l.gap * 0.5f;
  // "Laufzeit endete 02/2025" already says how the runtime stands.
  if (phase != core::ProjectPhase::Ended && p.funding && (p.funding->start || p.funding->end)) {
    core::formatRuntime(p.funding->start, p.funding->end, runtime, sizeof runtime);
    std::snprintf(line, sizeof line, "%s %s", ui(Ui::Runtime, lang), runtime);
    if (column.right() - mx > small * 6)
      mx += drawLine(pen, mx, by + (pillH - small) * 0.5f, column.right() - mx, line, {FontRole::Small, pen.pal.muted}) +
            l.gap * 0.5f;
  }
  if (peopleLines) drawText(pen, {column.x, by + pillH + l.gap * 0.6f, column.w, peopleH + 2}, peopleText, people);

  // Top: field tag, title, summary, as one block centred in the space above the bottom block.
  const float limit = by - standLineH - l.gap;
  const TextStyle title{FontRole::Display, pen.pal.text, 1.1f, l.compact ? 2 : 3};
  const TextStyle summary{FontRole::Title, pen.pal.muted, 1.3f, l.compact ? 3 : 4};
  const float tagH = field ? pillH + l.gap * 0.7f : 0;
  const int tl = countLines(pen, title, column.w, p.title.in(lang), title.maxLines);
  const int sl = countLines(pen, summary, column.w, p.summary.in(lang), summary.maxLines);
  const float blockH = tagH + tl * lineHeightPx(pen, title) + l.gap * 0.5f + sl * lineHeightPx(pen, summary);
  float y = column.y + std::max(0.f, (limit - column.y - blockH) * 0.4f);
  if (field) {
    const Rect tag = pill(pen, column.x, y, column.w, field->name.in(lang), accent);
    y = tag.bottom() + l.gap * 0.7f;
  }
  y += drawText(pen, {column.x, y, column.w, limit - y}, p.title.in(lang), title);
  y += l.gap * 0.5f;
  if (limit - y > pen.size(FontRole::Title)) drawText(pen, {column.x, y, column.w, limit - y}, p.summary.in(lang), summary);

  // The whole slide opens the project; the header's buttons lie on top of it.
  pen.hit({0, top, W, bottom - top}, {core::ActionKind::OpenProject, index});
}

}  // namespace sf::views
