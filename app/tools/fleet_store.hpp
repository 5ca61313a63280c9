// The collector's memory of the fleet in SQLite: one row per screen with its latest report, and
// a bounded history of each screen's faults and revisions. Writes are transactions in WAL mode.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/base/time.hpp"
#include "core/show/fleet_report.hpp"

struct sqlite3;

namespace sf::tools {

// The latest screenshot of a screen, as the page links it: the bytes stay in the database.
struct ShotMeta {
  std::string id;    // shotId(screen): what the URL names, never the screen's own text
  std::string type;  // "png" or "jpeg"
  int width = 0, height = 0;
  core::Instant at{};  // when it arrived
};

struct StoredShot {
  std::string type;
  std::string bytes;
};

// A screen's screenshot id: 16 hex digits of the name's SHA-256, so a URL holds no screen text.
std::string shotId(const std::string& screen);

struct ScreenRow {
  core::ScreenReport report;
  std::string address;      // where the last report came from
  core::Instant firstSeen{};
  core::Instant lastSeen{};
  bool wasOnline = true;    // as last told to the webhook/log: changes are found by comparing
  std::optional<ShotMeta> shot;  // the latest screenshot, if the screen ever sent one
  std::string key;          // the public key its reports are signed with, pinned; empty: unsigned
};

struct FleetEvent {
  std::string screen;
  core::Instant at{};
  std::string kind;    // "revision", "fault", "recovered", "offline", "online"
  std::string detail;
};

class FleetStore {
 public:
  // Opens (creating) the database; a file that is not one of ours is refused.
  static core::Result<std::unique_ptr<FleetStore>> open(const std::string& path);
  ~FleetStore();
  FleetStore(const FleetStore&) = delete;
  FleetStore& operator=(const FleetStore&) = delete;

  // The newest report of a screen, with its history entries, in one transaction. A new screen
  // beyond `maxScreens` is refused (kind "full"): a holder of the token cannot fill the disk.
  // A report's screenshot (checked by the caller, with its size) replaces the screen's last one
  // in the same transaction; a report without one keeps it.
  // `key` is the public key whose signature the caller checked (empty: unsigned). The first
  // signed report pins the screen to its key; afterwards a report of that screen without it
  // (kind "unsigned"), with another key ("other-key") or not newer than the last ("replay") is
  // refused.
  core::Result<void> record(const core::ScreenReport& report, const std::string& address, core::Instant now,
                            int shotWidth = 0, int shotHeight = 0, const std::string& key = {});
  // Lets a reinstalled screen pin its new key: false when no such screen is known.
  core::Result<bool> forgetKey(const std::string& screen, core::Instant now);
  // The latest screenshot of the screen with this shotId(), if any.
  core::Result<std::optional<StoredShot>> shot(const std::string& id);
  // Every screen, in name order.
  core::Result<std::vector<ScreenRow>> screens();
  // Each screen's name, last report, beat and online flag, without reading its report: what the
  // once-a-second offline sweep needs, at a fraction of screens()'s cost.
  struct Presence {
    std::string screen;
    core::Instant lastSeen{};
    int seconds = 60;
    bool online = true;
  };
  core::Result<std::vector<Presence>> presence();
  // The newest history entries of one screen (or all with an empty name), newest first.
  core::Result<std::vector<FleetEvent>> history(const std::string& screen, int limit);
  // Notes a screen going offline or coming back (for the history and the page).
  core::Result<void> setOnline(const std::string& screen, bool online, core::Instant now);

  std::size_t maxScreens = 5000;
  int historyPerScreen = 50;

 private:
  FleetStore() = default;
  core::Result<void> exec(const char* sql);
  core::Result<void> addEvent(const std::string& screen, core::Instant at, const std::string& kind, const std::string& detail);

  sqlite3* db_ = nullptr;
  std::mutex mutex_;
};

}  // namespace sf::tools
