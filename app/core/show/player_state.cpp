// The player's state machine. Input arrives as gestures and actions, time as tick(); nothing
// here reads a clock or draws, so every path is driven and checked by headless tests.
#include "core/show/player_state.hpp"

#include <algorithm>
#include <cmath>

namespace sf::core {
namespace {

using std::chrono::milliseconds;

void resetScroll(PlayerState& s, Millis now) {
  s.scroll = 0;
  s.scrollVelocity = 0;
  s.scrollMax = 0;
  s.scrollTick = now;
}

void changeView(PlayerState& s, Mode m, int direction, Millis now) {
  s.mode = m;
  s.direction = direction;
  s.changedAt = now;
  resetScroll(s, now);
}

// Before going somewhere new: the place left, with its scroll. From the rotation a new path starts.
void remember(PlayerState& s) {
  if (s.mode == Mode::Rotation) {
    s.history.clear();
    return;
  }
  if (s.history.size() >= kHistoryDepth) s.history.erase(s.history.begin());
  ProgrammePlace programme = s.programme;
  if (s.mode == Mode::Programme && programme.picker == ProgrammePicker::None) programme.scroll = s.scroll;
  s.history.push_back({s.mode, s.field, s.project, s.event, programme, s.scroll});
}

bool stillThere(const Place& p, const Feed& feed) {
  switch (p.mode) {
    case Mode::Detail: return feed.findProject(p.project) != nullptr;
    case Mode::FieldList: return feed.findField(p.field) != nullptr;
    case Mode::Event: return feed.findEvent(p.event) != nullptr;
    case Mode::Programme: return p.programme.day.has_value() && !feed.events.empty();
    case Mode::Fields: return !feed.fields.empty();
    case Mode::Rotation: return true;
  }
  return false;
}

// Back along the visitor's path: the newest place that still exists, scrolled as it was left.
// False when the path is used up.
bool retrace(PlayerState& s, const PlayerEnv& env) {
  while (!s.history.empty()) {
    Place p = std::move(s.history.back());
    s.history.pop_back();
    if (!stillThere(p, env.feed)) continue;  // gone with a newer feed
    s.field = std::move(p.field);
    s.project = std::move(p.project);
    s.event = std::move(p.event);
    s.programme = p.programme;
    changeView(s, p.mode, -1, env.now);
    // The list's height is known again once the view has drawn; until then the place stands.
    s.scroll = s.scrollMax = p.scroll;
    return true;
  }
  return false;
}

void returnToRotation(PlayerState& s, Millis now) {
  s.history.clear();
  changeView(s, Mode::Rotation, 0, now);
  s.pinnedSlot.reset();
  s.project.clear();
  s.field.clear();
  s.event.clear();
  s.programme = {};
  s.lastInput.reset();
  s.pointer = {};
  s.drag = {};
  s.onlySwiped = false;
}

std::size_t slotCount(const PlayerEnv& env) { return std::max<std::size_t>(1, env.plan.slots.size()); }

void stepSlide(PlayerState& s, const PlayerEnv& env, int delta) {
  const std::size_t n = slotCount(env);
  const std::size_t cur = currentSlot(s, env);
  s.pinnedSlot = (cur + n + (delta > 0 ? 1 : n - 1)) % n;
  s.direction = delta;
  s.changedAt = env.now;
  s.drag = {};
}


bool takenOver(const PlayerEnv& env) {
  return activeAnnouncement(env.feed, toInstant(env.now), env.plan.screen) != nullptr;
}

// A horizontal drag on the rotation begins: the slide showing is pinned and follows the finger
// from where it stands (a finger may catch a slide still settling).
void startDrag(PlayerState& s, const PlayerEnv& env) {
  PointerTrack& p = s.pointer;
  p.offsetAtDown = slideOffset(s, env.now);  // before dragging: it reads the snap's place
  p.dragging = true;
  if (!interacting(s)) s.onlySwiped = true;  // paused by a swipe alone, so far
  s.pinnedSlot = currentSlot(s, env);
  s.direction = 0;
  s.drag = {p.offsetAtDown, 0, {}, false};
}

void moveDrag(PlayerState& s, float dx) {
  const float w = std::max(1.f, s.gestures.pageWidth);
  s.drag.offset = std::clamp(s.pointer.offsetAtDown + dx, -w, w);
}

// The finger lifted: past the swipe's distance or at a flick's speed the neighbour the drag
// uncovered becomes the slide, else the slide goes back. Either way it settles with a snap.
void releaseDrag(PlayerState& s, const PointerTrack& done, const PlayerEnv& env) {
  const float offset = s.drag.offset, w = std::max(1.f, s.gestures.pageWidth);
  const Gesture g = classifyGesture(done.x - done.x0, done.y - done.y0, env.now - done.t0, s.gestures);
  int step = 0;
  if (g == Gesture::SwipeLeft && offset < 0) step = 1;
  if (g == Gesture::SwipeRight && offset > 0) step = -1;
  if (std::fabs(offset) >= w * 0.5f) step = offset < 0 ? 1 : -1;  // more than half shows already
  float from = offset;
  if (step != 0 && slotCount(env) > 1) {
    const std::size_t n = slotCount(env), cur = currentSlot(s, env);
    s.pinnedSlot = (cur + n + (step > 0 ? 1 : n - 1)) % n;
    from = offset + static_cast<float>(step) * w;  // the neighbour stood a page beside the slide
  }
  s.drag = {0, from, env.now, from != 0};
}

// Next or previous project within the list the detail view belongs to.
void stepProject(PlayerState& s, const PlayerEnv& env, int delta) {
  const Project* p = env.feed.findProject(s.project);
  if (!p) return;
  const std::string& field = s.field.empty() ? p->field : s.field;
  std::size_t pos = 0, count = 0;
  for (const Project& q : env.feed.projects) {
    if (q.field != field) continue;
    if (q.id == s.project) pos = count;
    ++count;
  }
  if (count < 2) return;
  const std::size_t want = (pos + count + (delta > 0 ? 1 : count - 1)) % count;
  std::size_t i = 0;
  for (const Project& q : env.feed.projects) {
    if (q.field != field) continue;
    if (i++ == want) {
      s.project = q.id;
      break;
    }
  }
  changeView(s, Mode::Detail, delta, env.now);
}

void setLanguage(PlayerState& s, const Feed& feed, std::size_t index) {
  if (index < feed.languages.size()) s.language = feed.languages[index];
}

void toggleLanguage(PlayerState& s, const Feed& feed) {
  static const std::vector<std::string> fallback{"de", "en"};
  const auto& langs = feed.languages.empty() ? fallback : feed.languages;
  auto it = std::find(langs.begin(), langs.end(), s.language);
  s.language = (it == langs.end() || it + 1 == langs.end()) ? langs.front() : *(it + 1);
}

const HitTarget* hitAt(std::span<const HitTarget> hits, float x, float y) {
  for (auto it = hits.rbegin(); it != hits.rend(); ++it)  // drawn last = on top
    if (it->rect.contains(x, y)) return &*it;
  return nullptr;
}

void openProgramme(PlayerState& s, const PlayerEnv& env) {
  const Feed& feed = env.feed;
  const auto day = defaultProgrammeDay(feed, toInstant(env.now));
  if (!day) return;
  remember(s);
  if (s.mode == Mode::Rotation) s.pinnedSlot = currentSlot(s, env);
  s.project.clear();
  s.event.clear();
  s.programme = {};
  s.programme.day = day;
  changeView(s, Mode::Programme, 1, env.now);
}

// A new day or filter shows other talks: the list starts again at its top.
void refilter(PlayerState& s, Millis now) {
  resetScroll(s, now);
  s.programme.scroll = 0;
  s.changedAt = now;
  s.direction = 0;
}

// The picker lies over the talks: opening it keeps their place, closing it without a choice goes
// back there.
void openPicker(PlayerState& s, const Action& a, Millis now) {
  const ProgrammePicker p = a.index == 0 ? ProgrammePicker::Rooms : ProgrammePicker::Tracks;
  if (s.programme.picker == ProgrammePicker::None) s.programme.scroll = s.scroll;
  s.programme.picker = s.programme.picker == p ? ProgrammePicker::None : p;  // its chip again closes it
  resetScroll(s, now);
  if (s.programme.picker == ProgrammePicker::None) s.scroll = s.scrollMax = s.programme.scroll;
  s.changedAt = now;
  s.direction = 0;
}

void closePicker(PlayerState& s, Millis now) {
  s.programme.picker = ProgrammePicker::None;
  resetScroll(s, now);
  s.scroll = s.scrollMax = s.programme.scroll;
  s.changedAt = now;
  s.direction = 0;
}

void programmeAction(PlayerState& s, const Action& a, const PlayerEnv& env) {
  const Feed& feed = env.feed;
  if (s.mode != Mode::Programme) return;
  if (a.kind == ActionKind::ProgrammePicker) return openPicker(s, a, env.now);
  if (a.kind == ActionKind::ProgrammeGrid || a.kind == ActionKind::ProgrammeRoomPage) {
    // Another arrangement of the same talks: the list starts at its top again.
    if (a.kind == ActionKind::ProgrammeGrid) {
      if (s.programme.grid == (a.index == 1)) return;
      s.programme.grid = a.index == 1;
      s.programme.roomPage = 0;
    } else {
      if (s.programme.roomPage == a.index) return;
      s.programme.roomPage = a.index;
    }
    s.programme.picker = ProgrammePicker::None;
    return refilter(s, env.now);
  }
  s.programme.picker = ProgrammePicker::None;  // a choice made in it closes it
  s.programme.roomPage = 0;                      // other rooms may have talks now
  if (a.kind == ActionKind::ProgrammeDay) {
    const auto days = programmeDays(feed);
    if (a.index >= days.size() || s.programme.day == days[a.index]) return;
    s.programme.day = days[a.index];
  } else if (a.kind == ActionKind::ProgrammeRoom) {
    const auto rooms = programmeRooms(feed);
    std::string key = a.index < rooms.size() ? rooms[a.index].key : std::string{};
    s.programme.filter.room = s.programme.filter.room == key ? std::string{} : std::move(key);  // tapping again clears
  } else {
    const auto tracks = programmeTracks(feed);
    std::string id = a.index < tracks.size() ? tracks[a.index]->id : std::string{};
    s.programme.filter.track = s.programme.filter.track == id ? std::string{} : std::move(id);
  }
  refilter(s, env.now);
}

void openEvent(PlayerState& s, const Action& a, const PlayerEnv& env) {
  if (a.index >= env.feed.events.size()) return;
  remember(s);
  if (s.mode == Mode::Rotation) s.pinnedSlot = currentSlot(s, env);
  if (s.mode == Mode::Programme) {
    s.programme.scroll = s.scroll;
    s.eventBack = Mode::Programme;
  } else if (s.mode != Mode::Event) {
    s.eventBack = Mode::Rotation;
  }
  s.project.clear();
  s.event = env.feed.events[a.index].id;
  changeView(s, Mode::Event, 1, env.now);
}

void backFromEvent(PlayerState& s, const PlayerEnv& env) {
  s.event.clear();
  if (s.eventBack != Mode::Programme || !s.programme.day) {
    s.programme = {};
    changeView(s, Mode::Rotation, -1, env.now);
    return;
  }
  changeView(s, Mode::Programme, -1, env.now);
  // The list's height is known again once the view has drawn; until then the place stands.
  s.scroll = s.scrollMax = s.programme.scroll;
}

}  // namespace

bool interacting(const PlayerState& s) { return s.mode != Mode::Rotation || s.pinnedSlot.has_value(); }

std::size_t currentSlot(const PlayerState& s, const PlayerEnv& env) {
  if (s.pinnedSlot && *s.pinnedSlot < env.plan.slots.size()) return *s.pinnedSlot;
  return rotationAt(env.plan, env.now).index;
}

void apply(PlayerState& s, const Action& a, const PlayerEnv& env) {
  if (a.kind == ActionKind::None) return;
  const Feed& feed = env.feed;
  // An emergency ignores touch altogether: it shows both languages, and nobody may hide it.
  const Announcement* takeover = activeAnnouncement(feed, toInstant(env.now), env.plan.screen);
  if (takeover && takeover->level == Level::Emergency) return;
  s.lastInput = env.now;
  const bool slideStep = (a.kind == ActionKind::NextSlide || a.kind == ActionKind::PreviousSlide) && s.mode == Mode::Rotation;
  if (!slideStep) s.onlySwiped = false;  // real browsing: the rotation waits the idle time
  else if (!interacting(s)) s.onlySwiped = true;
  if (a.kind == ActionKind::SetLanguage) return setLanguage(s, feed, a.index);
  if (a.kind == ActionKind::ToggleLanguage) return toggleLanguage(s, feed);
  // An important announcement owns the screen: only the language follows visitors. An info
  // banner leaves browsing alone.
  if (takeover) return;

  switch (a.kind) {
    case ActionKind::OpenProject:
      if (a.index >= feed.projects.size()) return;
      remember(s);
      if (s.mode == Mode::Rotation) s.pinnedSlot = currentSlot(s, env);
      s.detailBack = s.mode == Mode::FieldList ? Mode::FieldList : Mode::Rotation;
      if (s.detailBack == Mode::Rotation) s.field.clear();
      s.project = feed.projects[a.index].id;
      changeView(s, Mode::Detail, 1, env.now);
      return;
    case ActionKind::OpenField:
      if (a.index >= feed.fields.size()) return;
      remember(s);
      if (s.mode == Mode::Rotation) s.pinnedSlot = currentSlot(s, env);
      s.field = feed.fields[a.index].id;
      s.project.clear();  // from a detail view's related fields
      changeView(s, Mode::FieldList, 1, env.now);
      return;
    case ActionKind::BrowseFields:
      if (s.mode == Mode::Fields) return;
      remember(s);
      if (s.mode == Mode::Rotation) s.pinnedSlot = currentSlot(s, env);
      s.project.clear();
      changeView(s, Mode::Fields, 1, env.now);
      return;
    case ActionKind::OpenProgramme:
      return openProgramme(s, env);
    case ActionKind::OpenEvent:
      return openEvent(s, a, env);
    case ActionKind::ProgrammeDay:
    case ActionKind::ProgrammeRoom:
    case ActionKind::ProgrammeTrack:
    case ActionKind::ProgrammePicker:
    case ActionKind::ProgrammeGrid:
    case ActionKind::ProgrammeRoomPage:
      return programmeAction(s, a, env);
    case ActionKind::Back:
      if (s.mode == Mode::Programme && s.programme.picker != ProgrammePicker::None) return closePicker(s, env.now);
      if (s.mode != Mode::Rotation && retrace(s, env)) return;
      switch (s.mode) {
        case Mode::Event:
          return backFromEvent(s, env);
        case Mode::Programme:
          if (s.programme.picker != ProgrammePicker::None) return closePicker(s, env.now);
          s.programme = {};
          changeView(s, Mode::Rotation, -1, env.now);
          return;
        case Mode::Detail:
          s.project.clear();
          if (s.detailBack == Mode::FieldList && feed.findField(s.field)) {
            changeView(s, Mode::FieldList, -1, env.now);
          } else {
            s.field.clear();
            changeView(s, Mode::Rotation, -1, env.now);
          }
          return;
        case Mode::FieldList:  // opened straight from the rotation: back there, not to a list never seen
          s.field.clear();
          changeView(s, Mode::Rotation, -1, env.now);
          return;
        case Mode::Fields:
          changeView(s, Mode::Rotation, -1, env.now);
          return;
        case Mode::Rotation:
          returnToRotation(s, env.now);
          return;
      }
      return;
    case ActionKind::Home:
      returnToRotation(s, env.now);
      return;
    case ActionKind::NextSlide:
    case ActionKind::PreviousSlide: {
      const int d = a.kind == ActionKind::NextSlide ? 1 : -1;
      if (s.mode == Mode::Rotation) stepSlide(s, env, d);
      else if (s.mode == Mode::Detail) stepProject(s, env, d);
      else if (d < 0) apply(s, {ActionKind::Back}, env);
      return;
    }
    default:
      return;
  }
}

void onPointer(PlayerState& s, const PointerEvent& e, std::span<const HitTarget> hits, const PlayerEnv& env) {
  PointerTrack& p = s.pointer;
  const bool scrollable = s.mode == Mode::FieldList || s.mode == Mode::Detail || s.mode == Mode::Programme || s.mode == Mode::Event;
  switch (e.kind) {
    case PointerEvent::Kind::Down:
      p = {};
      p.down = true;
      p.x0 = p.x = e.x;
      p.y0 = p.y = e.y;
      p.t0 = p.tLast = env.now;
      p.scrollAtDown = s.scroll;
      s.scrollVelocity = 0;  // a finger on a moving list stops it, as on a phone
      s.lastInput = env.now;
      return;
    case PointerEvent::Kind::Move: {
      if (!p.down) return;
      s.lastInput = env.now;
      const float dx = e.x - p.x0, dy = e.y - p.y0;
      if (!p.scrolling && scrollable && std::fabs(dy) > s.gestures.slop && std::fabs(dy) > std::fabs(dx))
        p.scrolling = true;
      // Sideways on the rotation, the slide follows the finger.
      if (!p.scrolling && !p.dragging && s.mode == Mode::Rotation && !s.statusOpen && env.plan.slots.size() > 1 &&
          std::fabs(dx) > s.gestures.slop && std::fabs(dx) > std::fabs(dy) && !takenOver(env))
        startDrag(s, env);
      if (p.dragging) moveDrag(s, dx);
      if (p.scrolling) {
        const float dt = static_cast<float>(std::max<std::int64_t>(1, (env.now - p.tLast).count()));
        const float v = -(e.y - p.y) / dt;
        p.velocityY = 0.7f * v + 0.3f * p.velocityY;
        s.scroll = std::clamp(p.scrollAtDown - dy, 0.f, s.scrollMax);
      }
      p.x = e.x;
      p.y = e.y;
      p.tLast = env.now;
      return;
    }
    case PointerEvent::Kind::Up: {
      if (!p.down) return;
      p.x = e.x;
      p.y = e.y;
      const PointerTrack done = p;
      p = {};
      s.lastInput = env.now;
      if (done.dragging) return releaseDrag(s, done, env);
      if (done.scrolling) {
        // Fling only when the finger was still moving as it lifted.
        const bool recent = env.now - done.tLast < milliseconds{80};
        s.scrollVelocity = recent ? std::clamp(done.velocityY, -8.f, 8.f) : 0.f;
        s.scrollTick = env.now;
        return;
      }
      const Gesture g = classifyGesture(done.x - done.x0, done.y - done.y0, env.now - done.t0, s.gestures);
      // Organisers hold a finger in the top-left corner to see the screen's status; any tap
      // closes it again. Visitors never meet it by chance: it takes three still seconds.
      const bool still = std::hypot(done.x - done.x0, done.y - done.y0) <= s.gestures.slop;
      if (still && env.now - done.t0 >= kStatusPress && done.x0 < s.statusCorner && done.y0 < s.statusCorner) {
        s.statusOpen = !s.statusOpen;
        return;
      }
      if (s.statusOpen) {
        if (g == Gesture::Tap) s.statusOpen = false;
        return;
      }
      if (g == Gesture::Tap) {
        const HitTarget* at = hitAt(hits, done.x0, done.y0);
        if (at && at->rect.inset(-s.gestures.slop).contains(done.x, done.y)) apply(s, at->action, env);
      } else if (g == Gesture::SwipeLeft) {
        apply(s, {ActionKind::NextSlide}, env);
      } else if (g == Gesture::SwipeRight) {
        apply(s, {ActionKind::PreviousSlide}, env);
      }
      return;
    }
    case PointerEvent::Kind::Cancel:
      if (p.dragging) s.drag = {0, s.drag.offset, env.now, s.drag.offset != 0};  // back to the centre
      p = {};
      return;
  }
}

void onKey(PlayerState& s, Key key, const PlayerEnv& env) {
  switch (key) {
    case Key::Left: return apply(s, {ActionKind::PreviousSlide}, env);
    case Key::Right: return apply(s, {ActionKind::NextSlide}, env);
    case Key::Back: return apply(s, {ActionKind::Back}, env);
    case Key::Language: return apply(s, {ActionKind::ToggleLanguage}, env);
    case Key::Fields: return apply(s, {ActionKind::BrowseFields}, env);
    case Key::Home: return apply(s, {ActionKind::Home}, env);
    case Key::Up:
    case Key::Down: {
      s.lastInput = env.now;
      const float step = s.gestures.swipeDistance * 2;
      s.scroll = std::clamp(s.scroll + (key == Key::Down ? step : -step), 0.f, s.scrollMax);
      return;
    }
    case Key::Enter: {
      if (s.mode != Mode::Rotation) return;
      const std::size_t slot = currentSlot(s, env);
      if (slot < env.plan.slots.size() && env.plan.slots[slot].project < env.feed.projects.size())
        return apply(s, {ActionKind::OpenProject, env.plan.slots[slot].project}, env);
      return apply(s, {ActionKind::BrowseFields}, env);
    }
    case Key::None: return;
  }
}

void tick(PlayerState& s, const PlayerEnv& env) {
  if (s.drag.snapping && env.now - s.drag.snapAt >= kSnap) s.drag = {};
  if (const auto resume = resumeAt(s); resume && !s.pointer.down && env.now >= *resume) {
    s.statusOpen = false;
    returnToRotation(s, env.now);
    s.language = s.defaultLanguage;
    return;
  }
  if (s.pointer.down || s.scrollVelocity == 0) {
    s.scrollTick = env.now;
    return;
  }
  const float dt = static_cast<float>(std::clamp<std::int64_t>((env.now - s.scrollTick).count(), 0, 100));
  s.scrollTick = env.now;
  s.scroll += s.scrollVelocity * dt;
  s.scrollVelocity *= std::exp(-dt / 325.f);  // the decay constant phones use for a fling
  if (s.scroll <= 0 || s.scroll >= s.scrollMax) {
    s.scroll = std::clamp(s.scroll, 0.f, s.scrollMax);
    s.scrollVelocity = 0;
  }
  if (std::fabs(s.scrollVelocity) < 0.02f) s.scrollVelocity = 0;
}

void setScrollExtent(PlayerState& s, float contentHeight, float viewportHeight) {
  s.scrollMax = std::max(0.f, contentHeight - viewportHeight);
  s.scroll = std::clamp(s.scroll, 0.f, s.scrollMax);
}

void onFeedSwapped(PlayerState& s, const Feed& feed, const RotationPlan& plan) {
  if (s.mode == Mode::Detail && !feed.findProject(s.project)) {
    s.project.clear();
    if (s.detailBack == Mode::FieldList && feed.findField(s.field)) {
      s.mode = Mode::FieldList;
    } else {
      s.mode = Mode::Rotation;
      s.field.clear();
    }
    s.scroll = s.scrollVelocity = 0;
  }
  if (s.mode == Mode::FieldList && !feed.findField(s.field)) {
    s.mode = Mode::Fields;
    s.field.clear();
    s.scroll = s.scrollVelocity = 0;
  }
  if (s.mode == Mode::Detail && s.detailBack == Mode::FieldList && !feed.findField(s.field)) {
    s.detailBack = Mode::Rotation;
    s.field.clear();
  }
  if (s.mode == Mode::Event && !feed.findEvent(s.event)) {
    s.event.clear();
    s.mode = s.eventBack == Mode::Programme ? Mode::Programme : Mode::Rotation;
    s.scroll = s.scrollVelocity = 0;
  }
  if ((s.mode == Mode::Programme || (s.mode == Mode::Event && s.eventBack == Mode::Programme)) && feed.events.empty()) {
    s.mode = Mode::Rotation;
    s.event.clear();
    s.programme = {};
    s.scroll = s.scrollVelocity = 0;
  }
  if (s.pinnedSlot && *s.pinnedSlot >= plan.slots.size()) s.pinnedSlot.reset();
  if (!s.pinnedSlot) {  // the slide a finger held is gone
    s.drag = {};
    s.pointer.dragging = false;
  }
  if (!feed.languages.empty() &&
      std::find(feed.languages.begin(), feed.languages.end(), s.language) == feed.languages.end())
    s.language = feed.languages.front();
}

bool animating(const PlayerState& s, Millis now) {
  return now - s.changedAt < kViewTransition || s.scrollVelocity != 0 || settling(s, now);
}

Millis nextStateDeadline(const PlayerState& s, const PlayerEnv& env) {
  if (animating(s, env.now)) return env.now + milliseconds{16};
  return resumeAt(s).value_or(Millis::max());
}

std::string checkConsistency(const PlayerState& s, const Feed& feed, const RotationPlan& plan) {
  if (s.mode == Mode::Detail && !feed.findProject(s.project)) return "detail view without an existing project: " + s.project;
  if (s.mode != Mode::Detail && !s.project.empty()) return "a project is open outside the detail view";
  if (s.mode == Mode::Event && !feed.findEvent(s.event)) return "event view without an existing event: " + s.event;
  if (s.mode != Mode::Event && !s.event.empty()) return "an event is open outside the event view";
  if (s.mode == Mode::Programme && !s.programme.day) return "programme without a day";
  if (s.mode == Mode::FieldList && !feed.findField(s.field)) return "field list without an existing field: " + s.field;
  if (s.pinnedSlot && *s.pinnedSlot >= plan.slots.size()) return "pinned slot out of range";
  if (!(s.scroll >= 0 && s.scroll <= s.scrollMax)) return "scroll outside its range";
  if (!std::isfinite(s.scrollVelocity)) return "scroll velocity is not finite";
  if (!feed.languages.empty() &&
      std::find(feed.languages.begin(), feed.languages.end(), s.language) == feed.languages.end())
    return "language not offered by the feed: " + s.language;
  return {};
}

void projectsOfField(const Feed& feed, std::string_view field, std::vector<std::size_t>& out) {
  out.clear();
  for (std::size_t i = 0; i < feed.projects.size(); ++i)
    if (feed.projects[i].field == field) out.push_back(i);
}

std::size_t fieldIndex(const Feed& feed, std::string_view id) {
  for (std::size_t i = 0; i < feed.fields.size(); ++i)
    if (feed.fields[i].id == id) return i;
  return kNoProject;
}

}  // namespace sf::core
