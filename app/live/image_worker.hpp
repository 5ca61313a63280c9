// Images named by the feed are fetched, checked and decoded on a worker thread (ImageLoader),
// handed to the UI as pixels, and asked for again, with backoff, while they cannot be had.
#pragma once
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include "image_loader.hpp"
#include "worker_messages.hpp"

namespace sf::live {

class ImageWorker {
 public:
  struct Options : ImageLoader::Options {
    // A picture that could not be fetched (a screen that boots before its Wi-Fi) is asked for
    // again after this, doubling up to longestRetry, with jitter so a fleet spreads out.
    std::chrono::milliseconds firstRetry = std::chrono::seconds{5};
    std::chrono::milliseconds longestRetry = std::chrono::minutes{5};
  };

  ImageWorker(Options options, WorkerQueue& out);
  ~ImageWorker();
  ImageWorker(const ImageWorker&) = delete;
  ImageWorker& operator=(const ImageWorker&) = delete;

  // Asks for `src` as the feed names it (a URL, or a path relative to the feed's URL). Each src
  // is loaded once; asking again is free. The UI hears of a src when it loads, and of a failure
  // when it first fails or fails for another reason, not at every retry.
  void request(const std::string& src, const std::string& feedUrl);
  // The network is back (a feed fetch succeeded after failing): every picture still missing is
  // asked for now rather than at the end of its backoff.
  void retryNow();

 private:
  struct Wanted {
    std::string feedUrl;
    int failures = 0;  // fetch failures in a row; retried while > 0
    bool settled = false;  // loaded, or refused for good
    std::chrono::steady_clock::time_point due{};
    std::string lastError;  // as last told to the UI
  };
  void run();
  // Under the lock: srcs whose retry is due go to the queue; returns the next moment one is due.
  std::chrono::steady_clock::time_point queueDue(std::chrono::steady_clock::time_point now);
  // Under the lock: what the load of `src` means for its retries and for the UI.
  bool settle(const std::string& src, const core::Result<platform::DecodedImage>& loaded);

  Options options_;
  ImageLoader loader_;
  WorkerQueue& out_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::string> jobs_;  // srcs to load now
  std::map<std::string, Wanted> wanted_;  // every src ever asked for
  std::mt19937 rng_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace sf::live
