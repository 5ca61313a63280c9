// Rendering ImGui's draw data with SDL_Renderer, quads as copies and fills: the software renderer
// rasterises triangles pixel by pixel, but copies rectangles with its fast blitters.
#pragma once
#include <vector>

#include <SDL.h>
#include <imgui.h>

namespace sf::platform {

// Like ImGui_ImplSDLRenderer_RenderDrawData (same clipping and state handling), except that
// axis-aligned quads of one colour (glyphs, plain rectangles, images, layers) become
// SDL_RenderCopy / SDL_RenderFillRect. `layers` are opaque textures: drawn at full opacity they
// are copied without blending. Triangles of one colour (inside circles and rounded shapes) become
// rows of fills, and four-colour rectangles a grid of fills; `rows` is scratch space kept by the
// caller, so a frame that draws such shapes again allocates nothing. `bound`: draws only inside
// it (a band of the screen redrawn alone).
void renderDrawData(SDL_Renderer* renderer, const ImDrawData* data, const std::vector<SDL_Texture*>& layers,
                    std::vector<SDL_Rect>& rows, const SDL_Rect* bound = nullptr);

}  // namespace sf::platform
