// The SDL backend's Display operations, each handed to the part that does it: the window for
// input and sleep, the renderer for textures and frames, the present for getting them on the glass.
#include "sdl_display.hpp"

namespace sf::platform {

using Kind = InputEvent::Kind;

SdlDisplay::~SdlDisplay() {
  renderer.close();             // ImGui, textures and the renderer, before the pixels it draws into
  if (output) output->close();  // shared pixels before the window they show in
  window.close();               // the window, then SDL
  output.reset();               // after SDL: a bare console's own picture comes back last
}

void SdlDisplay::updateSize() {
  ScreenGeometry& g = renderer.geometry;
  output->outputSize(window.window, renderer.renderer, g.physW, g.physH);
  renderer.useScreen(output->resize(g.physW, g.physH));
  core::logicalSize(g.rotation, g.physW, g.physH, g.logW, g.logH);
  renderer.makeRotationTarget();
  // Layers in our memory are drawn only into a canvas drawn straight: otherwise they go, and come
  // back as textures when the player paints them again.
  if (!renderer.ownLayers.empty() && !renderer.canvasDirect()) renderer.layersLost = true;
}

bool SdlDisplay::loadFonts(const core::Layout& layout, std::string& error) { return renderer.loadFonts(layout, error); }

bool SdlDisplay::setExtraGlyphs(std::u32string glyphs) {
  if (glyphs == renderer.extraGlyphs) return false;
  renderer.extraGlyphs = std::move(glyphs);
  return true;
}

bool SdlDisplay::pollEvent(InputEvent& out) {
  SDL_Event e;
  while (SDL_PollEvent(&e)) {
    out = {};
    SdlEventMeaning m = window.translate(e, renderer.geometry);
    if (m.targetsReset) renderer.layersLost = true;
    if (m.event.kind == Kind::Exposed) renderer.damage.invalidate();  // the window's pixels may be gone
    if (m.sizeReported) {
      // Only a real change is worth new fonts and repainted slides.
      int w = 0, h = 0;
      output->outputSize(window.window, renderer.renderer, w, h);
      if (w != renderer.geometry.physW || h != renderer.geometry.physH) {
        updateSize();
        renderer.damage.invalidate();
        m.event.kind = Kind::Resized;
      }
    }
    if (m.event.kind == Kind::None) continue;
    out = m.event;
    return true;
  }
  return false;
}

Display::TextureId SdlDisplay::createTexture(const std::uint8_t* rgba, int w, int h) {
  return renderer.createTexture(rgba, w, h);
}

Display::TextureId SdlDisplay::createLayer(int width, int height) { return renderer.createLayer(width, height); }

void SdlDisplay::destroyTexture(TextureId id) { renderer.destroyTexture(id); }

bool SdlDisplay::layersLost() {
  const bool lost = renderer.layersLost;
  renderer.layersLost = false;
  return lost;
}

void SdlDisplay::beginFrame(float deltaSeconds) { renderer.beginFrame(deltaSeconds); }

void SdlDisplay::endFrame(TextureId layer, bool covered) {
  renderer.renderImGui();
  if (layer) {
    renderer.drawLayer(layer, covered);
    return;
  }
  if (!renderer.screen) output->beforeDirectFrame();
  renderer.drawScreen(covered);
}

bool SdlDisplay::readPixels(std::vector<std::uint8_t>& rgba) { return renderer.readPixels(rgba); }

void SdlDisplay::present() {
  if (renderer.bandCount > 0 && !renderer.screen) output->showBands(renderer.renderer, renderer.bands, renderer.bandCount);
  else output->show(renderer.renderer, renderer.screen != nullptr);
  window.afterPresent();
}

}  // namespace sf::platform
