// Shared drawing: text layout by the core's line-break rule, ellipsis on the last line that fits, and
// the few shapes the design uses. Nothing here allocates per frame.
#include "draw.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/show/line_break.hpp"
#include "core/show/title_fit.hpp"

namespace sf::views {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

const char* nextChar(const char* p, const char* end) {
  ++p;
  while (p < end && (static_cast<unsigned char>(*p) & 0xC0) == 0x80) ++p;
  return p;
}
const char* prevChar(const char* begin, const char* p) {
  if (p <= begin) return begin;
  --p;
  while (p > begin && (static_cast<unsigned char>(*p) & 0xC0) == 0x80) --p;
  return p;
}

// Where a line that starts at `p` ends, by the core's rule (core/show/line_break.hpp); `para`:
// where its paragraph starts (the line may start inside a word).
const char* wrapPosition(ImFont* f, float size, const char* para, const char* p, const char* end, float width) {
  const std::string_view rest(p, static_cast<std::size_t>(end - p));
  return p + core::lineBreak(
                 rest, width,
                 [&](std::string_view piece) {
                   return f->CalcTextSizeA(size, 1e9f, 0, piece.data(), piece.data() + piece.size()).x;
                 },
                 std::string_view(para, static_cast<std::size_t>(p - para)));
}

// Calls fn(begin, end, truncated, hyphen) per laid-out line; returns the number of lines.
// `hyphen`: the line ends in a hyphen it does not hold (a soft hyphen, or a long word cut).
template <class F>
int forEachLine(ImFont* f, float size, float width, const char* b, const char* e, int maxLines, F&& fn) {
  int lines = 0;
  const char* s = b;
  while (s < e) {
    const char* paraEnd = static_cast<const char*>(std::memchr(s, '\n', static_cast<std::size_t>(e - s)));
    if (!paraEnd) paraEnd = e;
    const char* p = s;
    do {
      const char* eol = p < paraEnd ? wrapPosition(f, size, s, p, paraEnd, width) : paraEnd;
      if (eol <= p && p < paraEnd) eol = nextChar(p, paraEnd);
      const char* le = eol;
      while (le > p && le[-1] == ' ') --le;
      const char* n = eol;
      while (n < paraEnd && *n == ' ') ++n;
      ++lines;
      const bool more = n < paraEnd || paraEnd < e;
      const bool hyphen = eol < paraEnd &&
                          core::drawnHyphen(std::string_view(p, static_cast<std::size_t>(paraEnd - p)),
                                            static_cast<std::size_t>(eol - p), std::string_view(s, static_cast<std::size_t>(p - s)));
      if (maxLines > 0 && lines == maxLines && more) {
        fn(p, le, true, false);
        return lines;
      }
      fn(p, le, false, hyphen);
      p = n;
    } while (p < paraEnd);
    s = paraEnd < e ? paraEnd + 1 : e;
  }
  return lines;
}

// Width and drawing of a line's text as visitors see it: soft hyphens left out, and a hyphen
// after it when the line breaks inside a word.
float runWidth(ImFont* f, float size, const char* b, const char* e, bool hyphen = false) {
  float w = 0;
  core::forEachVisible(std::string_view(b, static_cast<std::size_t>(e - b)), [&](std::string_view run) {
    if (!run.empty()) w += f->CalcTextSizeA(size, 1e9f, 0, run.data(), run.data() + run.size()).x;
  });
  if (hyphen) w += f->CalcTextSizeA(size, 1e9f, 0, "-").x;
  return w;
}
float drawRun(ImDrawList* dl, ImFont* f, float size, ImVec2 at, ImU32 col, const char* b, const char* e, bool hyphen = false) {
  const float x0 = at.x;
  auto piece = [&](std::string_view run) {
    if (run.empty()) return;
    dl->AddText(f, size, at, col, run.data(), run.data() + run.size());
    at.x += f->CalcTextSizeA(size, 1e9f, 0, run.data(), run.data() + run.size()).x;
  };
  core::forEachVisible(std::string_view(b, static_cast<std::size_t>(e - b)), piece);
  if (hyphen) piece("-");
  return at.x - x0;
}

}  // namespace

