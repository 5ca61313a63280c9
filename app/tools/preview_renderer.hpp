// Previews for the console, drawn by the program itself in a child process (`render`/`preview`),
// since the tools link no display: one job at a time on a worker thread, each bounded in time,
// memory and CPU, its output in a private folder, results cached by content and bounded in size.
#pragma once
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "platform/bounded_process.hpp"

namespace sf::tools {

// What to draw. Everything here is part of the cache key, the feed's text included, so a new
// revision or an edited draft never shows an old picture.
struct PreviewJob {
  std::string feedText;    // the feed as drawn (a snapshot: the file may change meanwhile)
  std::string imagesFrom;  // the feed file's place: relative image paths are resolved from there
  std::string at;          // the moment, as `--at` takes it
  int width = 0, height = 0;
  std::string view = "rotation";  // "rotation" (every slide, `preview`) or a `render --view` name
  std::string room;               // render --room
  std::string lang;
  std::string configJson = "{}";  // the screen drawn as: name, groups, rooms
  // For the page only, not part of the key: which feed ("published", "draft", "announcement") and
  // whether the moment was "now".
  std::string source;
  bool atNow = false;
};

// A screen the fleet knows, as far as a preview needs it: how it is targeted and its size (from
// its last screenshot).
struct PreviewScreen {
  std::string name;
  std::vector<std::string> groups, rooms;
  int width = 0, height = 0;
};

enum class PreviewStatus { Unknown, Queued, Running, Done, Failed };

struct PreviewState {
  PreviewStatus status = PreviewStatus::Unknown;
  std::vector<std::string> images;  // file names in the job's folder, in order
  std::string error;                // why it failed, for the page
  std::optional<PreviewJob> job;    // what was asked (the feed text left out)
};

struct PreviewRendererOptions {
  std::string program;         // the schaufenster binary; empty: /proc/self/exe
  std::string cacheDir;        // empty: a new private folder under the temporary folder, removed at the end
  std::uint64_t maxCacheBytes = 96ull << 20;
  std::size_t maxQueue = 6;    // waiting jobs at most; more are refused (busy)
  platform::ProcessBounds bounds;
};

class PreviewRenderer {
 public:
  explicit PreviewRenderer(PreviewRendererOptions options);
  ~PreviewRenderer();
  PreviewRenderer(const PreviewRenderer&) = delete;
  PreviewRenderer& operator=(const PreviewRenderer&) = delete;

  bool usable() const { return !root_.empty(); }
  static std::string keyOf(const PreviewJob& job);  // 64 hex digits
  // The job's state; a job neither cached nor known is queued when `start` and the queue has room
  // (else its state stays Unknown: busy). A failed job is tried again when asked again with `start`.
  PreviewState request(const PreviewJob& job, bool start, bool* queued = nullptr);
  PreviewState state(const std::string& key);
  // An open descriptor on a finished job's image, or -1: the key must be 64 hex digits and the name
  // one the job wrote (so no name can leave the cache folder). Its size in `length`.
  int openImage(const std::string& key, const std::string& name, std::uint64_t& length);
  std::uint64_t cacheBytes();

 private:
  struct Entry {
    PreviewState state;
    std::uint64_t bytes = 0;
    std::uint64_t lastUse = 0;
  };
  void work();
  void runJob(const std::string& key, const PreviewJob& job);
  void evict();  // with mutex_ held

  PreviewRendererOptions o_;
  std::string root_;
  bool ownRoot_ = false;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::pair<std::string, PreviewJob>> queue_;
  std::map<std::string, Entry> entries_;
  std::uint64_t useCounter_ = 0, totalBytes_ = 0;
  bool stopping_ = false;
  std::thread worker_;
};

// A screen size "1920x1080" within what render accepts (200..8192), or nothing.
std::optional<std::pair<int, int>> parsePreviewSize(const std::string& s);
// A safe name for a file a job wrote: letters, digits, '-', '_' and one ".png" at the end.
bool isPreviewImageName(const std::string& name);

}  // namespace sf::tools
