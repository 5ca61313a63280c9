// `serve DIR`: a small web server for a published folder on a stand's own network, where there is
// no other server. Answers conditional requests, so polling screens mostly get a 304.
#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>

#include "commands.hpp"
#include "common.hpp"
#include "core/base/text_util.hpp"
#include "core/import/sync_rules.hpp"
#include "platform/http.hpp"
#include "platform/net.hpp"
#include "key_file.hpp"
#include "platform/files.hpp"
#include "release.hpp"
#include "tools/console.hpp"
#include "tools/fleet_collector.hpp"
#include "tools/users.hpp"
#include "tools/published_files.hpp"
#include "tools/serve_addresses.hpp"

namespace sf::cli {
namespace {

// What screens and people can type in: each address of this machine the server answers on
// (0.0.0.0 is no address a screen could use), with the feed's URL and the other pages'.
void printAddresses(const std::string& root, const std::string& bind, int port, bool fleet, bool console, bool https) {
  std::vector<tools::InterfaceAddress> interfaces;
  if (auto lines = platform::ipAddresses()) interfaces = tools::parseInterfaceLines(*lines);
  const auto urls = tools::reachableUrls(bind, port, interfaces, https);
  std::cout << "serving " << root << " on port " << port << " (Ctrl+C stops)\n";
  for (const auto& u : urls)
    std::cout << "screens: " << u.base << "/feed.json" << (u.interface.empty() ? "" : "  (" + u.interface + ")") << '\n';
  if (console)
    for (const auto& u : urls) std::cout << "console: " << u.base << "/console/\n";
  if (fleet)
    for (const auto& u : urls) std::cout << "fleet: " << u.base << "/fleet/ (screens report to " << u.base << "/fleet/report)\n";
  std::cout << std::flush;
}

// The console, or null after saying what is missing: a users file with at least one user, the
// organiser's feed, and a key kept outside the served folder.
// The ids of the sources whose base feed is `feed`, from a `sync` config: their events are fixed in
// the console with a note that the next import overwrites an unpinned fix. Nothing on a mismatch.
std::optional<std::vector<std::string>> consoleSyncSources(const std::string& syncConfig, const std::string& feed) {
  if (syncConfig.empty()) return std::vector<std::string>{};
  const auto text = platform::readFile(syncConfig, 1u << 20);
  if (!text) {
    std::cerr << "serve: " << text.error().message << '\n';
    return std::nullopt;
  }
  const auto parsed = core::parseSyncConfig(*text);
  if (!parsed.config) {
    std::cerr << "serve: " << syncConfig << " is not a valid sync config (schaufenster sync " << syncConfig << " --once tells why)\n";
    return std::nullopt;
  }
  std::filesystem::path base = parsed.config->baseFeed;
  if (base.is_relative()) base = std::filesystem::path(syncConfig).parent_path() / base;
  std::error_code ec1, ec2;
  if (std::filesystem::weakly_canonical(base, ec1) != std::filesystem::weakly_canonical(feed, ec2) || ec1 || ec2) {
    std::cerr << "serve: --feed " << feed << " is not the base feed of " << syncConfig << " (" << base.string() << ")\n";
    return std::nullopt;
  }
  std::vector<std::string> ids;
  for (const auto& s : parsed.config->sources) ids.push_back(s.id);
  return ids;
}

std::unique_ptr<tools::Console> makeConsole(const std::string& dir, const std::string& usersFile, const std::string& feed,
                                            const std::string& keyFile, std::string auditFile, bool https, tools::FleetStore* fleet,
                                            const std::string& syncStateDir, const std::string& syncConfig,
                                            tools::PreviewRendererOptions preview) {
  if (usersFile.empty() || feed.empty()) {
    std::cerr << "serve: --console needs --users FILE (from `schaufenster user add FILE NAME`) and --feed FILE (the organiser's feed)\n";
    return nullptr;
  }
  const auto users = tools::readUsers(usersFile);
  if (!users || users->users.empty()) {
    std::cerr << "serve: " << (users ? "no users in " + usersFile + "; add one with `schaufenster user add " + usersFile + " NAME --role admin`"
                                     : users.error().message)
              << '\n';
    return nullptr;
  }
  if (!keyOutsideFolder(keyFile, dir)) return nullptr;
  auto sources = consoleSyncSources(syncConfig, feed);
  if (!sources) return nullptr;
  tools::ConsoleOptions o;
  o.syncSources = std::move(*sources);
  o.usersFile = usersFile;
  o.tls = https;
  o.feed = {feed, dir, std::nullopt, keyFile, 10};
  if (!keyFile.empty()) {
    auto keys = readKeyFile(keyFile);
    if (!keys) {
      std::cerr << "serve: " << keys.error().message << '\n';
      return nullptr;
    }
    o.feed.keys = std::move(*keys);
  }
  if (auditFile.empty()) {
    const auto slash = usersFile.rfind('/');
    auditFile = (slash == std::string::npos ? std::string() : usersFile.substr(0, slash + 1)) + "console-audit.jsonl";
  }
  if (auto probe = platform::appendFileSynced(auditFile, ""); !probe) {
    std::cerr << "serve: the audit log cannot be written: " << probe.error().message << '\n';
    return nullptr;
  }
  o.auditFile = auditFile;
  o.fleet = fleet;
  if (!syncStateDir.empty()) o.syncStatus = syncStateDir + "/sync-status.json";
  o.log = [](const std::string& line) { std::cerr << line << '\n'; };
  o.preview = std::move(preview);
  // The fleet's screens for previews at their sizes: the size of each one's last screenshot.
  if (fleet)
    o.fleetScreens = [fleet] {
      std::vector<tools::PreviewScreen> out;
      if (auto rows = fleet->screens())
        for (const auto& row : *rows)
          if (row.shot) out.push_back({row.report.screen, row.report.groups, row.report.rooms, row.shot->width, row.shot->height});
      return out;
    };
  return std::make_unique<tools::Console>(std::move(o));
}

}  // namespace

int runServe(const std::vector<std::string>& args) {
  CLI::App app{"Serves a published folder over HTTP on the local network (for stands without internet).\n"
               "Screens then use http://THIS-MACHINE:PORT/feed.json. Only feeds, signatures and images are\n"
               "served (never hidden files, key files or links out of the folder); GET and HEAD only.",
               "schaufenster serve"};
  std::string dir, bind = "0.0.0.0";
  int port = 8080;
  platform::ServerLimits limits;
  int timeout = static_cast<int>(limits.requestTimeout.count());
  app.add_option("dir", dir, "the folder `schaufenster publish --to` writes")->required()->check(CLI::ExistingDirectory);
  app.add_option("-p,--port", port, "TCP port (default 8080)")->check(CLI::Range(1, 65535));
  app.add_option("--bind", bind, "address to listen on (default: all)");
  app.add_option("--max-connections", limits.maxConnections, "open connections at most (default 256)")->check(CLI::Range(1, 4096));
  app.add_option("--max-per-address", limits.maxPerAddress, "open connections from one address at most (default 16)")
      ->check(CLI::Range(1, 4096));
  app.add_option("--timeout", timeout, "seconds a client may take to send a request or stay idle (default 10)")
      ->check(CLI::Range(1, 300));
  std::string fleetDb, fleetToken;
  app.add_option("--fleet", fleetDb, "also collect screens' reports (config \"report\") into this SQLite file and show the "
                                     "fleet at /fleet/, /fleet/screens.json and /metrics");
  app.add_option("--fleet-token", fleetToken, "the token screens send with their reports and people enter on /fleet/ "
                                              "(required with --fleet; at least 16 characters)");
  std::string notifyUrl;
  app.add_option("--notify", notifyUrl, "with --fleet: POST a small JSON to this URL when a screen goes offline or comes back "
                                        "(a chat or alerting webhook)");
  bool console = false;
  std::string usersFile, auditFile, consoleFeed, keyFile, syncConfig;
  app.add_flag("--console", console, "serve the organisers' console at /console/ (sign-in with --users): announcements onto the current "
               "release, programme fixes and publishing of --feed (the draft) with its changes shown first, the release history and "
               "rollback; with --fleet also the screens, with --sync-state the sync sources");
  app.add_option("--users", usersFile, "with --console: the users file (`schaufenster user add FILE NAME` makes it)");
  app.add_option("--feed", consoleFeed, "with --console: the organiser's feed file (the draft); Publish sends it to DIR, announcements are kept in it");
  app.add_option("--sign-key", keyFile, "with --console: key file (from keygen) that signs the releases the console publishes");
  std::string syncState;
  app.add_option("--sync-state", syncState, "with --console: the state folder of `schaufenster sync` (its stateDir); the console's "
                                            "Screens page shows each source's last import, errors and held-back copies")
      ->check(CLI::ExistingDirectory);
  app.add_option("--sync", syncConfig, "with --console: the `sync` config whose base feed --feed is; the Programme page then says which "
                                      "events an import overwrites and offers to pin fixes");
  app.add_option("--audit", auditFile, "with --console: the audit log, JSON lines (default: USERS_FILE's folder/console-audit.jsonl)");
  std::string previewProgram;
  int previewTimeout = 90;
  app.add_option("--preview-program", previewProgram, "with --console: the program that draws previews with its `render` and "
                                                      "`preview` commands (default: this one)");
  app.add_option("--preview-timeout", previewTimeout, "with --console: seconds one preview may take before it is stopped (default 90)")
      ->check(CLI::Range(1, 600));
  std::string certFile, tlsKeyFile;
  app.add_option("--cert", certFile, "serve HTTPS with this PEM certificate (with its chain); needs --key");
  app.add_option("--key", tlsKeyFile, "the certificate's private key (PEM)");
  if (auto code = parseArgs(app, args)) return *code;
  platform::ServerTls tls;
  if (!certFile.empty() || !tlsKeyFile.empty()) {
    if (certFile.empty() || tlsKeyFile.empty()) {
      std::cerr << "serve: --cert and --key go together\n";
      return kExitUsage;
    }
    auto cert = platform::readFile(certFile, 1u << 20);
    auto key = platform::readFile(tlsKeyFile, 1u << 20);
    if (!cert || !key) {
      std::cerr << "serve: " << (cert ? key.error().message : cert.error().message) << '\n';
      return kExitInvalid;
    }
    tls = {std::move(*cert), std::move(*key)};
  }
  if (!notifyUrl.empty() && !core::isWebUrl(notifyUrl)) {
    std::cerr << "serve: --notify expects an http:// or https:// address, found " << core::quoteShort(notifyUrl) << '\n';
    return kExitInvalid;
  }
  limits.requestTimeout = std::chrono::seconds{timeout};
  std::unique_ptr<tools::FleetStore> store;
  std::unique_ptr<tools::FleetCollector> collector;
  if (!fleetDb.empty() || !fleetToken.empty()) {
    if (fleetDb.empty() || fleetToken.size() < 16) {
      std::cerr << "serve: --fleet FILE and --fleet-token TOKEN go together, and the token needs at least 16 characters "
                   "(e.g. from `openssl rand -hex 16`)\n";
      return kExitInvalid;
    }
    auto opened = tools::FleetStore::open(fleetDb);
    if (!opened) {
      std::cerr << "serve: " << opened.error().message << '\n';
      return kExitInvalid;
    }
    store = std::move(*opened);
    limits.maxBody = std::max(limits.maxBody, core::maxReportBody(tools::CollectorOptions{}.limits));
  }
  std::unique_ptr<tools::Console> consoleHandler;
  if (!console && (!usersFile.empty() || !consoleFeed.empty() || !keyFile.empty() || !auditFile.empty() || !syncState.empty() ||
                   !syncConfig.empty() || !previewProgram.empty())) {
    std::cerr << "serve: --users, --feed, --sign-key, --audit, --sync, --sync-state and --preview-program go with --console\n";
    return kExitUsage;
  }
  if (console) {  // after the fleet's database, which its Screens and Preview pages read
    tools::PreviewRendererOptions preview;
    preview.program = previewProgram;
    preview.bounds.timeout = std::chrono::seconds{previewTimeout};
    auto made = makeConsole(dir, usersFile, consoleFeed, keyFile, auditFile, !tls.certPem.empty(), store.get(), syncState, syncConfig,
                            std::move(preview));
    if (!made) return kExitUsage;
    consoleHandler = std::move(made);
    limits.maxBody = std::max<std::size_t>(limits.maxBody, 64 * 1024);
    // Password checks run off the event thread, one at a time (each takes 64 MiB for a second on
    // a Pi); a few more wait their turn, and beyond them a sign-in is asked to try again.
    limits.workers = 1;
    limits.workQueue = 8;
  }

  // SIGINT and SIGTERM are taken by this thread alone (the server's threads inherit the mask).
  sigset_t stopSignals;
  sigemptyset(&stopSignals);
  sigaddset(&stopSignals, SIGINT);
  sigaddset(&stopSignals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

  tools::PublishedFolder folder(dir);
  std::mutex logMutex;
  auto log = [&](const std::string& line) {
    std::lock_guard lock(logMutex);
    std::cerr << line << '\n';
  };
  if (store) {
    tools::CollectorOptions co;
    co.token = fleetToken;
    co.log = log;
    // Called from the sweep on this main thread, never from the server's: a slow webhook delays
    // the next sweep, not a screen's report.
    if (!notifyUrl.empty())
      co.notify = [notifyUrl, &log](const std::string& body) {
        platform::PostRequest req;
        req.url = notifyUrl;
        req.body = body;
        if (auto sent = platform::post(req); !sent) log("fleet: the webhook was not reached: " + sent.error().message);
      };
    collector = std::make_unique<tools::FleetCollector>(*store, std::move(co));
  }
  auto handler = [&](const platform::HttpRequest& req) {
    std::optional<platform::HttpResponse> fleet;
    if (consoleHandler) fleet = consoleHandler->answer(req);
    if (collector && !fleet) fleet = collector->answer(req);
    platform::HttpResponse res = fleet ? std::move(*fleet) : folder.answer(req);
    // Paths come from the network: escaped, so no request can forge a log line or a terminal escape.
    log(req.remote + " " + core::escapeControls(req.method) + " " + core::escapeControls(req.path) + " " + std::to_string(res.status));
    return res;
  };
  std::string error;
  auto server = platform::HttpServer::start(bind, port, limits, handler, log, error, tls);
  if (!server) {
    std::cerr << "serve: " << error << '\n';
    return kExitInvalid;
  }
  printAddresses(folder.root(), bind, server->port(), collector != nullptr, consoleHandler != nullptr, !tls.certPem.empty());
  // Once a second the collector notes screens that went offline or came back.
  const timespec second{1, 0};
  while (sigtimedwait(&stopSignals, nullptr, &second) < 0)
    if (collector) collector->sweep();
  server->stop();
  return kExitOk;
}

}  // namespace sf::cli
