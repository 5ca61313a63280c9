// Swap and clock rules, kept pure so the worker, the player and the tests share one truth.
// Tolerances are generous: a CDN's Date header or a feed tool's clock may be a little off.
#include "core/feed/update.hpp"

namespace sf::core {

SwapDecision decideSwap(const std::optional<FeedIdentity>& current, const FeedIdentity& candidate, bool sameFeedOnly) {
  if (!current) return SwapDecision::Accept;
  if (current->id != candidate.id)  // re-pointed to another feed, unless the screen follows one only
    return sameFeedOnly ? SwapDecision::OtherFeed : SwapDecision::Accept;
  if (candidate.revision > current->revision)
    return candidate.revision - current->revision > kMaxRevisionJump ? SwapDecision::TooFarAhead : SwapDecision::Accept;
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
    case SwapDecision::TooFarAhead:
      return "refused revision " + std::to_string(candidate.revision) + ", more than " + std::to_string(kMaxRevisionJump) +
             " ahead of the " + std::to_string(current ? current->revision : 0) +
             " playing; publish with a revision closer to it, or clear the screen's cache to start anew";
    case SwapDecision::OtherFeed:
      return "refused feed \"" + candidate.id + "\": this screen follows \"" + (current ? current->id : std::string()) +
             "\" only (with a public key, a screen changes feeds when its configured address changes)";
  }
  return {};
}

bool clockPlausible(Instant now, const ClockEvidence& e) {
  if (e.serverDate && e.localAtReceipt) {
    const auto skew = *e.localAtReceipt - *e.serverDate;
    return skew <= kClockTolerance && skew >= -kClockTolerance;
  }
  return now + kClockTolerance >= e.feedGenerated;
}

std::string describeFutureGenerated(Instant generated, Instant reference, const std::string& whose) {
  if (generated <= reference + kClockTolerance) return {};
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(generated - reference).count();
  return "the feed says it was generated at " + formatInstant(generated, TimeZone::utc()) + ", " + std::to_string(minutes) +
         " min after " + whose + ": the clock of the machine that made it probably runs fast";
}

}  // namespace sf::core
