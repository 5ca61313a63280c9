// `serve DIR`: a small web server for a published folder on a stand's own network, where there is
// no other server. Answers conditional requests, so polling screens mostly get a 304.
#include <signal.h>

#include <iostream>
#include <memory>
#include <mutex>
#include <optional>

#include "commands.hpp"
#include "common.hpp"
#include "core/base/text_util.hpp"
#include "platform/http.hpp"
#include "tools/fleet_collector.hpp"
#include "tools/published_files.hpp"

namespace sf::cli {

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
  if (auto code = parseArgs(app, args)) return *code;
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
    limits.maxBody = core::maxReportBody(tools::CollectorOptions{}.limits);
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
    if (collector) fleet = collector->answer(req);
    platform::HttpResponse res = fleet ? std::move(*fleet) : folder.answer(req);
    // Paths come from the network: escaped, so no request can forge a log line or a terminal escape.
    log(req.remote + " " + core::escapeControls(req.method) + " " + core::escapeControls(req.path) + " " + std::to_string(res.status));
    return res;
  };
  std::string error;
  auto server = platform::HttpServer::start(bind, port, limits, handler, log, error);
  if (!server) {
    std::cerr << "serve: " << error << '\n';
    return kExitInvalid;
  }
  std::cout << "serving " << folder.root() << " on http://" << bind << ":" << server->port() << "/ (Ctrl+C stops)\n";
  if (collector) std::cout << "fleet: reports to http://" << bind << ":" << server->port() << "/fleet/report, the fleet at /fleet/\n";
  std::cout << std::flush;
  // Once a second the collector notes screens that went offline or came back.
  const timespec second{1, 0};
  while (sigtimedwait(&stopSignals, nullptr, &second) < 0)
    if (collector) collector->sweep();
  server->stop();
  return kExitOk;
}

}  // namespace sf::cli
