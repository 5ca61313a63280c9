// The SDL backend's renderer: Dear ImGui's context and fonts, pictures and layers as textures, and
// frames drawn into SDL_Renderer (rotated screens via a target texture). Private to platform/display.
#pragma once
#include <SDL.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/show/layout.hpp"
#include "platform/display.hpp"
#include "draw_data.hpp"
#include "frame_damage.hpp"
#include "layer_pixels.hpp"
#include "present.hpp"
#include "sdl_window.hpp"

struct ImGuiContext;

namespace sf::platform {

struct SdlRenderer {
  using TextureId = Display::TextureId;

  SDL_Renderer* renderer = nullptr;
  SDL_Texture* target = nullptr;  // only when rotated
  SDL_Texture* screen = nullptr;  // frames composed here when the present asks (ScreenTarget::Texture)
  ImGuiContext* imgui = nullptr;
  ScreenGeometry geometry;
  std::u32string extraGlyphs;     // rasterised beyond the base glyphs, for the playing feed
  Uint32 layerFormat = SDL_PIXELFORMAT_ARGB8888;
  std::vector<SDL_Texture*> layers;  // to tell layers from pictures when a frame is rendered
  // Where the software renderer draws into a surface of ours (`canvas`): screen-sized layers live
  // in our memory, painted through the canvas and drawn onto it by layer_pixels.hpp.
  SDL_Surface* canvas = nullptr;
  std::vector<std::unique_ptr<LayerPixels>> ownLayers;
  bool layersLost = false;        // a renderer reset dropped the layers' pixels
  std::vector<SDL_Rect> rows;     // renderDrawData's scratch, kept across frames
  FrameDamage damage;             // what the next screen frame must redraw
  SDL_Rect bands[2] = {};         // the last screen frame's redrawn bands, when bandCount > 0
  int bandCount = 0;
  bool softwarePath = true;       // the CPU draws (SDL's software renderer); set by start()
  bool presentTurns = false;      // a turned screen's frames are drawn upright, the present turns them

  // Once the renderer exists: the layers' pixel format; `pixels`: the surface it draws into when
  // ours; `presentTurns`: that surface is upright and the present turns frames onto the glass.
  void start(SDL_Surface* pixels, bool presentTurns);
  // Dear ImGui's context with SDL_Renderer's backend, once the screen's path is settled.
  void startImGui();
  // ImGui, textures and the renderer (before the pixels it draws into go).
  void close();
  bool software() const { return softwarePath; }
  // Frames go straight into the canvas (not rotated, not composed in a texture first).
  bool canvasDirect() const { return canvas && !target && !screen; }
  FrameLayers frameLayers() const { return {layers, ownLayers, canvasDirect() ? canvas : nullptr}; }

  // The screen texture for `where` (made, dropped or left), which stays the render target between frames.
  void useScreen(ScreenTarget where);
  // The rotation's target texture for the current geometry, unless the present turns frames.
  void makeRotationTarget();

  bool loadFonts(const core::Layout& layout, std::string& error);
  TextureId createTexture(const std::uint8_t* rgba, int w, int h);
  TextureId createLayer(int width, int height);
  void destroyTexture(TextureId id);

  void beginFrame(float dt);
  // Ends the ImGui frame; then one of the two below draws it.
  void renderImGui();
  void drawLayer(TextureId layer, bool covered);
  void paintOwnLayer(LayerPixels& layer, bool covered);
  void drawScreen(bool covered);
  bool readPixels(std::vector<std::uint8_t>& rgba);
};

}  // namespace sf::platform
