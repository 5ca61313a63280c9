// The sponsors slide's grid: logos of any shape given equal visual weight (the same area, not the
// same width), a bigger size for higher tiers, every group under its heading, all fitted to the area.
#pragma once
#include <cstddef>
#include <vector>

#include "core/show/layout.hpp"

namespace sf::core {

// A cell is this much wider than high: most logos are wide marks.
inline constexpr float kSponsorCellAspect = 1.8f;
// Share of its cell a logo of average shape covers (the rest is air around it).
inline constexpr float kSponsorLogoShare = 0.28f;  // a square or a 4:5 logo then fits without shrinking

struct SponsorGroupSpec {
  std::vector<float> aspects;  // per logo: width / height (0: unknown, the name set in type)
  float scale = 1;             // linear size against the highest tier's cells
  bool heading = false;        // a tier name above the group
};

struct SponsorCell {
  std::size_t group = 0, index = 0;  // which logo
  Rect cell;  // its share of the grid
  Rect logo;  // the logo at its aspect, centred in the cell
};

struct SponsorGrid {
  std::vector<Rect> headings;  // per group; empty when the group has none
  std::vector<SponsorCell> cells;
  float unit = 0;  // the highest tier's cell width
};

// The largest grid that fits `area`: each group's cells in balanced rows (7 in rows of 4 and 3,
// or 3, 2 and 2; never 6 and 1), rows centred, the whole block centred vertically. `headingHeight` is one heading's
// line with its space below; `gap` lies between cells and, doubled, between groups.
SponsorGrid layoutSponsors(const Rect& area, const std::vector<SponsorGroupSpec>& groups, float gap, float headingHeight);

// A tier's linear scale by its rank (0: the highest): each lower tier a fifth smaller, down to half.
float sponsorTierScale(std::size_t rank);

// The box of a logo of `aspect` (width / height) with the area the cell gives every logo, shrunk
// only where the cell is too narrow or too low for it.
Rect sponsorLogoBox(const Rect& cell, float aspect);

}  // namespace sf::core
