// Rendering ImGui's draw data with SDL_Renderer, quads as copies and fills: the software renderer
// rasterises triangles pixel by pixel, but copies rectangles with its fast blitters.
#pragma once
#include <memory>
#include <vector>

#include <SDL.h>
#include <imgui.h>

#include "layer_pixels.hpp"

namespace sf::platform {

// The layers a frame may draw: SDL target textures, and where the renderer draws into pixels we
// own (`canvas`, the surface it was made for), layers in our memory drawn by our own loops.
struct FrameLayers {
  const std::vector<SDL_Texture*>& textures;
  const std::vector<std::unique_ptr<LayerPixels>>& pixels;
  SDL_Surface* canvas = nullptr;
};

// Like ImGui_ImplSDLRenderer_RenderDrawData (same clipping and state handling), except that
// axis-aligned quads of one colour (glyphs, plain rectangles, images, layers) become
// SDL_RenderCopy / SDL_RenderFillRect. `layers` are opaque: drawn at full opacity they are copied
// without blending; those in our memory go straight into the canvas, queued drawing flushed first. Triangles of one colour (inside circles and rounded shapes) become
// rows of fills, and four-colour rectangles a grid of fills; `rows` is scratch space kept by the
// caller, so a frame that draws such shapes again allocates nothing. `bound`: draws only inside
// it (a band of the screen redrawn alone).
void renderDrawData(SDL_Renderer* renderer, const ImDrawData* data, const FrameLayers& layers,
                    std::vector<SDL_Rect>& rows, const SDL_Rect* bound = nullptr);

}  // namespace sf::platform
