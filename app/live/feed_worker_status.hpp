// The feed's state as the worker sees it: where the content came from, the last fetch and
// fault. Shared by the worker, the messages it sends and the status page.
#pragma once
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "core/feed/update.hpp"
#include "core/feed/model.hpp"

namespace sf::live {

// Waiting: a feed is configured but has never arrived; the screen shows its own waiting page.
enum class FeedOrigin { Embedded, Cache, Network, Waiting };

// What organisers see on the status page and in status.json.
struct FeedStatus {
  std::string feedUrl;  // empty: no feed configured, the embedded one plays
  FeedOrigin origin = FeedOrigin::Embedded;
  std::string feedId;
  std::int64_t revision = 0;
  core::Instant generated{};
  std::optional<core::Instant> lastFetch;    // last attempt
  std::optional<core::Instant> lastSuccess;  // last answer that was good (new, same or 304)
  std::optional<core::Instant> lastChange;   // last time a new revision was taken
  std::string fault;      // machine-readable: "", "network", "timeout", "http", "tls", "too-large", "truncated", "redirects", "invalid-feed", "older-revision", "revision-jump", "other-feed", "signature", "cache"
  std::string lastError;  // plain words; empty when the last attempt was fine
  int consecutiveFailures = 0;
  std::chrono::seconds nextPollIn{0};
  std::size_t cacheBytes = 0;
  core::ClockEvidence clock;
  // The announcements on the glass, by id; empty: none. Lets monitoring (and tests) tell which
  // message a screen shows without looking at it.
  std::string showingTakeover;  // an important one or an emergency over the whole screen
  std::string showingBanner;    // an info banner over the rotation
};

struct FeedUpdate {
  std::shared_ptr<const core::Feed> feed;  // a feed to play now, or null for a status change only
  FeedStatus status;
};

}  // namespace sf::live
