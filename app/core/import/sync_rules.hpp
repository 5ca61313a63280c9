// The rules of `schaufenster sync` that need no network or files: reading its config, and when
// an import looks too suspicious to publish without the organiser's word (`--accept`).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostic.hpp"

namespace sf::core {

inline constexpr int kSyncDefaultPollSeconds = 300;  // five minutes, as schedules change
inline constexpr int kSyncLivePollSeconds = 30;      // a source marked live: changes during the event

struct SyncSource {
  std::string id;        // prefix of the imported ids, and what `--accept` names
  std::string location;  // a URL (http, https, file) or a path
  std::string format = "auto";
  int pollSeconds = kSyncDefaultPollSeconds;
  bool live = false;
  bool includeBreaks = true;
};

struct SyncConfig {
  std::string baseFeed;   // the organiser's own feed: projects, playlist, hand-written items
  std::string key;        // key file from `schaufenster keygen`; empty: unsigned releases
  std::string publishTo;  // the published folder (as `publish --to`)
  std::string stateDir;   // empty: the caller's default
  int keep = 10;          // releases kept
  std::vector<SyncSource> sources;
};

struct SyncConfigResult {
  std::optional<SyncConfig> config;  // set when there are no errors
  Diagnostics diagnostics;           // by JSON pointer; no file name: the caller adds it
};

// Paths are returned as written; the caller resolves relative ones against the config's folder.
SyncConfigResult parseSyncConfig(std::string_view text);

struct Suspicion {
  bool suspicious = false;
  std::string reason;  // "returns no events (it had 42)", for the status file and the log
};

// An import is suspicious when the source had items before (`previous`: the count last accepted;
// none for a first import) and now has none, or has lost more than half of them. `what` names
// the items ("events", "projects").
Suspicion judgeImportCount(std::optional<std::size_t> previous, std::size_t now, std::string_view what);

}  // namespace sf::core
