// The feed worker's loop: fetch (conditional), parse and validate, verify, decide, cache, hand
// over; then sleep with jitter, backing off on faults and retrying at once when the network returns.
#include "feed_worker.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <random>

#include <nlohmann/json.hpp>

#include "core/feed/parse.hpp"
#include "crypto.hpp"
#include "embedded.hpp"
#include "feed_cache.hpp"
#include "files.hpp"
#include "http.hpp"
#include "net.hpp"
#include "waiting_feed.hpp"

namespace sf::platform {
namespace {

core::Instant systemNow() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

std::string toUrl(const std::string& feed) {
  if (feed.empty() || feed.find("://") != std::string::npos) return feed;
  if (!feed.empty() && feed.front() == '/') return "file://" + feed;
  char* cwd = ::getcwd(nullptr, 0);
  std::string abs = std::string(cwd ? cwd : ".") + "/" + feed;
  std::free(cwd);
  return "file://" + abs;
}

std::string firstErrors(const core::Diagnostics& ds, int max) {
  std::string out;
  int n = 0;
  for (const auto& d : ds) {
    if (d.severity != core::Severity::Error) continue;
    if (n++ == max) {
      out += "; …";
      break;
    }
    out += (out.empty() ? "" : "; ") + core::formatDiagnostic(d);
  }
  return out;
}

std::shared_ptr<const core::Feed> parseEmbedded() {
  auto r = core::parseFeed(assets::defaultFeedJson(), assets::defaultFeedName);
  return std::make_shared<const core::Feed>(std::move(*r.feed));  // valid by the tests
}

// The status fault for a refused swap, or "" when the candidate may play.
std::string refusal(core::SwapDecision d) {
  switch (d) {
    case core::SwapDecision::Older: return "older-revision";
    case core::SwapDecision::TooFarAhead: return "revision-jump";
    case core::SwapDecision::OtherFeed: return "other-feed";
    case core::SwapDecision::Accept:
    case core::SwapDecision::SameRevision: break;
  }
  return {};
}

std::string iso(const std::optional<core::Instant>& t) {
  return t ? core::formatInstant(*t, core::TimeZone::utc()) : std::string();
}

}  // namespace

std::string originName(FeedOrigin o) {
  switch (o) {
    case FeedOrigin::Embedded: return "embedded";
    case FeedOrigin::Cache: return "cache";
    case FeedOrigin::Network: return "network";
    case FeedOrigin::Waiting: return "waiting";
  }
  return {};
}

namespace {

void addWarning(StartupFeed& s, const std::string& w) { s.warning += (s.warning.empty() ? "" : "; ") + w; }

void refuseLocal(StartupFeed& s, const std::string& fault, const std::string& message) {
  addWarning(s, message);
  s.status.fault = fault;
  s.status.lastError = message;
}

// A feed file on this machine (a USB stick at a stand) passes the worker's checks before it
// plays: valid, signed with the configured key, and not older than the cached feed.
void takeLocalFeed(const core::Config& config, StartupFeed& s) {
  const std::string url = toUrl(config.feed);
  if (!url.starts_with("file://")) return;
  const std::string path = url.substr(7);
  auto file = readFile(path, core::FeedLimits{}.maxBytes);
  if (!file.content) return refuseLocal(s, "network", "the feed " + path + " cannot be read yet (" + file.error + ")");
  auto parsed = core::parseFeed(*file.content, path);
  if (!parsed.feed)
    return refuseLocal(s, "invalid-feed", "the feed " + path + " is invalid (`schaufenster validate " + path +
                                              "` lists the problems): " + firstErrors(parsed.diagnostics, 1));
  if (!config.publicKey.empty()) {
    const auto sig = readFile(path + ".sig", 4096);
    const Verification v = sig.content ? verifyDocument(*file.content, *sig.content, config.publicKey)
                                       : Verification{false, "no signature could be read (" + sig.error + ")"};
    if (!v.ok) return refuseLocal(s, "signature", "the feed " + path + " was refused: " + v.error);
  }
  std::optional<core::FeedIdentity> current;
  if (s.status.origin == FeedOrigin::Cache) current = core::FeedIdentity{s.feed->id, s.feed->revision};
  const core::FeedIdentity candidate{parsed.feed->id, parsed.feed->revision};
  const bool sameFeedOnly = !config.publicKey.empty() && s.fromConfiguredFeed;
  const core::SwapDecision decision = core::decideSwap(current, candidate, sameFeedOnly);
  if (const std::string fault = refusal(decision); !fault.empty())
    return refuseLocal(s, fault, "the feed " + path + ": " + core::describe(decision, current, candidate));
  s.cacheBehind = decision == core::SwapDecision::Accept;
  s.feed = std::make_shared<const core::Feed>(std::move(*parsed.feed));
  s.status.origin = FeedOrigin::Network;
  s.fromConfiguredFeed = true;
}

}  // namespace

StartupFeed loadStartupFeed(const core::Config& config) {
  StartupFeed s;
  s.status.feedUrl = toUrl(config.feed);
  removeStaleTemporaries(config.cacheDir);  // only this process writes there, and it has not yet
  std::string error;
  if (auto cached = loadCachedFeed(config.cacheDir, &error)) {
    auto parsed = core::parseFeed(cached->text, cacheFilePath(config.cacheDir));
    if (!parsed.feed) {
      addWarning(s, "the cached feed is invalid: " + firstErrors(parsed.diagnostics, 1));
    } else if (!config.publicKey.empty() && !verifyDocument(cached->text, cached->signature, config.publicKey).ok) {
      addWarning(s, "the cached feed is not signed with the configured key");
    } else {
      s.feed = std::make_shared<const core::Feed>(std::move(*parsed.feed));
      s.status.origin = FeedOrigin::Cache;
      s.status.cacheBytes = cached->text.size() + cached->signature.size();
      s.fromConfiguredFeed = cached->url == s.status.feedUrl;
    }
  } else if (std::error_code ec; std::filesystem::exists(cacheFilePath(config.cacheDir), ec)) {
    addWarning(s, "the cache " + cacheFilePath(config.cacheDir) + " is damaged and was not used (" + error + ")");
  }
  takeLocalFeed(config, s);
  if (!s.feed && !config.feed.empty()) {  // the built-in content is someone else's event
    s.feed = waitingFeed(config, s.status.feedUrl, s.status.lastError, systemNow());
    if (s.feed) s.status.origin = FeedOrigin::Waiting;
  }
  if (!s.feed) {
    s.feed = parseEmbedded();
    s.status.origin = FeedOrigin::Embedded;
  }
  s.status.feedId = s.feed->id;
  s.status.revision = s.feed->revision;
  s.status.generated = s.feed->generated;
  s.status.clock.feedGenerated = s.feed->generated;
  return s;
}

FeedWorker::FeedWorker(core::Config config, const StartupFeed& startup, WorkerQueue& out, Clock clock,
                       FetchRequest limits, std::chrono::milliseconds fullFetchEvery)
    : config_(std::move(config)), url_(toUrl(config_.feed)), out_(out), clock_(clock ? std::move(clock) : Clock(systemNow)),
      limits_(std::move(limits)),
      status_(startup.status), started_(std::chrono::steady_clock::now()) {
  cacheBehind_ = startup.cacheBehind;
  sameFeedOnly_ = !config_.publicKey.empty() && startup.fromConfiguredFeed;
  fullFetchEvery_ = fullFetchEvery;
  lastFullFetch_ = started_;
  current_ = core::FeedIdentity{startup.feed->id, startup.feed->revision};
  if (startup.status.origin == FeedOrigin::Cache) {
    if (auto cached = loadCachedFeed(config_.cacheDir); cached && cached->url == url_) {
      etag_ = cached->etag;
      lastModified_ = cached->lastModified;
    }
  }
  if (!url_.empty()) thread_ = std::thread([this] { run(); });
}

FeedWorker::~FeedWorker() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wakeUp_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void FeedWorker::pollNow() {
  {
    std::lock_guard lock(mutex_);
    pollRequested_ = true;
  }
  wakeUp_.notify_all();
}

void FeedWorker::run() {
  std::mt19937 rng(std::random_device{}());
  while (true) {
    pollOnce();
    // Jitter keeps a fleet from polling in lockstep; backoff spares a struggling server.
    const double base = config_.pollSeconds;
    double delay = base;
    if (status_.consecutiveFailures > 0) delay = std::min(60.0, base * std::pow(2.0, status_.consecutiveFailures - 1));
    delay *= std::uniform_real_distribution<double>(0.9, 1.1)(rng);
    status_.nextPollIn = std::chrono::seconds(static_cast<long>(delay + 0.5));
    // The UI is woken only when something it shows or acts on changed; fetch times and the
    // server's clock wait for its next frame (within a second while the rotation runs), which
    // spares an idle screen two wake-ups per poll.
    std::string key = writeStatusFile();
    const bool matters = key != lastPushedKey_;
    lastPushedKey_ = std::move(key);
    WorkerMessage update{FeedUpdate{nullptr, status_}};
    if (matters) {
      out_.push(std::move(update));
    } else {
      // A status alone is a whole snapshot: a newer one makes an unread older one obsolete.
      out_.pushQuietly(std::move(update), [](const WorkerMessage& m) {
        const auto* u = std::get_if<FeedUpdate>(&m);
        return u && !u->feed;
      });
    }
    if (!waitFor(std::chrono::milliseconds(static_cast<long>(delay * 1000)))) return;
  }
}

bool FeedWorker::waitFor(std::chrono::milliseconds delay) {
  const auto until = std::chrono::steady_clock::now() + delay;
  const std::string network = status_.consecutiveFailures > 0 ? networkFingerprint() : std::string();
  std::unique_lock lock(mutex_);
  while (!stop_ && !pollRequested_) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= until) break;
    // While failing, look at the network once a second: when it comes back, retry at once.
    const auto step = status_.consecutiveFailures > 0 ? std::min<std::chrono::steady_clock::duration>(until - now, std::chrono::seconds(1))
                                                      : until - now;
    wakeUp_.wait_for(lock, step);
    if (status_.consecutiveFailures > 0 && !stop_) {
      lock.unlock();
      const bool changed = networkFingerprint() != network;
      lock.lock();
      if (changed) break;
    }
  }
  pollRequested_ = false;
  return !stop_;
}

