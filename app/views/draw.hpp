// Drawing helpers the views share: the pen with the theme's palette, wrapped and ellipsized text that reports its
// box, pills, buttons and cards. ImGui stays inside app/views/.
#pragma once
#include <optional>
#include <string_view>

#include <imgui.h>

#include "core/feed/color.hpp"
#include "core/feed/theme.hpp"
#include "core/show/ui_text.hpp"
#include "views.hpp"

namespace sf::views {


// A view's drawing context: the draw list, and the offset and fade of its transition.
struct Pen {
  const ViewContext& ctx;
  Placement at;
  ImDrawList* dl;
  const core::Palette& pal;  // the feed theme's colours (bg, text, accent …)

  Pen(const ViewContext& c, const Placement& p);
  ImFont* font(core::FontRole r) const;
  float size(core::FontRole r) const { return ctx.layout.font(r); }
  ImU32 color(core::Rgb c, float alpha = 1) const;
  ImVec2 pos(float x, float y) const { return {x + at.dx, y + at.dy}; }

  void rect(const core::Rect& r, core::Rgb c, float rounding = 0, float alpha = 1) const;
  void hit(const core::Rect& r, core::Action a) const;
  bool pressed(const core::Rect& r) const;  // a finger is down on it right now
  void record(const core::Rect& r, std::string_view text, int group = 0, float size = 0, bool cut = false) const;
};

struct TextStyle {
  core::FontRole role = core::FontRole::Body;
  std::optional<core::Rgb> color;  // none: the palette's text colour
  float lineHeight = 1.3f;  // multiple of the font size
  int maxLines = 0;         // 0: as many as fit the box height
  bool center = false;
  bool shrink = true;       // a headline may take the next smaller step to fit (fittedStyle)
};

float lineHeightPx(const Pen& pen, const TextStyle& s);
// A headline (Display, Title, Heading) that its box `width` x `boxH` would cut short or break
// inside a word is set one step smaller on the type scale when that holds it whole
// (core::chooseFitStep), never below the smallest size the viewing distance allows; drawText and
// countLines apply it. Other styles come back as they are.
TextStyle fittedStyle(const Pen& pen, const TextStyle& s, float width, float boxH, std::string_view t);
float textWidth(const Pen& pen, core::FontRole role, std::string_view text);
// Lines `text` needs at `width` (at most `maxLines` when > 0).
int countLines(const Pen& pen, const TextStyle& s, float width, std::string_view text, int maxLines = 0);
// Draws `text` wrapped into `box` (top-left aligned), ellipsizing the last line that fits the
// box height or maxLines (a headline first tries the next smaller step, see fittedStyle). Returns
// the height used. Records the box it used.
float drawText(const Pen& pen, const core::Rect& box, std::string_view text, const TextStyle& s);
// One line, ellipsized to `maxWidth`. Returns the width used.
float drawLine(const Pen& pen, float x, float y, float maxWidth, std::string_view text, const TextStyle& s);

// A rounded label: returns its rectangle (drawn at x, y; ellipsized to maxWidth).
core::Rect pill(const Pen& pen, float x, float y, float maxWidth, std::string_view text, core::Rgb bg,
                core::FontRole role = core::FontRole::Small);
core::Rect pillSize(const Pen& pen, std::string_view text, core::FontRole role = core::FontRole::Small);
// A touchable button at least minTarget tall: fills `r`, centres the label, reports the hit.
void button(const Pen& pen, const core::Rect& r, std::string_view label, core::Action a, core::Rgb bg,
            core::FontRole role = core::FontRole::Small);

// A line of figures in equal cells (tabular figures), so a clock keeps its width and its place
// when 10:09 becomes 10:10; other characters keep their own advance. Returns the width.
float figureWidth(const Pen& pen, core::FontRole role, std::string_view t);
float drawFigures(const Pen& pen, float x, float y, std::string_view t, const TextStyle& s);

// Field colour for an id (neutral grey when unknown), and its name.
core::Rgb fieldColor(const core::Feed& feed, std::string_view fieldId);
// An event's track colour, or `fallback` when its track has none.
core::Rgb trackColor(const core::Feed& feed, const core::Event& e, core::Rgb fallback);
// A project's status on the screen's day (core::formatStatus) into `out`, and its pill colour:
// green while it runs, quiet otherwise. Returns the phase; `out` is "" when Unstated.
core::ProjectPhase projectStatus(const ViewContext& ctx, const core::Project& p, char* out, std::size_t size, bool withAsOf = true);
core::Rgb statusColor(const Pen& pen, core::ProjectPhase phase);
// A generated visual for a project: the field colour in layered geometry, stable per project id
// (visual.cpp, core::visualComposition).
void projectVisual(const Pen& pen, const core::Rect& r, const core::Project& p, core::Rgb base);
// A filled, antialiased circle whose triangles a software rasteriser fills cheaply.
void fillCircle(ImDrawList* dl, ImVec2 c, float radius, ImU32 col, int n);
// The loaded image of a project, or null (none, still loading, failed): callers then fall back
// to projectVisual, which is the designed placeholder.
const FeedImage* projectImage(const ViewContext& ctx, const core::Project& p);
// The loaded image the feed names by `src` (any of core::imageSources), or null.
const FeedImage* feedImage(const ViewContext& ctx, std::string_view src);
// Draws `image` to fill `r` completely, cropping what overflows (CSS object-fit: cover). With
// `rounding`, the corners are rounded off in `behind`, the colour the picture sits on.
void imageCover(const Pen& pen, const core::Rect& r, const FeedImage& image, float rounding = 0,
                std::optional<core::Rgb> behind = std::nullopt);  // none: the palette's bg
void drawQr(const Pen& pen, const core::Rect& r, const platform::QrCode& qr);
// The scroll indicator at the screen's right edge while `content` is taller than `viewport`:
// a thumb as far down as `scroll` is through `maxScroll`.
void drawScrollThumb(const Pen& pen, const core::Rect& viewport, float content, float maxScroll, float scroll);

float easeOut(float t);

}  // namespace sf::views
