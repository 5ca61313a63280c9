// What a screen plays before its first frame, chosen here and nowhere else: a local feed file,
// else the cached feed, else the waiting page, else the feed built into the binary.
#pragma once
#include <cstddef>
#include <memory>
#include <string>

#include "core/feed/model.hpp"
#include "core/show/config.hpp"
#include "feed_worker_status.hpp"

namespace sf::live {

struct StartupFeed {
  std::shared_ptr<const core::Feed> feed;  // never null once chosen: the embedded feed is the last resort
  FeedStatus status;
  std::string warning;  // why the cache or the configured file was not used
  bool cacheBehind = false;  // the feed plays from a local file newer than the cache
  bool fromConfiguredFeed = false;  // it came from the configured address (file, or cache of it)
  // For the feed worker's first poll, so it neither asks for nor parses again what plays:
  std::string etag, lastModified;  // the cache's validators, when it holds the configured address
  std::size_t bodyHash = 0;        // std::hash of the playing feed's text as received; 0: none
};

// The feed address as the worker fetches it: URLs as they are, paths as file:// URLs.
std::string feedUrl(const std::string& configured);

// Before the first frame: a local feed file (validated, verified when a key is configured and
// not older than the cache), else the cached feed (validated and verified), else the waiting
// page when a feed is configured, else the embedded default. Each is parsed once, here.
// Synchronous; takes about a millisecond for a typical feed.
StartupFeed loadStartupFeed(const core::Config& config);

// The line for the journal when the choice fell back: what was refused and what plays instead.
// Empty when nothing was refused.
std::string startupNotice(const StartupFeed& startup, const core::Config& config);

}  // namespace sf::live