void FeedWorker::fail(const std::string& fault, const std::string& message) {
  status_.fault = fault;
  status_.lastError = message;
  ++status_.consecutiveFailures;
  // The waiting page tells the fault on the screen itself, where whoever set it up looks.
  if (status_.origin == FeedOrigin::Waiting && message != waitingFault_) {
    waitingFault_ = message;
    if (auto page = waitingFeed(config_, url_, message, clock_())) publish(std::move(page));
  }
}

void FeedWorker::publish(std::shared_ptr<const core::Feed> feed) { out_.push(WorkerMessage{FeedUpdate{std::move(feed), status_}}); }

void FeedWorker::pollOnce() {
  const core::Instant started = clock_();
  status_.lastFetch = started;
  FetchRequest req = limits_;
  req.url = url_;
  // Validators save bandwidth but a server may answer 304 wrongly (validators of one-second
  // resolution the client could not recognise, a stale CDN node): whenever the next poll would
  // come later than `fullFetchEvery` after the last full answer, this one asks without them.
  const auto steadyNow = std::chrono::steady_clock::now();
  const auto longestWait = std::chrono::milliseconds(static_cast<long>(config_.pollSeconds * 1100.0));
  if (steadyNow - lastFullFetch_ + longestWait < fullFetchEvery_) {
    req.etag = etag_;
    req.lastModified = lastModified_;
  }
  req.caBundle = config_.caBundle;
  req.pinnedKey = config_.pinnedKey;
  FetchResponse res = fetch(req);
  if (res.serverDate) {
    status_.clock.serverDate = core::Instant{std::chrono::seconds{*res.serverDate}};
    status_.clock.localAtReceipt = clock_();
  }
  if (!res.ok()) {
    static const std::pair<FetchError, const char*> faults[] = {
        {FetchError::Network, "network"}, {FetchError::Timeout, "timeout"}, {FetchError::TooLarge, "too-large"},
        {FetchError::Http, "http"},       {FetchError::Tls, "tls"},         {FetchError::Redirects, "redirects"},
        {FetchError::Truncated, "truncated"}, {FetchError::Other, "network"}};
    std::string fault = "network";
    for (const auto& [e, name] : faults)
      if (e == res.error) fault = name;
    fail(fault, res.message);
    return;
  }
  if (!res.notModified) lastFullFetch_ = steadyNow;
  if (res.notModified) return succeeded(started, true);
  // An unchanged body (file:// or a server without validators) needs no second parse.
  const std::size_t hash = std::hash<std::string>{}(res.body);
  if (hash == lastBodyHash_ && (status_.fault.empty() || status_.fault == "cache")) return succeeded(started, true);

  auto parsed = core::parseFeed(res.body, url_);
  if (!parsed.feed) {
    fail("invalid-feed", "the published feed is invalid, the last good one keeps playing: " + firstErrors(parsed.diagnostics, 3));
    return;
  }
  std::string signature;
  if (!config_.publicKey.empty()) {
    FetchRequest sigReq = req;
    sigReq.url = url_ + ".sig";
    sigReq.etag.clear();
    sigReq.lastModified.clear();
    sigReq.maxBytes = 4096;
    const FetchResponse sig = fetch(sigReq);
    const Verification v = sig.ok() ? verifyDocument(res.body, sig.body, config_.publicKey)
                                    : Verification{false, "no signature could be fetched (" + sig.message + ")"};
    if (!v.ok) {
      fail("signature", "the feed was refused: " + v.error);
      return;
    }
    signature = sig.body;
  }
  const core::FeedIdentity candidate{parsed.feed->id, parsed.feed->revision};
  const core::SwapDecision decision = core::decideSwap(current_, candidate, sameFeedOnly_);
  if (const std::string fault = refusal(decision); !fault.empty()) {
    fail(fault, core::describe(decision, current_, candidate));
    return;
  }
  lastBodyHash_ = hash;
  etag_ = res.etag;
  lastModified_ = res.lastModified;
  // A local file that started the screen is kept like a download once it has been fetched here.
  if (decision == core::SwapDecision::SameRevision && !cacheBehind_) return succeeded(started, true);
  cacheBehind_ = false;
  keep(CachedFeed{url_, res.body, signature, etag_, lastModified_});
  succeeded(started, false);
  if (decision == core::SwapDecision::SameRevision) return;
  current_ = candidate;
  sameFeedOnly_ = !config_.publicKey.empty();  // from now on this feed, and only it
  status_.origin = FeedOrigin::Network;
  status_.feedId = candidate.id;
  status_.revision = candidate.revision;
  status_.generated = parsed.feed->generated;
  status_.clock.feedGenerated = parsed.feed->generated;
  status_.lastChange = started;
  publish(std::make_shared<const core::Feed>(std::move(*parsed.feed)));
}

