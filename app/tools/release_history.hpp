// Who made each release, when, and what it changed against the one before: a small JSON file
// (release.json) beside the feed in every release folder, written with the release itself.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/time.hpp"
#include "core/feed/model.hpp"

namespace sf::tools {

// The name of the file in releases/<revision>/; `serve` never hands it out (only feed.json is
// served among JSON files), so organisers' names stay on this machine.
inline constexpr const char* kReleaseInfoFile = "release.json";

// Where a release came from: the console user (via "console"), or the command that made it
// ("publish", "sync", "announce"), and a note such as "rollback to r5".
struct ReleaseOrigin {
  std::string by;
  std::string via;
  std::string note;
};

// What a release changed against the release before it, in counts an organiser reads.
struct ReleaseCounts {
  int eventsAdded = 0, eventsMoved = 0, eventsCancelled = 0, eventsRemoved = 0, eventsEdited = 0;
  int announcementsAdded = 0, announcementsEnded = 0;
  bool otherContent = false;  // projects, playlist, theme, rooms … (anything but events and announcements)
  bool first = false;         // nothing was published before it
};

struct ReleaseInfo {
  std::int64_t revision = 0;
  bool known = false;  // false: an old release without release.json
  core::Instant at{};
  ReleaseOrigin origin;
  std::optional<std::int64_t> previous;
  ReleaseCounts counts;
};

// Counts by id: an announcement is added when it is on (not over at `now`) in `after` and was
// not on in `before`, or says something else now; ended when it was on and no longer is.
// `beforeJson`/`afterJson` (the feeds' texts) tell other content apart; `before` null: first.
ReleaseCounts countReleaseChanges(const core::Feed* before, const std::string& beforeText, const core::Feed& after,
                                  const std::string& afterText, core::Instant now);

std::string releaseInfoJson(const ReleaseInfo& info);
std::optional<ReleaseInfo> parseReleaseInfo(const std::string& text);

// Every kept release in `dir`, newest first, with its release.json when it has one.
std::vector<ReleaseInfo> releaseHistory(const std::string& dir);

// "rollback to r5" as written into a release's note, and the revision read back from one.
std::string rollbackNote(std::int64_t revision);
std::optional<std::int64_t> rollbackSource(const std::string& note);

}  // namespace sf::tools
