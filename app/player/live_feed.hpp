// The player's side of the live feed: owns the one worker queue, the feed and image workers, and
// applies what arrives on the UI thread between frames. Views never see workers or locks.
#pragma once
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/show/config.hpp"
#include "live/feed_worker.hpp"
#include "live/image_worker.hpp"
#include "live/reporter.hpp"
#include "live/startup.hpp"
#include "live/status.hpp"
#include "views/views.hpp"

namespace sf::player {

class LiveFeed {
 public:
  // With `network` false (benchmarks, tests) no worker runs and the startup feed stays.
  // Feeds arrive finished (core::finishFeed): the startup feed from live::loadStartupFeed, later
  // ones from the feed worker, so nothing is parsed or fitted on this thread.
  LiveFeed(const core::Config& config, live::StartupFeed startup, std::function<void()> wake, bool network);

  const std::shared_ptr<const core::Feed>& feed() const { return feed_; }
  const live::FeedStatus& status() const { return status_; }

  struct Changes {
    bool feed = false;    // a new feed replaced the playing one
    bool status = false;  // fetch status changed (the status page may show it)
    bool images = false;  // decoded images wait in readyImages()
    bool reportDue = false;  // the reporter asks for a snapshot (sendReport)
    live::ReportDue due;     // with reportDue: whether a screenshot is worth making
  };
  // Applies everything the workers sent since the last call. Allocates nothing when idle.
  Changes drain();
  void setFrameRate(double fps);
  void setScreenDark(bool dark);
  // The announcements on the glass changed (ids; empty: none): status.json names them.
  void setShowing(const std::string& takeover, const std::string& banner);
  // The UI's values for the fleet report the reporter asked for; the rest it adds itself. With a
  // frame (the pixels just drawn), the reporter makes a screenshot of it on its own thread.
  void sendReport(core::ScreenReport snapshot, std::optional<live::Frame> frame = {});
  // The first frame is on the glass. Without a feed worker (the built-in feed) status.json is
  // written here and when the screen darkens, so monitoring sees such a screen up, too.
  void screenUp();
  // Images the worker decoded since the last drain; the player turns them into textures and
  // clears the list.
  std::vector<live::ImageReady>& readyImages() { return ready_; }

 private:
  // Asks the image worker for every image the playing feed names (each src is loaded once).
  void requestImages();
  void writeOwnStatus();

  live::WorkerQueue queue_;
  std::deque<live::WorkerMessage> inbox_;
  std::shared_ptr<const core::Feed> feed_;
  live::FeedStatus status_;
  core::Config config_;
  live::StatusFile statusFile_;  // written here only without a feed worker
  std::unique_ptr<live::FeedWorker> worker_;
  std::unique_ptr<live::Reporter> reporter_;  // with a config "report" or "metricsTextfile" only
  std::unique_ptr<live::ImageWorker> images_;  // started with the first feed that names an image
  std::vector<live::ImageReady> ready_;
  bool network_ = false;
  bool dark_ = false;
};

// The status page's rows, in the screen's language.
// `images`: how many of the feed's images show, how many failed, and the first failure.
struct ImageSummary {
  std::size_t named = 0, loaded = 0, failed = 0;
  std::string firstError;
};
void statusRows(const live::FeedStatus& s, const core::Config& config, double fps, std::chrono::seconds uptime,
                core::Instant now, const std::string& lang, std::vector<views::StatusRow>& out,
                const ImageSummary& images = {});

}  // namespace sf::player
