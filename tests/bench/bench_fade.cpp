// The software path's per-frame copies at a screen's size: a frame of the rotation's cross-fade (SDL's
// copy of the outgoing layer and blend of the incoming one, against our one pass over both), and a
// frame turned onto glass mounted at 90 degrees (SDL_RenderCopyEx against the present's turn).
// Prints milliseconds per frame (median of rounds); `sf_bench_fade [WIDTHxHEIGHT] [FRAMES]`.
#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "platform/display/backends/layer_pixels.hpp"
#include "platform/display/backends/turn_pixels.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double msPerFrame(Clock::time_point a, Clock::time_point b, int frames) {
  return std::chrono::duration<double, std::milli>(b - a).count() / frames;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Fills with a pattern that no loop can skip: every byte differs from its neighbours.
void pattern(std::uint8_t* p, std::size_t n, unsigned seed) {
  for (std::size_t i = 0; i < n; ++i) p[i] = static_cast<std::uint8_t>((i * 2654435761u + seed) >> 13);
}

}  // namespace

int main(int argc, char** argv) {
  int w = 1920, h = 1080, frames = 60;
  if (argc > 1 && std::sscanf(argv[1], "%dx%d", &w, &h) != 2) return 2;
  if (argc > 2) frames = std::max(1, std::atoi(argv[2]));
  SDL_Surface* screen = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
  SDL_Surface* outgoing = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
  SDL_Surface* incoming = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
  auto ownOut = sf::platform::LayerPixels::make(w, h, screen ? screen->pitch : w * 4);
  auto ownIn = sf::platform::LayerPixels::make(w, h, screen ? screen->pitch : w * 4);
  if (!screen || !outgoing || !incoming || !ownOut || !ownIn) {
    std::fprintf(stderr, "sf_bench_fade: no memory for %dx%d\n", w, h);
    return 1;
  }
  const std::size_t bytes = static_cast<std::size_t>(screen->pitch) * h;
  pattern(static_cast<std::uint8_t*>(outgoing->pixels), bytes, 1);
  pattern(static_cast<std::uint8_t*>(incoming->pixels), bytes, 2);
  std::memcpy(ownOut->pixels(), outgoing->pixels, bytes);
  std::memcpy(ownIn->pixels(), incoming->pixels, bytes);
  SDL_SetSurfaceBlendMode(outgoing, SDL_BLENDMODE_NONE);
  SDL_SetSurfaceBlendMode(incoming, SDL_BLENDMODE_BLEND);

  std::vector<double> sdl, ours;
  for (int round = 0; round < 5; ++round) {
    const auto a = Clock::now();
    for (int f = 0; f < frames; ++f) {
      SDL_BlitSurface(outgoing, nullptr, screen, nullptr);
      SDL_SetSurfaceAlphaMod(incoming, static_cast<Uint8>(1 + f * 253 / frames));
      SDL_BlitSurface(incoming, nullptr, screen, nullptr);
    }
    const auto b = Clock::now();
    sf::platform::LayerCompositor fade(screen);
    const SDL_Rect all{0, 0, w, h};
    for (int f = 0; f < frames; ++f) {
      fade.draw({ownOut.get(), all, all, all, {255, 255, 255, 255}});
      fade.draw({ownIn.get(), all, all, all, {255, 255, 255, static_cast<Uint8>(1 + f * 253 / frames)}});
      fade.settle();
    }
    const auto c = Clock::now();
    sdl.push_back(msPerFrame(a, b, frames));
    ours.push_back(msPerFrame(b, c, frames));
  }
  std::printf("cross-fade frame at %dx%d, median of 5 rounds of %d frames: SDL copy + blend %.2f ms, one pass %.2f ms (%.1fx)\n",
              w, h, frames, median(sdl), median(ours), median(sdl) / median(ours));

  // Turning: the upright frame (h x w, portrait when the screen is landscape glass) onto the glass.
  SDL_Surface* glass = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
  SDL_Surface* upright = SDL_CreateRGBSurfaceWithFormat(0, h, w, 32, SDL_PIXELFORMAT_RGB888);
  SDL_Renderer* r = glass ? SDL_CreateSoftwareRenderer(glass) : nullptr;
  SDL_Texture* turned = r ? SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, h, w) : nullptr;
  if (!upright || !turned) return 1;
  pattern(static_cast<std::uint8_t*>(upright->pixels), static_cast<std::size_t>(upright->pitch) * w, 3);
  SDL_UpdateTexture(turned, nullptr, upright->pixels, upright->pitch);
  std::vector<double> sdlTurn, ourTurn;
  const SDL_Rect dst{(w - h) / 2, (h - w) / 2, h, w};
  for (int round = 0; round < 5; ++round) {
    const auto a = Clock::now();
    for (int f = 0; f < frames; ++f) SDL_RenderCopyEx(r, turned, nullptr, &dst, 90, nullptr, SDL_FLIP_NONE);
    SDL_RenderFlush(r);
    const auto b = Clock::now();
    for (int f = 0; f < frames; ++f)
      sf::platform::turnPixels({static_cast<std::uint8_t*>(glass->pixels), glass->pitch},
                               {static_cast<const std::uint8_t*>(upright->pixels), upright->pitch}, h, w, 90, {0, 0, h, w});
    const auto c = Clock::now();
    sdlTurn.push_back(msPerFrame(a, b, frames));
    ourTurn.push_back(msPerFrame(b, c, frames));
  }
  std::printf("frame turned by 90 degrees onto %dx%d glass: SDL_RenderCopyEx %.2f ms, the present's turn %.2f ms (%.1fx)\n", w, h,
              median(sdlTurn), median(ourTurn), median(sdlTurn) / median(ourTurn));
  SDL_DestroyTexture(turned);
  SDL_DestroyRenderer(r);
  SDL_FreeSurface(upright);
  SDL_FreeSurface(glass);
  SDL_FreeSurface(screen);
  SDL_FreeSurface(outgoing);
  SDL_FreeSurface(incoming);
  return 0;
}
