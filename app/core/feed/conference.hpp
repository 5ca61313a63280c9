// The conference parts of a feed: rooms, tracks and what an event says about its speakers, track,
// kind and language; read with located messages, then resolved (room ids to names) and checked.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/base/diagnostic.hpp"
#include "core/feed/json_reader.hpp"
#include "core/feed/model.hpp"

namespace sf::core {

Room readRoom(JsonReader& r, const nlohmann::json& j, const std::string& p);
Track readTrack(JsonReader& r, const nlohmann::json& j, const std::string& p);
// The conference keys of the event at `p`: subtitle, speakers, track, kind, language, cancelled.
// `room` is read as text by the caller; resolveConference turns room ids into names.
void readEventConference(JsonReader& r, const nlohmann::json& j, const std::string& p, Event& e);

// After reading, while items still have their JSON index: an event's room that names a room (by
// id or by name) gets roomId and the room's name in every language of the feed; a track that is
// no track of the feed is warned about and dropped, so the talk still plays.
void resolveConference(Feed& feed, Diagnostics& out);
// Duplicate room and track ids, track colours unreadable on the screens' background.
void checkConference(const Feed& feed, Diagnostics& out);
// Warnings for `rooms` selectors of playlist items and announcements that name no room.
void checkRoomSelectors(const Feed& feed, Diagnostics& out);
// Rooms in display order: by order, then by name in the feed's first language.
void sortRooms(Feed& feed);

// The room of feed.rooms an entry names: its id, else its GUID, else its name in any language
// (ASCII case aside); an id first, as it never changes meaning when a room is renamed.
const Room* roomNamed(const Feed& feed, std::string_view entry);

}  // namespace sf::core
