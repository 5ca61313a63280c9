// The generated picture of a project without an image: a calm composition in the field's colour
// whose motif, arrangement, scale and angle follow from a hash of the project's id.
#pragma once
#include <cstdint>
#include <string_view>

namespace sf::core {

// The kinds of pattern a generated visual is made of.
enum class VisualMotif : std::uint8_t { Orbits, Stripes, Mosaic, Bubbles, Arcs, Chevrons };
inline constexpr int kVisualMotifs = 6;

// Everything that makes one project's visual its own; the drawing scales it to any panel.
struct VisualComposition {
  VisualMotif motif = VisualMotif::Orbits;
  float angle = 0;      // the pattern's rotation, radians
  float scale = 1;      // the elements' size relative to the panel's short side, 0.7..1.3
  float focusX = 0.5f;  // where the pattern gathers, in 0..1 of the panel
  float focusY = 0.5f;
  int count = 4;        // how many rings, stripes, tiles or bubbles: 3..7
  int gradient = 0;     // which corner the background's light comes from: 0..3
  std::uint32_t seed = 0;  // small per-element variation (sizes, which tiles are lit)
  bool operator==(const VisualComposition&) const = default;
};

// Stable per id: the same project looks the same on every screen and after every restart.
VisualComposition visualComposition(std::string_view projectId);

// Next pseudo-random number in 0..1 from `state` (xorshift32), for per-element variation.
float visualNoise(std::uint32_t& state);

}  // namespace sf::core
