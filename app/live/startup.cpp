// The startup choice: cache and local file pass the same checks as the worker's downloads, each
// is parsed once, and what the worker needs for its first poll is handed on rather than re-read.
#include "startup.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>

#include "candidate.hpp"
#include "core/feed/finish.hpp"
#include "embedded.hpp"
#include "feed_cache.hpp"
#include "platform/crypto.hpp"
#include "platform/files.hpp"
#include "status.hpp"
#include "waiting_feed.hpp"
#include "platform/clock.hpp"

namespace sf::live {
namespace {


std::shared_ptr<const core::Feed> embeddedFeed() {
  auto r = core::finishFeed(assets::defaultFeedJson(), assets::defaultFeedName);
  return std::make_shared<const core::Feed>(std::move(*r.parsed.feed));  // valid by the tests
}

void addWarning(StartupFeed& s, const std::string& w) { s.warning += (s.warning.empty() ? "" : "; ") + w; }

void refuseLocal(StartupFeed& s, const std::string& fault, const std::string& message) {
  addWarning(s, message);
  s.status.fault = fault;
  s.status.lastError = message;
}

void takeCachedFeed(const core::Config& config, StartupFeed& s) {
  auto cached = loadCachedFeed(config.cacheDir);
  if (!cached) {
    if (std::error_code ec; std::filesystem::exists(cacheFilePath(config.cacheDir), ec))
      addWarning(s, "the cache " + cacheFilePath(config.cacheDir) + " is damaged and was not used (" + cached.error().message + ")");
    return;
  }
  auto feed = core::finishFeed(cached->text, cacheFilePath(config.cacheDir));
  if (!feed.parsed.feed) return addWarning(s, "the cached feed is invalid: " + firstErrors(feed.parsed.diagnostics, 1));
  if (!config.publicKey.empty() && !platform::verifyDocument(cached->text, cached->signature, config.publicKey))
    return addWarning(s, "the cached feed is not signed with the configured key");
  noteFitted(*feed.parsed.feed, feed.fittedTexts);
  s.feed = std::make_shared<const core::Feed>(std::move(*feed.parsed.feed));
  s.status.origin = FeedOrigin::Cache;
  s.status.cacheBytes = cached->text.size() + cached->signature.size();
  s.fromConfiguredFeed = cached->url == s.status.feedUrl;
  if (s.fromConfiguredFeed) {
    s.etag = cached->etag;
    s.lastModified = cached->lastModified;
    s.bodyHash = std::hash<std::string>{}(cached->text);
  }
}

// A feed file on this machine (a USB stick at a stand) passes the worker's checks before it
// plays: valid, signed with the configured key, and not older than the cached feed.
void takeLocalFeed(const core::Config& config, StartupFeed& s) {
  const std::string url = feedUrl(config.feed);
  if (!url.starts_with("file://")) return;
  const std::string path = url.substr(7);
  auto file = platform::readFile(path, core::FeedLimits{}.maxBytes);
  if (!file)
    return refuseLocal(s, "network", "the feed " + path + " cannot be read yet (" + file.error().message + ")");
  CandidateRules rules;
  if (s.status.origin == FeedOrigin::Cache) rules.current = core::FeedIdentity{s.feed->id, s.feed->revision};
  rules.sameFeedOnly = !config.publicKey.empty() && s.fromConfiguredFeed;
  auto candidate = checkCandidate(*file, path, config, rules, [&]() -> core::Result<std::string> {
    auto sig = platform::readFile(path + ".sig", 4096);
    if (!sig) return core::fail("no signature could be read (" + sig.error().message + ")");
    return sig;
  });
  if (!candidate) {
    const core::Error& e = candidate.error();
    if (e.kind == "invalid-feed")
      return refuseLocal(s, e.kind, "the feed " + path + " is invalid (`schaufenster validate " + path +
                                        "` lists the problems): " + e.message);
    if (e.kind == "signature") return refuseLocal(s, e.kind, "the feed " + path + " was refused: " + e.message);
    return refuseLocal(s, e.kind, "the feed " + path + ": " + e.message);
  }
  // The worker's first poll reads this file again: it need not parse it again unless the cache
  // is behind, which that poll puts right.
  s.cacheBehind = candidate->decision == core::SwapDecision::Accept;
  s.etag.clear();
  s.lastModified.clear();
  s.bodyHash = s.cacheBehind ? 0 : std::hash<std::string>{}(*file);
  s.feed = std::move(candidate->feed);
  s.status.origin = FeedOrigin::Network;
  s.fromConfiguredFeed = true;
}

}  // namespace

std::string feedUrl(const std::string& feed) {
  if (feed.empty() || feed.find("://") != std::string::npos) return feed;
  if (feed.front() == '/') return "file://" + feed;
  char* cwd = ::getcwd(nullptr, 0);
  std::string abs = std::string(cwd ? cwd : ".") + "/" + feed;
  std::free(cwd);
  return "file://" + abs;
}

StartupFeed loadStartupFeed(const core::Config& config) {
  StartupFeed s;
  s.status.feedUrl = feedUrl(config.feed);
  removeStaleTemporaries(config.cacheDir);  // only this process writes there, and it has not yet
  takeCachedFeed(config, s);
  takeLocalFeed(config, s);
  if (!s.feed && !config.feed.empty()) {  // the built-in content is someone else's event
    s.feed = waitingFeed(config, s.status.feedUrl, s.status.lastError, platform::systemSeconds());
    if (s.feed) s.status.origin = FeedOrigin::Waiting;
  }
  if (!s.feed) {
    s.feed = embeddedFeed();
    s.status.origin = FeedOrigin::Embedded;
  }
  showFeed(s.status, *s.feed, s.status.origin);
  return s;
}

std::string startupNotice(const StartupFeed& s, const core::Config& config) {
  if (s.warning.empty()) return {};
  const FeedOrigin o = s.status.origin;
  return s.warning + "; playing " +
         (o == FeedOrigin::Network   ? "the feed file"
          : o == FeedOrigin::Cache   ? "the cached feed"
          : o == FeedOrigin::Waiting ? "this screen's waiting page"
                                     : "the built-in feed") +
         (config.feed.empty() ? "" : " and checking again every " + std::to_string(config.pollSeconds) + " s");
}

}  // namespace sf::live
