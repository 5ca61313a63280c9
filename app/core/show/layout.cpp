// Layout maths: sizes follow min(width, height) so portrait and landscape screens of the same
// class get the same type, with floors that keep small screens legible and touchable, and
// (given the screen's size and viewing distance) no smaller than legible from that distance.
#include "core/show/layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sf::core {

Rect Rect::intersect(const Rect& o) const {
  const float l = std::max(x, o.x), t = std::max(y, o.y);
  const float r = std::min(right(), o.right()), b = std::min(bottom(), o.bottom());
  return {l, t, std::max(0.f, r - l), std::max(0.f, b - t)};
}

bool Rect::overlaps(const Rect& o, float tolerance) const {
  return x + tolerance < o.right() && o.x + tolerance < right() && y + tolerance < o.bottom() &&
         o.y + tolerance < bottom();
}

float minTargetPx(float dpi) {
  if (dpi <= 0) dpi = 96;
  return std::max(44.f, std::ceil(9.f * dpi / 25.4f));
}

float legibleFontPx(float dpi, float distanceM) {
  if (dpi <= 0 || distanceM <= 0) return 0;
  return kXHeightMmPerMetre * distanceM * dpi / 25.4f / kXHeightPerFontPx;
}

float legibleDistanceM(float dpi, float fontPx) {
  if (dpi <= 0 || fontPx <= 0) return 0;
  return fontPx * kXHeightPerFontPx * 25.4f / dpi / kXHeightMmPerMetre;
}

float screenDpi(int width, int height, float reportedDpi, float diagonalInches) {
  if (diagonalInches > 0 && width > 0 && height > 0)
    return std::hypot(static_cast<float>(width), static_cast<float>(height)) / diagonalInches;
  // From a 100-inch 1080p wall (22 dpi) to a phone; anything else is a screen that misreports.
  return reportedDpi >= 20 && reportedDpi <= 1000 ? reportedDpi : 0;
}

float defaultViewingDistanceM(float diagonalInches) {
  if (diagonalInches <= 0) return kFarthestDefaultM;
  return std::clamp(kDistancePerDiagonal * diagonalInches * 0.0254f, kNearestDefaultM, kFarthestDefaultM);
}

float screenDiagonalInches(int width, int height, float dpi) {
  if (dpi <= 0 || width <= 0 || height <= 0) return 0;
  return std::hypot(static_cast<float>(width), static_cast<float>(height)) / dpi;
}

float viewingDistanceFor(float configuredM, int width, int height, float dpi) {
  if (configuredM > 0) return configuredM;
  return defaultViewingDistanceM(screenDiagonalInches(width, height, dpi));
}

Layout computeLayout(int width, int height, float dpi) { return computeLayout(width, height, dpi, 0); }

Layout computeLayout(int width, int height, float dpi, float viewingDistanceM) {
  Layout l;
  l.width = std::max(width, 1);
  l.height = std::max(height, 1);
  l.dpi = dpi > 0 ? dpi : 96;
  l.minTarget = minTargetPx(dpi);
  const float shortSide = static_cast<float>(std::min(l.width, l.height));
  l.scale = shortSide / 1080.f;
  l.portrait = l.height > l.width;
  l.compact = shortSide < 640;
  const float s = l.scale;

  // Base sizes at 1080 px, and floors below which text stops being readable at arm's length.
  static constexpr float base[kFontRoles] = {112, 76, 42, 32, 28, 22};
  static constexpr float floor[kFontRoles] = {46, 28, 22, 18, 16, 14};
  for (std::size_t i = 0; i < kFontRoles; ++i) l.fontPx[i] = std::round(std::max(base[i] * s, floor[i]));
  // From a distance the smallest role grows to what the distance asks, and the larger ones keep
  // a (tighter) step above it. The smallest text stays under a 24th of the short side, so a
  // layout still holds its lines: a 7-inch screen asked for 3 m says how far it really reaches.
  if (const float need = legibleFontPx(dpi, viewingDistanceM); need > 0) {
    static constexpr float step[kFontRoles] = {2.6f, 2.0f, 1.5f, 1.25f, 1.12f, 1};
    const float smallest = std::min(std::ceil(need), std::floor(shortSide / 24));
    for (std::size_t i = 0; i < kFontRoles; ++i) l.fontPx[i] = std::max(l.fontPx[i], std::ceil(smallest * step[i]));
    l.viewingDistance = viewingDistanceM;
    l.minTextPx = std::ceil(need);
    l.legibleDistance = legibleDistanceM(dpi, l.font(FontRole::Small));
  }
  // A control is at least a fingertip high, and twice its label's size: at 4K the type doubles,
  // and pills a fingertip high would squeeze it.
  l.minTarget = std::max(l.minTarget, 2 * l.font(FontRole::Small));

  l.margin = std::round(std::max(20.f, 72 * s));
  l.gap = std::round(std::max(12.f, 36 * s));
  l.radius = std::round(std::max(6.f, 16 * s));
  l.headerHeight = std::round(std::max(l.minTarget + 16, 112 * s));
  l.progressHeight = std::round(std::max(3.f, 6 * s));
  l.header = {0, 0, static_cast<float>(l.width), l.headerHeight};
  const float bottomPad = std::round(std::max(16.f, 56 * s));
  l.content = {l.margin, l.headerHeight + std::round(l.gap * 0.5f), l.width - 2 * l.margin,
               l.height - l.headerHeight - std::round(l.gap * 0.5f) - bottomPad};
  if (l.portrait) {
    // A tall screen's top edge is out of reach of children and people in wheelchairs: Back, the
    // languages and the ways in sit in a bar above the progress bar; the header keeps title and clock.
    const float bar = l.headerHeight;
    l.controls = {0, l.height - l.progressHeight - bar, static_cast<float>(l.width), bar};
    l.content.h -= bar;
  }
  l.bannerBottom = std::round(l.content.bottom() + l.margin * 0.25f);
  return l;
}

