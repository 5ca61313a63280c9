// The cache envelope is JSON with the feed as a string: one rename makes feed and signature
// durable together, so a power cut can never pair a new feed with an old signature.
#include "feed_cache.hpp"

#include <sys/stat.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "platform/files.hpp"

namespace sf::live {

std::string cacheFilePath(const std::string& cacheDir) { return cacheDir + "/feed-cache.json"; }

core::Result<CachedFeed> loadCachedFeed(const std::string& cacheDir) {
  auto r = platform::readFile(cacheFilePath(cacheDir), 40u << 20);
  if (!r) return core::Unexpected{r.error()};
  const auto doc = nlohmann::json::parse(*r, nullptr, false);
  if (!doc.is_object() || !doc.contains("feed") || !doc["feed"].is_string())
    return core::fail(cacheFilePath(cacheDir) + " is not a cache file");
  CachedFeed c;
  c.url = doc.value("url", "");
  c.text = doc["feed"].get<std::string>();
  c.signature = doc.value("signature", "");
  c.etag = doc.value("etag", "");
  c.lastModified = doc.value("lastModified", "");
  return c;
}

int removeStaleTemporaries(const std::string& cacheDir) {
  const std::string prefix = "feed-cache.json.tmp.";
  int removed = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(cacheDir, ec)) {
    if (e.path().filename().string().rfind(prefix, 0) == 0 && std::filesystem::remove(e.path(), ec)) ++removed;
  }
  return removed;
}

core::Result<void> saveCachedFeed(const std::string& cacheDir, const CachedFeed& c) {
  ::mkdir(cacheDir.c_str(), 0755);  // an existing directory is fine
  const nlohmann::ordered_json doc{{"url", c.url}, {"etag", c.etag}, {"lastModified", c.lastModified}, {"signature", c.signature}, {"feed", c.text}};
  return platform::writeFileAtomic(cacheFilePath(cacheDir), doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace sf::live
