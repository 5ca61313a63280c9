// Pure layout maths for every screen size: scale, margins, type sizes, hit-target minimums,
// grids, and the check that laid-out text boxes stay on screen and never overlap.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace sf::core {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
  bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
  bool empty() const { return w <= 0 || h <= 0; }
  Rect inset(float d) const { return {x + d, y + d, w - 2 * d, h - 2 * d}; }
  Rect intersect(const Rect& o) const;
  bool overlaps(const Rect& o, float tolerance = 0.5f) const;
};

// Type roles, largest first; the platform builds one font per role at the size given here.
enum class FontRole { Figure, Display, Title, Heading, Body, Small, Count };
inline constexpr std::size_t kFontRoles = static_cast<std::size_t>(FontRole::Count);

struct Layout {
  int width = 0, height = 0;
  float scale = 1;       // min(width, height) / 1080
  float dpi = 96;
  float minTarget = 44;  // px, at least 9 mm on the glass
  float margin = 0;      // outer margin
  float gap = 0;         // between blocks
  float radius = 0;      // corner radius of cards and pills
  float headerHeight = 0;
  float progressHeight = 0;
  bool portrait = false;
  bool compact = false;  // small screens (800x480 class): fewer lines, tighter spacing
  float fontPx[kFontRoles] = {};
  Rect header;   // the top bar
  Rect content;  // below the header, inside the margins, above the progress bar
  Rect controls;  // portrait: the bar at the bottom, where hands are, holding the controls; else empty
  float bannerBottom = 0;  // where an info banner at the bottom ends (above the progress bar)
  // The type scale's reading distance (see legibleFontPx): what the screen was asked for (m;
  // 0: no distance rule, today's sizes), the distance its smallest text is legible from (less
  // than asked only when the screen is too small to hold text that large), and that smallest
  // font size in px (every role is at least this; 0 without the rule).
  float viewingDistance = 0;
  float legibleDistance = 0;
  float minTextPx = 0;
  float font(FontRole r) const { return fontPx[static_cast<std::size_t>(r)]; }
};

// The layout with an info banner of height `bannerHeight` reserved at the top (under the header)
// or the bottom: content shrinks so no slide puts text, a QR code or a button under the banner.
Layout reserveBanner(const Layout& layout, float bannerHeight, bool top);

// 9 mm at `dpi`, never below 44 px (the size below which fingers miss).
float minTargetPx(float dpi);
// `dpi` <= 0 means unknown: ~96 dpi is assumed.
Layout computeLayout(int width, int height, float dpi);

