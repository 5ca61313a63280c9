// SDL 2.26's software renderer rasterises every SDL_RenderGeometry triangle pixel by pixel, with a
// division per pixel; so quads go as copies and fills, and one-colour triangles as rows of fills.
#include "draw_data.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdint>
#include <cstring>

namespace sf::platform {
namespace {

SDL_Color colorOf(ImU32 c) {
  return {static_cast<Uint8>(c >> IM_COL32_R_SHIFT), static_cast<Uint8>(c >> IM_COL32_G_SHIFT),
          static_cast<Uint8>(c >> IM_COL32_B_SHIFT), static_cast<Uint8>(c >> IM_COL32_A_SHIFT)};
}

// ImGui's PrimRect/PrimRectUV and AddRectFilledMultiColor: vertices top-left, top-right,
// bottom-right, bottom-left, indexed (0, 1, 2, 0, 2, 3), an upright rectangle.
bool isRect(const ImDrawVert* v, const ImDrawIdx* i) {
  if (i[3] != i[0] || i[4] != i[2] || i[1] != i[0] + 1 || i[2] != i[0] + 2 || i[5] != i[0] + 3) return false;
  const ImDrawVert &a = v[i[0]], &b = v[i[1]], &c = v[i[2]], &d = v[i[5]];
  if (a.pos.y != b.pos.y || b.pos.x != c.pos.x || c.pos.y != d.pos.y || d.pos.x != a.pos.x) return false;
  return a.pos.x < c.pos.x && a.pos.y < c.pos.y;
}

// A rectangle of one colour with UVs aligned with the axes: a glyph, an image, a plain fill.
bool isQuad(const ImDrawVert* v, const ImDrawIdx* i) {
  const ImDrawVert &a = v[i[0]], &b = v[i[1]], &c = v[i[2]], &d = v[i[5]];
  if (a.col != b.col || a.col != c.col || a.col != d.col) return false;
  return a.uv.y == b.uv.y && b.uv.x == c.uv.x && c.uv.y == d.uv.y && d.uv.x == a.uv.x;
}

// A rectangle with the white pixel's UV at every corner and colours that differ: a gradient.
bool isGradient(const ImDrawVert* v, const ImDrawIdx* i) {
  const ImDrawVert &a = v[i[0]], &b = v[i[1]], &c = v[i[2]], &d = v[i[5]];
  const bool flat = a.uv.x == b.uv.x && a.uv.y == b.uv.y && a.uv.x == c.uv.x && a.uv.y == c.uv.y &&
                    a.uv.x == d.uv.x && a.uv.y == d.uv.y;
  return flat && !(a.col == b.col && a.col == c.col && a.col == d.col);
}

int px(float v) { return static_cast<int>(std::lround(v)); }

// Plain fills: opaque ones are written, translucent ones blended.
void setFill(SDL_Renderer* r, SDL_Color c) {
  SDL_SetRenderDrawBlendMode(r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
}

// A triangle of one colour sampling one texel (ImGui's white pixel): the inside of circles and
// rounded shapes. Anti-aliased fringes have a transparent outer edge and stay geometry.
bool isSolidTriangle(const ImDrawVert* v, const ImDrawIdx* i) {
  const ImDrawVert &a = v[i[0]], &b = v[i[1]], &c = v[i[2]];
  return a.col == b.col && a.col == c.col && a.uv.x == b.uv.x && a.uv.y == b.uv.y && a.uv.x == c.uv.x &&
         a.uv.y == c.uv.y;
}

// The triangle's pixels as one-pixel-high rectangles, exactly those SDL's own rasteriser would
// fill: vertices cut to whole pixels, a pixel in when its centre passes all three edge tests with
// the top-left rule. So the inside of a shape meets its anti-aliased fringe (still drawn by SDL)
// with no gap and no pixel twice. Coordinates are doubled to put pixel centres on integers.
void triangleRows(ImVec2 v0, ImVec2 v1, ImVec2 v2, const SDL_Rect& clip, std::vector<SDL_Rect>& out) {
  struct Pt {
    std::int64_t x, y;
  };
  auto fixed = [](ImVec2 v) { return Pt{std::int64_t{static_cast<int>(v.x)} * 2, std::int64_t{static_cast<int>(v.y)} * 2}; };
  const Pt d[3] = {fixed(v0), fixed(v1), fixed(v2)};
  auto cross = [](const Pt& a, const Pt& b, std::int64_t cx, std::int64_t cy) {
    return (b.x - a.x) * (cy - a.y) - (b.y - a.y) * (cx - a.x);
  };
  const std::int64_t area = cross(d[0], d[1], d[2].x, d[2].y);
  if (area == 0) return;
  const bool cw = area > 0;
  auto topLeft = [cw](const Pt& a, const Pt& b) {
    return cw ? ((a.y == b.y && a.x < b.x) || b.y < a.y) : ((a.y == b.y && b.x < a.x) || a.y < b.y);
  };
  const int edges[3][2] = {{1, 2}, {2, 0}, {0, 1}};
  std::int64_t bias[3];
  for (int k = 0; k < 3; ++k) bias[k] = topLeft(d[edges[k][0]], d[edges[k][1]]) ? 0 : -1;
  const std::int64_t minY = std::min({d[0].y, d[1].y, d[2].y}) / 2, maxY = std::max({d[0].y, d[1].y, d[2].y}) / 2;
  const std::int64_t minX = std::min({d[0].x, d[1].x, d[2].x}) / 2, maxX = std::max({d[0].x, d[1].x, d[2].x}) / 2;
  const std::int64_t y0 = std::max<std::int64_t>(minY, clip.y), y1 = std::min<std::int64_t>(maxY, clip.y + clip.h);
  const std::int64_t xLo = std::max<std::int64_t>(minX, clip.x), xHi = std::min<std::int64_t>(maxX, clip.x + clip.w);
  auto floorDiv = [](std::int64_t n, std::int64_t q) { return n / q - ((n % q != 0) && ((n < 0) != (q < 0))); };
  for (std::int64_t y = y0; y < y1; ++y) {
    std::int64_t lo = xLo, hi = xHi;  // pixels [lo, hi)
    for (int k = 0; k < 3 && lo < hi; ++k) {
      // The edge test at pixel x is c + s·x + bias >= 0 (sign turned for anticlockwise triangles).
      const Pt& a = d[edges[k][0]];
      const Pt& b = d[edges[k][1]];
      std::int64_t c = cross(a, b, 1, 2 * y + 1), sl = -2 * (b.y - a.y);
      if (!cw) {
        c = -c;
        sl = -sl;
      }
      c += bias[k];
      if (sl > 0) lo = std::max(lo, -floorDiv(c, sl));             // x >= ceil(-c / sl)
      else if (sl < 0) hi = std::min(hi, floorDiv(c, -sl) + 1);   // x <= floor(c / -sl)
      else if (c < 0) hi = lo;
    }
    if (hi > lo) out.push_back({static_cast<int>(lo), static_cast<int>(y), static_cast<int>(hi - lo), 1});
  }
}

// Rows of triangles of one colour, in one call: sorted and joined where they touch, so a fan of
// thin triangles becomes about one fill per row.
void fillRows(SDL_Renderer* r, std::vector<SDL_Rect>& rows, SDL_Color col) {
  if (rows.empty()) return;
  std::sort(rows.begin(), rows.end(), [](const SDL_Rect& a, const SDL_Rect& b) { return a.y != b.y ? a.y < b.y : a.x < b.x; });
  std::size_t n = 0;
  for (const SDL_Rect& q : rows) {
    if (n > 0 && rows[n - 1].y == q.y && rows[n - 1].x + rows[n - 1].w == q.x) rows[n - 1].w += q.w;
    else rows[n++] = q;
  }
  setFill(r, col);
  SDL_RenderFillRects(r, rows.data(), static_cast<int>(n));
  rows.clear();
}

// A four-corner gradient as a grid of flat cells, each at most two levels of 255 from its
// neighbours: bilinear, and a few thousand fills instead of every pixel's division.
void fillGradient(SDL_Renderer* r, const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c, const ImDrawVert& d) {
  const SDL_Color ul = colorOf(a.col), ur = colorOf(b.col), br = colorOf(c.col), bl = colorOf(d.col);
  const int x0 = px(a.pos.x), y0 = px(a.pos.y), x1 = px(c.pos.x), y1 = px(c.pos.y);
  if (x1 <= x0 || y1 <= y0) return;
  auto spread = [](SDL_Color p, SDL_Color q) {
    return std::max({std::abs(p.r - q.r), std::abs(p.g - q.g), std::abs(p.b - q.b), std::abs(p.a - q.a)});
  };
  const int nx = std::clamp((std::max(spread(ul, ur), spread(bl, br)) + 1) / 2, 1, x1 - x0);
  const int ny = std::clamp((std::max(spread(ul, bl), spread(ur, br)) + 1) / 2, 1, y1 - y0);
  auto mix = [](Uint8 p, Uint8 q, float t) { return static_cast<float>(p) + (static_cast<float>(q) - p) * t; };
  for (int j = 0; j < ny; ++j) {
    const int top = y0 + (y1 - y0) * j / ny, bottom = y0 + (y1 - y0) * (j + 1) / ny;
    const float v = (static_cast<float>(top + bottom) * 0.5f - y0) / static_cast<float>(y1 - y0);
    for (int i = 0; i < nx; ++i) {
      const int left = x0 + (x1 - x0) * i / nx, right = x0 + (x1 - x0) * (i + 1) / nx;
      const float u = (static_cast<float>(left + right) * 0.5f - x0) / static_cast<float>(x1 - x0);
      auto at = [&](Uint8 SDL_Color::*ch) {
        return static_cast<Uint8>(std::lround(mix(ul.*ch, ur.*ch, u) * (1 - v) + mix(bl.*ch, br.*ch, u) * v));
      };
      setFill(r, {at(&SDL_Color::r), at(&SDL_Color::g), at(&SDL_Color::b), at(&SDL_Color::a)});
      const SDL_Rect cell{left, top, right - left, bottom - top};
      SDL_RenderFillRect(r, &cell);
    }
  }
}

}  // namespace

void renderDrawData(SDL_Renderer* r, const ImDrawData* dd, const FrameLayers& layers, std::vector<SDL_Rect>& rows,
                    const SDL_Rect* bound) {
  const int fbW = static_cast<int>(dd->DisplaySize.x), fbH = static_cast<int>(dd->DisplaySize.y);
  if (fbW <= 0 || fbH <= 0) return;
  SDL_Rect oldViewport, oldClip;
  const bool clipWas = SDL_RenderIsClipEnabled(r) == SDL_TRUE;
  SDL_RenderGetViewport(r, &oldViewport);
  SDL_RenderGetClipRect(r, &oldClip);
  SDL_RenderSetViewport(r, nullptr);
  SDL_RenderSetClipRect(r, nullptr);
  const ImVec2 off = dd->DisplayPos;
  LayerCompositor ours(layers.canvas);  // our layers; settled before SDL draws anything after them

  for (int n = 0; n < dd->CmdListsCount; ++n) {
    const ImDrawList* list = dd->CmdLists[n];
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        ours.settle();
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
        continue;
      }
      const float x0 = std::max(0.f, cmd.ClipRect.x - off.x), y0 = std::max(0.f, cmd.ClipRect.y - off.y);
      const float x1 = std::min(static_cast<float>(fbW), cmd.ClipRect.z - off.x);
      const float y1 = std::min(static_cast<float>(fbH), cmd.ClipRect.w - off.y);
      if (x1 <= x0 || y1 <= y0) continue;
      SDL_Rect clip{static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(x1 - x0), static_cast<int>(y1 - y0)};
      if (bound && SDL_IntersectRect(&clip, bound, &clip) == SDL_FALSE) continue;
      SDL_RenderSetClipRect(r, &clip);

      const LayerPixels* own = findLayer(layers.pixels, cmd.GetTexID());  // ours: drawn by us, never by SDL
      if (!own) ours.settle();
      auto* tex = own ? nullptr : static_cast<SDL_Texture*>(cmd.GetTexID());
      int tw = own ? own->width() : 1, th = own ? own->height() : 1;
      if (tex) SDL_QueryTexture(tex, nullptr, nullptr, &tw, &th);
      const bool layer = own || (tex && std::find(layers.textures.begin(), layers.textures.end(), tex) != layers.textures.end());
      const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
      const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
      const int vtxCount = list->VtxBuffer.Size - static_cast<int>(cmd.VtxOffset);
      const int count = static_cast<int>(cmd.ElemCount);

      // Triangles that are not quads go as geometry, in runs, keeping the drawing order.
      int pending = 0;
      auto flush = [&](int end) {
        if (end > pending && !own)  // our layers are only ever drawn as upright copies
          SDL_RenderGeometryRaw(r, tex, &vtx->pos.x, sizeof(ImDrawVert), reinterpret_cast<const SDL_Color*>(&vtx->col),
                                sizeof(ImDrawVert), &vtx->uv.x, sizeof(ImDrawVert), vtxCount, idx + pending, end - pending,
                                sizeof(ImDrawIdx));
      };
      SDL_Color rowColor{};
      int i = 0;
      while (i < count) {
        const bool rect = i + 6 <= count && isRect(vtx, idx + i);
        const bool quad = rect && isQuad(vtx, idx + i);
        if (rect && !quad && isGradient(vtx, idx + i)) {
          flush(i);
          fillRows(r, rows, rowColor);
          fillGradient(r, vtx[idx[i]], vtx[idx[i + 1]], vtx[idx[i + 2]], vtx[idx[i + 5]]);
          i += 6;
          pending = i;
          continue;
        }
        if (!quad) {
          if (i + 3 <= count && isSolidTriangle(vtx, idx + i)) {
            flush(i);
            const SDL_Color col = colorOf(vtx[idx[i]].col);
            if (!rows.empty() && std::memcmp(&col, &rowColor, sizeof col) != 0) fillRows(r, rows, rowColor);
            rowColor = col;
            triangleRows(vtx[idx[i]].pos, vtx[idx[i + 1]].pos, vtx[idx[i + 2]].pos, clip, rows);
            i += 3;
            pending = i;
            continue;
          }
          fillRows(r, rows, rowColor);  // drawn before the geometry that follows them
          i += 3;
          continue;
        }
        flush(i);
        fillRows(r, rows, rowColor);
        const ImDrawVert &a = vtx[idx[i]], &c = vtx[idx[i + 2]];
        const SDL_Color col = colorOf(a.col);
        const SDL_Rect dst{px(a.pos.x), px(a.pos.y), px(c.pos.x) - px(a.pos.x), px(c.pos.y) - px(a.pos.y)};
        if (a.uv.x == c.uv.x && a.uv.y == c.uv.y) {
          // ImGui fills shapes by sampling the atlas' white pixel: a plain fill.
          setFill(r, col);
          SDL_RenderFillRect(r, &dst);
        } else if (own) {
          const SDL_Rect src{px(a.uv.x * tw), px(a.uv.y * th), px(c.uv.x * tw) - px(a.uv.x * tw),
                             px(c.uv.y * th) - px(a.uv.y * th)};
          SDL_RenderFlush(r);  // what SDL still holds queued lies under the layer
          // Without a canvas drawn straight (a texture in between since the last resize) there is
          // nowhere to put it: the display reports its layers lost and they are painted again.
          ours.draw({own, src, dst, clip, col});
        } else if (tex) {
          const SDL_Rect src{px(a.uv.x * tw), px(a.uv.y * th), px(c.uv.x * tw) - px(a.uv.x * tw),
                             px(c.uv.y * th) - px(a.uv.y * th)};
          SDL_SetTextureColorMod(tex, col.r, col.g, col.b);
          SDL_SetTextureAlphaMod(tex, col.a);
          // Layers are opaque: at full opacity a copy gives the same pixels as blending, faster.
          if (layer) SDL_SetTextureBlendMode(tex, col.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
          SDL_RenderCopy(r, tex, &src, &dst);
        }
        i += 6;
        pending = i;
      }
      flush(count);
      fillRows(r, rows, rowColor);
      if (tex) {
        SDL_SetTextureColorMod(tex, 255, 255, 255);  // geometry modulates per vertex, not by these
        SDL_SetTextureAlphaMod(tex, 255);
      }
    }
  }
  ours.settle();
  SDL_RenderSetViewport(r, &oldViewport);
  SDL_RenderSetClipRect(r, clipWas ? &oldClip : nullptr);
}

}  // namespace sf::platform