// A filled, antialiased circle as ImGui draws one (the polygon inset by half a pixel, and a
// one-pixel fringe fading out), but triangulated as a zig-zag strip from top to bottom instead of
// a fan: every triangle then spans one row of vertices, so a software rasteriser scans a few
// times the circle's area instead of dozens of screen-high slivers.
void fillCircle(ImDrawList* dl, ImVec2 c, float radius, ImU32 col, int n) {
  if ((col & IM_COL32_A_MASK) == 0 || radius <= 0.5f) return;
  n &= ~1;  // even: one vertex at the top, one at the bottom
  const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
  const ImU32 clear = col & ~IM_COL32_A_MASK;
  dl->PrimReserve((n - 2) * 3 + n * 6, n * 2);
  const auto base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
  for (int k = 0; k < n; ++k) {
    const float a = -1.5707963f + 6.2831853f * static_cast<float>(k) / static_cast<float>(n);
    const ImVec2 d{std::cos(a), std::sin(a)};
    dl->PrimWriteVtx({c.x + d.x * (radius - 0.5f), c.y + d.y * (radius - 0.5f)}, uv, col);  // 2k: inner
    dl->PrimWriteVtx({c.x + d.x * (radius + 0.5f), c.y + d.y * (radius + 0.5f)}, uv, clear);  // 2k+1: outer
  }
  auto inner = [&](int k) { return static_cast<ImDrawIdx>(base + 2 * k); };
  // Strip order 0, 1, n-1, 2, n-2, ...: down the right and the left side at once.
  int prev2 = 0, prev1 = 1;
  for (int i = 2; i < n; ++i) {
    const int k = i % 2 == 0 ? n - i / 2 : (i + 1) / 2;
    dl->PrimWriteIdx(inner(prev2));
    dl->PrimWriteIdx(inner(prev1));
    dl->PrimWriteIdx(inner(k));
    prev2 = prev1;
    prev1 = k;
  }
  for (int k = 0; k < n; ++k) {
    const int j = (k + 1) % n;
    dl->PrimWriteIdx(inner(k));
    dl->PrimWriteIdx(inner(j));
    dl->PrimWriteIdx(static_cast<ImDrawIdx>(inner(j) + 1));
    dl->PrimWriteIdx(inner(k));
    dl->PrimWriteIdx(static_cast<ImDrawIdx>(inner(j) + 1));
    dl->PrimWriteIdx(static_cast<ImDrawIdx>(inner(k) + 1));
  }
}

Pen::Pen(const ViewContext& c, const Placement& p) : ctx(c), at(p), dl(ImGui::GetBackgroundDrawList()), pal(c.palette()) {}

ImFont* Pen::font(core::FontRole r) const {
  const auto& fonts = ImGui::GetIO().Fonts->Fonts;
  const int i = static_cast<int>(r);
  return i < fonts.Size ? fonts[i] : ImGui::GetFont();
}

ImU32 Pen::color(core::Rgb c, float alpha) const {
  const float a = std::clamp(alpha * at.alpha, 0.f, 1.f);
  return IM_COL32(c.r, c.g, c.b, static_cast<int>(a * 255 + 0.5f));
}

void Pen::rect(const core::Rect& r, core::Rgb c, float rounding, float alpha) const {
  dl->AddRectFilled(pos(r.x, r.y), pos(r.right(), r.bottom()), color(c, alpha), rounding);
}

void Pen::hit(const core::Rect& r, core::Action a) const {
  if (!at.active) return;
  const core::Rect v = at.clip.empty() ? r : r.intersect(at.clip);
  if (!v.empty()) ctx.report.hits.push_back({v, a});
}

bool Pen::pressed(const core::Rect& r) const {
  const auto& p = ctx.state.pointer;
  return at.active && p.down && !p.scrolling && r.contains(p.x0, p.y0) && r.contains(p.x, p.y);
}

void Pen::record(const core::Rect& r, std::string_view text, int group, float size, bool cut) const {
  if (!at.active || !ctx.report.texts) return;
  const core::Rect v = at.clip.empty() ? r : r.intersect(at.clip);
  if (!v.empty()) ctx.report.texts->push_back({v, std::string(text.substr(0, 40)), group, size, cut});
}

