// Frames through SDL's renderer: Dear ImGui's draw data drawn with the fast paths of
// draw_data.hpp, layers as target textures, a rotated screen drawn upright and turned onto the glass.
#include "sdl_renderer.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include "draw_data.hpp"
#include "platform/fonts.hpp"

namespace sf::platform {

void SdlRenderer::start(SDL_Surface* pixels, bool turns) {
  canvas = pixels && pixels->format->format == SDL_PIXELFORMAT_RGB888 ? pixels : nullptr;
  presentTurns = turns;
  // Layers carry no alpha channel where the renderer allows it: the software renderer then fades
  // them with its fast constant-alpha blitter instead of blending every pixel's own alpha.
  SDL_RendererInfo info{};
  const bool known = SDL_GetRendererInfo(renderer, &info) == 0;
  if (known)
    for (Uint32 i = 0; i < info.num_texture_formats; ++i)
      if (info.texture_formats[i] == SDL_PIXELFORMAT_RGB888) layerFormat = SDL_PIXELFORMAT_RGB888;
  // Asked once: every frame decides by it whether the last frame's pixels are still there.
  softwarePath = !known || (info.flags & SDL_RENDERER_SOFTWARE) != 0;
}

void SdlRenderer::startImGui() {
  IMGUI_CHECKVERSION();
  imgui = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  ImGui_ImplSDLRenderer_Init(renderer);
}

void SdlRenderer::close() {
  if (imgui) {
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext(imgui);
    imgui = nullptr;
  }
  if (target) SDL_DestroyTexture(target);
  if (screen) SDL_DestroyTexture(screen);
  ownLayers.clear();
  if (renderer) SDL_DestroyRenderer(renderer);
  target = screen = nullptr;
  renderer = nullptr;
}

void SdlRenderer::useScreen(ScreenTarget where) {
  if (where == ScreenTarget::Untouched) return;
  if (screen) SDL_DestroyTexture(screen);
  screen = nullptr;
  if (where == ScreenTarget::Texture)
    screen = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET, geometry.physW, geometry.physH);
  SDL_SetRenderTarget(renderer, screen);
}

void SdlRenderer::makeRotationTarget() {
  if (target) SDL_DestroyTexture(target);
  target = nullptr;
  // Frames composed in a screen texture (after a resize) are turned into it here, as ever.
  if (geometry.rotation != 0 && (!presentTurns || screen))
    target = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, geometry.logW, geometry.logH);
}

bool SdlRenderer::loadFonts(const core::Layout& layout, std::string& error) {
  ImGui_ImplSDLRenderer_DestroyFontsTexture();
  damage.invalidate();  // a new atlas: every glyph's pixels
  if (!buildFonts(layout, extraGlyphs, error)) return false;
  if (!ImGui_ImplSDLRenderer_CreateFontsTexture()) {
    error = "could not upload the font atlas";
    return false;
  }
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->ClearTexData();  // the renderer holds the pixels now; keep no second copy
  // Nor the font files (ImGui keeps a copy of each, about 270 KB, for every one of the six roles):
  // the atlas is built, and a new one (other sizes or glyphs) loads them again.
  io.Fonts->ClearInputData();
  return true;
}

SdlRenderer::TextureId SdlRenderer::createTexture(const std::uint8_t* rgba, int w, int h) {
  if (!rgba || w <= 0 || h <= 0) return 0;
  SDL_Texture* t = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC, w, h);
  if (!t) return 0;
  SDL_UpdateTexture(t, nullptr, rgba, w * 4);
  SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
  SDL_SetTextureScaleMode(t, SDL_ScaleModeLinear);  // photos are scaled to the visual's size
  damage.created(t);
  return reinterpret_cast<TextureId>(t);
}

SdlRenderer::TextureId SdlRenderer::createLayer(int width, int height) {
  const int w = width > 0 ? width : geometry.logW, h = height > 0 ? height : geometry.logH;
  // A screen-sized layer of a canvas drawn straight: in our memory (see drawLayer for its paint).
  if (canvasDirect() && w == canvas->w && h == canvas->h) {
    if (auto own = LayerPixels::make(w, h, canvas->pitch)) {
      const auto id = reinterpret_cast<TextureId>(own.get());
      ownLayers.push_back(std::move(own));
      damage.created(reinterpret_cast<const void*>(id));
      return id;
    }
  }
  SDL_Texture* t = SDL_CreateTexture(renderer, layerFormat, SDL_TEXTUREACCESS_TARGET, w, h);
  if (!t) return 0;
  layers.push_back(t);
  damage.created(t);
  return reinterpret_cast<TextureId>(t);
}

