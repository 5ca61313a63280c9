// The rules for replacing the feed a screen plays: only a valid feed of a newer revision wins,
// and a clock that cannot be trusted silences "now" and "next" rather than telling wrong times.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "core/base/time.hpp"

namespace sf::core {

enum class SwapDecision {
  Accept,        // newer revision, or a different feed the screen was pointed at
  SameRevision,  // nothing new (a CDN may serve the same revision again)
  Older,         // a rollback or a stale cache node: refused
  TooFarAhead,   // a jump no run of publications makes (a typo, or a feed made to lock screens out)
  OtherFeed,     // another feed id where the screen follows one only: refused
};

// Revisions are JSON-safe integers, so every tool reads them exactly and none overflows.
inline constexpr std::int64_t kMaxRevision = (std::int64_t{1} << 53) - 1;
inline constexpr std::int64_t kMaxRevisionJump = 1'000'000;

struct FeedIdentity {
  std::string id;
  std::int64_t revision = 0;
};

// `sameFeedOnly`: the screen follows only the feed it plays (set with a public key, so a signed
// feed of another event cannot be replayed in between to make an older revision count as new).
SwapDecision decideSwap(const std::optional<FeedIdentity>& current, const FeedIdentity& candidate,
                        bool sameFeedOnly = false);
std::string describe(SwapDecision d, const std::optional<FeedIdentity>& current, const FeedIdentity& candidate);

struct ClockEvidence {
  Instant feedGenerated{};               // the feed says it was made then
  std::optional<Instant> serverDate;      // HTTP Date of the last response
  std::optional<Instant> localAtReceipt;  // our clock when that response arrived
};

inline constexpr std::chrono::minutes kClockTolerance{5};

// False when the clock is far from the server's clock or, without a server's Date to go by,
// before the feed was generated. A server's Date that agrees with the clock outweighs a feed
// stamped in the future: then the clock of the machine that made the feed runs fast, not ours.
bool clockPlausible(Instant now, const ClockEvidence& e);

// Plain words when `generated` lies more than the tolerance after `reference` (the clock named
// by `whose`), else "": a publishing machine whose clock runs fast.
std::string describeFutureGenerated(Instant generated, Instant reference, const std::string& whose);

}  // namespace sf::core
