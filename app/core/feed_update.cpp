// Swap and clock rules, kept pure so the worker, the player and the tests share one truth.
// Tolerances are generous: a CDN's Date header or a feed tool's clock may be a little off.
#include "feed_update.hpp"

namespace sf::core {

SwapDecision decideSwap(const std::optional<FeedIdentity>& current, const FeedIdentity& candidate) {
  if (!current) return SwapDecision::Accept;
  if (current->id != candidate.id) return SwapDecision::Accept;  // re-pointed to another feed
  if (candidate.revision > current->revision) return SwapDecision::Accept;
  if (candidate.revision == current->revision) return SwapDecision::SameRevision;
  return SwapDecision::Older;
}

std::string describe(SwapDecision d, const std::optional<FeedIdentity>& current, const FeedIdentity& candidate) {
  switch (d) {
    case SwapDecision::Accept:
      return current ? "revision " + std::to_string(candidate.revision) + " replaces " + std::to_string(current->revision)
                     : "revision " + std::to_string(candidate.revision) + " loaded";
    case SwapDecision::SameRevision: return "revision " + std::to_string(candidate.revision) + " is already playing";
    case SwapDecision::Older:
      return "refused revision " + std::to_string(candidate.revision) + ", older than the " +
             std::to_string(current ? current->revision : 0) + " playing (stale server or rollback)";
  }
  return {};
}

bool clockPlausible(Instant now, const ClockEvidence& e) {
  if (now + kClockTolerance < e.feedGenerated) return false;
  if (e.serverDate && e.localAtReceipt) {
    const auto skew = *e.localAtReceipt - *e.serverDate;
    if (skew > kClockTolerance || skew < -kClockTolerance) return false;
  }
  return true;
}

}  // namespace sf::core
