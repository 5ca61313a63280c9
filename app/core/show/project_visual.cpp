// The hash behind a project's generated visual: FNV-1a of the id, stirred by xorshift, so ids
// that differ in one letter still get unrelated compositions.
#include "core/show/project_visual.hpp"

namespace sf::core {

float visualNoise(std::uint32_t& state) {
  state ^= state << 13;
  state ^= state >> 17;
  state ^= state << 5;
  return static_cast<float>(state & 0xFFFF) / 65535.f;
}

VisualComposition visualComposition(std::string_view projectId) {
  std::uint32_t h = 2166136261u;
  for (char c : projectId) h = (h ^ static_cast<std::uint8_t>(c)) * 16777619u;
  // Murmur's finaliser spreads the last letters' influence over every bit.
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  std::uint32_t s = h ? h : 0x9e3779b9u;
  VisualComposition c;
  c.motif = static_cast<VisualMotif>(h % kVisualMotifs);
  c.angle = (visualNoise(s) - 0.5f) * 1.4f;  // within about ±40°: calm, never upside down
  c.scale = 0.7f + 0.6f * visualNoise(s);
  c.focusX = 0.25f + 0.5f * visualNoise(s);
  c.focusY = 0.2f + 0.45f * visualNoise(s);  // upper part: the QR card sits low
  c.count = 3 + static_cast<int>(visualNoise(s) * 4.99f);
  c.gradient = static_cast<int>((h >> 8) % 4);
  c.seed = s;
  return c;
}

}  // namespace sf::core
