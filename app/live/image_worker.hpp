// Images named by the feed are fetched, checked and decoded on a worker thread (ImageLoader) and
// handed to the UI as pixels; failures come back as reasons.
#pragma once
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "image_loader.hpp"
#include "worker_messages.hpp"

namespace sf::live {

class ImageWorker {
 public:
  using Options = ImageLoader::Options;

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

  ImageLoader loader_;
  WorkerQueue& out_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;
  std::set<std::string> asked_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace sf::live
