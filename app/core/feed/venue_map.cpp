// Reads stands and floor plans, then ties map markers to the feed's rooms and playlist map slides
// to the maps. Every key is optional on projects, so feeds written before stands existed read as before.
#include "core/feed/venue_map.hpp"

#include <cmath>
#include <unordered_map>

#include "core/base/text_util.hpp"

namespace sf::core {

using nlohmann::json;

namespace {

// A hall or stand number: a string, or a whole number as organisers type it (2, 14).
std::string standPart(JsonReader& r, const json* v, const std::string& p) {
  if (!v) return {};
  if (v->is_number_integer() || v->is_number_unsigned()) return v->dump();
  auto s = r.string(v, p);
  if (s && s->size() > 40) r.warn(p, "a stand or hall of " + std::to_string(s->size()) + " bytes is cut on screens; write it short (\"B14\")");
  return s ? std::string(trimmed(*s)) : std::string();
}

std::optional<double> fraction(JsonReader& r, const json* v, const std::string& p, const char* axis) {
  if (!v) return std::nullopt;
  if (!v->is_number() || !std::isfinite(v->get<double>()) || v->get<double>() < 0 || v->get<double>() > 1) {
    r.error(p, std::string("expected a number from 0 to 1 (a fraction of the image's ") + axis + ", from its " +
                   (axis[0] == 'w' ? "left" : "top") + " edge), found " + describeJson(*v));
    return std::nullopt;
  }
  return v->get<double>();
}

std::string markerKindList() {
  std::string out;
  for (int k = 0; k <= static_cast<int>(MarkerKind::Other); ++k)
    out += (out.empty() ? "\"" : ", \"") + std::string(markerKindName(static_cast<MarkerKind>(k))) + "\"";
  return out;
}

MapMarker readMarker(JsonReader& r, const json& j, const std::string& p) {
  MapMarker m;
  if (!r.isObject(j, p, "a marker: {\"kind\", \"x\", \"y\", …}")) return m;
  r.unknownKeys(j, p, {"id", "kind", "label", "room", "hall", "stand", "x", "y"});
  if (const json* id = r.member(j, p, "id", false)) m.id = r.id(id, p + "/id");
  if (auto k = r.string(r.member(j, p, "kind", true), p + "/kind")) {
    if (auto kind = markerKindNamed(*k)) m.kind = *kind;
    else r.warn(p + "/kind", "unknown kind " + quoteShort(*k) + " is shown as \"other\"; known kinds: " + markerKindList());
  }
  m.label = r.text(r.member(j, p, "label", false), p + "/label", false, 40);
  if (const json* room = r.member(j, p, "room", false)) m.room = r.id(room, p + "/room");
  m.stand.hall = standPart(r, r.member(j, p, "hall", false), p + "/hall");
  m.stand.number = standPart(r, r.member(j, p, "stand", false), p + "/stand");
  m.x = fraction(r, r.member(j, p, "x", true), p + "/x", "width").value_or(0.5);
  m.y = fraction(r, r.member(j, p, "y", true), p + "/y", "height").value_or(0.5);
  if (m.kind == MarkerKind::Room && m.room.empty() && m.label.empty())
    r.warn(p, "a room marker without \"room\" or \"label\" shows no name; name the room by its id in /rooms");
  if (m.kind == MarkerKind::Stand && m.stand.number.empty() && m.stand.hall.empty() && m.label.empty())
    r.warn(p, "a stand marker without \"stand\" or \"label\" shows no name; give the stand number the projects use");
  return m;
}

}  // namespace

std::optional<Stand> readStand(JsonReader& r, const json& v, const std::string& p) {
  Stand s;
  if (v.is_string() || v.is_number()) {
    s.number = standPart(r, &v, p);
  } else if (r.isObject(v, p, "a stand: {\"hall\", \"number\"} or a stand number such as \"B14\"")) {
    r.unknownKeys(v, p, {"hall", "number"});
    s.hall = standPart(r, r.member(v, p, "hall", false), p + "/hall");
    s.number = standPart(r, r.member(v, p, "number", false), p + "/number");
    if (s.hall.empty() && s.number.empty() && v.empty()) r.warn(p, "an empty stand is left out; give \"hall\", \"number\" or both");
  }
  if (s.hall.empty() && s.number.empty()) return std::nullopt;
  return s;
}

VenueMap readMap(JsonReader& r, const json& j, const std::string& p) {
  VenueMap m;
  if (!r.isObject(j, p, "a map: {\"id\", \"name\", \"image\", \"markers\"}")) return m;
  r.unknownKeys(j, p, {"id", "name", "image", "markers"});
  m.id = r.id(r.member(j, p, "id", true), p + "/id");
  m.name = r.text(r.member(j, p, "name", true), p + "/name", true, 60);
  if (const json* im = r.member(j, p, "image", false)) m.image = readImageRef(r, *im, p + "/image");
  if (const json* ms = r.member(j, p, "markers", false); ms && r.array(*ms, p + "/markers", "of markers")) {
    m.markers.reserve(ms->size());
    for (std::size_t i = 0; i < ms->size(); ++i) m.markers.push_back(readMarker(r, (*ms)[i], p + "/markers/" + std::to_string(i)));
  }
  return m;
}

void checkMaps(const Feed& feed, Diagnostics& out) {
  std::unordered_map<std::string_view, std::size_t> maps;
  for (std::size_t i = 0; i < feed.maps.size(); ++i) {
    const VenueMap& m = feed.maps[i];
    const std::string base = "/maps/" + std::to_string(i);
    if (!m.id.empty())
      if (auto [it, fresh] = maps.emplace(m.id, i); !fresh)
        report(out, Severity::Error, base + "/id", "duplicate map id " + quoteShort(m.id) + "; first used at /maps/" + std::to_string(it->second));
    std::unordered_map<std::string_view, std::size_t> markers;
    for (std::size_t k = 0; k < m.markers.size(); ++k) {
      const MapMarker& mk = m.markers[k];
      const std::string mp = base + "/markers/" + std::to_string(k);
      if (!mk.id.empty())
        if (auto [it, fresh] = markers.emplace(mk.id, k); !fresh)
          report(out, Severity::Error, mp + "/id", "duplicate marker id " + quoteShort(mk.id) + "; first used at " + base + "/markers/" + std::to_string(it->second));
      if (!mk.room.empty() && !feed.findRoom(mk.room)) {
        std::vector<std::string> ids;
        for (const Room& room : feed.rooms) ids.push_back(room.id);
        report(out, Severity::Error, mp + "/room",
               "unknown room " + quoteShort(mk.room) + "; it must be the id of an entry in /rooms (the feed defines: " +
                   (ids.empty() ? std::string("none") : join(ids)) + ")");
      }
    }
  }
  for (std::size_t i = 0; i < feed.playlist.size(); ++i) {
    const PlaylistItem& it = feed.playlist[i];
    if (it.seconds < 0 || it.kind != SlideKind::Map || it.map.empty() || feed.findMap(it.map)) continue;
    std::vector<std::string> ids;
    for (const VenueMap& m : feed.maps) ids.push_back(m.id);
    report(out, Severity::Error, "/playlist/" + std::to_string(i) + "/map",
           "unknown map " + quoteShort(it.map) + "; it must be the id of an entry in /maps (the feed defines: " +
               (ids.empty() ? std::string("none") : join(ids)) + ")");
  }
}

bool standMatches(const Stand& marker, const Stand& stand) {
  if (marker.number.empty() || !equalsIgnoringAsciiCase(marker.number, stand.number)) return false;
  return marker.hall.empty() || stand.hall.empty() || equalsIgnoringAsciiCase(marker.hall, stand.hall);
}

}  // namespace sf::core
