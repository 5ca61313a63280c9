// `schaufenster sync`: keeps a published feed in step with the schedules it is built from. Each
// round asks the due sources with conditional requests, imports what changed, merges it into the
// organiser's base feed and publishes a signed revision when the result differs from the current
// one; invalid results are never published and suspicious ones wait for `--accept`.
#pragma once
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/base/result.hpp"
#include "core/import/sync_rules.hpp"
#include "platform/crypto.hpp"

namespace sf::tools {

struct RoundReport {
  bool published = false;
  std::int64_t revision = 0;
  int errors = 0;     // sources that could not be read or imported, or a failed merge or publication
  int heldBack = 0;   // sources waiting for --accept
};

class SyncService {
 public:
  using Log = std::function<void(const std::string&)>;
  // `config` as parsed, with paths already resolved; `configPath` only names it in messages.
  SyncService(core::SyncConfig config, std::string configPath, Log log);

  // Checks the sources due now (every source when `all`), then merges and publishes if the
  // result changed. State and status are saved at the end, under a lock shared with any other
  // `sync` process on the same state folder. An error here is one that stops the round (the
  // state cannot be read or locked); a source's trouble is reported in the status instead.
  core::Result<RoundReport> round(bool all);

  // Marks `sourceId`'s held-back copy as accepted: the next round publishes it. Fails when the
  // source is unknown or nothing is held back.
  core::Result<void> accept(const std::string& sourceId);

  // When the next source falls due.
  std::chrono::steady_clock::time_point nextDue() const;

  std::string statePath() const { return config_.stateDir + "/sync-state.json"; }
  std::string statusPath() const { return config_.stateDir + "/sync-status.json"; }

 private:
  core::SyncConfig config_;
  std::string configPath_;
  Log log_;
  std::map<std::string, std::chrono::steady_clock::time_point> due_;
};

}  // namespace sf::tools
