// The live feed: a worker thread polls the feed URL, validates and verifies what it gets off the
// UI thread, keeps the last good feed on disk and hands new feeds and status to the UI.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/feed/model.hpp"
#include "core/feed/update.hpp"
#include "core/show/config.hpp"
#include "feed_cache.hpp"
#include "platform/http.hpp"
#include "startup.hpp"
#include "status.hpp"
#include "worker_messages.hpp"

namespace sf::live {

// How a feed worker polls; the defaults are a screen's, tests shorten them.
struct FeedWorkerTuning {
  std::function<core::Instant()> clock;  // the wall clock for the status' times; empty: the system's
  // Timeouts and sizes for every request (its url is ignored).
  platform::FetchRequest limits;
  // Bounds how long a change can stay unseen behind a server whose validators wrongly say
  // "unchanged": at least that often the feed is fetched without them.
  std::chrono::milliseconds fullFetchEvery = std::chrono::minutes{1};
  // Faults double the wait between polls up to this (and the network's return cuts it short).
  std::chrono::milliseconds longestBackoff = std::chrono::minutes{1};
};

class FeedWorker {
 public:
  using Tuning = FeedWorkerTuning;

  // Plays on from `startup` (what loadStartupFeed chose); polls only when a feed is configured.
  FeedWorker(core::Config config, const StartupFeed& startup, WorkerQueue& out, Tuning tuning = {});
  ~FeedWorker();  // stops the thread and waits for it
  FeedWorker(const FeedWorker&) = delete;
  FeedWorker& operator=(const FeedWorker&) = delete;

  void setFrameRate(double fps) { fps_.store(fps); }
  // Dark by the screen's off times: monitoring must not take a dark screen for a broken one.
  void setScreenDark(bool dark) { screenDark_.store(dark); }
  // The announcements the screen now shows (ids, empty: none). Called when they change, not per
  // frame; status.json learns them at once rather than at the next poll.
  void setShowing(std::string takeover, std::string banner);

 private:
  void run();
  void pollOnce();
  void fail(const std::string& fault, const std::string& message);
  void publish(std::shared_ptr<const core::Feed> feed);
  // Writes the feed to the cache, or keeps it to try again at the next poll.
  void keep(CachedFeed feed);
  // A good answer: clears the fault, unless the cache still cannot be written.
  void succeeded(core::Instant started, bool retrySave);
  void handOver();  // status.json and the UI learn the status after a poll
  bool waitFor(std::chrono::milliseconds delay);

  core::Config config_;
  std::string url_;
  WorkerQueue& out_;
  Tuning tuning_;
  std::optional<core::FeedIdentity> current_;
  FeedStatus status_;
  StatusFile statusFile_;
  std::string etag_, lastModified_;
  std::size_t lastBodyHash_ = 0;
  std::chrono::steady_clock::time_point lastFullFetch_{};  // the last answer with a body
  bool cacheBehind_ = false;  // the playing feed is not yet in the cache
  std::optional<CachedFeed> unsaved_;  // the playing feed, while the cache cannot be written
  std::string cacheError_;
  std::string waitingFault_;  // the fault the waiting page shows
  bool sameFeedOnly_ = false;  // with a public key: the feed id is fixed once one came from the URL
  std::atomic<double> fps_{0};
  std::atomic<bool> screenDark_{false};
  std::string lastPushedKey_;  // status.json's content without clock readings, as last handed to the UI with a wake-up

  std::mutex mutex_;
  std::condition_variable wakeUp_;
  bool stop_ = false;
  bool showingChanged_ = false;  // under mutex_: showing_ waits to be copied into status_
  std::string showingTakeover_, showingBanner_;  // under mutex_
  std::thread thread_;
};

}  // namespace sf::live
