// The screen's configuration: one small JSON file (e.g. /etc/schaufenster/config.json) that
// command-line flags override. A bad file yields diagnostics and the defaults, never a dark screen.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostic.hpp"
#include "core/feed/model.hpp"
#include "core/show/screen_schedule.hpp"

namespace sf::core {

// Heartbeats to a fleet collector (config "report"); no url: the screen reports to nobody.
struct ReportConfig {
  std::string url;     // e.g. https://fleet.example.org/fleet/report
  std::string token;   // the fleet's shared bearer token
  int seconds = 60;    // the beat, jittered by 10 %
  // Signs each report with the screen's own Ed25519 key (made at first start, kept in the state
  // folder), so a holder of the shared token cannot report in this screen's name.
  bool sign = true;
};

// Where the screen stands on one of the feed's maps (config "location": {"map", "x", "y"}), in
// the map image's relative coordinates: the map slide draws "Sie sind hier / You are here" there.
struct MapSpot {
  std::string map;  // an id of the feed's maps
  double x = 0, y = 0;
};

struct Config {
  std::string feed;            // URL or path; empty: the embedded default feed
  int pollSeconds = 5;         // how often the feed is asked for (with jitter)
  std::string publicKey;       // base64 Ed25519 key; when set, only feeds signed with it play
  std::string caBundle;        // extra CA certificates (PEM file) for https feeds
  std::string pinnedKey;       // "sha256//..." pin of the feed server's public key (the form TLS clients take)
  std::string screenName;      // shown on the status page and in status.json
  // The rooms this screen stands at ("room": one, "rooms": a screen between two doors): each a
  // room id, a room name or a frab/pretalx room GUID. Empty: not a room screen.
  std::vector<std::string> rooms;
  std::vector<std::string> groups;  // e.g. "foyer", "hall-2": what targeted items select screens by
  std::string location;        // where the screen stands, as an emergency says it: "Foyer Nord"
  std::optional<MapSpot> here; // config "location" as {"name", "map", "x", "y"}: the screen's point on a map
  std::string exitHint;        // config "exit": the way out from here ("Ausgang links hinter der Treppe")
  int idleSeconds = 60;        // back to the rotation after this long without a touch
  int rotate = 0;              // 0, 90, 180 or 270 degrees
  // How far visitors stand from the screen (metres): text is sized to be legible from there on
  // the screen's physical size (core::computeLayout); 0 (unset): from the screen's size
  // (core::viewingDistanceFor). screenDiagonal (inches) gives that size where the screen reports
  // none or a wrong one (EDID); 0: as the screen reports.
  float viewingDistance = 0;
  float screenDiagonal = 0;
  std::string language;        // start language; empty: the feed's first
  std::string cacheDir = "/var/lib/schaufenster";
  std::string statusPath;      // empty: <cacheDir>/status.json
  std::size_t imageCacheBytes = 64u << 20;
  int transitionMs = 900;      // how long a slide takes to come in (core::kSlideTransition)
  bool clockSeconds = false;   // the header clock shows seconds: the header is redrawn every second

  ScreenSchedule screenOff;    // local times when the screen is dark (a touch wakes it for idleSeconds)
  ReportConfig report;
  // A node_exporter textfile (an absolute path ending in ".prom") the screen rewrites atomically
  // with its own metrics every report beat ("report"/"seconds", else 60 s); empty: none.
  std::string metricsTextfile;
  bool hdmiCec = false;        // also put an HDMI screen into standby over CEC (cec-ctl) while dark

  std::string effectiveStatusPath() const { return statusPath.empty() ? cacheDir + "/status.json" : statusPath; }
};

struct ConfigResult {
  Config config;  // defaults wherever the file was wrong
  Diagnostics diagnostics;
};

ConfigResult parseConfig(std::string_view text, std::string_view fileName);

// What the config says that the feed must match: a "location" map the feed lacks (a warning at
// /location/map naming the feed's maps). Positions are those of the config's text.
Diagnostics checkConfigAgainstFeed(const Config& config, const Feed& feed);

}  // namespace sf::core
