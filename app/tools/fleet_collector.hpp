// The collector behind `serve --fleet`: takes screens' reports at POST /fleet/report and shows
// the fleet at /fleet/ (a page), /fleet/screens.json, /fleet/shot/ID.png and /metrics, all
// behind the fleet's token.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/show/fleet_report.hpp"
#include "fleet_shot.hpp"
#include "fleet_store.hpp"
#include "platform/http_server.hpp"

namespace sf::tools {

struct CollectorOptions {
  std::string token;                   // required: every fleet path asks for it
  core::ReportLimits limits;
  ShotLimits shotLimits;               // a screenshot's pixels and bytes
  std::function<core::Instant()> clock;  // empty: the system clock
  // Reports a screen may send in a burst, and how many seconds refill one: a screen that
  // restarts in a loop, or a copied token in a script, cannot flood the database.
  int burstPerScreen = 5;
  int burstPerAddress = 200;           // a whole venue may sit behind one NAT address
  double perAddressPerSecond = 50;
  std::function<void(const std::string&)> log;  // a screen going offline or coming back
  // The same change as JSON ({"screen", "event": "offline"|"online", "at", "groups", "rooms",
  // "lastSeen"}), for the webhook of `serve --notify URL`.
  std::function<void(const std::string&)> notify;
};

class FleetCollector {
 public:
  FleetCollector(FleetStore& store, CollectorOptions options);

  // The answer for a fleet path, or nothing when the path is not the collector's.
  std::optional<platform::HttpResponse> answer(const platform::HttpRequest& request);
  // Notes screens that went offline or came back since the last call (history, log).
  void sweep();

  // The JSON of /fleet/screens.json, and the page (public for tests and the page's screenshot).
  std::string screensJson();
  std::string page(std::string_view lang = "de");
  std::string metrics();

 private:
  platform::HttpResponse receive(const platform::HttpRequest& request);
  platform::HttpResponse screenshot(const std::string& name);
  bool authorised(const platform::HttpRequest& request) const;
  bool allow(std::map<std::string, std::pair<double, core::Instant>>& buckets, const std::string& key, double burst,
             double perSecond, core::Instant now);
  core::Instant now() const;

  FleetStore& store_;
  CollectorOptions o_;
  std::map<std::string, std::pair<double, core::Instant>> screenBuckets_, addressBuckets_;
};

// True when both secrets are equal, taking the same time whatever they hold.
bool sameSecret(const std::string& a, const std::string& b);

}  // namespace sf::tools
