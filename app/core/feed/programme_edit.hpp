// The day's programme fixes as edits of a feed's JSON text: cancel, bring back, move, retitle,
// change speakers, add a short event; optionally pinned in "eventFixes" so imports keep them.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/feed/edit.hpp"
#include "core/feed/model.hpp"

namespace sf::core {

// What to change on one event; unset members stay as they are.
struct EventChange {
  std::optional<bool> cancelled;
  std::optional<Instant> start, end;         // written in the feed's zone
  std::optional<std::string> room;           // a room id of the feed, or a room's name as text
  std::optional<LocalText> title;            // one text per feed language
  std::optional<std::vector<Speaker>> speakers;
  // Also keep the change in "eventFixes", so the next import (sync) applies it again. A key the
  // event already has pinned is updated there either way, so an old pin never undoes a new fix.
  bool pin = false;
};

// Edits the event `id`. The whole feed is then read as `validate` reads it: an invalid result
// gives no text, only the diagnostics. An unknown id is an error at /events.
EditResult changeEvent(std::string_view feedText, std::string_view id, const EventChange& change);

struct NewEvent {
  std::string id;
  LocalText title;
  std::string room;  // empty: none
  Instant start{}, end{};
  std::vector<Speaker> speakers;
};
// Adds a timed event at the end of "events" (made when the feed has none). An id in use is an error.
EditResult addEvent(std::string_view feedText, const NewEvent& e);

// The feed's pinned fixes: event id -> the keys pinned for it ("cancelled", "start", …).
std::map<std::string, std::vector<std::string>> pinnedFixes(std::string_view feedText);

}  // namespace sf::core
