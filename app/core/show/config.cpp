// Config parsing with the same located diagnostics as feeds. Each bad value is reported and
// replaced by its default, so a typo in one key never stops the screen from playing.
#include "core/show/config.hpp"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/feed/json_scan.hpp"
#include "core/base/text_util.hpp"

namespace sf::core {
namespace {

using nlohmann::json;

struct Reader {
  const json& root;
  Diagnostics& out;

  const json* get(const char* key) const {
    auto it = root.find(key);
    return it == root.end() || it->is_null() ? nullptr : &*it;
  }
  void string(const char* key, std::string& into) {
    if (const json* v = get(key)) {
      if (v->is_string()) into = v->get<std::string>();
      else report(out, Severity::Error, std::string("/") + key, "expected a string, found " + std::string(v->type_name()));
    }
  }
  // A list of non-empty strings; `single` also takes one string ("room" beside "rooms").
  void strings(const char* key, std::vector<std::string>& into) {
    const json* v = get(key);
    if (!v) return;
    if (v->is_string()) {
      if (!v->get_ref<const std::string&>().empty()) into.push_back(v->get<std::string>());
      return;
    }
    if (!v->is_array()) {
      report(out, Severity::Error, std::string("/") + key, "expected a list of strings, found " + std::string(v->type_name()));
      return;
    }
    for (std::size_t i = 0; i < v->size(); ++i) {
      const json& item = (*v)[i];
      if (item.is_string() && !item.get_ref<const std::string&>().empty()) into.push_back(item.get<std::string>());
      else report(out, Severity::Error, std::string("/") + key + "/" + std::to_string(i), "expected a non-empty string, found " + item.dump());
    }
  }
  void boolean(const char* key, bool& into) {
    if (const json* v = get(key)) {
      if (v->is_boolean()) into = v->get<bool>();
      else report(out, Severity::Error, std::string("/") + key,
                  "expected true or false, found " + v->dump() + "; using " + (into ? "true" : "false"));
    }
  }
  // A number from `lo` to `hi`; `what` says what it measures and `unset` what a bad value leaves
  // in force when `into` is 0, for the message.
  void number(const char* key, float& into, float lo, float hi, const char* what, const char* unset) {
    if (const json* v = get(key)) {
      if (v->is_number() && v->get<double>() >= lo && v->get<double>() <= hi) {
        into = v->get<float>();
      } else {
        char range[96];
        std::snprintf(range, sizeof range, "a number from %g to %g", lo, hi);
        char using_[32];
        std::snprintf(using_, sizeof using_, "%g", into);
        report(out, Severity::Error, std::string("/") + key,
               std::string("expected ") + what + ", " + range + ", found " + v->dump() + "; using " +
                   (into > 0 ? using_ : unset));
      }
    }
  }
  void integer(const char* key, int& into, int lo, int hi) {
    if (const json* v = get(key)) {
      if (v->is_number_integer() && v->get<long long>() >= lo && v->get<long long>() <= hi) into = v->get<int>();
      else report(out, Severity::Error, std::string("/") + key,
                  "expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) + ", found " + v->dump() +
                      "; using " + std::to_string(into));
    }
  }
};

// "report": {"url", "token", "seconds", "sign"}. A bad report setting turns heartbeats off, never the screen.
ReportConfig parseReportConfig(const json& v, Diagnostics& ds) {
  ReportConfig out;
  if (!v.is_object()) {
    report(ds, Severity::Error, "/report", "expected an object such as {\"url\": \"https://…/fleet/report\", \"token\": \"…\"}, found " +
                                              std::string(v.type_name()) + "; the screen sends no reports");
    return out;
  }
  for (auto it = v.begin(); it != v.end(); ++it)
    if (it.key() != "url" && it.key() != "token" && it.key() != "seconds" && it.key() != "sign")
      report(ds, Severity::Warning, "/report/" + pointerToken(it.key()), "unknown setting \"" + it.key() + "\" is ignored");
  Diagnostics local;
  Reader rd{v, local};
  rd.string("url", out.url);
  rd.string("token", out.token);
  rd.integer("seconds", out.seconds, 5, 3600);
  rd.boolean("sign", out.sign);
  for (auto& d : local) {
    d.jsonPointer = "/report" + d.jsonPointer;
    ds.push_back(std::move(d));
  }
  if (out.url.empty()) {
    report(ds, Severity::Error, "/report/url", "expected the collector's address, such as \"https://fleet.example.org/fleet/report\"; the screen sends no reports");
  } else if (!isWebUrl(out.url)) {
    report(ds, Severity::Error, "/report/url", "expected an http:// or https:// address, found " + quoteShort(out.url) + "; the screen sends no reports");
    out.url.clear();
  } else if (out.token.empty()) {
    report(ds, Severity::Warning, "/report/token", "no token: a collector started with --fleet-token refuses these reports");
  }
  return out;
}

// node_exporter reads only "*.prom" files of its folder; a relative path would depend on the
// service's working directory; a folder name, "..", or a control character is a mistake.
bool isTextfilePath(const std::string& p) {
  if (p.size() < 7 || p.front() != '/' || !p.ends_with(".prom") || p.ends_with("/.prom")) return false;
  if (p.find("/../") != std::string::npos || p.find("/./") != std::string::npos) return false;
  for (unsigned char c : p)
    if (c < 0x20 || c == 0x7f) return false;
  return firstInvalidUtf8(p) == std::string::npos;
}

// "location": a name ("Foyer Nord"), or {"name", "map", "x", "y"} to be drawn on a map too.
void parseLocation(const json& v, Config& c, Diagnostics& ds) {
  if (v.is_string()) {
    c.location = v.get<std::string>();
    return;
  }
  if (!v.is_object()) {
    report(ds, Severity::Error, "/location", "expected a place name such as \"Foyer Nord\", or {\"name\", \"map\", \"x\", \"y\"}, found " + std::string(v.type_name()));
    return;
  }
  for (auto it = v.begin(); it != v.end(); ++it)
    if (it.key() != "name" && it.key() != "map" && it.key() != "x" && it.key() != "y")
      report(ds, Severity::Warning, "/location/" + pointerToken(it.key()), "unknown setting \"" + it.key() + "\" is ignored; known: name, map, x, y");
  if (auto n = v.find("name"); n != v.end()) {
    if (n->is_string()) c.location = n->get<std::string>();
    else report(ds, Severity::Error, "/location/name", "expected the place's name as a string, found " + std::string(n->type_name()));
  }
  const auto m = v.find("map");
  if (m == v.end()) {
    if (v.contains("x") || v.contains("y")) report(ds, Severity::Error, "/location/map", "x and y need the map they are on: add \"map\" with the id of one of the feed's maps");
    return;
  }
  if (!m->is_string() || !isValidId(m->get<std::string>())) {
    report(ds, Severity::Error, "/location/map", "expected the id of one of the feed's maps, found " + m->dump() + "; \"You are here\" is not drawn");
    return;
  }
  MapSpot spot{m->get<std::string>()};
  bool ok = true;
  for (const char* axis : {"x", "y"}) {
    const auto a = v.find(axis);
    const std::string ptr = std::string("/location/") + axis;
    if (a == v.end()) {
      report(ds, Severity::Error, "/location", std::string("missing \"") + axis + "\": the screen's place on the map, from 0 to 1; \"You are here\" is not drawn");
      ok = false;
    } else if (!a->is_number() || a->get<double>() < 0 || a->get<double>() > 1) {
      report(ds, Severity::Error, ptr, std::string("expected a number from 0 to 1 (a fraction of the map image's ") + (axis[0] == 'x' ? "width" : "height") +
                                           "), found " + a->dump() + "; \"You are here\" is not drawn");
      ok = false;
    } else {
      (axis[0] == 'x' ? spot.x : spot.y) = a->get<double>();
    }
  }
  if (ok) c.here = std::move(spot);
}

}  // namespace

Diagnostics checkConfigAgainstFeed(const Config& config, const Feed& feed) {
  Diagnostics out;
  if (!config.here || feed.findMap(config.here->map)) return out;
  std::vector<std::string> ids;
  for (const VenueMap& m : feed.maps) ids.push_back(m.id);
  report(out, Severity::Warning, "/location/map",
         "the feed has no map " + quoteShort(config.here->map) + " (it has: " + (ids.empty() ? std::string("none") : join(ids)) +
             "); \"You are here\" is not drawn");
  return out;
}

ConfigResult parseConfig(std::string_view text, std::string_view fileName) {
  ConfigResult r;
  auto& ds = r.diagnostics;
  ds = scanJson(text);
  json root;
  if (!hasErrors(ds)) {
    try {
      root = json::parse(text);
    } catch (const std::exception& e) {
      report(ds, Severity::Error, "", std::string("the JSON could not be read: ") + e.what());
    }
  }
  if (!hasErrors(ds) && !root.is_object()) report(ds, Severity::Error, "", "expected an object of settings");
  if (!hasErrors(ds)) {
    static constexpr std::string_view known[] = {"feed", "pollSeconds", "publicKey", "caBundle", "pinnedKey", "screenName",
                                                 "room", "rooms", "groups", "location", "exit", "idleSeconds", "rotate", "viewingDistance", "screenDiagonal", "language", "cacheDir", "statusPath", "imageCacheMiB",
                                                 "transitionMs", "clockSeconds", "screenOff", "hdmiCec", "report", "metricsTextfile"};
    for (auto it = root.begin(); it != root.end(); ++it)
      if (std::find(std::begin(known), std::end(known), it.key()) == std::end(known))
        report(ds, Severity::Warning, "/" + pointerToken(it.key()), "unknown setting \"" + it.key() + "\" is ignored");
    Reader rd{root, ds};
    Config& c = r.config;
    rd.string("feed", c.feed);
    rd.integer("pollSeconds", c.pollSeconds, 1, 3600);
    rd.string("publicKey", c.publicKey);
    rd.string("caBundle", c.caBundle);
    rd.string("pinnedKey", c.pinnedKey);
    rd.string("screenName", c.screenName);
    if (rd.get("room") && rd.get("rooms"))
      report(ds, Severity::Warning, "/rooms", "both \"room\" and \"rooms\" are set; the screen serves the rooms of both");
    rd.strings("room", c.rooms);
    rd.strings("rooms", c.rooms);
    rd.strings("groups", c.groups);
    if (const json* v = rd.get("location")) parseLocation(*v, c, ds);
    rd.string("exit", c.exitHint);
    rd.integer("idleSeconds", c.idleSeconds, 5, 86400);
    rd.integer("rotate", c.rotate, 0, 270);
    if (c.rotate % 90 != 0) {
      report(ds, Severity::Error, "/rotate", "expected 0, 90, 180 or 270, found " + std::to_string(c.rotate) + "; using 0");
      c.rotate = 0;
    }
    rd.number("viewingDistance", c.viewingDistance, 0.3f, 50, "the distance in metres from which visitors read the screen",
              "the distance for the screen's size");
    rd.number("screenDiagonal", c.screenDiagonal, 3, 300, "the screen's diagonal in inches", "the size the screen reports");
    rd.string("language", c.language);
    if (!c.language.empty() && !isLanguageCode(c.language)) {
      report(ds, Severity::Error, "/language", "expected a language code such as \"de\", found " + quoteShort(c.language));
      c.language.clear();
    }
    rd.string("cacheDir", c.cacheDir);
    rd.string("statusPath", c.statusPath);
    int mib = static_cast<int>(c.imageCacheBytes >> 20);
    rd.integer("imageCacheMiB", mib, 1, 4096);
    c.imageCacheBytes = static_cast<std::size_t>(mib) << 20;
    // A cut (0) would divide by zero in the fade; longer than a few seconds hides the slide.
    rd.integer("transitionMs", c.transitionMs, 100, 4000);
    rd.boolean("clockSeconds", c.clockSeconds);
    if (const json* v = rd.get("screenOff")) c.screenOff = parseScreenSchedule(*v, "/screenOff", ds);
    rd.boolean("hdmiCec", c.hdmiCec);
    if (const json* v = rd.get("report")) c.report = parseReportConfig(*v, ds);
    rd.string("metricsTextfile", c.metricsTextfile);
    if (!c.metricsTextfile.empty() && !isTextfilePath(c.metricsTextfile)) {
      report(ds, Severity::Error, "/metricsTextfile",
             "expected an absolute path ending in .prom in node_exporter's textfile folder, such as "
             "\"/var/lib/prometheus/node-exporter/schaufenster.prom\", found " + quoteShort(c.metricsTextfile) +
                 "; the screen writes no metrics file");
      c.metricsTextfile.clear();
    }
    if (!c.feed.empty() && !isWebUrl(c.feed) && !c.feed.starts_with("file://") && c.feed.front() != '/')
      report(ds, Severity::Warning, "/feed", "a relative path is read from the player's working directory; prefer an absolute path or a URL");
  }
  locatePointers(text, ds);
  for (auto& d : ds) d.file = fileName;
  return r;
}

}  // namespace sf::core
