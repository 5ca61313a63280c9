// Draining the worker queue and describing the feed's state for organisers. The status page is
// rebuilt at most once a second while it is open; nothing here runs on an idle frame.
#include "live_feed.hpp"

#include <cstdio>

#include "core/base/text_util.hpp"
#include "core/show/ui_text.hpp"
#include "live/status.hpp"
#include "platform/net.hpp"

namespace sf::player {

LiveFeed::LiveFeed(const core::Config& config, live::StartupFeed startup, std::function<void()> wake, bool network)
    : feed_(startup.feed), status_(startup.status), config_(config), statusFile_(config), network_(network) {
  queue_.setWake(std::move(wake));
  if (network && !config.feed.empty()) worker_ = std::make_unique<live::FeedWorker>(config, startup, queue_);
  if (network && (!config.report.url.empty() || !config.metricsTextfile.empty())) reporter_ = std::make_unique<live::Reporter>(config, queue_);
  requestImages();
}

void LiveFeed::requestImages() {
  if (!feed_) return;
  for (const std::string& src : core::imageSources(*feed_)) {
    if (!images_) {
      // No thread and no cache folder for feeds without pictures (the built-in one has none).
      live::ImageWorker::Options o;
      o.cacheDir = config_.cacheDir;
      o.cacheBytes = config_.imageCacheBytes;
      images_ = std::make_unique<live::ImageWorker>(std::move(o), queue_);
    }
    images_->request(src, status_.feedUrl);
  }
}

LiveFeed::Changes LiveFeed::drain() {
  Changes c;
  if (!queue_.drain(inbox_)) return c;
  bool networkBack = false;
  for (auto& m : inbox_) {
    if (auto* u = std::get_if<live::FeedUpdate>(&m)) {
      // A fetch that succeeds after failures: whatever kept the feed away likely kept the
      // pictures away too, so the missing ones are asked for now.
      networkBack = networkBack || (status_.consecutiveFailures > 0 && u->status.consecutiveFailures == 0);
      status_ = std::move(u->status);
      c.status = true;
      if (u->feed) {
        feed_ = std::move(u->feed);
        c.feed = true;
      }
    } else if (auto* im = std::get_if<live::ImageReady>(&m)) {
      ready_.push_back(std::move(*im));
      c.images = true;
    } else if (auto* due = std::get_if<live::ReportDue>(&m)) {
      c.reportDue = true;
      c.due = *due;
    }
  }
  if (c.feed) requestImages();
  if (networkBack && images_) images_->retryNow();
  inbox_.clear();
  return c;
}

void LiveFeed::setScreenDark(bool dark) {
  dark_ = dark;
  if (worker_) worker_->setScreenDark(dark);
  else writeOwnStatus();
}

void LiveFeed::setShowing(const std::string& takeover, const std::string& banner) {
  status_.showingTakeover = takeover;
  status_.showingBanner = banner;
  if (worker_) worker_->setShowing(takeover, banner);
  else writeOwnStatus();
}

void LiveFeed::sendReport(core::ScreenReport snapshot, std::optional<live::Frame> frame) {
  if (reporter_) reporter_->send(std::move(snapshot), std::move(frame));
}

void LiveFeed::screenUp() {
  if (!worker_) writeOwnStatus();
}

void LiveFeed::writeOwnStatus() {
  // Only a real screen reports; benchmarks and tests (no network) leave the state folder alone.
  if (!network_) return;
  if (auto written = statusFile_.write(status_, 0, dark_); !written)
    std::fprintf(stderr, "schaufenster: %s\n", written.error().message.c_str());
}

void LiveFeed::setFrameRate(double fps) {
  if (worker_) worker_->setFrameRate(fps);
}

namespace {

std::string age(std::optional<core::Instant> t, core::Instant now, bool de) {
  if (!t) return de ? "noch nie" : "never";
  const auto s = std::chrono::duration_cast<std::chrono::seconds>(now - *t).count();
  char buf[64];
  if (s < 0) std::snprintf(buf, sizeof buf, de ? "in %lld s (Uhr falsch?)" : "in %lld s (clock wrong?)", static_cast<long long>(-s));
  else if (s < 120) std::snprintf(buf, sizeof buf, de ? "vor %lld s" : "%lld s ago", static_cast<long long>(s));
  else if (s < 7200) std::snprintf(buf, sizeof buf, de ? "vor %lld min" : "%lld min ago", static_cast<long long>(s / 60));
  else if (s < 172800) std::snprintf(buf, sizeof buf, de ? "vor %lld h" : "%lld h ago", static_cast<long long>(s / 3600));
  else std::snprintf(buf, sizeof buf, de ? "vor %lld Tagen" : "%lld days ago", static_cast<long long>(s / 86400));
  return buf;
}

}  // namespace

void statusRows(const live::FeedStatus& s, const core::Config& config, double fps, std::chrono::seconds uptime,
                core::Instant now, const std::string& lang, std::vector<views::StatusRow>& out,
                const ImageSummary& images) {
  const bool de = lang == "de";
  out.clear();
  const std::string origin = s.origin == live::FeedOrigin::Network ? (de ? "aus dem Netz" : "from the network")
                             : s.origin == live::FeedOrigin::Cache ? (de ? "aus dem Zwischenspeicher" : "from the cache")
                             : s.origin == live::FeedOrigin::Waiting ? (de ? "wartet auf den Feed" : "waiting for the feed")
                                                                        : (de ? "eingebaut" : "built in");
  out.push_back({de ? "Bildschirm" : "Screen", config.screenName.empty() ? platform::hostName().value_or("unknown") : config.screenName});
  out.push_back({core::ui(core::Ui::StatusVersion, lang), live::packageVersion()});
  out.push_back({de ? "Feed-Adresse" : "Feed address", s.feedUrl.empty() ? (de ? "keine (eingebauter Feed)" : "none (built-in feed)") : s.feedUrl});
  out.push_back({de ? "Inhalt" : "Content", s.feedId + ", " + (de ? "Revision " : "revision ") + std::to_string(s.revision) + ", " + origin});
  out.push_back({de ? "Alter des Inhalts" : "Content age", de ? "erstellt " + age(s.generated, now, de) : "made " + age(s.generated, now, de)});
  out.push_back({de ? "Letzter Abruf" : "Last fetch", age(s.lastFetch, now, de) + (s.lastSuccess ? (de ? ", zuletzt erfolgreich " : ", last success ") + age(s.lastSuccess, now, de) : std::string())});
  // In the page's language first; the technical detail after it, as the logs word it.
  out.push_back({de ? "Letzter Fehler" : "Last error",
                 s.lastError.empty() ? (de ? "keiner" : "none") : std::string(core::faultSummary(s.fault, lang)) + ". " + s.lastError,
                 !s.lastError.empty()});
  if (images.named > 0) {
    char counts[96];
    std::snprintf(counts, sizeof counts, de ? "%zu von %zu geladen, %zu fehlerhaft" : "%zu of %zu loaded, %zu failed",
                  images.loaded, images.named, images.failed);
    out.push_back({de ? "Bilder" : "Images", images.failed ? std::string(counts) + " – " + images.firstError : counts,
                   images.failed > 0});
  }
  out.push_back({de ? "Zwischenspeicher" : "Cache", core::formatBytes(s.cacheBytes, lang) + " in " + config.cacheDir});
  char buf[64];
  std::snprintf(buf, sizeof buf, "%lld h %02lld min", static_cast<long long>(uptime.count() / 3600), static_cast<long long>(uptime.count() / 60 % 60));
  out.push_back({de ? "Laufzeit" : "Uptime", buf});
  std::snprintf(buf, sizeof buf, de ? "%.1f Bilder/s" : "%.1f frames/s", fps);
  out.push_back({de ? "Bildrate" : "Frame rate", buf});
  std::string addresses;
  for (const auto& a : platform::ipAddresses().value_or(std::vector<std::string>{})) addresses += (addresses.empty() ? "" : ", ") + a;
  out.push_back({de ? "Rechner und Adressen" : "Host and addresses", platform::hostName().value_or("unknown") + (addresses.empty() ? "" : " – " + addresses)});
}

}  // namespace sf::player
