// status.json: one JSON object for monitoring, and the status fields that name the playing feed.
// Host and addresses are read when it is written, so a changed DHCP lease shows at once.
#include "status.hpp"

#include <cstdio>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/files.hpp"
#include "platform/net.hpp"

namespace sf::live {
namespace {

std::string iso(const std::optional<core::Instant>& t) {
  return t ? core::formatInstant(*t, core::TimeZone::utc()) : std::string();
}

nlohmann::ordered_json idOrNull(const std::string& id) { return id.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(id); }

}  // namespace

#ifndef SF_VERSION
#define SF_VERSION "unknown"
#endif

const char* packageVersion() { return SF_VERSION; }

std::string originName(FeedOrigin o) {
  switch (o) {
    case FeedOrigin::Embedded: return "embedded";
    case FeedOrigin::Cache: return "cache";
    case FeedOrigin::Network: return "network";
    case FeedOrigin::Waiting: return "waiting";
  }
  return {};
}

void showFeed(FeedStatus& status, const core::Feed& feed, FeedOrigin origin) {
  status.origin = origin;
  status.feedId = feed.id;
  status.revision = feed.revision;
  status.generated = feed.generated;
  status.clock.feedGenerated = feed.generated;
}

std::string statusJson(const FeedStatus& s, const core::Config& config, double fps, std::chrono::seconds uptime,
                       bool screenDark) {
  const std::string host = platform::hostName().value_or("unknown");
  nlohmann::ordered_json j{
      {"screen", config.screenName.empty() ? host : config.screenName},
      {"host", host},
      {"addresses", platform::ipAddresses().value_or(std::vector<std::string>{})},
      {"feedUrl", s.feedUrl},
      {"origin", originName(s.origin)},
      {"feedId", s.feedId},
      {"revision", s.revision},
      {"generated", iso(s.generated)},
      {"generatedNote", s.clock.serverDate ? core::describeFutureGenerated(s.generated, *s.clock.serverDate, "the server's clock")
                                           : std::string()},
      {"lastFetch", iso(s.lastFetch)},
      {"lastSuccess", iso(s.lastSuccess)},
      {"lastChange", iso(s.lastChange)},
      {"fault", s.fault},
      {"lastError", s.lastError},
      {"consecutiveFailures", s.consecutiveFailures},
      {"nextPollSeconds", s.nextPollIn.count()},
      {"cacheBytes", s.cacheBytes},
      {"uptimeSeconds", uptime.count()},
      {"framesPerSecond", fps},
      {"screenDark", screenDark},
      {"showing", {{"takeover", idOrNull(s.showingTakeover)}, {"banner", idOrNull(s.showingBanner)}}},
  };
  return j.dump(2) + "\n";
}

StatusFile::StatusFile(const core::Config& config)
    : config_(config), path_(config.effectiveStatusPath()), started_(std::chrono::steady_clock::now()) {}

std::string StatusFile::update(const FeedStatus& s, double fps, bool screenDark) {
  FeedStatus lasting = s;
  lasting.lastFetch.reset();
  lasting.lastSuccess.reset();
  lasting.nextPollIn = {};
  lasting.clock = {};
  std::string key = statusJson(lasting, config_, 0, std::chrono::seconds{0}, screenDark);
  const auto now = std::chrono::steady_clock::now();
  if (key == lastKey_ && now - lastWrite_ < std::chrono::minutes{1}) return key;
  const auto uptime = std::chrono::duration_cast<std::chrono::seconds>(now - started_);
  const auto written = platform::writeFileAtomic(path_, statusJson(s, config_, fps, uptime, screenDark));
  const std::string error = written ? std::string() : written.error().message;
  if (written) {
    lastKey_ = key;
    lastWrite_ = now;
  } else if (error != lastError_) {
    std::fprintf(stderr, "schaufenster: monitoring sees an old status: %s\n", error.c_str());
  }
  lastError_ = error;
  return key;
}

core::Result<void> StatusFile::write(const FeedStatus& s, double fps, bool screenDark) {
  auto written = platform::writeFileAtomic(path_, statusJson(s, config_, fps, std::chrono::seconds{0}, screenDark));
  if (!written) return core::fail("cannot write " + path_ + ": " + written.error().message);
  return {};
}

}  // namespace sf::live