float lineHeightPx(const Pen& pen, const TextStyle& s) { return std::round(pen.size(s.role) * s.lineHeight); }

namespace {

bool isHeadline(core::FontRole r) { return r == core::FontRole::Display || r == core::FontRole::Title || r == core::FontRole::Heading; }

// The lines a box `boxH` tall holds at `size` (at most s.maxLines when set).
int linesInBox(const TextStyle& s, float size, float boxH) {
  const float lh = std::round(size * s.lineHeight);
  int fit = boxH >= size ? static_cast<int>(std::floor((boxH - size) / lh)) + 1 : 0;
  if (s.maxLines > 0) fit = std::min(fit, s.maxLines);
  return fit;
}

}  // namespace

TextStyle fittedStyle(const Pen& pen, const TextStyle& s, float width, float boxH, std::string_view t) {
  if (!s.shrink || !isHeadline(s.role) || t.empty() || width <= 0) return s;
  const auto smaller = static_cast<core::FontRole>(static_cast<int>(s.role) + 1);
  const float size = pen.size(s.role), next = pen.size(smaller);
  // The next step only when it is a step down and still legible from the viewing distance.
  if (next >= size || next < pen.ctx.layout.minTextPx) return s;
  ImFont* fonts[2] = {pen.font(s.role), pen.font(smaller)};
  const core::FitStep steps[2] = {{size, linesInBox(s, size, boxH)}, {next, linesInBox(s, next, boxH)}};
  if (steps[0].maxLines <= 0) return s;
  const std::size_t pick = core::chooseFitStep(t, width, steps, 2, [&](float at, std::string_view piece) {
    ImFont* f = at == size ? fonts[0] : fonts[1];
    return f->CalcTextSizeA(at, 1e9f, 0, piece.data(), piece.data() + piece.size()).x;
  });
  TextStyle out = s;
  if (pick == 1) out.role = smaller;
  out.shrink = false;  // fitted: drawn as it is
  return out;
}

float textWidth(const Pen& pen, core::FontRole role, std::string_view t) {
  return runWidth(pen.font(role), pen.size(role), t.data(), t.data() + t.size());
}

int countLines(const Pen& pen, const TextStyle& style, float width, std::string_view t, int maxLines) {
  TextStyle limited = style;
  if (maxLines > 0) limited.maxLines = maxLines;
  const TextStyle s = fittedStyle(pen, limited, width, 1e6f, t);
  return forEachLine(pen.font(s.role), pen.size(s.role), width, t.data(), t.data() + t.size(), maxLines,
                     [](const char*, const char*, bool, bool) {});
}

namespace {

// A heading that would end in a lone word is set in the narrowest width that keeps its number
// of lines, so its lines balance ("Leichtbautechnologien für / Berliner KMU", not a last line of
// "KMU"). Body text keeps the full width.
float balancedWidth(ImFont* f, float size, float width, std::string_view t, int fit, core::FontRole role) {
  if (role != core::FontRole::Display && role != core::FontRole::Title && role != core::FontRole::Heading) return width;
  const char *b = t.data(), *e = t.data() + t.size();
  const char *lastB = b, *lastE = b;
  bool cut = false;
  auto lay = [&](float w) {
    cut = false;
    return forEachLine(f, size, w, b, e, fit, [&](const char* lb, const char* le, bool truncated, bool) {
      lastB = lb;
      lastE = le;
      cut = cut || truncated;
    });
  };
  auto lone = [&] { return std::find(lastB, lastE, ' ') == lastE; };
  const int lines = lay(width);
  if (lines < 2 || cut || !lone() || std::memchr(b, '\n', t.size())) return width;
  float lo = width * 0.55f, hi = width;  // hi always keeps the line count
  for (int i = 0; i < 7; ++i) {
    const float mid = (lo + hi) * 0.5f;
    const int n = lay(mid);
    if (n == lines && !cut) hi = mid;
    else lo = mid;
  }
  lay(hi);
  return lone() ? width : hi;
}

}  // namespace

