// Pure geometry of the map slide: the floor plan fit into an area with its aspect kept, markers
// from the image's relative coordinates to screen pixels, and labels placed beside their pins.
#pragma once
#include <cstddef>
#include <vector>

#include "core/show/layout.hpp"

namespace sf::core {

// The rectangle an image of imageW x imageH fills when fit into `area` (aspect kept, centred,
// scaled up or down). An image of unknown size (0) takes the area as it is.
Rect fitImage(const Rect& area, float imageW, float imageH);

// A point given in the image's relative coordinates ((0, 0) top-left, (1, 1) bottom-right) on
// the screen where the image is drawn at `image`. Pixel-exact corners: x = 1 is image.right().
Point mapPoint(const Rect& image, double x, double y);

// A logical point (of the upright frame the views draw) on the physical glass of a screen turned
// by `rotationDegrees`: the inverse of physicalToLogical.
Point logicalToPhysical(int rotationDegrees, int physW, int physH, float x, float y);

// A label to place beside a pin at `anchor`: `w` x `h` at best, else `altW` x `altH` (a shorter
// text; 0 when there is none). `gap` is the distance from the anchor (the pin's radius and air).
struct LabelRequest {
  Point anchor;
  float w = 0, h = 0;
  float altW = 0, altH = 0;
  float gap = 0;
};

struct LabelPlacement {
  Rect rect;          // empty when the label could not be placed
  bool alt = false;   // the shorter text was placed
  bool shown() const { return !rect.empty(); }
};

// Places labels in the order given (the most important first): each beside its anchor (right,
// left, below, above, then the diagonals), wholly inside `bounds`, overlapping no label placed
// before it and no rectangle of `obstacles` (pins, the legend). A label with no such place is
// tried in its shorter form, then left out: a pin without a label beats two labels on each other.
// `out` is resized to in.size(); nothing is allocated once its capacity suffices.
void placeLabels(const std::vector<LabelRequest>& in, const Rect& bounds, const std::vector<Rect>& obstacles,
                 std::vector<LabelPlacement>& out);

}  // namespace sf::core
