// What the player shows and how visitors' input changes it: modes, language, the open project,
// kinetic scrolling, swipe/tap recognition and the return to the rotation when nobody is there.
#pragma once
#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/show/layout.hpp"
#include "core/show/programme.hpp"
#include "core/feed/model.hpp"
#include "core/show/rotation.hpp"

namespace sf::core {

// Programme: the conference programme, browsed by day, room and track; Event: one talk in full.
enum class Mode { Rotation, Fields, FieldList, Detail, Programme, Event };

enum class ActionKind {
  None,
  OpenProject,   // index: into feed.projects
  OpenField,     // index: into feed.fields
  BrowseFields,  // the four field tiles
  Back,
  Home,          // straight back to the rotation
  SetLanguage,   // index: into feed.languages
  ToggleLanguage,
  NextSlide,
  PreviousSlide,
  OpenProgramme,   // the programme, on today's (or the next) day
  OpenEvent,       // index: into feed.events
  ProgrammeDay,    // index: into programmeDays(feed)
  ProgrammeRoom,   // index: into programmeRooms(feed); kNoProject: all rooms
  ProgrammeTrack,  // index: into programmeTracks(feed); kNoProject: all tracks
  ProgrammePicker, // index 0: every room to choose from, 1: every track (when the chips cannot show all)
  ProgrammeGrid,   // index 0: the talks as a list by start time, 1: as a grid of rooms by time (wide screens)
  ProgrammeRoomPage,  // index: the grid's page of rooms
};

struct Action {
  ActionKind kind = ActionKind::None;
  std::size_t index = 0;
  bool operator==(const Action&) const = default;
};

// Where a view put something that reacts to a tap. Views report these; the core hit-tests.
struct HitTarget {
  Rect rect;
  Action action;
};

struct PointerEvent {
  enum class Kind { Down, Move, Up, Cancel } kind = Kind::Down;
  float x = 0, y = 0;
};

enum class Key { None, Left, Right, Up, Down, Enter, Back, Language, Fields, Home };

struct GestureConfig {
  float slop = 12;             // px a finger may wander and still tap
  float swipeDistance = 64;    // px of mostly horizontal travel for a swipe
  float flickVelocity = 0.5f;  // px/ms: a short fast flick also counts
  float pageWidth = 1920;      // px a dragged slide travels to be replaced by its neighbour
  std::chrono::milliseconds longestTap{1200};
};
// Gesture thresholds from the screen's minimum touch target.
GestureConfig gestureConfigFor(const Layout& layout);

enum class Gesture { None, Tap, SwipeLeft, SwipeRight, Drag };
// Pure classification of a finished touch from its travel and duration.
Gesture classifyGesture(float dx, float dy, std::chrono::milliseconds duration, const GestureConfig& g);

struct PointerTrack {
  bool down = false;
  bool scrolling = false;  // vertical drag moving a list
  bool dragging = false;   // horizontal drag moving the rotation's slide
  float offsetAtDown = 0;  // the slide's offset when the drag began (a finger can catch a snap)
  float x0 = 0, y0 = 0, x = 0, y = 0;
  Millis t0{}, tLast{};
  float scrollAtDown = 0;
  float velocityY = 0;  // px/ms, smoothed
};

// The list of every room or track, over the talks, when there are more than one row of chips holds.
enum class ProgrammePicker { None, Rooms, Tracks };

// Where a visitor is in the programme: kept while a talk is open, so Back returns exactly there.
struct ProgrammePlace {
  std::optional<Date> day;
  ProgrammeFilter filter;
  float scroll = 0;  // the talks' list; kept too while the picker is open
  ProgrammePicker picker = ProgrammePicker::None;
  bool grid = false;          // rooms side by side, time running down (wide screens)
  std::size_t roomPage = 0;   // the grid's page of rooms
  bool operator==(const ProgrammePlace&) const = default;
};

// A place a visitor was at, so Back retraces their path: the view, what it showed and how far
// its list was scrolled.
struct Place {
  Mode mode = Mode::Rotation;
  std::string field, project, event;
  ProgrammePlace programme;
  float scroll = 0;
};
inline constexpr std::size_t kHistoryDepth = 24;  // a visitor's path is short; older steps go

// The rotation's slide under a dragging finger, and its snap once the finger lifts: the slide
// stands `offset` px off centre (negative: left, the next slide fills the gap on the right), and
// a snap eases it from `snapFrom` back to the centre.
struct SlideDrag {
  float offset = 0;
  float snapFrom = 0;
  Millis snapAt{};
  bool snapping = false;
};

struct PlayerState {
  Mode mode = Mode::Rotation;
  std::string language{kHomeLanguage};
  std::string defaultLanguage{kHomeLanguage};  // the idle return switches back to it
  std::string field;                   // FieldList: the field shown; Detail: the list it came from
  std::string project;                 // Detail: the open project
  Mode detailBack = Mode::Rotation;    // where Back leads from Detail
  ProgrammePlace programme;            // Programme, and Event opened from it
  std::string event;                   // Event: the open event
  Mode eventBack = Mode::Rotation;     // where Back leads from Event
  // The places before this one, oldest first, since the visitor left the rotation. Back returns
  // to the newest that still exists; with none left it returns to the rotation.
  std::vector<Place> history;
  std::optional<std::size_t> pinnedSlot;  // a slide chosen by swiping; the rotation waits
  int direction = 0;                   // +1 forward, -1 back: for slide animations
  Millis changedAt{};                  // when the view last changed, for its entrance animation

