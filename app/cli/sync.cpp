// `schaufenster sync CONFIG [--once] [--accept SOURCE]`: the organiser's service that keeps a
// published feed in step with its schedules (tools/sync.hpp); here only arguments and signals.
#include <signal.h>
#include <time.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "common.hpp"
#include "core/import/sync_rules.hpp"
#include "platform/files.hpp"
#include "platform/service_notify.hpp"
#include "tools/sync.hpp"

namespace sf::cli {
namespace {

namespace fs = std::filesystem;

std::string resolve(const std::string& path, const fs::path& base) {
  if (path.empty() || path.find("://") != std::string::npos || fs::path(path).is_absolute()) return path;
  return (base / path).lexically_normal().string();
}

}  // namespace

int runSync(const std::vector<std::string>& args) {
  CLI::App app{"Keeps a published feed in step with its schedules. CONFIG (JSON) names the sources (URLs or\n"
               "files), the organiser's base feed, the key and the folder to publish into. Each source is asked\n"
               "every pollSeconds (default 300, 30 for a source marked live) with conditional requests; on a\n"
               "change it is imported, merged into the base feed, checked and published as a signed new revision.\n"
               "An invalid result is never published. A source that suddenly returns no events, or loses more\n"
               "than half of them, is held back until `schaufenster sync CONFIG --accept SOURCE`. The state and\n"
               "the status (sync-status.json) live in stateDir (default: $STATE_DIRECTORY, else CONFIG's folder).\n"
               "Example config:\n"
               "  {\"baseFeed\": \"base.json\", \"key\": \"/etc/schaufenster/organiser.key\",\n"
               "   \"publishTo\": \"/var/www/screens\",\n"
               "   \"sources\": [{\"id\": \"democon\", \"url\": \"https://pretalx.example.org/democon/schedule/export/schedule.json\",\n"
               "                \"live\": true}]}",
               "schaufenster sync"};
  std::string configPath, acceptId;
  bool once = false;
  app.add_option("config", configPath, "the sync config (JSON)")->required();
  app.add_flag("--once", once, "one round over every source, then exit (for cron and tests)");
  app.add_option("--accept", acceptId, "publish SOURCE's held-back copy (one round, then exit)");
  if (auto code = parseArgs(app, args)) return *code;

  auto text = platform::readFile(configPath, 1u << 20);
  if (!text) {
    std::cerr << "sync: " << text.error().message << '\n';
    return kExitUsage;
  }
  auto parsed = core::parseSyncConfig(*text);
  for (auto d : parsed.diagnostics) {
    d.file = configPath;
    std::cerr << core::formatDiagnostic(d) << '\n';
  }
  if (!parsed.config) {
    std::cerr << configPath << ": not a usable sync config\n";
    return kExitInvalid;
  }
  core::SyncConfig config = std::move(*parsed.config);
  const fs::path base = fs::absolute(configPath).parent_path();
  config.baseFeed = resolve(config.baseFeed, base);
  config.key = resolve(config.key, base);
  config.publishTo = resolve(config.publishTo, base);
  if (config.stateDir.empty()) {
    const char* systemd = ::getenv("STATE_DIRECTORY");  // set by the unit's StateDirectory=
    config.stateDir = systemd && *systemd ? std::string(systemd).substr(0, std::string(systemd).find(':')) : base.string();
  }
  config.stateDir = resolve(config.stateDir, base);
  for (auto& s : config.sources)
    if (s.location.find("://") == std::string::npos) s.location = resolve(s.location, base);

  auto log = [](const std::string& line) { std::cout << line << std::endl; };
  tools::SyncService service(config, configPath, log);
  auto runRound = [&](bool all) -> int {
    auto r = service.round(all);
    if (!r) {
      std::cerr << "sync: " << r.error().message << '\n';
      return kExitInvalid;
    }
    return r->errors > 0 || r->heldBack > 0 ? kExitInvalid : kExitOk;
  };
  if (!acceptId.empty()) {
    if (auto done = service.accept(acceptId); !done) {
      std::cerr << "sync: " << done.error().message << '\n';
      return kExitInvalid;
    }
    return runRound(true);
  }
  if (once) return runRound(true);

  // The service: SIGINT and SIGTERM end it between rounds, never in the middle of a publication.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  platform::ServiceNotifier notifier;
  std::cout << "sync: " << config.sources.size() << " sources into " << config.publishTo << "; state in " << config.stateDir
            << std::endl;
  bool first = true;
  while (true) {
    runRound(first);
    if (first) notifier.ready("syncing " + std::to_string(config.sources.size()) + " sources");
    first = false;
    const auto wait = service.nextDue() - std::chrono::steady_clock::now();
    const auto ms = std::max<long long>(0, std::min<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(wait).count(), 3600000));
    timespec ts{static_cast<time_t>(ms / 1000), static_cast<long>(ms % 1000) * 1000000};
    const int sig = sigtimedwait(&stop, nullptr, &ts);
    if (sig == SIGINT || sig == SIGTERM) break;
  }
  notifier.stopping();
  std::cout << "sync: stopped" << std::endl;
  return kExitOk;
}

}  // namespace sf::cli
