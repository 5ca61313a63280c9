// The player draws only when something changed or is about to: an idle screen wakes a few
// times a minute, a moving one at the animation's frame rate.
#include "redraw.hpp"

#include <algorithm>

namespace sf::player {

using core::Millis;
using std::chrono::milliseconds;

Millis nextDeadline(const core::PlayerState& state, const core::Feed& feed, const core::RotationPlan& plan,
                    const core::FramePlan& fp, const core::ScreenPhase& phase, bool dark, const Pace& pace) {
  const Millis now = fp.now;
  // Dark, nothing moves until the off period ends; awake at night, it sleeps again when idle.
  Millis next = now + std::chrono::hours{1};
  if (!dark) {
    next = core::nextStateDeadline(state, {feed, plan, now});
    if (fp.moving) next = std::min(next, core::nextTransitionFrame(state, plan, now, pace.frame));
    if (!core::interacting(state) && !fp.announcement) {
      // The progress bar moves once a second, on the wall clock's second: a clock with seconds
      // then turns in the same frame instead of waking the screen a second time each second.
      // The slide changes at its end. An announcement hides both, so it is drawn once a minute
      // only (for the clock).
      next = std::min(next, Millis{std::chrono::floor<std::chrono::seconds>(now) + std::chrono::seconds{1}});
      next = std::min(next, core::nextRotationChange(plan, now));
    }
    const milliseconds clockTick{pace.clockSeconds ? 1000 : 60000};
    const auto sinceEpoch = now.time_since_epoch();
    next = std::min(next, Millis{sinceEpoch - sinceEpoch % clockTick + clockTick});
    next = std::max(next, now + milliseconds{1});
    if (state.statusOpen) next = std::min(next, Millis{std::chrono::floor<std::chrono::seconds>(now) + std::chrono::seconds{1}});
    // The touch hint appears at its time; a paused rotation's countdown turns once a second.
    if (const Millis hint = state.changedAt + core::kTouchHintAfter; !core::interacting(state) && hint > now)
      next = std::min(next, hint);
    if (const auto resume = core::resumeAt(state); resume && core::interacting(state) && *resume > now) {
      const auto part = (*resume - now) % milliseconds{1000};
      next = std::min(next, now + (part.count() > 0 ? part : milliseconds{1000}));
    }
    if (const auto sleeps = core::screenSleepsAt(phase, state)) next = std::min(next, *sleeps);
  }
  if (phase.until) next = std::min(next, Millis{*phase.until});
  // Dark or not, an announcement's start or end is looked at: an emergency wakes a dark screen.
  if (auto a = core::nextAnnouncementChange(feed, core::toInstant(now)))
    next = std::min(next, std::max(now + milliseconds{1}, std::chrono::time_point_cast<milliseconds>(*a)));
  return next;
}

ClockTurn Redraw::clockTurn(Millis now, std::string_view language) {
  const std::int64_t minute = std::chrono::floor<std::chrono::minutes>(now).time_since_epoch().count();
  const std::int64_t second = std::chrono::floor<std::chrono::seconds>(now).time_since_epoch().count();
  if (minute != shownMinute_ || language != shownLanguage_) {
    const bool languageChanged = language != shownLanguage_;
    shownMinute_ = minute;
    shownSecond_ = second;
    shownLanguage_ = language;
    dirty_ = true;
    return languageChanged ? ClockTurn::Language : ClockTurn::Minute;
  }
  if (pace_.clockSeconds && second != shownSecond_) {
    shownSecond_ = second;
    dirty_ = true;
    return ClockTurn::Second;
  }
  return ClockTurn::None;
}

bool Redraw::statusTurn(Millis now) {
  const std::int64_t second = std::chrono::floor<std::chrono::seconds>(now).time_since_epoch().count();
  if (second == statusSecond_) return false;
  statusSecond_ = second;
  dirty_ = true;
  return true;
}

void Redraw::drawn(const core::PlayerState& state, const core::Feed& feed, const core::RotationPlan& plan,
                   const core::FramePlan& frame, const core::ScreenPhase& phase, bool dark) {
  dirty_ = false;
  deadline_ = nextDeadline(state, feed, plan, frame, phase, dark, pace_);
}

}  // namespace sf::player
