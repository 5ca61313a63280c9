// An emergency: white on a safety colour over the whole screen, the kind in both languages, a
// large title, an optional ISO 7010-style pictogram, and where the screen stands. Nothing moves.
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

// White text on these passes WCAG AAA (7:1; tests/player check it). The red is close to RAL 3001
// (ISO 7010 safety red); the green is the escape-route green, darkened until white reaches 7:1.
inline constexpr core::Rgb kAlarm{160, 24, 32};
inline constexpr core::Rgb kEscape{0, 100, 52};
inline constexpr core::Rgb kWhite{255, 255, 255};
inline constexpr core::Rgb kBlack{0, 0, 0};

// A person as signs draw them: a head and a thick body with limbs. `s` is the sign's size.
void person(const Pen& pen, ImVec2 c, float s, ImU32 col, bool running) {
  const float t = s * 0.075f;  // limb thickness
  ImDrawList* dl = pen.dl;
  dl->AddCircleFilled({c.x + (running ? s * 0.06f : 0), c.y - s * 0.3f}, s * 0.085f, col, 24);
  const ImVec2 neck{c.x, c.y - s * 0.18f}, hip{c.x - (running ? s * 0.05f : 0), c.y + s * 0.08f};
  dl->AddLine(neck, hip, col, t * 1.4f);
  if (running) {
    dl->AddLine({neck.x, neck.y + s * 0.04f}, {c.x + s * 0.2f, c.y - s * 0.08f}, col, t);
    dl->AddLine({neck.x, neck.y + s * 0.04f}, {c.x - s * 0.18f, c.y - s * 0.02f}, col, t);
    dl->AddLine(hip, {c.x + s * 0.14f, c.y + s * 0.2f}, col, t);
    dl->AddLine({c.x + s * 0.14f, c.y + s * 0.2f}, {c.x + s * 0.12f, c.y + s * 0.36f}, col, t);
    dl->AddLine(hip, {c.x - s * 0.2f, c.y + s * 0.34f}, col, t);
  } else {
    dl->AddLine({neck.x, neck.y + s * 0.03f}, {c.x - s * 0.12f, c.y + s * 0.06f}, col, t);
    dl->AddLine({neck.x, neck.y + s * 0.03f}, {c.x + s * 0.12f, c.y + s * 0.06f}, col, t);
    dl->AddLine(hip, {c.x - s * 0.08f, c.y + s * 0.36f}, col, t);
    dl->AddLine(hip, {c.x + s * 0.08f, c.y + s * 0.36f}, col, t);
  }
}

// A filled arrow head pointing from `from` to `to`, with its shaft.
void arrow(const Pen& pen, ImVec2 from, ImVec2 to, float w, ImU32 col) {
  const float dx = to.x - from.x, dy = to.y - from.y, len = std::sqrt(dx * dx + dy * dy);
  if (len <= 0) return;
  const float ux = dx / len, uy = dy / len, head = w * 2.2f;
  const ImVec2 base{to.x - ux * head, to.y - uy * head};
  pen.dl->AddLine(from, base, col, w);
  pen.dl->AddTriangleFilled(to, {base.x - uy * head * 0.75f, base.y + ux * head * 0.75f},
                            {base.x + uy * head * 0.75f, base.y - ux * head * 0.75f}, col);
}

