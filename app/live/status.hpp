// What a screen reports about its feed: the status fields that describe the playing feed, and
// status.json for monitoring, written atomically and only as often as its content needs.
#pragma once
#include <chrono>
#include <string>

#include "core/base/result.hpp"
#include "core/feed/model.hpp"
#include "core/show/config.hpp"
#include "feed_worker_status.hpp"

namespace sf::live {

std::string originName(FeedOrigin o);
// The package's version, as the status page, status.json and the fleet report name it.
const char* packageVersion();

// The one place the status learns which feed plays and where it came from.
void showFeed(FeedStatus& status, const core::Feed& feed, FeedOrigin origin);

// The status as JSON, for status.json and the status page.
std::string statusJson(const FeedStatus& s, const core::Config& config, double fps, std::chrono::seconds uptime,
                       bool screenDark = false);

// status.json at the configured path. Monitoring reads it; an SD card wears with every write and
// every fsync wakes the machine, so `update` rewrites it when something in it matters (revision,
// fault, origin, the screen's darkness …) and otherwise once a minute, to keep its times fresh.
class StatusFile {
 public:
  explicit StatusFile(const core::Config& config);

  // Returns the content without clock readings: it changes exactly when the content matters.
  std::string update(const FeedStatus& s, double fps, bool screenDark);
  // Writes now, whatever was written before (screens without a feed worker).
  core::Result<void> write(const FeedStatus& s, double fps, bool screenDark);

 private:
  core::Config config_;
  std::string path_;
  std::chrono::steady_clock::time_point started_;
  std::string lastKey_;  // the content without clock readings, as last written
  std::chrono::steady_clock::time_point lastWrite_{};
  std::string lastError_;
};

}  // namespace sf::live
