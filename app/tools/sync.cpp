// One sync round: fetch (conditional), import, judge, merge, check, compare, publish, record.
// The last accepted copy of each source is kept on disk, so a restart or a 304 still merges it.
#include "sync.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/base/text_util.hpp"
#include "core/feed/changes.hpp"
#include "core/feed/parse.hpp"
#include "core/import/formats.hpp"
#include "core/import/merge.hpp"
#include "platform/files.hpp"
#include "platform/http.hpp"
#include "platform/source.hpp"
#include "platform/xml.hpp"
#include "publish.hpp"
#include "publish_feed.hpp"
#include "sync_state.hpp"

namespace fs = std::filesystem;

namespace sf::tools {
namespace {

constexpr std::size_t kMaxSourceBytes = 64u << 20;  // as `import`

core::Instant wallNow() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

class StateLock {
 public:
  explicit StateLock(const std::string& dir) {
    fd_ = ::open((dir + "/sync.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ >= 0 && ::flock(fd_, LOCK_EX) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~StateLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  StateLock(const StateLock&) = delete;
  StateLock& operator=(const StateLock&) = delete;
  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

std::string firstErrors(const core::Diagnostics& ds, const std::string& file, int max = 3) {
  std::string out;
  int n = 0;
  for (auto d : ds) {
    if (d.severity != core::Severity::Error) continue;
    if (++n > max) {
      out += "; …";
      break;
    }
    if (d.file.empty()) d.file = file;
    out += (out.empty() ? "" : "; ") + core::formatDiagnostic(d);
  }
  return out;
}

std::size_t itemCount(const core::ImportResult& r) {
  using I = core::ImportItems;
  const I items = r.format ? r.format->items : I::Events;
  return items == I::Projects ? r.projects.size() : items == I::Announcements ? r.announcements.size() : r.events.size();
}

const char* itemName(const core::ImportResult& r) {
  using I = core::ImportItems;
  const I items = r.format ? r.format->items : I::Events;
  return items == I::Projects ? "projects" : items == I::Announcements ? "announcements" : "events";
}

struct Fetched {
  bool notModified = false;
  std::string body, etag, lastModified;
};

core::Result<Fetched> fetchSource(const core::SyncSource& src, const SourceState& st, bool haveCopy) {
  Fetched f;
  if (!platform::isUrl(src.location)) {
    auto text = platform::readFile(src.location, kMaxSourceBytes);
    if (!text) return core::Unexpected{text.error()};
    f.body = std::move(*text);
    return f;
  }
  platform::FetchRequest req;
  req.url = src.location;
  req.maxBytes = kMaxSourceBytes;
  if (haveCopy) {  // without the copy on disk, a 304 would leave nothing to merge
    req.etag = st.etag;
    req.lastModified = st.lastModified;
  }
  auto res = platform::fetch(req);
  if (!res) return core::Unexpected{res.error()};
  f.notModified = res->notModified;
  f.body = std::move(res->body);
  f.etag = std::move(res->etag);
  f.lastModified = std::move(res->lastModified);
  return f;
}

// JSON of a feed without what every publication changes, to tell whether anything else did.
nlohmann::json contentOf(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_object()) {
    j.erase("revision");
    j.erase("generated");
  }
  return j;
}

}  // namespace

SyncService::SyncService(core::SyncConfig config, std::string configPath, Log log)
    : config_(std::move(config)), configPath_(std::move(configPath)), log_(std::move(log)) {}

std::chrono::steady_clock::time_point SyncService::nextDue() const {
  auto next = std::chrono::steady_clock::time_point::max();
  for (const auto& src : config_.sources) {
    auto it = due_.find(src.id);
    if (it == due_.end()) return std::chrono::steady_clock::now();
    next = std::min(next, it->second);
  }
  return next;
}

core::Result<void> SyncService::accept(const std::string& sourceId) {
  bool known = false;
  for (const auto& s : config_.sources) known = known || s.id == sourceId;
  if (!known) return core::fail("no source " + core::quoteShort(sourceId) + " in " + configPath_);
  std::error_code ec;
  fs::create_directories(config_.stateDir, ec);
  StateLock lock(config_.stateDir);
  if (!lock.held()) return core::fail("cannot lock " + config_.stateDir + "/sync.lock: " + std::strerror(errno));
  auto state = loadSyncState(statePath());
  if (!state) return core::Unexpected{state.error()};
  SourceState& st = state->sources[sourceId];
  if (st.heldHash.empty()) return core::fail(sourceId + ": nothing is held back");
  st.acceptNext = true;
  log_(sourceId + ": accepted by the organiser (" + st.heldReason + ")");
  return saveSyncState(statePath(), *state);
}

core::Result<RoundReport> SyncService::round(bool all) {
  RoundReport report;
  std::error_code ec;
  fs::create_directories(config_.stateDir + "/sources", ec);
  if (ec) return core::fail("cannot create " + config_.stateDir + "/sources: " + ec.message());
  StateLock lock(config_.stateDir);
  if (!lock.held()) return core::fail("cannot lock " + config_.stateDir + "/sync.lock: " + std::strerror(errno));
  auto loaded = loadSyncState(statePath());
  if (!loaded) return core::Unexpected{loaded.error()};
  SyncState state = std::move(*loaded);
  const core::Instant now = wallNow();
  const auto steadyNow = std::chrono::steady_clock::now();
  auto finish = [&]() -> core::Result<RoundReport> {
    if (auto done = saveSyncState(statePath(), state); !done) return core::Unexpected{done.error()};
    if (auto done = platform::writeFileAtomic(statusPath(), syncStatusJson(state, config_, configPath_, core::formatInstantUtc(now))); !done)
      log_("warning: " + done.error().message);
    return report;
  };
  auto fail = [&](std::string message) {
    if (message != state.lastError) log_(message);
    state.lastError = std::move(message);
    ++report.errors;
    return finish();
  };

  // The base feed: the organiser's own content, read afresh each round so edits to it go out too.
  auto baseText = platform::readFile(config_.baseFeed, 16u << 20);
  if (!baseText) return fail("base feed: " + baseText.error().message);
  const auto base = core::parseFeed(*baseText, config_.baseFeed);
  if (!base.feed) return fail("base feed " + config_.baseFeed + " is invalid, nothing published: " + firstErrors(base.diagnostics, config_.baseFeed));
  const core::TimeZone zone = base.feed->zone;

  core::ImportOptions opts;
  opts.now = now;
  opts.zone = zone;
  opts.parseXml = platform::parseXml;
  std::map<std::string, std::string> copies;  // source id -> the accepted copy's text, for the merge

  for (const auto& src : config_.sources) {
    SourceState& st = state.sources[src.id];
    const std::string copyPath = config_.stateDir + "/sources/" + src.id + ".src";
    std::optional<std::string> copy;
    if (!st.acceptedHash.empty())
      if (auto c = platform::readFile(copyPath, kMaxSourceBytes); c && contentHash(*c) == st.acceptedHash) copy = std::move(*c);
    const bool isDue = all || !due_.contains(src.id) || due_[src.id] <= steadyNow;
    if (isDue) {
      due_[src.id] = steadyNow + std::chrono::seconds{src.pollSeconds};
      st.lastCheck = core::formatInstantUtc(now);
      auto fetched = fetchSource(src, st, copy.has_value());
      if (!fetched) {
        if (st.lastError != fetched.error().message) log_(src.id + ": " + fetched.error().message + "; the last good copy stays published");
        st.lastError = fetched.error().message;
        ++report.errors;
      } else if (!fetched->notModified) {
        const std::string hash = contentHash(fetched->body);
        if (copy && hash == st.acceptedHash) {  // the same content again (a server without validators)
          st.heldHash.clear();
          st.lastError.clear();
          st.etag = fetched->etag;
          st.lastModified = fetched->lastModified;
        } else if (hash == st.heldHash && !st.acceptNext) {
          // still the copy that waits for --accept
        } else {
          core::ImportOptions o = opts;
          o.includeBreaks = src.includeBreaks;
          const auto* format = core::findImportFormat(src.format);
          const auto r = core::importSource(fetched->body, src.location, format, o);
          const std::size_t count = itemCount(r);
          const bool announcements = r.format && r.format->items == core::ImportItems::Announcements;
          const auto suspicion = core::judgeImportCount(st.acceptedCount, count, itemName(r));
          if (core::hasErrors(r.diagnostics)) {
            st.lastError = "not imported: " + firstErrors(r.diagnostics, src.location);
            log_(src.id + ": " + st.lastError + "; the last good copy stays published");
            ++report.errors;
          } else if (suspicion.suspicious && !announcements && !st.acceptNext) {  // alerts end by design
            if (st.heldHash != hash) {
              st.heldHash = hash;
              st.heldCount = count;
              st.heldReason = suspicion.reason;
              st.heldSince = core::formatInstantUtc(now);
              log_(src.id + ": held back, it " + suspicion.reason + "; to publish it anyway: schaufenster sync " + configPath_ +
                   " --accept " + src.id);
            }
          } else if (auto saved = platform::writeFileAtomic(copyPath, fetched->body, 0600); !saved) {
            st.lastError = saved.error().message;
            log_(src.id + ": " + st.lastError);
            ++report.errors;
          } else {
            if (st.acceptNext) log_(src.id + ": the copy held back (" + st.heldReason + ") is accepted");
            copy = std::move(fetched->body);
            st.acceptedHash = hash;
            st.acceptedCount = count;
            st.items = itemName(r);
            st.format = std::string(r.format ? r.format->id : "");
            st.etag = fetched->etag;
            st.lastModified = fetched->lastModified;
            st.lastChange = core::formatInstantUtc(now);
            st.lastError.clear();
            st.heldHash.clear();
            st.heldReason.clear();
            st.heldSince.clear();
            st.heldCount = 0;
            st.acceptNext = false;
          }
        }
      } else {
        st.lastError.clear();
      }
    }
    if (!st.heldHash.empty()) ++report.heldBack;
    if (copy) copies[src.id] = std::move(*copy);
  }

  // The merge: the base feed with every source's accepted copy, checked as screens check it.
  nlohmann::ordered_json feed = nlohmann::ordered_json::parse(*baseText, nullptr, false);
  if (!feed.is_object()) return fail("base feed " + config_.baseFeed + " is not a JSON object");
  std::map<std::string, std::string> origins;
  for (const auto& src : config_.sources) {
    auto it = copies.find(src.id);
    if (it == copies.end()) continue;  // never read yet: the base feed's own items for it stay
    core::ImportOptions o = opts;
    o.includeBreaks = src.includeBreaks;
    const auto r = core::importSource(it->second, src.location, core::findImportFormat(src.format), o);
    if (core::hasErrors(r.diagnostics)) return fail(src.id + ": the kept copy no longer imports: " + firstErrors(r.diagnostics, src.location));
    auto merged = core::mergeImport(std::move(feed), r, src.id, src.location, zone, false);
    feed = std::move(merged.feed);
    origins.insert(merged.origins.begin(), merged.origins.end());
  }
  const std::string text = core::serializeFeed(feed);
  const auto check = core::checkMergedFeed(text, "merged feed", feed, origins);
  if (core::hasErrors(check)) return fail("the merged feed would be invalid, nothing published: " + firstErrors(check, "merged feed"));

  // Publish only what differs from the current release in more than its revision.
  std::optional<Release> current;
  if (const auto rev = currentRevision(config_.publishTo))
    if (auto r = readRelease(config_.publishTo, *rev)) current = std::move(*r);
  if (current && contentOf(current->text) == contentOf(text)) {
    state.lastError.clear();
    return finish();
  }
  std::optional<platform::KeyPair> keys;
  if (!config_.key.empty()) {
    auto k = readKeyFile(config_.key);
    if (!k) return fail("key: " + k.error().message);
    keys = std::move(*k);
  }
  const auto done = publishFeedText(text, config_.publishTo, keys, config_.key, config_.keep, "merged feed", now, {"", "sync", ""});
  if (!done) return fail("publication failed, the current release stays: " + done.error().message);
  report.published = true;
  report.revision = done->revision;
  state.lastError.clear();
  state.lastRevision = done->revision;
  state.lastPublished = core::formatInstantUtc(now);
  state.lastChanges.clear();
  const auto after = core::parseFeed(text, "merged feed");
  const std::string lang = base.feed->languages.empty() ? std::string("en") : base.feed->languages.front();
  std::optional<core::ParseResult> before;
  if (current) before = core::parseFeed(current->text, "current release");
  if (after.feed && before && before->feed) {
    auto changes = core::compareFeeds(*before->feed, *after.feed, lang);
    nlohmann::json a = contentOf(current->text), b = contentOf(text);
    a.erase("events");
    b.erase("events");
    changes.otherContent = a != b;
    state.lastChanges = core::describeChanges(changes, zone, lang, 20);
    state.lastChanges.insert(state.lastChanges.begin(), core::changeCounts(changes));
  } else {
    state.lastChanges.push_back("first release: " + std::to_string(after.feed ? after.feed->events.size() : 0) + " events");
  }
  log_("published revision " + std::to_string(done->revision) + (done->signed_ ? " (signed)" : "") + " to " + config_.publishTo +
       ": " + state.lastChanges.front());
  for (std::size_t i = 1; i < state.lastChanges.size(); ++i) log_("  " + state.lastChanges[i]);
  return finish();
}

}  // namespace sf::tools
