// Our own layers' memory and the loops that put them on the screen: a cross-fade is two
// screen-sized layers 25 times a second, the largest part of the software path's work.
#include "layer_pixels.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>

namespace sf::platform {

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

// Sixteen bytes (four pixels) at a time, widened to 16 bits: the compiler turns these into SSE2 on
// x86-64 and NEON on arm64, four times the pixels per step of SDL's portable blitter.
using Bytes16 = std::uint8_t __attribute__((vector_size(16)));
using Wide16 = std::uint16_t __attribute__((vector_size(32)));

// out = in·a + under·(256−a), by 256; `under` may be `out` itself.
void blendRow(std::uint8_t* out, const std::uint8_t* in, const std::uint8_t* under, int bytes, unsigned a) {
  const Wide16 keep = Wide16{} + static_cast<std::uint16_t>(256 - a), take = Wide16{} + static_cast<std::uint16_t>(a);
  int i = 0;
  for (; i + 32 <= bytes; i += 32) {  // two vectors per step: loads of one overlap the other's maths
    Bytes16 s0, s1, d0, d1;
    std::memcpy(&s0, in + i, 16);
    std::memcpy(&s1, in + i + 16, 16);
    std::memcpy(&d0, under + i, 16);
    std::memcpy(&d1, under + i + 16, 16);
    const Wide16 r0 = (__builtin_convertvector(s0, Wide16) * take + __builtin_convertvector(d0, Wide16) * keep) >> 8;
    const Wide16 r1 = (__builtin_convertvector(s1, Wide16) * take + __builtin_convertvector(d1, Wide16) * keep) >> 8;
    const Bytes16 o0 = __builtin_convertvector(r0, Bytes16), o1 = __builtin_convertvector(r1, Bytes16);
    std::memcpy(out + i, &o0, 16);
    std::memcpy(out + i + 16, &o1, 16);
  }
  for (; i < bytes; ++i) out[i] = static_cast<std::uint8_t>((in[i] * a + under[i] * (256 - a)) >> 8);
}

// Per channel, what a tint does to a layer's pixel: rare (no view tints a layer today), so plain.
void tintPixel(std::uint8_t* out, const std::uint8_t* in, SDL_Color tint, unsigned a, const SDL_PixelFormat* f) {
  Uint32 s, d;
  std::memcpy(&s, in, 4);
  std::memcpy(&d, out, 4);
  Uint8 sr, sg, sb, dr, dg, db;
  SDL_GetRGB(s, f, &sr, &sg, &sb);
  SDL_GetRGB(d, f, &dr, &dg, &db);
  auto mix = [a](unsigned src, unsigned mod, unsigned dst) { return static_cast<Uint8>((src * mod / 255 * a + dst * (256 - a)) >> 8); };
  const Uint32 p = SDL_MapRGB(f, mix(sr, tint.r, dr), mix(sg, tint.g, dg), mix(sb, tint.b, db));
  std::memcpy(out, &p, 4);
}

}  // namespace

std::unique_ptr<LayerPixels> LayerPixels::make(int width, int height, int pitch) {
  if (width <= 0 || height <= 0 || pitch < width * 4) return nullptr;
  const std::size_t bytes = static_cast<std::size_t>(pitch) * static_cast<std::size_t>(height);
  // One huge page more than needed, so the pixels can start on a huge page's boundary.
  const std::size_t length = bytes + kHugePage;
  void* m = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) return nullptr;
  auto start = (reinterpret_cast<std::uintptr_t>(m) + kHugePage - 1) & ~(kHugePage - 1);
#ifdef MADV_HUGEPAGE
  // Advice only: where the kernel has no transparent huge pages, small pages serve the same.
  madvise(reinterpret_cast<void*>(start), bytes & ~(kHugePage - 1), MADV_HUGEPAGE);
#endif
  std::unique_ptr<LayerPixels> l(new LayerPixels());
  l->mapping_ = m;
  l->length_ = length;
  l->pixels_ = reinterpret_cast<std::uint8_t*>(start);
  l->width_ = width;
  l->height_ = height;
  l->pitch_ = pitch;
  return l;
}

LayerPixels::~LayerPixels() {
  if (mapping_) munmap(mapping_, length_);
}

LayerPixels* findLayer(const std::vector<std::unique_ptr<LayerPixels>>& layers, const void* id) {
  if (!id) return nullptr;
  for (const auto& l : layers)
    if (l.get() == id) return l.get();
  return nullptr;
}

void crossFadePixels(PixelRect to, PixelSource from, PixelSource under, int w, int h, std::uint8_t alpha) {
  if (w <= 0 || h <= 0) return;
  const unsigned a = alpha + (alpha >> 7u);
  for (int y = 0; y < h; ++y) {
    std::uint8_t* out = to.pixels + static_cast<std::ptrdiff_t>(y) * to.pitch;
    const std::uint8_t* in = from.pixels + static_cast<std::ptrdiff_t>(y) * from.pitch;
    const std::uint8_t* old = under.pixels + static_cast<std::ptrdiff_t>(y) * under.pitch;
    if (a == 256) std::memcpy(out, in, static_cast<std::size_t>(w) * 4);  // full strength: the source alone
    else if (a == 0 && old != out) std::memcpy(out, old, static_cast<std::size_t>(w) * 4);
    else if (a != 0) blendRow(out, in, old, w * 4, a);
  }
}

