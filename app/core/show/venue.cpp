// Markers resolved against the feed: names from rooms and stands, talks from the programme's
// conference days, so a map shows the same "now" and "next" as the room screens beside it.
#include "core/show/venue.hpp"

#include <cstdio>
#include <cstring>

#include "core/base/text_util.hpp"
#include "core/feed/venue_map.hpp"
#include "core/show/programme.hpp"
#include "core/show/ui_text.hpp"

namespace sf::core {

void formatStand(const Stand& s, std::string_view lang, char* out, std::size_t size) {
  if (size == 0) return;
  out[0] = '\0';
  if (!s.hall.empty() && !s.number.empty())
    std::snprintf(out, size, "%s %s \u00B7 %s %s", ui(Ui::Hall, lang), s.hall.c_str(), ui(Ui::Stand, lang), s.number.c_str());
  else if (!s.hall.empty())
    std::snprintf(out, size, "%s %s", ui(Ui::Hall, lang), s.hall.c_str());
  else if (!s.number.empty())
    std::snprintf(out, size, "%s %s", ui(Ui::Stand, lang), s.number.c_str());
}

std::string formatStand(const Stand& s, std::string_view lang) {
  char buf[160];
  formatStand(s, lang, buf, sizeof buf);
  return buf;
}

void markersAt(const Feed& feed, const VenueMap& map, Instant now, std::vector<MarkerView>& out) {
  out.clear();
  const Date today = conferenceDay(now, feed.zone);
  for (const MapMarker& m : map.markers) {
    MarkerView v;
    v.marker = &m;
    if (!m.label.empty()) v.name = &m.label;
    if (!m.room.empty()) {
      if (const Room* room = feed.findRoom(m.room); room && !v.name) v.name = &room->name;
      for (const Event& e : feed.events) {
        if (e.roomId != m.room || e.cancelled || e.allDay) continue;
        if (e.start <= now && now < e.end) v.now = &e;
        else if (e.start > now && conferenceDay(e.start, feed.zone) == today && (!v.next || e.start < v.next->start)) v.next = &e;
      }
    }
    if (!m.stand.number.empty()) {
      for (const Project& p : feed.projects)
        if (p.stand && standMatches(m.stand, *p.stand)) {
          if (!v.project) v.project = &p;
          ++v.projects;
        }
      if (!v.name && v.project) v.name = &v.project->title;
    }
    out.push_back(v);
  }
}

}  // namespace sf::core