// Type that follows the screen's physical size and the distance visitors read it from. The rule
// is signage's "25 mm of letter height per 10 m", taken as the x-height (the height of lowercase
// letters, which mixed-case text is read by): 2.5 mm per metre, about 3.3 mm of cap height per
// metre with our face. "An inch at ten feet" (8.3 mm of capitals per metre) is the size for
// impact at a glance, not the limit of legibility: the headlines (Display, Figure) reach it on a
// 55-inch screen from 3 m; held to every label it would leave a 1080p screen ten lines.
// Every visitor-facing text is held to the rule, rotation text as much as the controls and the
// detail views: a visitor reads the browsing views from where the rotation caught them, and one
// type scale per screen (a font per role) means no text falls below the smallest role. A touch
// screen read at arm's length is configured with its distance (0.4–0.5 m).
inline constexpr float kXHeightMmPerMetre = 2.5f;
// x-height per font pixel of the UI face (Inter: x-height 1536 units of the 3408-unit line its
// pixel size spans, ascender 2728 + descender 680); a player test measures it on the glyphs.
inline constexpr float kXHeightPerFontPx = 0.45f;
// The smallest font size (px) legible from `distanceM` on a screen of `dpi`; 0 when either is unknown.
float legibleFontPx(float dpi, float distanceM);
// The distance (m) from which text of `fontPx` is legible on a screen of `dpi`; 0 when unknown.
float legibleDistanceM(float dpi, float fontPx);
// A screen's pixels per inch: from its diagonal in inches when given (config screenDiagonal,
// for screens that report no or a wrong size), else the reported value when plausible, else 0.
float screenDpi(int width, int height, float reportedDpi, float diagonalInches);
// The distance visitors read a screen from when its config does not say: about 2.2 times its
// diagonal (a 7" touch display at arm's length, 0.4 m; a 32" screen in a foyer, 1.8 m; a 55"
// wall screen, 3 m), never nearer than 0.4 m nor farther than 3 m. Unknown size (<= 0): 3 m,
// which then changes nothing, as type follows the pixels alone.
inline constexpr float kDistancePerDiagonal = 2.2f, kNearestDefaultM = 0.4f, kFarthestDefaultM = 3.f;
float defaultViewingDistanceM(float diagonalInches);
// A screen's diagonal in inches from its pixels and `dpi`; 0 when `dpi` is unknown (<= 0).
float screenDiagonalInches(int width, int height, float dpi);
// The viewing distance a screen's type is sized for: the configured one (metres, > 0), else the
// default for its diagonal at `dpi` (screenDpi's answer: its EDID or the config's screenDiagonal).
float viewingDistanceFor(float configuredM, int width, int height, float dpi);
// With a viewing distance (metres, > 0) and a known `dpi`, no role is smaller than the distance
// asks, up to what the screen can hold (the smallest role at most a 24th of the short side).
Layout computeLayout(int width, int height, float dpi, float viewingDistanceM);

// `n` cells in `cols` columns, row by row, filling `area` with `gap` between them.
std::vector<Rect> gridCells(const Rect& area, std::size_t n, std::size_t cols, float gap);
void gridCells(const Rect& area, std::size_t n, std::size_t cols, float gap, std::vector<Rect>& out);

// The field-list view: a scrolling column of rows of fixed height.
struct ListGeometry {
  Rect viewport;
  float rowHeight = 0;
  float rowGap = 0;
  float contentHeight(std::size_t rows) const { return rows == 0 ? 0 : rows * rowHeight + (rows - 1) * rowGap; }
};
ListGeometry fieldListGeometry(const Layout& layout);

// Figures per page of the key-figures slide, and its grid columns.
struct FigureGrid {
  std::size_t columns = 3, rows = 2;
  std::size_t perPage() const { return columns * rows; }
};
FigureGrid figureGrid(const Layout& layout);

// Items `first` to `first + count` on `page` when `total` items go onto pages of at most
// `perPage`: as many pages as needed, shared out evenly (14 by 6 is 5, 5, 4, not 6, 6, 2), so
// no last page holds a lonely pair.
struct PageSpan {
  std::size_t first = 0, count = 0;
};
PageSpan pageSpan(std::size_t total, std::size_t perPage, std::size_t page);

// A box a view drew text into, for the on-screen/overlap check.
struct TextBox {
  Rect rect;
  std::string label;  // the first characters of the text, for messages
  int group = 0;      // boxes of one group (e.g. a list row's clip) may not overlap each other
  float size = 0;     // the font size (px) it was drawn at; 0: not recorded
  bool cut = false;   // it ends in "…": the text did not fit its box
};

struct LayoutProblem {
  std::string message;
};
// Every box must lie inside the screen (with `tolerance` px of slack for antialiasing) and no
// two boxes may overlap.
std::vector<LayoutProblem> checkTextBoxes(const std::vector<TextBox>& boxes, int width, int height,
                                          float tolerance = 1.0f);

// Screens mounted on their side: the renderer draws a logical (upright) frame and rotates it.
// Maps a point on the physical screen (physW x physH) back into logical coordinates.
struct Point {
  float x = 0, y = 0;
};
Point physicalToLogical(int rotationDegrees, int physW, int physH, float px, float py);
// The logical frame size for a physical screen and rotation (90/270 swap width and height).
void logicalSize(int rotationDegrees, int physW, int physH, int& logicalW, int& logicalH);

}  // namespace sf::core
