// Disk layout: images/blobs/<sha256 of content> and images/refs/<sha256 of URL> naming the blob,
// so one picture used under two URLs is stored once. Eviction removes least recently used blobs.
#include "image_worker.hpp"

#include <sodium.h>
#include <sys/stat.h>
#include <utime.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "files.hpp"

namespace sf::platform {
namespace {

std::string sha256Hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

}  // namespace

std::string resolveImageUrl(const std::string& src, const std::string& feedUrl) {
  if (src.starts_with("https://") || src.starts_with("http://")) return src;
  const auto slash = feedUrl.rfind('/');
  if (feedUrl.empty() || slash == std::string::npos || feedUrl.find("://") == std::string::npos) return {};
  return feedUrl.substr(0, slash + 1) + src;
}

ImageWorker::ImageWorker(Options options, WorkerQueue& out) : options_(std::move(options)), out_(out) {
  if (sodium_init() < 0) {
    // Without hashing the disk cache is off; images still load from the network.
    options_.cacheBytes = 0;
  }
  std::error_code ec;
  std::filesystem::create_directories(options_.cacheDir + "/images/blobs", ec);
  std::filesystem::create_directories(options_.cacheDir + "/images/refs", ec);
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
    out_.push(WorkerMessage{load(job)});
  }
}

ImageReady ImageWorker::load(const Job& job) {
  ImageReady r;
  r.src = job.src;
  const std::string url = resolveImageUrl(job.src, job.feedUrl);
  if (url.empty()) {
    r.error = "\"" + job.src + "\" is relative, but the feed has no URL to resolve it against";
    return r;
  }
  std::string bytes = cached(url);
  if (bytes.empty()) {
    FetchRequest req = options_.tuning;
    req.url = url;
    req.maxBytes = options_.limits.maxBytes;
    FetchResponse res = fetch(req);
    if (!res.ok()) {
      r.error = res.message;
      return r;
    }
    bytes = std::move(res.body);
    // Check before keeping: a bomb or a page that is no image should not take cache space.
    if (const std::string why = checkImageHeader(sniffImage(bytes), options_.limits); !why.empty()) {
      r.error = url + ": " + why;
      return r;
    }
    store(url, bytes);
  }
  DecodedImage d = decodeImage(bytes, options_.limits);
  if (!d.error.empty()) {
    r.error = url + ": " + d.error;
    return r;
  }
  r.width = d.width;
  r.height = d.height;
  r.rgba = std::move(d.rgba);
  return r;
}

std::string ImageWorker::cached(const std::string& url) {
  if (options_.cacheBytes == 0) return {};
  const std::string dir = options_.cacheDir + "/images/";
  auto ref = readFile(dir + "refs/" + sha256Hex(url), 128);
  if (!ref.content) return {};
  const std::string blob = dir + "blobs/" + *ref.content;
  auto data = readFile(blob, options_.limits.maxBytes);
  if (!data.content || sha256Hex(*data.content) != *ref.content) return {};  // damaged: fetch again
  ::utime(blob.c_str(), nullptr);  // marks it recently used for eviction
  return std::move(*data.content);
}

void ImageWorker::store(const std::string& url, const std::string& bytes) {
  if (options_.cacheBytes == 0 || bytes.size() > options_.cacheBytes) return;
  const std::string dir = options_.cacheDir + "/images/";
  const std::string hash = sha256Hex(bytes);
  if (!writeFileAtomic(dir + "blobs/" + hash, bytes).empty()) return;
  writeFileAtomic(dir + "refs/" + sha256Hex(url), hash);

  // Evict least recently used blobs until the cache fits its cap again.
  struct Entry {
    std::filesystem::path path;
    std::filesystem::file_time_type used;
    std::uintmax_t size;
  };
  std::vector<Entry> blobs;
  std::uintmax_t total = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir + "blobs", ec)) {
    blobs.push_back({e.path(), e.last_write_time(ec), e.file_size(ec)});
    total += blobs.back().size;
  }
  std::sort(blobs.begin(), blobs.end(), [](const Entry& a, const Entry& b) { return a.used < b.used; });
  for (const auto& b : blobs) {
    if (total <= options_.cacheBytes) break;
    if (b.path.filename() == hash) continue;
    std::filesystem::remove(b.path, ec);
    total -= b.size;
  }
}

}  // namespace sf::platform
