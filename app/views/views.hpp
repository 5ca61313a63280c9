// The screens visitors see, one free function each. Views read state and draw; what a tap on a
// drawn thing does goes back as hit targets, which the core resolves. Views keep no state.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/show/config.hpp"
#include "core/show/layout.hpp"
#include "core/feed/model.hpp"
#include "core/show/player_state.hpp"
#include "core/show/schedule.hpp"
#include "core/base/time.hpp"
#include "platform/qr.hpp"

namespace sf::views {

// Strings that change once a minute, formatted by the player then, not every frame.
struct FrameText {
  char clock[16] = "";
  char date[64] = "";
};

struct ViewReport {
  std::vector<core::HitTarget> hits;          // cleared by the player before each frame
  std::vector<core::TextBox>* texts = nullptr;  // when set, views record every text box
  float scrollContent = -1;                   // a scrolling view's content height, else -1
  float scrollViewport = 0;
};

// A feed image as the player holds it: a texture once decoded, else nothing to draw yet. A
// project whose image is missing, still loading or broken shows its generated visual instead.
struct FeedImage {
  std::string src;             // as the feed names it
  std::uintptr_t texture = 0;  // an ImTextureID; 0 while loading or when it failed
  int width = 0, height = 0;
  bool failed = false;         // faults show on the status page, never to visitors
};

struct ViewContext {
  const core::Feed& feed;
  const core::PlayerState& state;
  const core::Layout& layout;
  const core::TimeZone& zone;
  const core::Schedule& schedule;
  const platform::QrCode& qr;  // the feed's link; size 0 when it has none
  core::Instant now;
  const FrameText& text;
  ViewReport& report;
  const std::vector<FeedImage>* images = nullptr;  // read-only; null when none are loaded
  // The screen's own place, from its config, which an emergency names: "Foyer Nord", and the
  // way out from here ("Ausgang links hinter der Treppe"). Empty when not configured.
  std::string_view location = {};
  std::string_view exitHint = {};
  const platform::QrCode* eventQr = nullptr;       // the open talk's link (Event view)
  const std::vector<std::string>* screenRooms = nullptr;  // config room/rooms: a room's door screen
  const core::ProgrammeListing* programme = nullptr;     // the open programme (core::updateProgrammeListing)
  // Per project (by index), the code of its own first link; size 0 for a project without one.
  const std::vector<platform::QrCode>* projectQrs = nullptr;
  const core::MapSpot* here = nullptr;  // config location's point on a map: "You are here"

