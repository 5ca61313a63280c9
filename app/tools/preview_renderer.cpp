// The console's previews drawn in child processes: a worker thread takes one job at a time, runs
// `schaufenster preview|render` bounded, and keeps the pictures in a private cache folder whose
// size stays below a bound (least recently used first out). A crashed or slow child fails its job
// and nothing else.
#include "preview_renderer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "platform/crypto.hpp"
#include "platform/files.hpp"

namespace sf::tools {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxPreviewEntries = 256;  // jobs remembered, done or failed

bool isLowerHex64(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// The last non-empty line a failed child printed: what it says went wrong.
std::string lastOutputLine(const std::string& output) {
  std::string line, last;
  for (char c : output) {
    if (c == '\n' || c == '\r') {
      if (!line.empty()) last = line;
      line.clear();
    } else if (static_cast<unsigned char>(c) >= 0x20) {
      line += c;
    }
  }
  if (!line.empty()) last = line;
  return last.substr(0, 300);
}

std::vector<std::string> previewArguments(const std::string& program, const std::string& work, const PreviewJob& job) {
  const std::string size = std::to_string(job.width) + "x" + std::to_string(job.height);
  std::vector<std::string> a{program};
  if (job.view == "rotation") {
    a.insert(a.end(), {"preview", work + "/feed.json", "--sizes", size, "-o", work + "/out"});
  } else {
    a.insert(a.end(), {"render", "--feed", work + "/feed.json", "--size", size, "--view", job.view, "-o", work + "/out/frame.png"});
    if (!job.room.empty()) a.insert(a.end(), {"--room", job.room});
  }
  a.insert(a.end(), {"--at", job.at, "--config", work + "/config.json"});
  if (!job.lang.empty()) a.insert(a.end(), {"--lang", job.lang});
  if (!job.imagesFrom.empty()) a.insert(a.end(), {"--images-from", job.imagesFrom});
  return a;
}

}  // namespace

std::optional<std::pair<int, int>> parsePreviewSize(const std::string& s) {
  int w = 0, h = 0;
  char tail = 0;
  if (s.size() > 9 || std::sscanf(s.c_str(), "%dx%d%c", &w, &h, &tail) != 2) return std::nullopt;
  if (w < 200 || h < 200 || w > 8192 || h > 8192) return std::nullopt;
  return std::make_pair(w, h);
}

bool isPreviewImageName(const std::string& name) {
  if (name.size() < 5 || name.size() > 96 || !name.ends_with(".png")) return false;
  return std::all_of(name.begin(), name.end() - 4, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

PreviewRenderer::PreviewRenderer(PreviewRendererOptions options) : o_(std::move(options)) {
  if (o_.program.empty()) o_.program = "/proc/self/exe";
  std::error_code ec;
  if (o_.cacheDir.empty()) {
    const char* tmp = std::getenv("TMPDIR");
    std::string tmpl = std::string(tmp && *tmp ? tmp : "/tmp") + "/sf-preview-XXXXXX";
    if (::mkdtemp(tmpl.data())) {  // mode 0700: other users of the machine see nothing
      root_ = tmpl;
      ownRoot_ = true;
    }
  } else if (fs::create_directories(o_.cacheDir, ec), !ec && fs::is_directory(o_.cacheDir)) {
    ::chmod(o_.cacheDir.c_str(), 0700);
    root_ = o_.cacheDir;
  }
}

PreviewRenderer::~PreviewRenderer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
  std::error_code ec;
  if (ownRoot_) fs::remove_all(root_, ec);
}

std::string PreviewRenderer::keyOf(const PreviewJob& j) {
  const nlohmann::json parts = {j.feedText, j.imagesFrom, j.at, j.width, j.height, j.view, j.room, j.lang, j.configJson};
  return platform::sha256Hex(parts.dump());
}

PreviewState PreviewRenderer::request(const PreviewJob& job, bool start, bool* queued) {
  const std::string key = keyOf(job);
  if (queued) *queued = false;
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  const bool retry = it != entries_.end() && it->second.state.status == PreviewStatus::Failed;
  if (it != entries_.end() && !retry) {
    it->second.lastUse = ++useCounter_;
    return it->second.state;
  }
  if (!start || !usable() || queue_.size() >= o_.maxQueue) return it != entries_.end() ? it->second.state : PreviewState{};
  Entry e;
  e.state.status = PreviewStatus::Queued;
  e.state.job = job;
  e.state.job->feedText.clear();
  e.lastUse = ++useCounter_;
  entries_[key] = e;
  queue_.emplace_back(key, job);
  if (queued) *queued = true;
  // Started with the first job, not with the server: by then the serving threads block SIGTERM,
  // and this thread, made from one of them, blocks it too (the main thread waits for it).
  if (!worker_.joinable()) worker_ = std::thread([this] { work(); });
  evict();
  wake_.notify_one();
  return e.state;
}

PreviewState PreviewRenderer::state(const std::string& key) {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end()) return {};
  it->second.lastUse = ++useCounter_;
  return it->second.state;
}

std::uint64_t PreviewRenderer::cacheBytes() {
  std::lock_guard lock(mutex_);
  return totalBytes_;
}

int PreviewRenderer::openImage(const std::string& key, const std::string& name, std::uint64_t& length) {
  if (!isLowerHex64(key) || !isPreviewImageName(name)) return -1;
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end() || it->second.state.status != PreviewStatus::Done) return -1;
  const auto& images = it->second.state.images;
  if (std::find(images.begin(), images.end(), name) == images.end()) return -1;
  // Opened under the lock: eviction removes files under it too, and an open file outlives its name.
  const int fd = ::open((root_ + "/" + key + "/" + name).c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    if (fd >= 0) ::close(fd);
    return -1;
  }
  it->second.lastUse = ++useCounter_;
  length = static_cast<std::uint64_t>(st.st_size);
  return fd;
}

