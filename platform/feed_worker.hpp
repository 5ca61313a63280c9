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

#include "core/show/config.hpp"
#include "core/feed/update.hpp"
#include "core/feed/model.hpp"
#include "feed_cache.hpp"
#include "http.hpp"
#include "worker_messages.hpp"

namespace sf::platform {

struct StartupFeed {
  std::shared_ptr<const core::Feed> feed;  // never null: the embedded feed is the last resort
  FeedStatus status;
  std::string warning;  // why the cache or the configured file was not used
  bool cacheBehind = false;  // the feed plays from a local file newer than the cache
  bool fromConfiguredFeed = false;  // it came from the configured address (file, or cache of it)
};

// Before the first frame: a local feed file (validated, verified when a key is configured and
// not older than the cache), else the cached feed (validated and verified), else the embedded
// default. Synchronous; takes about a millisecond for a typical feed.
StartupFeed loadStartupFeed(const core::Config& config);

class FeedWorker {
 public:
  using Clock = std::function<core::Instant()>;

  // `limits` sets timeouts and sizes for every request (its url is ignored); tests shorten them.
  // `fullFetchEvery` bounds how long a change can stay unseen behind a server whose validators
  // wrongly say "unchanged": at least that often the feed is fetched without them.
  FeedWorker(core::Config config, const StartupFeed& startup, WorkerQueue& out, Clock clock = {},
             FetchRequest limits = {}, std::chrono::milliseconds fullFetchEvery = std::chrono::minutes{1});
  ~FeedWorker();  // stops the thread and waits for it
  FeedWorker(const FeedWorker&) = delete;
  FeedWorker& operator=(const FeedWorker&) = delete;

  void pollNow();                       // skip the wait (e.g. an organiser's gesture)
  void setFrameRate(double fps) { fps_.store(fps); }
  // Dark by the screen's off times: monitoring must not take a dark screen for a broken one.
  void setScreenDark(bool dark) { screenDark_.store(dark); }

 private:
  void run();
  void pollOnce();
  void fail(const std::string& fault, const std::string& message);
  void publish(std::shared_ptr<const core::Feed> feed);
  // Writes the feed to the cache, or keeps it to try again at the next poll.
  void keep(CachedFeed feed);
  // A good answer: clears the fault, unless the cache still cannot be written.
  void succeeded(core::Instant started, bool retrySave);
  // Writes status.json when it matters; returns its content without clock readings.
  std::string writeStatusFile();
  bool waitFor(std::chrono::milliseconds delay);

  core::Config config_;
  std::string url_;
  WorkerQueue& out_;
  Clock clock_;
  FetchRequest limits_;
  std::optional<core::FeedIdentity> current_;
  FeedStatus status_;
  std::string etag_, lastModified_;
  std::size_t lastBodyHash_ = 0;
  std::chrono::milliseconds fullFetchEvery_{std::chrono::minutes{1}};
  std::chrono::steady_clock::time_point lastFullFetch_{};  // the last answer with a body
  bool cacheBehind_ = false;  // the playing feed is not yet in the cache
  std::optional<CachedFeed> unsaved_;  // the playing feed, while the cache cannot be written
  std::string cacheError_, statusFileError_;
  std::string waitingFault_;  // the fault the waiting page shows
  bool sameFeedOnly_ = false;  // with a public key: the feed id is fixed once one came from the URL
  std::chrono::steady_clock::time_point started_;
  std::atomic<double> fps_{0};
  std::atomic<bool> screenDark_{false};
  std::string lastStatusKey_;  // status.json's content without its clock readings, as last written
  std::string lastPushedKey_;  // the same, as last handed to the UI with a wake-up
  std::chrono::steady_clock::time_point lastStatusWrite_{};

  std::mutex mutex_;
  std::condition_variable wakeUp_;
  bool stop_ = false;
  bool pollRequested_ = false;
  std::thread thread_;
};

// The status as JSON, for status.json and the status page.
std::string statusJson(const FeedStatus& s, const core::Config& config, double fps, std::chrono::seconds uptime,
                       bool screenDark = false);
std::string originName(FeedOrigin o);

}  // namespace sf::platform
