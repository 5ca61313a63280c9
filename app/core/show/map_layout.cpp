// The map slide's geometry. Labels are placed greedily in priority order over a handful of
// candidate spots: few enough markers per plan (dozens) that the quadratic checks cost nothing.
#include "core/show/map_layout.hpp"

#include <algorithm>
#include <cmath>

namespace sf::core {

Rect fitImage(const Rect& area, float imageW, float imageH) {
  if (area.empty() || imageW <= 0 || imageH <= 0) return area;
  const float s = std::min(area.w / imageW, area.h / imageH);
  const float w = imageW * s, h = imageH * s;
  return {area.x + (area.w - w) / 2, area.y + (area.h - h) / 2, w, h};
}

Point mapPoint(const Rect& image, double x, double y) {
  return {static_cast<float>(image.x + image.w * x), static_cast<float>(image.y + image.h * y)};
}

Point logicalToPhysical(int rot, int physW, int physH, float x, float y) {
  switch (((rot % 360) + 360) % 360) {
    case 90: return {physW - y, x};
    case 180: return {physW - x, physH - y};
    case 270: return {y, physH - x};
    default: return {x, y};
  }
}

namespace {

// Candidate spots for a w x h label beside `a` at distance `g`, in the order they are tried.
Rect candidate(int i, Point a, float w, float h, float g) {
  const float d = g * 0.7f;  // the diagonals sit closer, the label's corner near the pin
  switch (i) {
    case 0: return {a.x + g, a.y - h / 2, w, h};          // right
    case 1: return {a.x - g - w, a.y - h / 2, w, h};      // left
    case 2: return {a.x - w / 2, a.y + g, w, h};          // below
    case 3: return {a.x - w / 2, a.y - g - h, w, h};      // above
    case 4: return {a.x + d, a.y + d, w, h};              // below right
    case 5: return {a.x + d, a.y - d - h, w, h};          // above right
    case 6: return {a.x - d - w, a.y + d, w, h};          // below left
    default: return {a.x - d - w, a.y - d - h, w, h};     // above left
  }
}
constexpr int kCandidates = 8;

bool inside(const Rect& r, const Rect& b) { return r.x >= b.x && r.y >= b.y && r.right() <= b.right() && r.bottom() <= b.bottom(); }

}  // namespace

void placeLabels(const std::vector<LabelRequest>& in, const Rect& bounds, const std::vector<Rect>& obstacles,
                 std::vector<LabelPlacement>& out) {
  out.assign(in.size(), LabelPlacement{});
  for (std::size_t i = 0; i < in.size(); ++i) {
    const LabelRequest& q = in[i];
    auto free = [&](const Rect& r) {
      if (!inside(r, bounds)) return false;
      for (const Rect& o : obstacles)
        if (r.overlaps(o, 0)) return false;
      for (std::size_t k = 0; k < i; ++k)
        if (out[k].shown() && r.overlaps(out[k].rect, 0)) return false;
      return true;
    };
    for (int form = 0; form < 2 && !out[i].shown(); ++form) {
      const float w = form ? q.altW : q.w, h = form ? q.altH : q.h;
      if (w <= 0 || h <= 0) continue;
      for (int c = 0; c < kCandidates; ++c) {
        const Rect r = candidate(c, q.anchor, w, h, q.gap);
        if (!free(r)) continue;
        out[i] = {r, form == 1};
        break;
      }
    }
  }
}

}  // namespace sf::core
