// Disk layout: images/blobs/<sha256 of content> and images/refs/<sha256 of URL> naming the blob,
// so one picture used under two URLs is stored once. Eviction removes least recently used blobs.
#include "image_loader.hpp"

#include <sys/stat.h>
#include <utime.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "platform/crypto.hpp"
#include "platform/files.hpp"
#include "platform/source.hpp"

namespace sf::live {

std::string resolveImageUrl(const std::string& src, const std::string& feedUrl) {
  if (src.starts_with("https://") || src.starts_with("http://")) return src;
  const auto slash = feedUrl.rfind('/');
  if (feedUrl.empty() || slash == std::string::npos || feedUrl.find("://") == std::string::npos) return {};
  return feedUrl.substr(0, slash + 1) + src;
}

std::string resolveImageSource(const std::string& src, const std::string& base) {
  if (platform::isUrl(src)) {
    // A feed from a server names pictures on the network, never files on this machine.
    const bool remoteFeed = platform::isUrl(base) && !base.starts_with("file://");
    return src.starts_with("file://") && remoteFeed ? resolveImageUrl(src, base) : src;
  }
  if (platform::isUrl(base)) return resolveImageUrl(src, base);
  if (!src.empty() && src.front() == '/') return src;
  if (base.empty()) return {};
  const auto slash = base.rfind('/');
  return slash == std::string::npos ? src : base.substr(0, slash + 1) + src;
}

ImageLoader::ImageLoader(Options options) : options_(std::move(options)) {
  if (options_.cacheBytes == 0) return;
  std::error_code ec;
  std::filesystem::create_directories(options_.cacheDir + "/images/blobs", ec);
  std::filesystem::create_directories(options_.cacheDir + "/images/refs", ec);
}

core::Result<platform::DecodedImage> ImageLoader::load(const std::string& src, const std::string& base) {
  const std::string where = resolveImageSource(src, base);
  if (where.empty()) return core::fail("\"" + src + "\" is relative, but the feed has no location to resolve it against");
  std::string bytes = cached(where);
  if (bytes.empty()) {
    auto got = download(where);
    if (!got) return got.error().kind == "too-large" ? core::fail(got.error().message) : core::failAs("retry", got.error().message);
    bytes = std::move(*got);
    // Check before keeping: a bomb or a page that is no image should not take cache space.
    if (auto header = platform::checkImageHeader(platform::sniffImage(bytes), options_.limits); !header)
      return core::fail(where + ": " + header.error().message);
    store(where, bytes);
  }
  auto decoded = platform::decodeImage(bytes, options_.limits);
  if (!decoded) return core::fail(where + ": " + decoded.error().message);
  return decoded;
}

core::Result<std::string> ImageLoader::download(const std::string& where) {
  if (!platform::isUrl(where)) return platform::readFile(where, options_.limits.maxBytes);
  platform::FetchRequest req = options_.tuning;
  req.url = where;
  req.maxBytes = options_.limits.maxBytes;
  auto res = platform::fetch(req);
  if (!res) return core::Unexpected{res.error()};
  return std::move(res->body);
}

std::string ImageLoader::cached(const std::string& url) {
  if (options_.cacheBytes == 0) return {};
  const std::string dir = options_.cacheDir + "/images/";
  auto ref = platform::readFile(dir + "refs/" + platform::sha256Hex(url), 128);
  if (!ref) return {};
  const std::string blob = dir + "blobs/" + *ref;
  auto data = platform::readFile(blob, options_.limits.maxBytes);
  if (!data || platform::sha256Hex(*data) != *ref) return {};  // damaged: fetch again
  ::utime(blob.c_str(), nullptr);  // marks it recently used for eviction
  return std::move(*data);
}

void ImageLoader::store(const std::string& url, const std::string& bytes) {
  if (options_.cacheBytes == 0 || bytes.size() > options_.cacheBytes) return;
  const std::string dir = options_.cacheDir + "/images/";
  const std::string hash = platform::sha256Hex(bytes);
  if (!platform::writeFileAtomic(dir + "blobs/" + hash, bytes)) return;
  // Without its ref the blob is found by no URL; eviction below removes it in time.
  (void)platform::writeFileAtomic(dir + "refs/" + platform::sha256Hex(url), hash);

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

}  // namespace sf::live
