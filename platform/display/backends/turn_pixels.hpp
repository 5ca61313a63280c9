// A screen mounted turned: the upright frame copied onto the glass turned by 90, 180 or 270
// degrees clockwise, as SDL_RenderCopyEx turns it and as touches are turned back. Private to platform/display.
#pragma once
#include <SDL.h>

#include "layer_pixels.hpp"

namespace sf::platform {

// Copies `part` of the upright frame (`upright`, `uprightW` x `uprightH` pixels) to where it lies on
// the glass (`glass`, the frame turned clockwise by `rotation`), in tiles that stay in the cache.
void turnPixels(PixelRect glass, PixelSource upright, int uprightW, int uprightH, int rotation, const SDL_Rect& part);

// Where `part` of the upright frame lies on the glass.
SDL_Rect turnedRect(int uprightW, int uprightH, int rotation, const SDL_Rect& part);

}  // namespace sf::platform