  // The colours every view draws with: the feed's theme resolved (core::paletteFor).
  const core::Palette& palette() const { return feed.theme.palette; }
};

// Where a view sits during a transition. Views that are leaving report nothing.
struct Placement {
  float alpha = 1;
  float dx = 0;
  float dy = 0;
  bool active = true;  // reports hit targets and text boxes
  core::Rect clip;     // when not empty: a scrolling region; reports are cut to it
};

enum class HeaderKind { Rotation, Browsing, Announcement };

void drawBackground(const ViewContext& ctx);
// Only this part of the screen; `alpha` below 1 fades what is there toward the background.
void drawBackground(const ViewContext& ctx, const core::Rect& area, float alpha = 1);
void drawHeader(const ViewContext& ctx, HeaderKind kind);
void drawProgress(const ViewContext& ctx, double progress, core::Rgb accent);
// The strip under the content that says what touch does (touch_strip.cpp): the rotation's page
// dots (`slides` > 0) with the current one lit, "Tap for more" when `hint`; while a visitor has
// paused the rotation, that it resumes in `resumesIn` instead.
struct TouchStrip {
  std::size_t slides = 0, current = 0;
  bool hint = false;
  std::optional<std::chrono::seconds> resumesIn;
};
void drawTouchStrip(const ViewContext& ctx, const TouchStrip& strip);
// A layer (a slide drawn earlier into a screen-sized texture) at the placement's offset and fade.
// `height` > 0: a band of the screen's top that high (the header bar's layer). Only the layer's
// rows from `from` down are drawn (slides leave the header's band alone: no need to blend it).
void drawLayer(const ViewContext& ctx, std::uintptr_t texture, const Placement& at, float height = 0, float from = 0);

void drawSpotlight(const ViewContext& ctx, const Placement& at, std::size_t project);
void drawSchedule(const ViewContext& ctx, const Placement& at);
void drawFields(const ViewContext& ctx, const Placement& at);
void drawFieldList(const ViewContext& ctx, const Placement& at);
void drawDetail(const ViewContext& ctx, const Placement& at);
void drawFigures(const ViewContext& ctx, const Placement& at, std::size_t page);
// The conference programme: day tabs, room and track filters, talks by start time, a now line.
void drawProgramme(const ViewContext& ctx, const Placement& at);
// One talk in full: when, where, who, track, language, abstract, QR code, the room's next talks.
void drawEvent(const ViewContext& ctx, const Placement& at);
// A floor plan of the feed's maps (by id) with its markers, the screen's place and the talks now and next.
void drawMap(const ViewContext& ctx, const Placement& at, std::string_view mapId);
// The pin colour of a kind of map marker (shared with the legend and the contrast test).
core::Rgb markerColor(core::MarkerKind kind);
// A room's door screen for a config room entry (id, name or GUID).
void drawRoom(const ViewContext& ctx, const Placement& at, std::string_view roomEntry);
// An important announcement or an emergency over the whole screen (emergency_view.cpp).
void drawAnnouncement(const ViewContext& ctx, const Placement& at, const core::Announcement& a);
void drawEmergency(const ViewContext& ctx, const core::Announcement& a);
// The colour an emergency of `style` fills the screen with (its text is white).
core::Rgb emergencyBackground(core::EmergencyStyle style);
// An info banner over whatever shows; at the top or the bottom of the screen.
void drawBanner(const ViewContext& ctx, const core::Announcement& a);
// The banner's height on this screen (one or two lines), for core::reserveBanner.
float bannerHeight(const ViewContext& ctx, const core::Announcement& a);
// The same context with another layout (the slides' layout, with room kept for a banner).
inline ViewContext withLayout(const ViewContext& c, const core::Layout& layout) {
  return {c.feed, c.state, layout, c.zone, c.schedule, c.qr, c.now, c.text, c.report, c.images, c.location, c.exitHint,
          c.eventQr, c.screenRooms, c.programme, c.projectQrs, c.here};
}
// A rotation slide of `kind` (slides.cpp's table): `project` for spotlights, `page` for paged kinds.
// `room` for room slides: the room entry they show; for map slides: the map's id. `item`: the
// playlist item, whose content the organiser's own slides (image, text, sponsors) show.
void drawSlide(const ViewContext& ctx, const Placement& at, core::SlideKind kind, std::size_t project, std::size_t page,
               std::string_view room = {}, const core::PlaylistItem* item = nullptr);

// The organiser's own slides (image_view.cpp, text_view.cpp, sponsors_view.cpp). A null item
// draws the slide's designed placeholder.
void drawImageSlide(const ViewContext& ctx, const Placement& at, const core::PlaylistItem* item);
void drawTextSlide(const ViewContext& ctx, const Placement& at, const core::PlaylistItem* item);
void drawSponsors(const ViewContext& ctx, const Placement& at, const core::PlaylistItem* item);
// The band a caption sits on over a photo: the background at this opacity, whatever the picture.
inline constexpr float kCaptionScrim = 0.82f;

// The organisers' status page: label/value rows prepared by the player (feed, fetch, faults,
// cache, uptime, frame rate, host). Drawn over everything; any tap closes it.
struct StatusRow {
  std::string label;
  std::string value;
  bool fault = false;  // drawn in the warning colour
};
void drawStatus(const ViewContext& ctx, const std::vector<StatusRow>& rows);

}  // namespace sf::views