float drawText(const Pen& pen, const core::Rect& box, std::string_view t, const TextStyle& style) {
  const TextStyle s = fittedStyle(pen, style, box.w, box.h, t);
  ImFont* f = pen.font(s.role);
  const float size = pen.size(s.role), lh = lineHeightPx(pen, s);
  if (t.empty() || box.h < size || box.w <= 0) return 0;
  int fit = static_cast<int>(std::floor((box.h - size) / lh)) + 1;
  if (s.maxLines > 0) fit = std::min(fit, s.maxLines);
  const ImU32 col = pen.color(s.color.value_or(pen.pal.text));
  const float ellW = textWidth(pen, s.role, kEllipsis);
  float y = box.y, widest = 0;
  bool cut = false;
  const float wrapW = balancedWidth(f, size, box.w, t, fit, s.role);
  const int lines = forEachLine(f, size, wrapW, t.data(), t.data() + t.size(), fit,
                                [&](const char* b, const char* e, bool truncated, bool hyphen) {
                                  if (truncated) {
                                    cut = true;
                                    while (e > b && runWidth(f, size, b, e) + ellW > box.w) e = prevChar(b, e);
                                    while (e > b && e[-1] == ' ') --e;
                                  }
                                  float w = runWidth(f, size, b, e, hyphen);
                                  const float x = s.center ? box.x + (box.w - w - (truncated ? ellW : 0)) * 0.5f : box.x;
                                  drawRun(pen.dl, f, size, pen.pos(x, y), col, b, e, hyphen);
                                  if (truncated) {
                                    pen.dl->AddText(f, size, pen.pos(x + w, y), col, kEllipsis.data(),
                                                    kEllipsis.data() + kEllipsis.size());
                                    w += ellW;
                                  }
                                  widest = std::max(widest, w);
                                  y += lh;
                                });
  if (lines == 0) return 0;
  const float bx = s.center ? box.x + (box.w - widest) * 0.5f : box.x;
  pen.record({bx, box.y, widest, (lines - 1) * lh + size}, t, 0, size, cut);
  return lines * lh;
}

namespace {

// The widest digit's advance: every digit's cell. Inter's digits differ by up to 15 %.
float digitCell(ImFont* f, float size) {
  float w = 0;
  for (char c = '0'; c <= '9'; ++c) w = std::max(w, f->GetCharAdvance(static_cast<ImWchar>(c)));
  return w * size / f->FontSize;
}

}  // namespace

float figureWidth(const Pen& pen, core::FontRole role, std::string_view t) {
  ImFont* f = pen.font(role);
  const float size = pen.size(role), cell = digitCell(f, size);
  float w = 0;
  for (const char *p = t.data(), *e = t.data() + t.size(); p < e;) {
    const char* next = nextChar(p, e);
    w += *p >= '0' && *p <= '9' ? cell : f->CalcTextSizeA(size, 1e9f, 0, p, next).x;
    p = next;
  }
  return w;
}

float drawFigures(const Pen& pen, float x, float y, std::string_view t, const TextStyle& s) {
  ImFont* f = pen.font(s.role);
  const float size = pen.size(s.role), cell = digitCell(f, size);
  const ImU32 col = pen.color(s.color.value_or(pen.pal.text));
  float cx = x;
  for (const char *p = t.data(), *e = t.data() + t.size(); p < e;) {
    const char* next = nextChar(p, e);
    const float own = f->CalcTextSizeA(size, 1e9f, 0, p, next).x;
    const bool digit = *p >= '0' && *p <= '9';
    // A digit sits in the middle of its cell.
    pen.dl->AddText(f, size, pen.pos(cx + (digit ? (cell - own) * 0.5f : 0), y), col, p, next);
    cx += digit ? cell : own;
    p = next;
  }
  if (!t.empty()) pen.record({x, y, cx - x, size}, t, 0, size);
  return cx - x;
}

