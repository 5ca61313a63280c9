// The reporter's loop: sleep a jittered beat, ask the UI for its values through the work queue,
// wait (bounded) for them, add host, version and machine facts, POST, repeat.
#include "reporter.hpp"

#include <algorithm>
#include <cstdio>
#include <random>

#include "core/show/fleet_metrics.hpp"
#include "platform/crypto.hpp"
#include "platform/files.hpp"
#include "platform/http.hpp"
#include "platform/net.hpp"

#ifndef SF_VERSION
#define SF_VERSION "unknown"
#endif

namespace sf::live {

Reporter::Reporter(const core::Config& config, WorkerQueue& out, ReporterTuning tuning)
    : config_(config), out_(out), tuning_(std::move(tuning)) {
  if (!config_.report.url.empty() || !config_.metricsTextfile.empty()) thread_ = std::thread([this] { run(); });
}

Reporter::~Reporter() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Reporter::send(core::ScreenReport snapshot, std::optional<Frame> frame) {
  {
    std::lock_guard lock(mutex_);
    snapshot_ = std::move(snapshot);
    frame_ = std::move(frame);
  }
  wake_.notify_all();
}

bool Reporter::sleep(std::chrono::milliseconds delay) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, delay, [this] { return stop_; });
  return !stop_;
}

void Reporter::run() {
  std::mt19937 rng(std::random_device{}());
  const auto beat = std::chrono::milliseconds(config_.report.seconds * 1000L);
  // ±10 %: a fleet switched on together does not report in lockstep.
  auto jittered = [&](std::chrono::milliseconds d) {
    return std::chrono::milliseconds(static_cast<long>(d.count() * std::uniform_real_distribution<double>(0.9, 1.1)(rng)));
  };
  std::chrono::milliseconds delay = jittered(std::min(tuning_.firstBeat, beat));
  loadKey();
  while (sleep(delay)) {
    delay = jittered(beat);
    {
      std::lock_guard lock(mutex_);
      snapshot_.reset();
      frame_.reset();
    }
    out_.push(WorkerMessage{ReportDue{reachable_, shotLost_}});
    std::optional<core::ScreenReport> snapshot;
    std::optional<Frame> frame;
    {
      // A UI that does not answer within a beat is hung: no report, so the fleet sees it offline.
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, beat, [this] { return stop_ || snapshot_.has_value(); });
      if (stop_) return;
      snapshot = std::move(snapshot_);
      frame = std::move(frame_);
      snapshot_.reset();
      frame_.reset();
    }
    if (snapshot) post(complete(std::move(*snapshot)), std::move(frame));
  }
}

core::ScreenReport Reporter::complete(core::ScreenReport report) const {
  if (report.screen.empty()) report.screen = platform::hostName().value_or("unknown");
  report.version = SF_VERSION;
  report.seconds = config_.report.seconds;
  const platform::MachineFacts facts = platform::readMachineFacts(config_.cacheDir, tuning_.machine);
  report.freeDiskBytes = facts.freeDiskBytes;
  report.temperatureC = facts.temperatureC;
  report.throttled = facts.throttled;
  return report;
}

void Reporter::post(core::ScreenReport report, std::optional<Frame> frame) {
  if (!config_.metricsTextfile.empty()) writeTextfile(report);
  if (config_.report.url.empty()) return;
  if (frame) {
    // A screenshot that cannot be made costs the report nothing: it goes without one.
    auto shot = makeScreenshot(*frame, tuning_.screenshot);
    frame.reset();  // the full frame's megabytes go before the POST waits on the network
    if (shot) report.screenshot = std::move(shot->image);
    const std::string shotError = shot ? std::string() : shot.error().message;
    if (!shotError.empty() && shotError != lastShotError_) std::fprintf(stderr, "schaufenster: no screenshot: %s\n", shotError.c_str());
    lastShotError_ = shotError;
  }

  platform::PostRequest req;
  req.url = config_.report.url;
  if (key_) {
    // Larger than the last one even when the clock steps back while the screen runs.
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    lastSequence_ = report.sequence = std::max<std::int64_t>(lastSequence_ + 1, ms);
  }
  req.body = core::reportJson(report);
  if (key_) {
    if (auto signature = platform::signDetached(core::reportSigningText(req.body), key_->secretKey))
      req.headers.emplace_back(core::kReportSignatureHeader, "ed25519 " + key_->publicKey + " " + *signature);
  }
  req.bearerToken = config_.report.token;
  req.caBundle = config_.caBundle;
  req.totalTimeoutMs = std::min<long>(tuning_.timeoutMs, config_.report.seconds * 500L);
  req.connectTimeoutMs = std::min<long>(3000, req.totalTimeoutMs);
  const auto answer = platform::post(req);
  const std::string error = answer ? std::string() : answer.error().message;
  if (answer) ++sent_;
  else ++failed_;
  if (answer && report.screenshot) ++shotsSent_;
  reachable_ = static_cast<bool>(answer);
  // Not queued: the screen takes a fresh screenshot when the collector answers again.
  shotLost_ = !answer && report.screenshot;
  // The journal hears of a change only: a collector down for a night is one line, not 600.
  if (error != lastError_) {
    if (error.empty()) std::fprintf(stderr, "schaufenster: reports reach the fleet collector again\n");
    else std::fprintf(stderr, "schaufenster: a report to the fleet collector was dropped: %s\n", error.c_str());
  }
  lastError_ = error;
}


void Reporter::loadKey() {
  if (config_.report.url.empty() || !config_.report.sign) return;
  auto key = loadOrCreateReportKey(config_.cacheDir);
  if (!key) {
    std::fprintf(stderr, "schaufenster: reports go unsigned: %s\n", key.error().message.c_str());
    return;
  }
  // Said once, when the key is new: the public key is what an organiser compares when the
  // collector refuses a reinstalled screen.
  if (key->created) std::fprintf(stderr, "schaufenster: made this screen's report key; its public key is %s\n", key->publicKey.c_str());
  key_ = std::move(*key);
}

void Reporter::writeTextfile(const core::ScreenReport& report) {
  // node_exporter reads whatever *.prom file is there when it is scraped: the text goes to a
  // temporary name beside it (not *.prom), is synced and renamed over it, so a scrape sees the
  // old file or the new one, never half of one.
  const auto written = platform::writeFileAtomic(config_.metricsTextfile, core::screenMetricsText(report), 0644);
  const std::string error = written ? std::string() : written.error().message;
  if (written) ++written_;
  if (error != lastTextfileError_) {
    if (error.empty()) std::fprintf(stderr, "schaufenster: the metrics textfile %s is written again\n", config_.metricsTextfile.c_str());
    else std::fprintf(stderr, "schaufenster: the metrics textfile could not be written: %s\n", error.c_str());
  }
  lastTextfileError_ = error;
}

}  // namespace sf::live