void PreviewRenderer::work() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    auto [key, job] = std::move(queue_.front());
    queue_.pop_front();
    if (const auto it = entries_.find(key); it != entries_.end()) it->second.state.status = PreviewStatus::Running;
    lock.unlock();
    runJob(key, job);
    lock.lock();
  }
}

void PreviewRenderer::runJob(const std::string& key, const PreviewJob& job) {
  const std::string work = root_ + "/" + key + ".part";
  std::error_code ec;
  fs::remove_all(work, ec);
  fs::create_directories(work + "/out", ec);
  std::string error;
  if (ec) error = "cannot make " + work + ": " + ec.message();
  if (error.empty())
    if (auto w = platform::writeFileAtomic(work + "/feed.json", job.feedText, 0600); !w) error = w.error().message;
  if (error.empty())
    if (auto w = platform::writeFileAtomic(work + "/config.json", job.configJson, 0600); !w) error = w.error().message;
  if (error.empty()) {
    // A small, fixed environment: the child sees no secret of the server's and draws without a display.
    const std::vector<std::string> env{"SDL_VIDEODRIVER=offscreen", "SDL_AUDIODRIVER=dummy", "PATH=/usr/bin:/bin", "HOME=" + work,
                                       "TMPDIR=" + work, "XDG_CACHE_HOME=" + work, "LANG=C.UTF-8"};
    const auto run = platform::runBounded(previewArguments(o_.program, work, job), env, work, o_.bounds);
    if (!run.started) error = "the renderer could not be started";
    else if (run.timedOut) error = "the renderer took longer than " + std::to_string(o_.bounds.timeout.count() / 1000) + " s and was stopped";
    else if (run.signal) error = "the renderer ended with signal " + std::to_string(run.signal);
    else if (run.exitCode != 0) error = "the renderer failed (" + std::to_string(run.exitCode) + "): " + lastOutputLine(run.output);
  }
  std::vector<std::string> images;
  std::uint64_t bytes = 0;
  if (error.empty()) {
    for (const auto& f : fs::directory_iterator(work + "/out", ec))
      if (f.is_regular_file() && isPreviewImageName(f.path().filename().string()) && f.path().filename() != "sheet.png") {
        images.push_back(f.path().filename().string());
        bytes += f.file_size();
      }
    std::sort(images.begin(), images.end());
    if (images.empty()) error = "the renderer wrote no picture";
  }
  if (error.empty()) {
    fs::remove(work + "/out/sheet.png", ec);
    fs::remove(work + "/out/index.html", ec);
    fs::remove_all(root_ + "/" + key, ec);
    fs::rename(work + "/out", root_ + "/" + key, ec);
    if (ec) error = "cannot keep the pictures: " + ec.message();
  }
  fs::remove_all(work, ec);
  std::lock_guard lock(mutex_);
  Entry& e = entries_[key];
  e.state.error = error;
  e.state.status = error.empty() ? PreviewStatus::Done : PreviewStatus::Failed;
  if (error.empty()) {
    e.state.images = std::move(images);
    e.bytes = bytes;
    totalBytes_ += bytes;
  }
  e.lastUse = ++useCounter_;
  evict();
}

void PreviewRenderer::evict() {
  // The least recently used finished jobs go first; queued and running ones stay.
  while (totalBytes_ > o_.maxCacheBytes || entries_.size() > kMaxPreviewEntries) {
    auto victim = entries_.end();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      const auto s = it->second.state.status;
      if ((s == PreviewStatus::Done || s == PreviewStatus::Failed) && (victim == entries_.end() || it->second.lastUse < victim->second.lastUse))
        victim = it;
    }
    if (victim == entries_.end()) return;
    std::error_code ec;
    if (victim->second.state.status == PreviewStatus::Done) fs::remove_all(root_ + "/" + victim->first, ec);
    totalBytes_ -= victim->second.bytes;
    entries_.erase(victim);
  }
}

}  // namespace sf::tools
