// The generated visual of a project without a picture: the composition core::visualComposition
// derives from the id, drawn in the field's colour, quiet enough to sit beside large text.
#include <algorithm>
#include <cmath>

#include "core/show/project_visual.hpp"
#include "draw.hpp"

namespace sf::views {

void projectVisual(const Pen& pen, const core::Rect& r, const core::Project& p, core::Rgb base) {
  const core::VisualComposition c = core::visualComposition(p.id);
  std::uint32_t seed = c.seed;
  auto noise = [&seed] { return core::visualNoise(seed); };
  auto shade = [&](float k) {
    return core::Rgb{static_cast<std::uint8_t>(base.r * k), static_cast<std::uint8_t>(base.g * k),
                     static_cast<std::uint8_t>(base.b * k)};
  };
  const core::Rgb white{255, 255, 255};
  ImDrawList* dl = pen.dl;
  const ImVec2 a = pen.pos(r.x, r.y), b = pen.pos(r.right(), r.bottom());
  dl->PushClipRect(a, b, true);
  // The light comes from one corner of four: the corners' colours turned by `gradient`.
  const ImU32 corners[4] = {pen.color(shade(0.55f)), pen.color(base), pen.color(shade(0.8f)), pen.color(shade(0.35f))};
  auto corner = [&](int k) { return corners[(k + c.gradient) % 4]; };
  dl->AddRectFilledMultiColor(a, b, corner(0), corner(1), corner(2), corner(3));

  const float m = std::min(r.w, r.h), unit = m * c.scale;
  const ImVec2 f = pen.pos(r.x + r.w * c.focusX, r.y + r.h * c.focusY);
  const float ca = std::cos(c.angle), sa = std::sin(c.angle);
  // A point `u` along the motif's direction and `v` across it, from the focus.
  auto at = [&](float u, float v) { return ImVec2{f.x + u * ca - v * sa, f.y + u * sa + v * ca}; };
  const float reach = std::hypot(r.w, r.h);
  const float line = std::max(2.f, m * 0.01f);

  switch (c.motif) {
    case core::VisualMotif::Orbits:  // rings around the focus, one bead on the outer ring
      for (int i = 0; i < c.count; ++i)
        dl->AddCircle(f, unit * (0.12f + 0.11f * i), pen.color(white, 0.12f + 0.05f * (i % 3)), 96, line * (1 + 0.6f * noise()));
      fillCircle(dl, f, unit * 0.07f, pen.color(white, 0.22f), 48);
      fillCircle(dl, at(unit * 0.34f, 0), unit * 0.035f, pen.color(white, 0.5f), 32);  // on the third ring
      break;
    case core::VisualMotif::Stripes:  // parallel bands across the panel, every third one dark
      for (int i = -c.count; i <= c.count; ++i) {
        const float w = unit * (0.05f + 0.04f * noise()), v = i * unit * 0.16f;
        const bool dark = (i + c.count) % 3 == 2;
        dl->AddQuadFilled(at(-reach, v - w), at(reach, v - w), at(reach, v + w), at(-reach, v + w),
                          pen.color(dark ? shade(0.3f) : white, dark ? 0.25f : 0.07f + 0.07f * noise()));
      }
      break;
    case core::VisualMotif::Mosaic: {  // a turned grid of tiles, some lit, some left out
      const float cell = unit * 0.15f, inset = cell * 0.12f;
      const int n = c.count + 2;
      for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
          const float k = noise();
          if (k < 0.3f) continue;
          const float u0 = (x - n * 0.5f) * cell + inset, v0 = (y - n * 0.5f) * cell + inset, s = cell - 2 * inset;
          const bool dark = k > 0.88f;
          dl->AddQuadFilled(at(u0, v0), at(u0 + s, v0), at(u0 + s, v0 + s), at(u0, v0 + s),
                            pen.color(dark ? shade(0.3f) : white, dark ? 0.3f : 0.05f + 0.2f * (k - 0.3f)));
        }
      break;
    }
    case core::VisualMotif::Bubbles:  // overlapping discs of several sizes, light and dark
      for (int i = 0; i < c.count; ++i) {
        const ImVec2 p0 = at((noise() - 0.5f) * unit * 1.1f, (noise() - 0.5f) * unit * 0.9f);
        fillCircle(dl, p0, unit * (0.1f + 0.22f * noise()), pen.color(i % 2 ? white : shade(0.3f), i % 2 ? 0.12f : 0.22f), 96);
      }
      dl->AddCircle(at(unit * 0.15f, -unit * 0.1f), unit * 0.34f, pen.color(white, 0.3f), 128, line);
      break;
    case core::VisualMotif::Arcs:  // nested arcs opening towards `angle`
      for (int i = 0; i < c.count; ++i) {
        const float rad = unit * (0.18f + 0.13f * i), a0 = c.angle + 3.1415927f * (0.5f + 0.3f * noise());
        dl->PathArcTo(f, rad, a0, a0 + 3.1415927f * (0.7f + 0.5f * noise()), 64);
        dl->PathStroke(pen.color(white, 0.12f + 0.06f * (i % 3)), 0, unit * (0.025f + 0.03f * noise()));
      }
      break;
    case core::VisualMotif::Chevrons: {  // a column of chevrons pointing along `angle`, fading out
      const float s = unit * 0.16f, step = unit * 0.14f;
      for (int i = 0; i < c.count + 2; ++i) {
        const float u = (i - (c.count + 2) * 0.5f) * step;
        const ImVec2 pts[3] = {at(u - s, -s), at(u, 0), at(u - s, s)};
        dl->AddPolyline(pts, 3, pen.color(white, 0.3f - 0.03f * i), 0, line * 2.2f);
      }
      break;
    }
  }
  dl->PopClipRect();
}

}  // namespace sf::views