float drawLine(const Pen& pen, float x, float y, float maxWidth, std::string_view t, const TextStyle& s) {
  ImFont* f = pen.font(s.role);
  const float size = pen.size(s.role);
  // A single line never wraps: cut it to the width with an ellipsis.
  const char* b = t.data();
  const char* e = t.data() + t.size();
  float w = runWidth(f, size, b, e);
  bool cut = false;
  if (w > maxWidth) {
    const float ellW = textWidth(pen, s.role, kEllipsis);
    while (e > b && runWidth(f, size, b, e) + ellW > maxWidth) e = prevChar(b, e);
    while (e > b && e[-1] == ' ') --e;
    w = runWidth(f, size, b, e);
    cut = true;
  }
  const ImU32 col = pen.color(s.color.value_or(pen.pal.text));
  drawRun(pen.dl, f, size, pen.pos(x, y), col, b, e);
  if (cut) {
    pen.dl->AddText(f, size, pen.pos(x + w, y), col, kEllipsis.data(), kEllipsis.data() + kEllipsis.size());
    w += textWidth(pen, s.role, kEllipsis);
  }
  if (!t.empty()) pen.record({x, y, w, size}, t, 0, size, cut);
  return w;
}

core::Rect pillSize(const Pen& pen, std::string_view t, core::FontRole role) {
  const float size = pen.size(role);
  return {0, 0, textWidth(pen, role, t) + size * 1.3f, std::round(size * 1.75f)};
}

core::Rect pill(const Pen& pen, float x, float y, float maxWidth, std::string_view t, core::Rgb bg, core::FontRole role) {
  const float size = pen.size(role);
  core::Rect r = pillSize(pen, t, role);
  r.x = x;
  r.y = y;
  r.w = std::min(r.w, maxWidth);
  pen.rect(r, bg, r.h * 0.5f);
  TextStyle s{role, core::readableTextOn(bg)};
  // A pixel of slack: the width was measured from the same text, and rounding in the line's own
  // measure must not cut a short word ("Ski…") that fits.
  drawLine(pen, x + size * 0.65f, y + (r.h - size) * 0.5f, r.w - size * 1.3f + 1.f, t, s);
  return r;
}

void button(const Pen& pen, const core::Rect& r, std::string_view label, core::Action a, core::Rgb bg, core::FontRole role) {
  const bool down = pen.pressed(r);
  // Pressed: a step away from the base (lighter on the dark one, darker on the light one).
  const int step = core::relativeLuminance(pen.pal.bg) > 0.5 ? -30 : 30;
  const core::Rgb fill = down ? core::Rgb{static_cast<std::uint8_t>(std::clamp(bg.r + step, 0, 255)),
                                          static_cast<std::uint8_t>(std::clamp(bg.g + step, 0, 255)),
                                          static_cast<std::uint8_t>(std::clamp(bg.b + step, 0, 255))}
                              : bg;
  pen.rect(r, fill, std::min(r.h * 0.5f, pen.ctx.layout.radius * 2));
  const float size = pen.size(role);
  const float w = std::min(textWidth(pen, role, label), r.w - size);
  TextStyle s{role, core::readableTextOn(fill)};
  drawLine(pen, r.x + (r.w - w) * 0.5f, r.y + (r.h - size) * 0.5f, r.w - size, label, s);
  pen.hit(r, a);
}

core::Rgb trackColor(const core::Feed& feed, const core::Event& e, core::Rgb fallback) {
  if (const core::Track* t = feed.findTrack(e.track); t && t->color) return *t->color;
  return fallback;
}

core::ProjectPhase projectStatus(const ViewContext& ctx, const core::Project& p, char* out, std::size_t size, bool withAsOf) {
  const core::Date today = ctx.zone.toLocal(ctx.now).date;
  core::formatStatus(p, today, ctx.state.language, out, size, withAsOf);
  return core::projectPhase(p, today);
}

core::Rgb statusColor(const Pen& pen, core::ProjectPhase phase) {
  return phase == core::ProjectPhase::Running ? core::Rgb{26, 127, 72} : pen.pal.surfaceHigh;
}

core::Rgb fieldColor(const core::Feed& feed, std::string_view id) {
  const core::Field* f = feed.findField(id);
  return f ? f->color : core::Rgb{96, 104, 118};
}

const FeedImage* feedImage(const ViewContext& ctx, std::string_view src) {
  if (!ctx.images || src.empty()) return nullptr;
  for (const FeedImage& im : *ctx.images)
    if (im.src == src) return im.texture && im.width > 0 && im.height > 0 ? &im : nullptr;
  return nullptr;
}