void SdlRenderer::destroyTexture(TextureId id) {
  if (!id) return;
  if (LayerPixels* own = findLayer(ownLayers, reinterpret_cast<const void*>(id))) {
    damage.destroyed(own);
    ownLayers.erase(std::find_if(ownLayers.begin(), ownLayers.end(), [own](const auto& l) { return l.get() == own; }));
    return;
  }
  auto* t = reinterpret_cast<SDL_Texture*>(id);
  layers.erase(std::remove(layers.begin(), layers.end(), t), layers.end());
  damage.destroyed(t);
  SDL_DestroyTexture(t);
}

void SdlRenderer::beginFrame(float dt) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(geometry.logW), static_cast<float>(geometry.logH));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = std::max(dt, 1e-4f);
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui::NewFrame();
}

void SdlRenderer::renderImGui() {
  ImGui::Render();
  SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
}

void SdlRenderer::drawLayer(TextureId layer, bool covered) {
  if (LayerPixels* own = findLayer(ownLayers, reinterpret_cast<const void*>(layer))) {
    paintOwnLayer(*own, covered);
    return;
  }
  SDL_SetRenderTarget(renderer, reinterpret_cast<SDL_Texture*>(layer));
  if (!covered) SDL_RenderClear(renderer);
  renderDrawData(renderer, ImGui::GetDrawData(), frameLayers(), rows);
  damage.changed(reinterpret_cast<SDL_Texture*>(layer));
  SDL_SetRenderTarget(renderer, screen);  // between frames the renderer always points at the screen
}

// SDL_Surface's pixels may be changed by the program (SDL reads them at every fill and blit): for
// the paint, the canvas points at the layer's memory, which has the canvas's size, format and pitch,
// and the software renderer draws the slide there with every texture it has, fonts and pictures.
void SdlRenderer::paintOwnLayer(LayerPixels& layer, bool covered) {
  SDL_RenderFlush(renderer);
  void* const shown = canvas->pixels;
  canvas->pixels = layer.pixels();
  if (!covered) SDL_RenderClear(renderer);
  renderDrawData(renderer, ImGui::GetDrawData(), frameLayers(), rows);
  SDL_RenderFlush(renderer);  // all of it into the layer before the canvas points back at the screen
  canvas->pixels = shown;
  damage.changed(&layer);
}

void SdlRenderer::drawScreen(bool covered) {
  if (target) SDL_SetRenderTarget(renderer, target);
  // What is drawn into (the rotation's target, the screen texture, a software renderer's pixels)
  // keeps the last frame, unless a GPU's back buffer.
  const bool retained = target || screen || software();
  bandCount = damage.plan(ImGui::GetDrawData(), retained && covered, geometry.logW, geometry.logH, bands);
  if (!covered) SDL_RenderClear(renderer);
  const FrameLayers drawn = frameLayers();
  if (bandCount == 0) renderDrawData(renderer, ImGui::GetDrawData(), drawn, rows);
  for (int b = 0; b < bandCount; ++b) renderDrawData(renderer, ImGui::GetDrawData(), drawn, rows, &bands[b]);
  if (target) bandCount = 0;  // the turned picture is copied whole onto the screen below
  if (target) {
    SDL_SetRenderTarget(renderer, screen);
    SDL_RenderClear(renderer);
    const ScreenGeometry& g = geometry;
    const SDL_Rect dst{(g.physW - g.logW) / 2, (g.physH - g.logH) / 2, g.logW, g.logH};
    SDL_RenderCopyEx(renderer, target, nullptr, &dst, g.rotation, nullptr, SDL_FLIP_NONE);
  }
}

bool SdlRenderer::readPixels(std::vector<std::uint8_t>& rgba) {
  const ScreenGeometry& g = geometry;
  rgba.resize(static_cast<std::size_t>(g.logW) * g.logH * 4);
  if (target) SDL_SetRenderTarget(renderer, target);
  const int rc = SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_RGBA32, rgba.data(), g.logW * 4);
  if (target) SDL_SetRenderTarget(renderer, screen);
  return rc == 0;
}

}  // namespace sf::platform
