// A frame at rest differs from the last one in the header's clock and the progress bar only. That
// is checked, not assumed: everything drawn outside those bands is hashed and compared.
#include "frame_damage.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace sf::platform {
namespace {

struct DamageHasher {  // FNV-1a, 64 bit
  std::uint64_t h = 1469598103934665603ull;
  void bytes(const void* p, std::size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (std::size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
  }
  template <class T>
  void value(const T& v) {
    bytes(&v, sizeof v);
  }
};

bool sameBands(const Display::DamageBands& a, const Display::DamageBands& b) {
  if (a.count != b.count) return false;
  for (int i = 0; i < a.count; ++i)
    if (a.top[i] != b.top[i] || a.bottom[i] != b.bottom[i]) return false;
  return true;
}

}  // namespace

void FrameDamage::created(const void* texture) {
  destroyed(texture);  // an address may come back for new pixels
  versions_.emplace_back(texture, ++serial_);
}

void FrameDamage::changed(const void* texture) {
  for (auto& v : versions_)
    if (v.first == texture) {
      v.second = ++serial_;
      return;
    }
  versions_.emplace_back(texture, ++serial_);
}

void FrameDamage::destroyed(const void* texture) {
  versions_.erase(std::remove_if(versions_.begin(), versions_.end(), [&](const auto& v) { return v.first == texture; }),
                  versions_.end());
}

std::uint64_t FrameDamage::versionOf(const void* texture) const {
  for (const auto& v : versions_)
    if (v.first == texture) return v.second;
  return 0;
}

std::uint64_t FrameDamage::outsideHash(const ImDrawData* data) const {
  DamageHasher h;
  const auto inBand = [&](float y) {
    for (int b = 0; b < hint_.count; ++b)
      if (y >= hint_.top[b] && y <= hint_.bottom[b]) return b;
    return -1;
  };
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    const ImDrawVert* vtx = list->VtxBuffer.Data;
    const ImDrawIdx* idx = list->IdxBuffer.Data;
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        h.value(reinterpret_cast<std::uintptr_t>(cmd.UserCallback));
        continue;
      }
      bool named = false;  // the command's texture and clip, once, when it draws outside the bands
      for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
        const ImDrawVert* t[3] = {&vtx[cmd.VtxOffset + idx[cmd.IdxOffset + i]], &vtx[cmd.VtxOffset + idx[cmd.IdxOffset + i + 1]],
                                  &vtx[cmd.VtxOffset + idx[cmd.IdxOffset + i + 2]]};
        const int band = inBand(t[0]->pos.y);
        if (band >= 0 && inBand(t[1]->pos.y) == band && inBand(t[2]->pos.y) == band) continue;  // redrawn with its band
        if (!named) {
          const void* texture = cmd.GetTexID();
          h.value(texture);
          h.value(versionOf(texture));
          h.value(cmd.ClipRect);
          named = true;
        }
        for (const ImDrawVert* v : t) {
          h.value(v->pos);
          h.value(v->uv);
          h.value(v->col);
        }
      }
    }
  }
  return h.h;
}

int FrameDamage::plan(const ImDrawData* data, bool retained, int width, int height, SDL_Rect out[2]) {
  const bool hinted = hinted_;
  hinted_ = false;
  if (!hinted || !data) {
    lastValid_ = false;
    return 0;
  }
  const std::uint64_t hash = outsideHash(data);
  const bool partial = retained && lastValid_ && hash == lastHash_ && sameBands(hint_, lastBands_);
  lastHash_ = hash;
  lastBands_ = hint_;
  lastValid_ = true;
  if (!partial) return 0;
  int n = 0;
  for (int b = 0; b < hint_.count && b < 2; ++b) {
    const int y0 = std::clamp(static_cast<int>(std::floor(hint_.top[b])), 0, height);
    const int y1 = std::clamp(static_cast<int>(std::ceil(hint_.bottom[b])), 0, height);
    if (y1 > y0) out[n++] = SDL_Rect{0, y0, width, y1 - y0};
  }
  if (n == 0) return 0;
  ++partials_;
  return n;
}

}  // namespace sf::platform
