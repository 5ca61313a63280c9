// The last good feed on disk, so a screen that restarts without network plays what it had.
// One envelope file holds feed, signature and validators together, written atomically.
#pragma once
#include <optional>
#include <string>

namespace sf::platform {

struct CachedFeed {
  std::string url;           // where it came from; validators only apply to the same URL
  std::string text;          // the feed exactly as received
  std::string signature;     // its signature document, if the screen requires one
  std::string etag;
  std::string lastModified;
};

std::string cacheFilePath(const std::string& cacheDir);
std::optional<CachedFeed> loadCachedFeed(const std::string& cacheDir, std::string* error = nullptr);
// Removes temporary files that a write cut off by a power cut left behind; returns how many.
int removeStaleTemporaries(const std::string& cacheDir);
// Returns an empty string on success, else the error. Creates the directory when missing.
std::string saveCachedFeed(const std::string& cacheDir, const CachedFeed& feed);

}  // namespace sf::platform
