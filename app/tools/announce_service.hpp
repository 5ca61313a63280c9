// Announcing into a served feed, shared by `announce` and the console: the organiser's feed file
// is edited and the result published as the next (signed) release, which the screens poll.
#pragma once
#include <chrono>
#include <optional>
#include <string>

#include "core/base/result.hpp"
#include "core/base/time.hpp"
#include "core/feed/edit.hpp"
#include "publish_feed.hpp"

namespace sf::tools {

// Where announcements go: the organiser's feed file and the published folder, with the key that
// signs its releases.
struct FeedPlace {
  std::string feedFile;
  std::string dir;
  std::optional<platform::KeyPair> keys;
  std::string keyName;  // the key file, for messages
  int keep = 10;
};

// How long an open announcement lasts unless ended: long enough for any event, short enough that
// a forgotten one does not outlive it by years.
inline constexpr std::chrono::days kOpenAnnouncement{30};

// "45m", "2h", "1h30m", "90s", "1d": a duration; nothing for anything else.
std::optional<std::chrono::seconds> parseDuration(const std::string& s);
// A moment as organisers type it: "14:30" (today in the venue's zone), "2024-06-15T14:30" or
// with an offset.
std::optional<core::Instant> parseMoment(const std::string& s, const core::TimeZone& zone, core::Instant now);
// When an announcement starting at `start` ends: a duration after it, "open" (30 days), or a moment.
std::optional<core::Instant> parseUntil(const std::string& until, core::Instant start, const core::TimeZone& zone, core::Instant now);

// Adds (or replaces, by id) `a` in the feed file and publishes the file as the next release.
core::Result<Published> announceAndPublish(const FeedPlace& place, const core::NewAnnouncement& a, core::Instant now);

struct Ended {
  bool inRelease = false;             // the published feed had it (and was republished)
  std::optional<Published> published;  // the release made, if one was
};
// Ends `id` in the feed file and in the current release, so that neither a publish of the file
// nor the screens bring it back. Errors name the file; an unknown id lists the ids there are.
core::Result<Ended> endAndPublish(const FeedPlace& place, const std::string& id, core::Instant now);

}  // namespace sf::tools
