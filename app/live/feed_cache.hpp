// The last good feed on disk, so a screen that restarts without network plays what it had.
// One envelope file holds feed, signature and validators together, written atomically.
#pragma once
#include <string>

#include "core/base/result.hpp"

namespace sf::live {

struct CachedFeed {
  std::string url;           // where it came from; validators only apply to the same URL
  std::string text;          // the feed exactly as received
  std::string signature;     // its signature document, if the screen requires one
  std::string etag;
  std::string lastModified;
};

std::string cacheFilePath(const std::string& cacheDir);
core::Result<CachedFeed> loadCachedFeed(const std::string& cacheDir);
// Removes temporary files that a write cut off by a power cut left behind; returns how many.
int removeStaleTemporaries(const std::string& cacheDir);
// Creates the directory when missing.
core::Result<void> saveCachedFeed(const std::string& cacheDir, const CachedFeed& feed);

}  // namespace sf::live
