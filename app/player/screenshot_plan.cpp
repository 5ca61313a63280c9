// The screenshot rule of the kiosk loop, apart from the loop so it can be tested with a clock of
// the test's own: changes noted per frame, beats answered, a held report released.
#include "screenshot_plan.hpp"

namespace sf::player {

void ScreenshotPlan::shown(const ShownNow& n) {
  Shown& s = shown_;
  if (s.mode == n.mode && s.slot == n.slot && s.page == n.page && s.revision == n.revision && s.takeover == n.takeover &&
      s.banner == n.banner && s.language == n.language && s.project == n.project && s.event == n.event && s.field == n.field &&
      s.status == n.status && s.dark == n.dark)
    return;
  s = {n.mode, n.slot, n.page, n.revision, std::string(n.takeover), std::string(n.banner), std::string(n.language),
       std::string(n.project), std::string(n.event), std::string(n.field), n.status, n.dark};
  wanted_ = true;
}

std::optional<core::ScreenReport> ScreenshotPlan::due(const live::ReportDue& beat, bool dark, core::ScreenReport snapshot,
                                                      Clock::time_point t) {
  held_.reset();
  if (beat.shotLost) wanted_ = true;  // not queued, but taken again once the collector answers
  // Offline, no screenshot is made: it could only be dropped.
  if (!wanted_ || !beat.reachable || dark || (taken_ && t - lastShot_ < every_)) return snapshot;
  held_ = std::move(snapshot);
  heldSince_ = t;
  return std::nullopt;
}

core::ScreenReport ScreenshotPlan::release(bool withFrame, Clock::time_point t) {
  core::ScreenReport r = std::move(*held_);
  held_.reset();
  if (withFrame) {
    wanted_ = false;
    taken_ = true;
    lastShot_ = t;
  }
  return r;
}

std::optional<ScreenshotPlan::Clock::time_point> ScreenshotPlan::deadline() const {
  if (!held_) return std::nullopt;
  return heldSince_ + wait_;
}

}  // namespace sf::player
