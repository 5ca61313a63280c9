// Announcing into a served feed, shared by `announce` and the console: the current release gets
// the message and goes out as the next (signed) release; the organiser's feed file keeps it too.
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

struct Announced : Published {
  bool firstRelease = false;  // nothing was published before: the feed file went out with it
  std::string draftProblem;   // on the screens, but the feed file could not take it (why), or empty
};
// Adds (or replaces, by id) `a` in the current release and publishes that as the next release,
// so an organiser's unpublished edits in the feed file stay unpublished; then adds it to the feed
// file too, so a later publish keeps it. With nothing published yet, the file goes out with it.
core::Result<Announced> announceAndPublish(const FeedPlace& place, const core::NewAnnouncement& a, core::Instant now,
                                           const ReleaseOrigin& origin = {"", "announce", ""});

struct Ended {
  bool inRelease = false;             // the published feed had it (and was republished)
  std::optional<Published> published;  // the release made, if one was
};
// Ends `id` in the feed file and in the current release, so that neither a publish of the file
// nor the screens bring it back. Errors name the file; an unknown id lists the ids there are.
core::Result<Ended> endAndPublish(const FeedPlace& place, const std::string& id, core::Instant now,
                                  const ReleaseOrigin& origin = {"", "announce", ""});

}  // namespace sf::tools
