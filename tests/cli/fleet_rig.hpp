// The fleet tests' common rig: a temporary database, a report of a screen, a request as the
// HTTP server hands it over, and a collector answering in process on the test's clock.
#pragma once
#include <stdlib.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/show/fleet_report.hpp"
#include "platform/http_server.hpp"
#include "tools/fleet_collector.hpp"
#include "tools/fleet_store.hpp"

namespace {

namespace fs = std::filesystem;
using sf::core::Instant;
using sf::core::ScreenReport;

struct TempDb {
  TempDb() {
    std::string tmpl = (fs::temp_directory_path() / "sf-fleetdb-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
  }
  ~TempDb() { fs::remove_all(dir); }
  std::string path() const { return dir + "/fleet.db"; }
  std::string dir;
};

ScreenReport screen(const std::string& name, std::int64_t revision, const std::string& fault = {}) {
  ScreenReport r;
  r.screen = name;
  r.groups = {"foyer"};
  r.feedId = "campus";
  r.revision = revision;
  r.fault = fault;
  r.faultText = fault.empty() ? "" : "the server could not be reached";
  r.seconds = 60;
  return r;
}

const Instant t0{std::chrono::seconds{1'800'000'000}};

// `headers` beside Authorization, such as a screen's signature.
sf::platform::HttpRequest request(const std::string& method, const std::string& path, const std::string& auth,
                                  const std::string& body = {}, std::vector<std::pair<std::string, std::string>> headers = {}) {
  headers.emplace_back("Authorization", auth);
  return {method, path, "127.0.0.1",
          [headers](const char* name) {
            for (const auto& [n, v] : headers)
              if (n == name) return v;
            return std::string();
          },
          body};
}

// A collector on a fresh database with the test's clock (`now`), answering in process.
struct CollectorRig {
  static constexpr const char* kBearer = "Bearer a-long-enough-token";
  explicit CollectorRig(const std::function<void(sf::tools::CollectorOptions&)>& tweak = {})
      : store(sf::tools::FleetStore::open(db.path()).value()), c(*store, options(tweak)) {}
  sf::tools::CollectorOptions options(const std::function<void(sf::tools::CollectorOptions&)>& tweak) {
    sf::tools::CollectorOptions o;
    o.token = "a-long-enough-token";
    o.clock = [this] { return now; };
    if (tweak) tweak(o);
    return o;
  }
  sf::platform::HttpResponse post(const ScreenReport& r, const std::string& auth = kBearer) {
    return *c.answer(request("POST", "/fleet/report", auth, sf::core::reportJson(r)));
  }
  TempDb db;
  std::unique_ptr<sf::tools::FleetStore> store;
  Instant now = t0;
  sf::tools::FleetCollector c;
};

}  // namespace
