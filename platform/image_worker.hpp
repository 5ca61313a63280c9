// Images named by the feed are fetched, checked and decoded on a worker thread, kept on disk by
// content hash under a size cap, and handed to the UI as pixels; failures come back as reasons.
#pragma once
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "http.hpp"
#include "image_decode.hpp"
#include "worker_messages.hpp"

namespace sf::platform {

class ImageWorker {
 public:
  struct Options {
    std::string cacheDir;  // images go to <cacheDir>/images
    std::size_t cacheBytes = 64u << 20;
    ImageLimits limits;
    FetchRequest tuning;  // timeouts for image downloads; url and maxBytes are set per image
  };

  ImageWorker(Options options, WorkerQueue& out);
  ~ImageWorker();
  ImageWorker(const ImageWorker&) = delete;
  ImageWorker& operator=(const ImageWorker&) = delete;

  // Asks for `src` as the feed names it (a URL, or a path relative to the feed's URL).
  // Each src is loaded once; asking again is free.
  void request(const std::string& src, const std::string& feedUrl);

 private:
  struct Job {
    std::string src, feedUrl;
  };
  void run();
  ImageReady load(const Job& job);
  std::string cached(const std::string& url);
  void store(const std::string& url, const std::string& bytes);

  Options options_;
  WorkerQueue& out_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;
  std::set<std::string> asked_;
  bool stop_ = false;
  std::thread thread_;
};

// Resolves an image reference against the feed's URL ("" when it cannot be resolved).
std::string resolveImageUrl(const std::string& src, const std::string& feedUrl);

}  // namespace sf::platform