void FeedWorker::keep(CachedFeed feed) {
  const std::string err = saveCachedFeed(config_.cacheDir, feed);
  if (err.empty()) {
    if (!cacheError_.empty()) std::fprintf(stderr, "schaufenster: the feed is kept on disk again\n");
    cacheError_.clear();
    unsaved_.reset();
    status_.cacheBytes = feed.text.size() + feed.signature.size();
    return;
  }
  // The screen plays on, but after a power cut it would start from an older feed: said in the
  // status and the journal until a write succeeds (retried at every poll).
  if (err != cacheError_) std::fprintf(stderr, "schaufenster: the feed cannot be kept on disk: %s\n", err.c_str());
  cacheError_ = err;
  unsaved_ = std::move(feed);
}

void FeedWorker::succeeded(core::Instant started, bool retrySave) {
  if (retrySave && unsaved_) keep(*unsaved_);
  status_.lastSuccess = started;
  status_.consecutiveFailures = 0;
  if (cacheError_.empty()) {
    status_.fault.clear();
    status_.lastError.clear();
  } else {
    status_.fault = "cache";
    status_.lastError = "the feed plays but cannot be kept on disk, so a power cut would lose it: " + cacheError_;
  }
}

std::string FeedWorker::writeStatusFile() {
  // Monitoring reads this file; an SD card wears with every write and every fsync wakes the
  // machine. So it is rewritten when something in it matters (revision, fault, origin, the
  // screen's darkness …) and otherwise once a minute, to keep the times in it fresh.
  FeedStatus lasting = status_;
  lasting.lastFetch.reset();
  lasting.lastSuccess.reset();
  lasting.nextPollIn = {};
  lasting.clock = {};
  std::string key = statusJson(lasting, config_, 0, std::chrono::seconds{0}, screenDark_.load());
  const auto now = std::chrono::steady_clock::now();
  if (key == lastStatusKey_ && now - lastStatusWrite_ < std::chrono::minutes{1}) return key;
  const auto uptime = std::chrono::duration_cast<std::chrono::seconds>(now - started_);
  const std::string err = writeFileAtomic(config_.effectiveStatusPath(), statusJson(status_, config_, fps_.load(), uptime, screenDark_.load()));
  if (err.empty()) {
    lastStatusKey_ = key;
    lastStatusWrite_ = now;
  } else if (err != statusFileError_) {
    std::fprintf(stderr, "schaufenster: monitoring sees an old status: %s\n", err.c_str());
  }
  statusFileError_ = err;
  return key;
}

std::string statusJson(const FeedStatus& s, const core::Config& config, double fps, std::chrono::seconds uptime,
                       bool screenDark) {
  nlohmann::ordered_json j{
      {"screen", config.screenName.empty() ? hostName() : config.screenName},
      {"host", hostName()},
      {"addresses", ipAddresses()},
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
  };
  return j.dump(2) + "\n";
}

}  // namespace sf::platform