void blendPixels(PixelRect to, PixelSource from, int w, int h, std::uint8_t alpha) {
  crossFadePixels(to, from, {to.pixels, to.pitch}, w, h, alpha);
}

namespace {

// `whole` without `hole` (inside it): up to four rectangles, above, below, left and right of it.
int subtract(const SDL_Rect& whole, const SDL_Rect& hole, SDL_Rect out[4]) {
  int n = 0;
  const int top = hole.y - whole.y, bottom = whole.y + whole.h - (hole.y + hole.h);
  const int left = hole.x - whole.x, right = whole.x + whole.w - (hole.x + hole.w);
  if (top > 0) out[n++] = {whole.x, whole.y, whole.w, top};
  if (bottom > 0) out[n++] = {whole.x, hole.y + hole.h, whole.w, bottom};
  if (left > 0) out[n++] = {whole.x, hole.y, left, hole.h};
  if (right > 0) out[n++] = {hole.x + hole.w, hole.y, right, hole.h};
  return n;
}

}  // namespace

bool LayerCompositor::visible(const LayerDraw& d, SDL_Rect& area) const {
  const SDL_Rect screen{0, 0, canvas_->w, canvas_->h};
  return SDL_IntersectRect(&d.dst, &d.clip, &area) && SDL_IntersectRect(&area, &screen, &area);
}

PixelRect LayerCompositor::canvasAt(int x, int y) const {
  return {static_cast<std::uint8_t*>(canvas_->pixels) + y * canvas_->pitch + x * 4, canvas_->pitch};
}

PixelSource LayerCompositor::Placed::at(int x, int y) const {
  return {layer->pixels() + (sy + y - area.y) * layer->pitch() + (sx + x - area.x) * 4, layer->pitch()};
}

bool LayerCompositor::place(const LayerDraw& d, Placed& out) const {
  SDL_Rect area;
  if (!visible(d, area)) return false;
  // The source moves with the clipped target, and is kept inside the layer.
  const SDL_Rect from{d.src.x + area.x - d.dst.x, d.src.y + area.y - d.dst.y, area.w, area.h};
  const SDL_Rect inside{0, 0, d.layer->width(), d.layer->height()};
  SDL_Rect kept;
  if (!SDL_IntersectRect(&from, &inside, &kept)) return false;
  out = {d.layer, {area.x + kept.x - from.x, area.y + kept.y - from.y, kept.w, kept.h}, kept.x, kept.y, d.tint.a};
  return true;
}

// `part` (inside p.area) of a placed layer over what the canvas holds.
void LayerCompositor::drawPlaced(const Placed& p, const SDL_Rect& part) const {
  blendPixels(canvasAt(part.x, part.y), p.at(part.x, part.y), part.w, part.h, p.alpha);
}

void LayerCompositor::settle() {
  if (waiting_.layer) drawPlaced(waiting_, waiting_.area);
  waiting_.layer = nullptr;
}

void LayerCompositor::draw(const LayerDraw& d) {
  if (!canvas_ || !d.layer || d.src.w <= 0 || d.src.h <= 0 || d.dst.w <= 0 || d.dst.h <= 0 || d.tint.a == 0) return;
  const bool plain = d.tint.r == 255 && d.tint.g == 255 && d.tint.b == 255;
  Placed p;
  if (!plain || d.src.w != d.dst.w || d.src.h != d.dst.h) {
    settle();
    drawScaled(d);
    return;
  }
  if (!place(d, p)) return;
  SDL_Rect both;
  if (p.alpha == 255 || !waiting_.layer || !SDL_IntersectRect(&waiting_.area, &p.area, &both)) {
    settle();
    if (p.alpha == 255) waiting_ = p;  // it waits: a blend over it may follow
    else drawPlaced(p, p.area);
    return;
  }
  // A blend over the waiting copy: one pass where both are, each alone elsewhere.
  const Placed& w = waiting_;
  crossFadePixels(canvasAt(both.x, both.y), p.at(both.x, both.y), w.at(both.x, both.y), both.w, both.h, p.alpha);
  SDL_Rect rest[4];
  for (int i = 0, n = subtract(w.area, both, rest); i < n; ++i) drawPlaced(w, rest[i]);
  for (int i = 0, n = subtract(p.area, both, rest); i < n; ++i) drawPlaced(p, rest[i]);
  waiting_.layer = nullptr;
}

// Scaled or tinted: the nearest source pixel for each target pixel, one at a time.
void LayerCompositor::drawScaled(const LayerDraw& d) const {
  SDL_Rect area;
  if (!visible(d, area)) return;
  const unsigned a = d.tint.a + (d.tint.a >> 7u);
  const LayerPixels& l = *d.layer;
  for (int y = area.y; y < area.y + area.h; ++y) {
    const int sy = std::clamp(d.src.y + (y - d.dst.y) * d.src.h / d.dst.h, 0, l.height() - 1);
    for (int x = area.x; x < area.x + area.w; ++x) {
      const int sx = std::clamp(d.src.x + (x - d.dst.x) * d.src.w / d.dst.w, 0, l.width() - 1);
      tintPixel(canvasAt(x, y).pixels, l.pixels() + sy * l.pitch() + sx * 4, d.tint, a, canvas_->format);
    }
  }
}

}  // namespace sf::platform
