// Which slide shows when: a pure function of the wall clock and the playlist, so every screen
// on the same feed shows the same slide at the same moment and a restarted one rejoins in step.
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/feed/model.hpp"
#include "core/show/screen_target.hpp"

namespace sf::core {

inline constexpr std::size_t kNoProject = static_cast<std::size_t>(-1);
// How long a slide takes to come in, unless the screen's config says otherwise.
inline constexpr std::chrono::milliseconds kSlideTransition{900};

struct RotationSlot {
  SlideKind kind = SlideKind::Fields;  // never Spotlights: those are expanded to Spotlight slots
  std::size_t project = kNoProject;    // index into feed.projects for Spotlight slots
  std::chrono::milliseconds duration{10000};
  std::size_t item = 0;         // the playlist item it came from
  std::size_t kindSerial = 0;   // how many slots of the same kind come before it in the cycle
  std::size_t room = kNoProject;  // room screens: index into the screen's configured rooms
};

// The playlist as it stands at one instant for one screen: items valid then and meant for it
// only, spotlights expanded.
struct RotationPlan {
  std::vector<RotationSlot> slots;
  std::chrono::milliseconds cycle{0};
  std::size_t figureSlots = 0;
  std::optional<Instant> changesAt;  // the next validity or recurring-window boundary: rebuild then
  // The screen's setting (config transitionMs), not the feed's: buildRotation leaves it alone.
  std::chrono::milliseconds transition = kSlideTransition;
  // The screen the plan is for (from its config), which targeted items and announcements are
  // matched against. Also the screen's own: buildRotation leaves it alone. The default identity
  // sees only what is for every screen.
  ScreenIdentity screen;
};

// When events are near (one runs, or one starts within kEventsNear), the schedule comes at least
// every kScheduleEvery; otherwise a schedule named more than once plays once a cycle.
inline constexpr std::chrono::minutes kEventsNear{120};
inline constexpr std::chrono::seconds kScheduleEvery{90};

// Rebuilds `out` in place. Never leaves it empty: a playlist with nothing valid plays the field
// overview. The items the playlist names one by one keep their written order; the spotlights a
// `spotlights` item stands for are spread evenly between them, taking the fields in turn so no
// two of one field follow each other while another field has some left (rotation_mix.cpp).
// With `withSchedule` false (a clock that cannot be trusted), schedule slides are left out.
// Items targeted at other screens than `out.screen` are left out.
void buildRotation(const Feed& feed, Instant now, RotationPlan& out, bool withSchedule = true);
RotationPlan buildRotation(const Feed& feed, Instant now, const ScreenIdentity& screen = {});

struct RotationPosition {
  std::size_t index = 0;     // the slot showing
  std::size_t previous = 0;  // the slot before it (for the transition)
  Millis slideStart{};
  Millis slideEnd{};
  double progress = 0;  // 0..1 through the slide
  std::int64_t cycleNumber = 0;
};

// A room's door screen (config room/rooms): the rotation is that room's view, one slot per room
// (a screen between two doors takes turns), whatever the playlist holds. Announcements still win.
void roomScreenRotation(RotationPlan& out, std::size_t rooms, std::chrono::milliseconds each = std::chrono::seconds{20});

// position = (now - Unix epoch) mod cycle length.
RotationPosition rotationAt(const RotationPlan& plan, Millis now);
// The next moment the rotation changes by itself: the end of this slide or a validity boundary.
Millis nextRotationChange(const RotationPlan& plan, Millis now);

// Which page of key figures a figures slot shows, so consecutive figures slides page through
// all figures over the cycles.
std::size_t figuresPage(const RotationPlan& plan, const RotationPosition& pos, std::size_t slot,
                        std::size_t figureCount, std::size_t perPage);

// True when the announcement shows on `screen` at `now`: inside start/end, inside its recurring
// window and targeted at the screen.
bool announcementShows(const Announcement& a, const Feed& feed, Instant now, const ScreenIdentity& screen);

// What announcements one screen shows at one instant. An emergency beats an important
// announcement, which beats an info banner, whatever their priorities; within a level the highest
// priority wins, then the one that started last. A banner shows only while nothing takes over.
struct ShownAnnouncements {
  const Announcement* takeover = nullptr;  // an important one or an emergency: the whole screen
  const Announcement* banner = nullptr;    // an info banner over the rotation (null under a takeover)
};
ShownAnnouncements announcementsAt(const Feed& feed, Instant now, const ScreenIdentity& screen = {});
// The announcement that takes over the screen at `now`, if any (announcementsAt(...).takeover).
const Announcement* activeAnnouncement(const Feed& feed, Instant now, const ScreenIdentity& screen = {});
// The next start or end of any announcement after `now`, recurring windows included.
std::optional<Instant> nextAnnouncementChange(const Feed& feed, Instant now);

}  // namespace sf::core
