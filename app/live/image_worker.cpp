// The image worker's loop: one picture at a time, off the UI thread, through the one loader that
// `render` uses too.
#include "image_worker.hpp"

namespace sf::live {

ImageWorker::ImageWorker(Options options, WorkerQueue& out) : loader_(std::move(options)), out_(out) {
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
    if (!asked_.insert(src).second) return;
    jobs_.push_back({src, feedUrl});
  }
  wake_.notify_one();
}

void ImageWorker::run() {
  while (true) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stop_ || !jobs_.empty(); });
      if (stop_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    ImageReady r;
    r.src = job.src;
    if (auto loaded = loader_.load(job.src, job.feedUrl)) {
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