  float scroll = 0, scrollVelocity = 0, scrollMax = 0;  // px, px/ms
  Millis scrollTick{};

  PointerTrack pointer;
  GestureConfig gestures;
  std::optional<Millis> lastInput;  // unset: nobody has touched the screen since the rotation resumed
  bool statusOpen = false;           // the organisers' status page, opened by a long press in a corner
  float statusCorner = 96;           // px: the top-left square that takes the long press
  std::chrono::milliseconds idleTimeout{60000};
  SlideDrag drag;
  // Only slides were flicked through since the rotation paused: it resumes after swipeResume,
  // sooner than after real browsing (idleTimeout).
  bool onlySwiped = false;
  std::chrono::milliseconds swipeResume{15000};
};

// Everything the transitions read besides the state itself.
struct PlayerEnv {
  const Feed& feed;
  const RotationPlan& plan;
  Millis now;
};

inline constexpr std::chrono::milliseconds kViewTransition{450};
inline constexpr std::chrono::milliseconds kStatusPress{3000};  // long enough never to happen by chance
inline constexpr std::chrono::milliseconds kSnap{280};           // a released slide settling
// The rotation at rest and untouched this long shows the "tap for more" hint.
inline constexpr std::chrono::milliseconds kTouchHintAfter{20000};

bool interacting(const PlayerState& s);  // paused rotation: browsing, detail or a pinned slide
// The slot showing: the pinned one while interacting, else the clock's.
std::size_t currentSlot(const PlayerState& s, const PlayerEnv& env);

void apply(PlayerState& s, const Action& a, const PlayerEnv& env);
void onPointer(PlayerState& s, const PointerEvent& e, std::span<const HitTarget> hits, const PlayerEnv& env);
void onKey(PlayerState& s, Key key, const PlayerEnv& env);
// Time passing: kinetic scroll and the idle return.
void tick(PlayerState& s, const PlayerEnv& env);
// After a view reports how tall its scrolling content is.
void setScrollExtent(PlayerState& s, float contentHeight, float viewportHeight);
// A new feed replaced the old one: keep what still exists, else step back.
void onFeedSwapped(PlayerState& s, const Feed& feed, const RotationPlan& plan);
// When the state next changes by itself or needs another animation frame.
Millis nextStateDeadline(const PlayerState& s, const PlayerEnv& env);
bool animating(const PlayerState& s, Millis now);
// A released slide still easing to its place (kSnap).
bool settling(const PlayerState& s, Millis now);
// How far the rotation's current slide stands off centre at `now` (dragged or snapping); 0 at rest.
float slideOffset(const PlayerState& s, Millis now);
// When a paused rotation resumes by itself (set while interacting and touched): sooner after
// slides were only swiped through than after browsing.
std::optional<Millis> resumeAt(const PlayerState& s);
// While interacting: whole seconds (rounded up) until the rotation resumes, as the pause pill
// counts them; before any touch is known (a rendered view), the full wait.
std::chrono::seconds resumesIn(const PlayerState& s, Millis now);
// The rotation at rest shows the touch hint: untouched since kTouchHintAfter.
bool touchHintShown(const PlayerState& s, Millis now);

// Empty when consistent; else what is wrong (for tests and debug checks).
std::string checkConsistency(const PlayerState& s, const Feed& feed, const RotationPlan& plan);

// The projects of a field, in feed order (index into feed.projects).
void projectsOfField(const Feed& feed, std::string_view field, std::vector<std::size_t>& out);
std::size_t fieldIndex(const Feed& feed, std::string_view id);  // kNoProject when absent

}  // namespace sf::core