// The four built-in signs, in a square `r`: green safe-condition signs (E-series), and the red
// prohibition sign, each on a white border so it stands out on either background.
void pictogram(const Pen& pen, const Rect& r, core::Pictogram p) {
  const float s = r.w;
  const ImU32 white = pen.color(kWhite), green = pen.color(kEscape);
  ImDrawList* dl = pen.dl;
  const ImVec2 o = pen.pos(r.x, r.y);
  const ImVec2 c{o.x + s * 0.5f, o.y + s * 0.5f};
  if (p == core::Pictogram::NoEntry) {
    dl->AddCircleFilled(c, s * 0.5f, white, 64);
    person(pen, c, s * 0.9f, pen.color(kBlack), false);
    dl->AddCircle(c, s * 0.42f, pen.color(kAlarm), 64, s * 0.09f);
    const float d = s * 0.42f * 0.7071f;
    dl->AddLine({c.x - d, c.y - d}, {c.x + d, c.y + d}, pen.color(kAlarm), s * 0.09f);
    return;
  }
  dl->AddRectFilled(o, {o.x + s, o.y + s}, white, s * 0.06f);
  const float in = s * 0.05f;
  dl->AddRectFilled({o.x + in, o.y + in}, {o.x + s - in, o.y + s - in}, green, s * 0.04f);
  switch (p) {
    case core::Pictogram::FirstAid: {
      const float a = s * 0.13f, b = s * 0.32f;
      dl->AddRectFilled({c.x - a, c.y - b}, {c.x + a, c.y + b}, white);
      dl->AddRectFilled({c.x - b, c.y - a}, {c.x + b, c.y + a}, white);
      break;
    }
    case core::Pictogram::Exit: {
      // A running person leaving through a door on the right, an arrow showing the way.
      const float dx = o.x + s * 0.6f, dy = o.y + s * 0.16f;
      dl->AddRect({dx, dy}, {o.x + s * 0.86f, o.y + s * 0.84f}, white, 0, 0, s * 0.035f);
      person(pen, {o.x + s * 0.7f, o.y + s * 0.52f}, s * 0.62f, white, true);
      arrow(pen, {o.x + s * 0.14f, o.y + s * 0.52f}, {o.x + s * 0.48f, o.y + s * 0.52f}, s * 0.06f, white);
      break;
    }
    case core::Pictogram::AssemblyPoint: {
      // Four arrows pointing in at a group of people.
      const float e = s * 0.12f, m = s * 0.3f, w = s * 0.045f;
      arrow(pen, {o.x + e, o.y + e}, {o.x + m, o.y + m}, w, white);
      arrow(pen, {o.x + s - e, o.y + e}, {o.x + s - m, o.y + m}, w, white);
      arrow(pen, {o.x + e, o.y + s - e}, {o.x + m, o.y + s - m}, w, white);
      arrow(pen, {o.x + s - e, o.y + s - e}, {o.x + s - m, o.y + s - m}, w, white);
      person(pen, {c.x - s * 0.1f, c.y + s * 0.04f}, s * 0.36f, white, false);
      person(pen, {c.x + s * 0.1f, c.y + s * 0.04f}, s * 0.36f, white, false);
      person(pen, {c.x, c.y - s * 0.02f}, s * 0.42f, white, false);
      break;
    }
    default: break;
  }
}

}  // namespace

core::Rgb emergencyBackground(core::EmergencyStyle style) {
  return style == core::EmergencyStyle::Evacuation ? kEscape : kAlarm;
}