Layout reserveBanner(const Layout& layout, float bannerHeight, bool top) {
  Layout l = layout;
  if (bannerHeight <= 0) return l;
  const float space = std::round(l.gap * 0.5f);
  float y = l.content.y, bottom = l.content.bottom();
  if (top) y = std::max(y, l.header.bottom() + bannerHeight + space);
  else bottom = std::min(bottom, l.bannerBottom - bannerHeight - space);
  l.content.y = y;
  l.content.h = std::max(0.f, bottom - y);
  return l;
}

void gridCells(const Rect& area, std::size_t n, std::size_t cols, float gap, std::vector<Rect>& out) {
  out.clear();
  if (n == 0 || cols == 0) return;
  const std::size_t rows = (n + cols - 1) / cols;
  const float w = (area.w - gap * (cols - 1)) / cols;
  const float h = (area.h - gap * (rows - 1)) / rows;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t r = i / cols, c = i % cols;
    out.push_back({area.x + c * (w + gap), area.y + r * (h + gap), w, h});
  }
}

std::vector<Rect> gridCells(const Rect& area, std::size_t n, std::size_t cols, float gap) {
  std::vector<Rect> out;
  gridCells(area, n, cols, gap, out);
  return out;
}

ListGeometry fieldListGeometry(const Layout& l) {
  ListGeometry g;
  // The list sits below a title line (heading font plus a gap).
  const float titleBlock = l.font(FontRole::Title) * 1.3f + l.gap * 0.6f;
  g.viewport = {l.content.x, l.content.y + titleBlock, l.content.w, l.content.h - titleBlock};
  // A row holds a two-line title and a meta line, and is always a comfortable touch target.
  const float textHeight = l.font(FontRole::Heading) * 1.25f * 2 + l.font(FontRole::Small) * 1.4f;
  g.rowHeight = std::round(std::max(l.minTarget * 1.5f, textHeight + l.gap * 0.9f));
  g.rowGap = std::round(std::max(6.f, l.gap * 0.3f));
  return g;
}

PageSpan pageSpan(std::size_t total, std::size_t perPage, std::size_t page) {
  if (total == 0 || perPage == 0) return {};
  const std::size_t pages = (total + perPage - 1) / perPage;
  const std::size_t base = total / pages, extra = total % pages;  // the first `extra` pages hold one more
  if (page >= pages) return {total, 0};
  return {page * base + std::min(page, extra), base + (page < extra ? 1 : 0)};
}

FigureGrid figureGrid(const Layout& l) {
  // Portrait: as many rows (up to four) as hold a figure, a two-line label and a two-line note,
  // so type sized for a far viewing distance gets fewer figures per page rather than cut ones.
  if (l.portrait) {
    const float cell = l.font(FontRole::Figure) * 1.2f + l.font(FontRole::Heading) * 2.4f + l.font(FontRole::Small) * 2.5f + l.gap;
    return {2, static_cast<std::size_t>(std::clamp(std::floor(l.content.h * 0.9f / cell), 2.f, 4.f))};
  }
  const float aspect = static_cast<float>(l.width) / l.height;
  if (aspect > 1.7f) return {3, 2};
  return {3, 2};
}

std::vector<LayoutProblem> checkTextBoxes(const std::vector<TextBox>& boxes, int width, int height, float tol) {
  std::vector<LayoutProblem> out;
  const Rect screen{-tol, -tol, width + 2 * tol, height + 2 * tol};
  char buf[256];
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const Rect& r = boxes[i].rect;
    if (r.x < screen.x || r.y < screen.y || r.right() > screen.right() || r.bottom() > screen.bottom()) {
      std::snprintf(buf, sizeof buf, "text \"%s\" leaves the screen: %.0f,%.0f %.0fx%.0f on %dx%d",
                    boxes[i].label.c_str(), r.x, r.y, r.w, r.h, width, height);
      out.push_back({buf});
    }
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      if (r.overlaps(boxes[j].rect, tol)) {
        std::snprintf(buf, sizeof buf, "text \"%s\" overlaps \"%s\"", boxes[i].label.c_str(),
                      boxes[j].label.c_str());
        out.push_back({buf});
      }
    }
  }
  return out;
}

Point physicalToLogical(int rot, int physW, int physH, float px, float py) {
  switch (((rot % 360) + 360) % 360) {
    case 90: return {py, physW - px};
    case 180: return {physW - px, physH - py};
    case 270: return {physH - py, px};
    default: return {px, py};
  }
}

void logicalSize(int rot, int physW, int physH, int& lw, int& lh) {
  const bool swap = rot == 90 || rot == 270;
  lw = swap ? physH : physW;
  lh = swap ? physW : physH;
}

}  // namespace sf::core
