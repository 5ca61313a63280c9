// The feed worker's loop: fetch (conditional), finish and check, decide, cache, hand over; then
// sleep with jitter, backing off on faults and retrying at once when the network returns.
#include "feed_worker.hpp"

#include <cmath>
#include <cstdio>
#include <functional>
#include <random>

#include "candidate.hpp"
#include "platform/net.hpp"
#include "waiting_feed.hpp"
#include "platform/clock.hpp"

namespace sf::live {

FeedWorker::FeedWorker(core::Config config, const StartupFeed& startup, WorkerQueue& out, Tuning tuning)
    : config_(std::move(config)), url_(feedUrl(config_.feed)), out_(out), tuning_(std::move(tuning)),
      status_(startup.status), statusFile_(config_) {
  if (!tuning_.clock) tuning_.clock = platform::systemSeconds;
  cacheBehind_ = startup.cacheBehind;
  sameFeedOnly_ = !config_.publicKey.empty() && startup.fromConfiguredFeed;
  lastFullFetch_ = std::chrono::steady_clock::now();
  current_ = core::FeedIdentity{startup.feed->id, startup.feed->revision};
  etag_ = startup.etag;
  lastModified_ = startup.lastModified;
  lastBodyHash_ = startup.bodyHash;
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

void FeedWorker::run() {
  std::mt19937 rng(std::random_device{}());
  while (true) {
    pollOnce();
    // Jitter keeps a fleet from polling in lockstep; backoff spares a struggling server.
    const double base = config_.pollSeconds;
    double delay = base;
    const double longest = std::chrono::duration<double>(tuning_.longestBackoff).count();
    if (status_.consecutiveFailures > 0) delay = std::min(longest, base * std::pow(2.0, status_.consecutiveFailures - 1));
    delay *= std::uniform_real_distribution<double>(0.9, 1.1)(rng);
    status_.nextPollIn = std::chrono::seconds(static_cast<long>(delay + 0.5));
    handOver();
    if (!waitFor(std::chrono::milliseconds(static_cast<long>(delay * 1000)))) return;
  }
}

void FeedWorker::handOver() {
  // The UI is woken only when something it shows or acts on changed; fetch times and the
  // server's clock wait for its next frame (within a second while the rotation runs), which
  // spares an idle screen two wake-ups per poll.
  std::string key = statusFile_.update(status_, fps_.load(), screenDark_.load());
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
}

void FeedWorker::setShowing(std::string takeover, std::string banner) {
  {
    std::lock_guard lock(mutex_);
    showingTakeover_ = std::move(takeover);
    showingBanner_ = std::move(banner);
    showingChanged_ = true;
  }
  wakeUp_.notify_all();
}

bool FeedWorker::waitFor(std::chrono::milliseconds delay) {
  const auto until = std::chrono::steady_clock::now() + delay;
  const bool failing = status_.consecutiveFailures > 0;
  const std::string network = failing ? platform::networkFingerprint().value_or("") : std::string();
  std::unique_lock lock(mutex_);
  while (!stop_) {
    if (showingChanged_) {
      // The status is this thread's: the screen's news is copied in here and written at once,
      // without a poll.
      showingChanged_ = false;
      status_.showingTakeover = showingTakeover_;
      status_.showingBanner = showingBanner_;
      lock.unlock();
      handOver();
      lock.lock();
      continue;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now >= until) break;
    // While failing, look at the network once a second: when it comes back, retry at once.
    const auto step = failing ? std::min<std::chrono::steady_clock::duration>(until - now, std::chrono::seconds(1)) : until - now;
    wakeUp_.wait_for(lock, step);
    if (failing && !stop_) {
      lock.unlock();
      const bool changed = platform::networkFingerprint().value_or("") != network;
      lock.lock();
      if (changed) break;
    }
  }
  return !stop_;
}

void FeedWorker::fail(const std::string& fault, const std::string& message) {
  status_.fault = fault;
  status_.lastError = message;
  ++status_.consecutiveFailures;
  // The waiting page tells the fault on the screen itself, where whoever set it up looks.
  if (status_.origin == FeedOrigin::Waiting && message != waitingFault_) {
    waitingFault_ = message;
    if (auto page = waitingFeed(config_, url_, message, tuning_.clock())) publish(std::move(page));
  }
}

void FeedWorker::publish(std::shared_ptr<const core::Feed> feed) { out_.push(WorkerMessage{FeedUpdate{std::move(feed), status_}}); }

void FeedWorker::pollOnce() {
  const core::Instant started = tuning_.clock();
  status_.lastFetch = started;
  platform::FetchRequest req = tuning_.limits;
  req.url = url_;
  // Validators save bandwidth but a server may answer 304 wrongly (validators of one-second
  // resolution the client could not recognise, a stale CDN node): whenever the next poll would
  // come later than `fullFetchEvery` after the last full answer, this one asks without them.
  const auto steadyNow = std::chrono::steady_clock::now();
  const auto longestWait = std::chrono::milliseconds(static_cast<long>(config_.pollSeconds * 1100.0));
  if (steadyNow - lastFullFetch_ + longestWait < tuning_.fullFetchEvery) {
    req.etag = etag_;
    req.lastModified = lastModified_;
  }
  req.caBundle = config_.caBundle;
  req.pinnedKey = config_.pinnedKey;
  auto res = platform::fetch(req);
  if (!res) return fail(res.error().kind, res.error().message);
  if (res->serverDate) {
    status_.clock.serverDate = core::Instant{std::chrono::seconds{*res->serverDate}};
    status_.clock.localAtReceipt = tuning_.clock();
  }
  if (res->notModified) return succeeded(started, true);
  lastFullFetch_ = steadyNow;
  // An unchanged body (file:// or a server without validators, or what startup already read)
  // needs no second parse; its validators are taken, they describe the same body.
  const std::size_t hash = std::hash<std::string>{}(res->body);
  if (hash == lastBodyHash_ && !cacheBehind_ && (status_.fault.empty() || status_.fault == "cache")) {
    etag_ = res->etag;
    lastModified_ = res->lastModified;
    return succeeded(started, true);
  }

  CandidateRules rules{current_, sameFeedOnly_, 3};
  auto candidate = checkCandidate(res->body, url_, config_, rules, [&]() -> core::Result<std::string> {
    platform::FetchRequest sigReq = req;
    sigReq.url = url_ + ".sig";
    sigReq.etag.clear();
    sigReq.lastModified.clear();
    sigReq.maxBytes = 4096;
    auto sig = platform::fetch(sigReq);
    if (!sig) return core::fail("no signature could be fetched (" + sig.error().message + ")");
    return std::move(sig->body);
  });
  if (!candidate) {
    const core::Error& e = candidate.error();
    if (e.kind == "invalid-feed") return fail(e.kind, "the published feed is invalid, the last good one keeps playing: " + e.message);
    if (e.kind == "signature") return fail(e.kind, "the feed was refused: " + e.message);
    return fail(e.kind, e.message);
  }
  lastBodyHash_ = hash;
  etag_ = res->etag;
  lastModified_ = res->lastModified;
  const bool sameRevision = candidate->decision == core::SwapDecision::SameRevision;
  // A local file that started the screen is kept like a download once it has been fetched here.
  if (sameRevision && !cacheBehind_) return succeeded(started, true);
  cacheBehind_ = false;
  keep(CachedFeed{url_, res->body, candidate->signature, etag_, lastModified_});
  succeeded(started, false);
  if (sameRevision) return;
  current_ = core::FeedIdentity{candidate->feed->id, candidate->feed->revision};
  sameFeedOnly_ = !config_.publicKey.empty();  // from now on this feed, and only it
  showFeed(status_, *candidate->feed, FeedOrigin::Network);
  status_.lastChange = started;
  publish(std::move(candidate->feed));
}

void FeedWorker::keep(CachedFeed feed) {
  const auto saved = saveCachedFeed(config_.cacheDir, feed);
  if (saved) {
    if (!cacheError_.empty()) std::fprintf(stderr, "schaufenster: the feed is kept on disk again\n");
    cacheError_.clear();
    unsaved_.reset();
    status_.cacheBytes = feed.text.size() + feed.signature.size();
    return;
  }
  // The screen plays on, but after a power cut it would start from an older feed: said in the
  // status and the journal until a write succeeds (retried at every poll).
  const std::string& err = saved.error().message;
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

}  // namespace sf::live
