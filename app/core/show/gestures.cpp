// Gestures and the touch affordances: what counts as a tap, swipe or drag, where a dragged or
// settling slide stands, when a paused rotation resumes and when the touch hint shows.
#include <algorithm>
#include <cmath>

#include "core/show/player_state.hpp"

namespace sf::core {
namespace {

using std::chrono::milliseconds;

float easeOutCubic(float t) { return 1 - (1 - t) * (1 - t) * (1 - t); }

// Slides only swiped through resume sooner than real browsing.
milliseconds resumeDelay(const PlayerState& s) {
  const bool swiped = s.onlySwiped && s.mode == Mode::Rotation;
  return swiped ? std::min(s.swipeResume, s.idleTimeout) : s.idleTimeout;
}

}  // namespace

GestureConfig gestureConfigFor(const Layout& l) {
  GestureConfig g;
  g.slop = std::max(10.f, l.minTarget * 0.3f);
  g.swipeDistance = std::max(48.f, l.minTarget * 1.4f);
  g.pageWidth = static_cast<float>(l.width);
  return g;
}

Gesture classifyGesture(float dx, float dy, milliseconds duration, const GestureConfig& g) {
  const float ax = std::fabs(dx), ay = std::fabs(dy);
  if (ax <= g.slop && ay <= g.slop) return duration <= g.longestTap ? Gesture::Tap : Gesture::None;
  const bool horizontal = ax > 1.5f * ay;
  const float speed = ax / std::max<float>(1.f, static_cast<float>(duration.count()));
  if (horizontal && (ax >= g.swipeDistance || (ax >= 2 * g.slop && speed >= g.flickVelocity)))
    return dx < 0 ? Gesture::SwipeLeft : Gesture::SwipeRight;
  return Gesture::Drag;
}

bool settling(const PlayerState& s, Millis now) { return s.drag.snapping && now - s.drag.snapAt < kSnap; }

float slideOffset(const PlayerState& s, Millis now) {
  if (s.pointer.dragging) return s.drag.offset;
  if (!settling(s, now)) return 0;
  const float t = std::clamp(static_cast<float>((now - s.drag.snapAt).count()) / static_cast<float>(kSnap.count()), 0.f, 1.f);
  return std::round(s.drag.snapFrom * (1 - easeOutCubic(t)));
}

std::optional<Millis> resumeAt(const PlayerState& s) {
  if (!s.lastInput) return std::nullopt;
  return *s.lastInput + resumeDelay(s);
}

std::chrono::seconds resumesIn(const PlayerState& s, Millis now) {
  const Millis at = resumeAt(s).value_or(now + resumeDelay(s));
  return std::chrono::ceil<std::chrono::seconds>(std::max(milliseconds{0}, at - now));
}

bool touchHintShown(const PlayerState& s, Millis now) {
  return s.mode == Mode::Rotation && !interacting(s) && now - s.changedAt >= kTouchHintAfter;
}

}  // namespace sf::core