void drawEmergency(const ViewContext& ctx, const core::Announcement& a) {
  const Pen pen(ctx, {});
  const core::Layout& l = ctx.layout;
  const float W = static_cast<float>(l.width), H = static_cast<float>(l.height);
  const core::Rgb bg = emergencyBackground(a.style);
  pen.rect({0, 0, W, H}, bg);
  const float m = l.margin;
  const float frame = std::max(6.f, 14 * l.scale);  // a white frame marks the whole screen as a sign
  pen.rect({0, 0, W, frame}, kWhite);
  pen.rect({0, H - frame, W, frame}, kWhite);
  pen.rect({0, 0, frame, H}, kWhite);
  pen.rect({W - frame, 0, frame, H}, kWhite);

  // The kind in both languages: "NOTFALL · EMERGENCY", white band, coloured letters.
  const std::string& lang = ctx.state.language;
  const Ui kind = a.style == core::EmergencyStyle::Evacuation ? Ui::Evacuation : Ui::Emergency;
  char label[96];
  const char* other = nullptr;
  for (const std::string& o : ctx.feed.languages)
    if (o != lang) {
      other = core::ui(kind, o);
      break;
    }
  if (other && std::string_view(other) != core::ui(kind, lang)) std::snprintf(label, sizeof label, "%s \xC2\xB7 %s", core::ui(kind, lang), other);
  else std::snprintf(label, sizeof label, "%s", core::ui(kind, lang));
  const float labelSize = pen.size(FontRole::Title);
  const float bandH = std::round(labelSize * 1.7f);
  const float y0 = frame + m * 0.5f;
  pen.rect({frame + m * 0.5f, y0, W - 2 * frame - m, bandH}, kWhite, bandH * 0.12f);
  drawLine(pen, frame + m, y0 + (bandH - labelSize) * 0.5f, W - 2 * frame - 2 * m, label, {FontRole::Title, bg});

  // The screen's place and its way out, at the bottom: what a visitor needs to act on it.
  char place[200] = "";
  if (!ctx.location.empty())
    std::snprintf(place, sizeof place, "%s: %.*s", core::ui(Ui::YouAreHere, lang), static_cast<int>(ctx.location.size()), ctx.location.data());
  const TextStyle foot{FontRole::Heading, kWhite, 1.25f, 2};
  const float footW = W - 2 * frame - 2 * m;
  const float placeH = place[0] ? countLines(pen, foot, footW, place, 2) * lineHeightPx(pen, foot) : 0;
  const float exitH = ctx.exitHint.empty() ? 0 : countLines(pen, foot, footW, ctx.exitHint, 2) * lineHeightPx(pen, foot);
  const float footH = placeH + exitH + (placeH > 0 && exitH > 0 ? l.gap * 0.3f : 0);
  float fy = H - frame - m * 0.5f - footH;
  if (footH > 0) {
    pen.rect({frame + m * 0.5f, fy - l.gap * 0.5f, W - 2 * frame - m, 2}, kWhite);
    if (place[0]) fy += drawText(pen, {frame + m, fy, footW, placeH + 1}, place, foot) + l.gap * 0.3f;
    if (exitH > 0) drawText(pen, {frame + m, fy, footW, exitH + 1}, ctx.exitHint, foot);
  }
  const float bottom = H - frame - m * 0.5f - footH - (footH > 0 ? l.gap : 0);

  // The message, with the pictogram beside it (landscape) or above it (portrait), centred together.
  Rect area{frame + m, y0 + bandH + l.gap, W - 2 * frame - 2 * m, bottom - (y0 + bandH + l.gap)};
  LanguageBlock blocks[2];
  const int n = announcementBlocks(ctx, a, blocks);
  // Both languages alike: in an emergency neither is the lesser. (The figure font holds digits
  // and ASCII only, so the display size is the largest that writes every title.)
  const BlockStyle style{{FontRole::Display, kWhite, 1.08f},
                         {FontRole::Title, kWhite, 1.25f},
                         {FontRole::Display, kWhite, 1.08f},
                         {FontRole::Title, kWhite, 1.25f},
                         kWhite};
  const bool sign = a.pictogram != core::Pictogram::None;
  const float side = !sign ? 0.f : l.portrait ? std::min(area.w * 0.5f, area.h * 0.3f) : std::min(area.h * 0.8f, area.w * 0.3f);
  if (sign && !l.portrait) {
    pictogram(pen, {area.x, area.y + (area.h - side) * 0.5f, side, side}, a.pictogram);
    area.x += side + m * 0.75f;
    area.w -= side + m * 0.75f;
  }
  const float above = sign && l.portrait ? side + l.gap : 0.f;
  const float need = std::min(area.h - above, measureLanguageBlocks(pen, area.w, blocks, n, style));
  const float top = area.y + std::max(0.f, (area.h - above - need) * 0.5f);
  if (sign && l.portrait) pictogram(pen, {area.x, top, side, side}, a.pictogram);
  const float y = top + above;
  drawLanguageBlocks(pen, {area.x, y, area.w, area.bottom() - y}, blocks, n, style);
}

}  // namespace sf::views
