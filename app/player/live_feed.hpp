// The player's side of the live feed: owns the one worker queue and the feed worker, and applies
// what arrives on the UI thread between frames. Views never see workers or locks.
#pragma once
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "platform/feed_worker.hpp"
#include "views/views.hpp"

namespace sf::player {

class LiveFeed {
 public:
  // With `network` false (benchmarks, tests) no worker runs and the startup feed stays.
  LiveFeed(const core::Config& config, platform::StartupFeed startup, std::function<void()> wake, bool network);

  const std::shared_ptr<const core::Feed>& feed() const { return feed_; }
  const platform::FeedStatus& status() const { return status_; }

  struct Changes {
    bool feed = false;    // a new feed replaced the playing one
    bool status = false;  // fetch status changed (the status page may show it)
  };
  // Applies everything the workers sent since the last call. Allocates nothing when idle.
  Changes drain();
  void setFrameRate(double fps);

 private:
  platform::WorkerQueue queue_;
  std::deque<platform::WorkerMessage> inbox_;
  std::shared_ptr<const core::Feed> feed_;
  platform::FeedStatus status_;
  core::Config config_;
  std::unique_ptr<platform::FeedWorker> worker_;
};

// The status page's rows, in the screen's language.
void statusRows(const platform::FeedStatus& s, const core::Config& config, double fps, std::chrono::seconds uptime,
                core::Instant now, const std::string& lang, std::vector<views::StatusRow>& out);

}  // namespace sf::player
