// A conference built in code (rooms, tracks, speakers, a talk after midnight, a cancelled talk),
// for the programme, room screen and wording tests; no parser involved.
#pragma once
#include <algorithm>
#include <string>

#include "core/feed/model.hpp"

namespace sf::test {

inline core::Instant localAt(const core::TimeZone& z, const char* text) { return *core::parseInstantOrLocal(text, z); }

inline core::LocalText text(const std::string& de, const std::string& en = {}) {
  core::LocalText t;
  t.set("de", de);
  if (!en.empty()) t.set("en", en);
  return t;
}

struct ConferenceBuilder {
  core::Feed feed;
  ConferenceBuilder(const char* zone = "Europe/Berlin") {
    feed.zone = *core::TimeZone::find(zone);
    feed.languages = {"de", "en"};
  }
  ConferenceBuilder& room(const std::string& id, const std::string& de, const std::string& en, const std::string& guid = {}) {
    core::Room r;
    r.id = id;
    r.name = text(de, en);
    r.guid = guid;
    feed.rooms.push_back(r);
    return *this;
  }
  ConferenceBuilder& track(const std::string& id, const std::string& name, core::Rgb color) {
    feed.tracks.push_back({id, text(name), color});
    return *this;
  }
  // `room`: a room id when the feed lists it, else plain text.
  core::Event& event(const std::string& id, const char* start, const char* end, const std::string& room = {}) {
    core::Event e;
    e.id = id;
    e.title = text("Titel " + id, "Title " + id);
    e.start = localAt(feed.zone, start);
    e.end = localAt(feed.zone, end);
    if (feed.findRoom(room)) {
      e.roomId = room;
      e.room = feed.findRoom(room)->name;
    } else if (!room.empty()) {
      e.room = text(room);
    }
    feed.events.push_back(e);
    return feed.events.back();
  }
  core::Feed done() {
    std::stable_sort(feed.events.begin(), feed.events.end(), [](const core::Event& a, const core::Event& b) {
      return a.start != b.start ? a.start < b.start : a.end != b.end ? a.end < b.end : a.id < b.id;
    });
    return feed;
  }
};

}  // namespace sf::test
