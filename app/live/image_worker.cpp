// The image worker's loop: one picture at a time, off the UI thread. A picture that could not be
// fetched waits its backoff (or the network's return) and is asked for again; one refused for
// what it is (a bomb, no image) is not.
#include "image_worker.hpp"

#include <algorithm>
#include <cmath>

namespace sf::live {

ImageWorker::ImageWorker(Options options, WorkerQueue& out)
    : options_(std::move(options)), loader_(options_), out_(out), rng_(std::random_device{}()) {
  thread_ = std::thread([this] { run(); });
}

ImageWorker::~ImageWorker() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void ImageWorker::request(const std::string& src, const std::string& feedUrl) {
  {
    std::lock_guard lock(mutex_);
    if (!wanted_.try_emplace(src, Wanted{feedUrl}).second) return;
    jobs_.push_back(src);
  }
  wake_.notify_one();
}

void ImageWorker::retryNow() {
  {
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    for (auto& [src, w] : wanted_)
      if (!w.settled && w.failures > 0) w.due = now;
  }
  wake_.notify_one();
}

std::chrono::steady_clock::time_point ImageWorker::queueDue(std::chrono::steady_clock::time_point now) {
  auto next = std::chrono::steady_clock::time_point::max();
  for (auto& [src, w] : wanted_) {
    if (w.settled || w.failures == 0) continue;  // loaded, refused, or queued already
    if (w.due <= now) {
      if (std::find(jobs_.begin(), jobs_.end(), src) == jobs_.end()) jobs_.push_back(src);
      w.due = std::chrono::steady_clock::time_point::max();  // until this attempt settles
    } else {
      next = std::min(next, w.due);
    }
  }
  return next;
}

bool ImageWorker::settle(const std::string& src, const core::Result<platform::DecodedImage>& loaded) {
  Wanted& w = wanted_[src];
  if (loaded || loaded.error().kind != "retry") {
    w.settled = true;
    return true;
  }
  ++w.failures;
  const double first = std::chrono::duration<double>(options_.firstRetry).count();
  const double longest = std::chrono::duration<double>(options_.longestRetry).count();
  const double wait = std::min(longest, first * std::pow(2.0, std::min(w.failures - 1, 30))) *
                      std::uniform_real_distribution<double>(0.8, 1.2)(rng_);
  w.due = std::chrono::steady_clock::now() + std::chrono::microseconds(static_cast<long long>(wait * 1e6));
  const bool news = loaded.error().message != w.lastError;  // a retry that fails alike changes nothing
  w.lastError = loaded.error().message;
  return news;
}

void ImageWorker::run() {
  while (true) {
    std::string src, feedUrl;
    {
      std::unique_lock lock(mutex_);
      while (!stop_) {
        const auto next = queueDue(std::chrono::steady_clock::now());
        if (!jobs_.empty()) break;
        if (next == std::chrono::steady_clock::time_point::max()) wake_.wait(lock);
        else wake_.wait_until(lock, next);
      }
      if (stop_) return;
      src = std::move(jobs_.front());
      jobs_.pop_front();
      feedUrl = wanted_[src].feedUrl;
    }
    auto loaded = loader_.load(src, feedUrl);
    bool tell = false;
    {
      std::lock_guard lock(mutex_);
      tell = settle(src, loaded);
    }
    if (!tell) continue;
    ImageReady r;
    r.src = src;
    if (loaded) {
      r.width = loaded->width;
      r.height = loaded->height;
      r.rgba = std::move(loaded->rgba);
    } else {
      r.error = loaded.error().message;
    }
    out_.push(WorkerMessage{std::move(r)});
  }
}

}  // namespace sf::live
