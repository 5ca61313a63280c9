// The rules for replacing the feed a screen plays: only a valid feed of a newer revision wins,
// and a clock that cannot be trusted silences "now" and "next" rather than telling wrong times.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "time.hpp"

namespace sf::core {

enum class SwapDecision {
  Accept,        // newer revision, or a different feed the screen was pointed at
  SameRevision,  // nothing new (a CDN may serve the same revision again)
  Older,         // a rollback or a stale cache node: refused
};

struct FeedIdentity {
  std::string id;
  std::int64_t revision = 0;
};

SwapDecision decideSwap(const std::optional<FeedIdentity>& current, const FeedIdentity& candidate);
std::string describe(SwapDecision d, const std::optional<FeedIdentity>& current, const FeedIdentity& candidate);

struct ClockEvidence {
  Instant feedGenerated{};               // the feed says it was made then
  std::optional<Instant> serverDate;      // HTTP Date of the last response
  std::optional<Instant> localAtReceipt;  // our clock when that response arrived
};

inline constexpr std::chrono::minutes kClockTolerance{5};

// False when the clock is before the feed was generated or far from the server's clock.
bool clockPlausible(Instant now, const ClockEvidence& e);

}  // namespace sf::core
