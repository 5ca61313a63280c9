// What the venue's map and stands say at one instant: a stand as visitors read it, each marker's
// name, the exhibitors at a stand, and the talks on now and next in a marked room.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/feed/model.hpp"

namespace sf::core {

// "Halle 2 · Stand B14" / "Hall 2 · Stand B14"; "Stand B14" or "Halle 2" alone when one is missing.
std::string formatStand(const Stand& s, std::string_view lang);
// The same into a caller's buffer, for views that allocate nothing per frame.
void formatStand(const Stand& s, std::string_view lang, char* out, std::size_t size);

struct MarkerView {
  const MapMarker* marker = nullptr;
  const LocalText* name = nullptr;       // its label, else its room's name, else its stand's first project's title
  const Project* project = nullptr;      // stand markers: the first project shown at the stand
  std::size_t projects = 0;              // how many projects are shown there
  const Event* now = nullptr;            // room markers: the talk on at `now` (not cancelled)
  const Event* next = nullptr;           // else the room's next talk on the same conference day
  bool highlighted() const { return now || next; }
};

// Every marker of `map` as the slide draws it at `now`, in the map's order. Reuses `out`'s storage.
void markersAt(const Feed& feed, const VenueMap& map, Instant now, std::vector<MarkerView>& out);

}  // namespace sf::core
