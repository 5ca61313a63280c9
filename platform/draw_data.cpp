// SDL 2.26's software renderer rasterises every SDL_RenderGeometry triangle pixel by pixel (50-100 ms
// for a 1080p frame of text); ImGui's glyphs and plain rectangles are quads, sent as copies/fills.
#include "draw_data.hpp"

#include <algorithm>
#include <cmath>

namespace sf::platform {
namespace {

SDL_Color colorOf(ImU32 c) {
  return {static_cast<Uint8>(c >> IM_COL32_R_SHIFT), static_cast<Uint8>(c >> IM_COL32_G_SHIFT),
          static_cast<Uint8>(c >> IM_COL32_B_SHIFT), static_cast<Uint8>(c >> IM_COL32_A_SHIFT)};
}

// ImGui's PrimRect/PrimRectUV: vertices top-left, top-right, bottom-right, bottom-left, indexed
// (0, 1, 2, 0, 2, 3), one colour, UVs aligned with the axes.
bool isQuad(const ImDrawVert* v, const ImDrawIdx* i) {
  if (i[3] != i[0] || i[4] != i[2] || i[1] != i[0] + 1 || i[2] != i[0] + 2 || i[5] != i[0] + 3) return false;
  const ImDrawVert &a = v[i[0]], &b = v[i[1]], &c = v[i[2]], &d = v[i[5]];
  if (a.col != b.col || a.col != c.col || a.col != d.col) return false;
  if (a.pos.y != b.pos.y || b.pos.x != c.pos.x || c.pos.y != d.pos.y || d.pos.x != a.pos.x) return false;
  if (a.pos.x >= c.pos.x || a.pos.y >= c.pos.y) return false;
  return a.uv.y == b.uv.y && b.uv.x == c.uv.x && c.uv.y == d.uv.y && d.uv.x == a.uv.x;
}

int px(float v) { return static_cast<int>(std::lround(v)); }

}  // namespace

void renderDrawData(SDL_Renderer* r, const ImDrawData* dd, const std::vector<SDL_Texture*>& layers) {
  const int fbW = static_cast<int>(dd->DisplaySize.x), fbH = static_cast<int>(dd->DisplaySize.y);
  if (fbW <= 0 || fbH <= 0) return;
  SDL_Rect oldViewport, oldClip;
  const bool clipWas = SDL_RenderIsClipEnabled(r) == SDL_TRUE;
  SDL_RenderGetViewport(r, &oldViewport);
  SDL_RenderGetClipRect(r, &oldClip);
  SDL_RenderSetViewport(r, nullptr);
  SDL_RenderSetClipRect(r, nullptr);
  const ImVec2 off = dd->DisplayPos;

  for (int n = 0; n < dd->CmdListsCount; ++n) {
    const ImDrawList* list = dd->CmdLists[n];
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
        continue;
      }
      const float x0 = std::max(0.f, cmd.ClipRect.x - off.x), y0 = std::max(0.f, cmd.ClipRect.y - off.y);
      const float x1 = std::min(static_cast<float>(fbW), cmd.ClipRect.z - off.x);
      const float y1 = std::min(static_cast<float>(fbH), cmd.ClipRect.w - off.y);
      if (x1 <= x0 || y1 <= y0) continue;
      const SDL_Rect clip{static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(x1 - x0), static_cast<int>(y1 - y0)};
      SDL_RenderSetClipRect(r, &clip);

      auto* tex = static_cast<SDL_Texture*>(cmd.GetTexID());
      int tw = 1, th = 1;
      if (tex) SDL_QueryTexture(tex, nullptr, nullptr, &tw, &th);
      const bool layer = tex && std::find(layers.begin(), layers.end(), tex) != layers.end();
      const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
      const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
      const int vtxCount = list->VtxBuffer.Size - static_cast<int>(cmd.VtxOffset);
      const int count = static_cast<int>(cmd.ElemCount);

      // Triangles that are not quads go as geometry, in runs, keeping the drawing order.
      int pending = 0;
      auto flush = [&](int end) {
        if (end > pending)
          SDL_RenderGeometryRaw(r, tex, &vtx->pos.x, sizeof(ImDrawVert), reinterpret_cast<const SDL_Color*>(&vtx->col),
                                sizeof(ImDrawVert), &vtx->uv.x, sizeof(ImDrawVert), vtxCount, idx + pending, end - pending,
                                sizeof(ImDrawIdx));
      };
      int i = 0;
      while (i < count) {
        if (i + 6 > count || !isQuad(vtx, idx + i)) {
          i += 3;
          continue;
        }
        flush(i);
        const ImDrawVert &a = vtx[idx[i]], &c = vtx[idx[i + 2]];
        const SDL_Color col = colorOf(a.col);
        const SDL_Rect dst{px(a.pos.x), px(a.pos.y), px(c.pos.x) - px(a.pos.x), px(c.pos.y) - px(a.pos.y)};
        if (a.uv.x == c.uv.x && a.uv.y == c.uv.y) {
          // ImGui fills shapes by sampling the atlas' white pixel: a plain fill.
          SDL_SetRenderDrawBlendMode(r, col.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
          SDL_SetRenderDrawColor(r, col.r, col.g, col.b, col.a);
          SDL_RenderFillRect(r, &dst);
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
      if (tex) {
        SDL_SetTextureColorMod(tex, 255, 255, 255);  // geometry modulates per vertex, not by these
        SDL_SetTextureAlphaMod(tex, 255);
      }
    }
  }
  SDL_RenderSetViewport(r, &oldViewport);
  SDL_RenderSetClipRect(r, clipWas ? &oldClip : nullptr);
}

}  // namespace sf::platform
