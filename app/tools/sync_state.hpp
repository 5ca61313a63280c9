// What `schaufenster sync` remembers between rounds and restarts (validators, the last accepted
// copy of each source, what is held back) and what it reports (the status file); both JSON,
// both written atomically, so a kill -9 leaves the old or the new file, never half of one.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/import/sync_rules.hpp"

namespace sf::tools {

struct SourceState {
  std::string etag, lastModified;   // of the accepted copy, for conditional requests
  std::string acceptedHash;         // of the accepted copy, kept as sources/<id>.src
  std::optional<std::size_t> acceptedCount;  // its events (or projects, announcements)
  std::string heldHash;             // a suspicious copy waiting for `--accept`; empty: none
  std::size_t heldCount = 0;
  std::string heldReason, heldSince;
  bool acceptNext = false;          // `--accept` was given: take the next copy whatever it holds
  std::string lastCheck, lastChange, lastError;  // UTC times as ISO text; the error in words
  std::string format;               // what the last import read it as
  std::string items = "events";     // what acceptedCount counts
};

struct SyncState {
  std::map<std::string, SourceState> sources;  // by source id
  std::string lastError;                        // the base feed, the merge or the publication
  std::int64_t lastRevision = 0;                // published by sync
  std::string lastPublished;                    // when
  std::vector<std::string> lastChanges;         // the change summary of that publication
};

// A missing file is a first start (an empty state); a damaged one is an error, since it may hold
// a held-back source that must not be published unasked.
core::Result<SyncState> loadSyncState(const std::string& path);
core::Result<void> saveSyncState(const std::string& path, const SyncState& state);

// The status file for monitoring: per source its location, last check, last change, last
// error, item count and whether it is held back (with the reason and the command to accept it).
std::string syncStatusJson(const SyncState& state, const core::SyncConfig& config, const std::string& configPath,
                           const std::string& now);

// A short content hash (BLAKE2b, hex), to tell copies of a source apart.
std::string contentHash(std::string_view text);

}  // namespace sf::tools
