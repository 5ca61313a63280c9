// Sponsor grid maths: the cell size found by bisection on the height the groups need, and logo
// boxes of equal area inside the cells.
#include "core/show/sponsor_layout.hpp"

#include <algorithm>
#include <cmath>

namespace sf::core {
namespace {

struct GroupShape {
  std::size_t cols = 1, rows = 0;
  float w = 0, h = 0;  // one cell
};

GroupShape shape(const SponsorGroupSpec& g, float unit, float width, float gap) {
  GroupShape s;
  s.w = unit * g.scale;
  s.h = s.w / kSponsorCellAspect;
  const std::size_t n = g.aspects.size();
  if (n == 0) return s;
  const auto fit = static_cast<std::size_t>(std::max(1.f, std::floor((width + gap) / (s.w + gap))));
  s.rows = (n + fit - 1) / fit;
  s.cols = (n + s.rows - 1) / s.rows;  // the longest row, when the rows are balanced
  return s;
}

float heightAt(const std::vector<SponsorGroupSpec>& groups, float unit, float width, float gap, float headingHeight) {
  float h = 0;
  bool first = true;
  for (const auto& g : groups) {
    if (g.aspects.empty()) continue;
    const GroupShape s = shape(g, unit, width, gap);
    if (!first) h += 2 * gap;
    first = false;
    if (g.heading) h += headingHeight;
    h += s.rows * s.h + (s.rows - 1) * gap;
  }
  return h;
}

}  // namespace

float sponsorTierScale(std::size_t rank) { return std::max(0.5f, std::pow(0.8f, static_cast<float>(rank))); }

Rect sponsorLogoBox(const Rect& cell, float aspect) {
  if (aspect <= 0) aspect = kSponsorCellAspect;
  const float area = kSponsorLogoShare * cell.w * cell.h;
  float w = std::sqrt(area * aspect), h = std::sqrt(area / aspect);
  const float k = std::min({1.f, cell.w * 0.9f / w, cell.h * 0.8f / h});
  w *= k;
  h *= k;
  return {cell.x + (cell.w - w) * 0.5f, cell.y + (cell.h - h) * 0.5f, w, h};
}

SponsorGrid layoutSponsors(const Rect& area, const std::vector<SponsorGroupSpec>& groups, float gap, float headingHeight) {
  SponsorGrid out;
  out.headings.assign(groups.size(), Rect{});
  if (area.empty()) return out;
  // Bisection on the top tier's cell width: the height the groups need grows with it. A lone
  // sponsor is not blown up to the whole screen.
  float lo = 0, hi = std::min(area.w * 0.48f, area.h * 0.5f * kSponsorCellAspect);
  if (heightAt(groups, hi, area.w, gap, headingHeight) > area.h) {
    for (int i = 0; i < 40; ++i) {
      const float mid = (lo + hi) * 0.5f;
      (heightAt(groups, mid, area.w, gap, headingHeight) <= area.h ? lo : hi) = mid;
    }
  } else {
    lo = hi;
  }
  out.unit = std::floor(lo);
  const float used = heightAt(groups, out.unit, area.w, gap, headingHeight);
  float y = area.y + std::max(0.f, (area.h - used) * 0.5f);
  bool first = true;
  for (std::size_t gi = 0; gi < groups.size(); ++gi) {
    const SponsorGroupSpec& g = groups[gi];
    if (g.aspects.empty()) continue;
    if (!first) y += 2 * gap;
    first = false;
    const GroupShape s = shape(g, out.unit, area.w, gap);
    if (g.heading) {
      out.headings[gi] = {area.x, y, area.w, headingHeight};
      y += headingHeight;
    }
    // Rows differ by one logo at most, the longer ones first: 7 in three rows is 3, 2, 2.
    const std::size_t n = g.aspects.size(), base = n / s.rows, extra = n % s.rows;
    std::size_t from = 0;
    for (std::size_t r = 0; r < s.rows; from += base + (r < extra ? 1 : 0), ++r) {
      const std::size_t count = base + (r < extra ? 1 : 0);
      const float rowW = count * s.w + (count - 1) * gap;
      float x = area.x + (area.w - rowW) * 0.5f;
      for (std::size_t k = 0; k < count; ++k, x += s.w + gap) {
        const Rect cell{std::round(x), std::round(y), std::floor(s.w), std::floor(s.h)};
        out.cells.push_back({gi, from + k, cell, sponsorLogoBox(cell, g.aspects[from + k])});
      }
      y += s.h + gap;
    }
    y -= gap;
  }
  return out;
}

}  // namespace sf::core