const FeedImage* projectImage(const ViewContext& ctx, const core::Project& p) {
  return p.image ? feedImage(ctx, p.image->src) : nullptr;
}

void imageCover(const Pen& pen, const core::Rect& r, const FeedImage& image, float rounding, std::optional<core::Rgb> behind) {
  if (r.empty()) return;
  // Crop the image's longer side (relative to the box) symmetrically so no bars show.
  const float box = r.w / r.h, pic = static_cast<float>(image.width) / static_cast<float>(image.height);
  ImVec2 uv0{0, 0}, uv1{1, 1};
  if (pic > box) {
    const float keep = box / pic;
    uv0.x = (1 - keep) * 0.5f;
    uv1.x = 1 - uv0.x;
  } else {
    const float keep = pic / box;
    uv0.y = (1 - keep) * 0.5f;
    uv1.y = 1 - uv0.y;
  }
  const auto id = reinterpret_cast<ImTextureID>(image.texture);
  const ImVec2 a = pen.pos(r.x, r.y), b = pen.pos(r.right(), r.bottom());
  // One quad: renderers copy it with filtering. AddImageRounded would cut the picture into
  // triangles, which software renderers sample without filtering.
  pen.dl->AddImage(id, a, b, uv0, uv1, pen.color({255, 255, 255}));
  if (rounding <= 0) return;
  // Round the corners by covering them with what lies behind; each cap is a fan from the corner.
  const float rad = std::min(rounding, std::min(r.w, r.h) * 0.5f);
  const ImVec2 corners[4] = {a, {b.x, a.y}, b, {a.x, b.y}};
  const ImVec2 centres[4] = {{a.x + rad, a.y + rad}, {b.x - rad, a.y + rad}, {b.x - rad, b.y - rad}, {a.x + rad, b.y - rad}};
  constexpr float kPi = 3.14159265f;
  for (int i = 0; i < 4; ++i) {
    const float from = kPi + i * kPi * 0.5f;
    pen.dl->PathLineTo(corners[i]);
    pen.dl->PathArcTo(centres[i], rad, from, from + kPi * 0.5f, 12);
    pen.dl->PathFillConvex(pen.color(behind.value_or(pen.pal.bg)));
  }
}

void drawQr(const Pen& pen, const core::Rect& r, const platform::QrCode& qr) {
  if (qr.size <= 0) return;
  pen.rect(r, {255, 255, 255}, pen.ctx.layout.radius * 0.5f);
  const int quiet = 2;  // modules of white border inside r
  const float cell = std::floor(std::min(r.w, r.h) / (qr.size + 2 * quiet));
  // Whole pixels, so every module is equally sharp.
  const float ox = std::round(r.x + (r.w - cell * qr.size) * 0.5f), oy = std::round(r.y + (r.h - cell * qr.size) * 0.5f);
  const ImU32 ink = pen.color({0, 0, 0});
  for (int y = 0; y < qr.size; ++y) {
    int x = 0;
    while (x < qr.size) {
      if (!qr.dark(x, y)) {
        ++x;
        continue;
      }
      int run = x;
      while (run < qr.size && qr.dark(run, y)) ++run;
      pen.dl->AddRectFilled(pen.pos(ox + x * cell, oy + y * cell), pen.pos(ox + run * cell, oy + (y + 1) * cell), ink);
      x = run;
    }
  }
}

float easeOut(float t) {
  t = std::clamp(t, 0.f, 1.f);
  return 1 - (1 - t) * (1 - t) * (1 - t);
}

void drawScrollThumb(const Pen& pen, const core::Rect& viewport, float content, float maxScroll, float scroll) {
  if (content <= viewport.h + 1) return;
  const core::Layout& l = pen.ctx.layout;
  const float thumbH = std::max(l.minTarget * 0.6f, viewport.h * viewport.h / content);
  const float ty = viewport.y + (viewport.h - thumbH) * std::clamp(scroll / std::max(1.f, maxScroll), 0.f, 1.f);
  pen.rect({l.width - l.margin * 0.5f - 2, ty, 4, thumbH}, pen.pal.faint, 2);
}

}  // namespace sf::views
