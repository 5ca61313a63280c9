// Shared setup for the player tests: the embedded default feed, parsed once, and instants.
// Feeds are plain structs, so tests change copies of it to build the cases they need.
#pragma once
#include <chrono>
#include <stdexcept>

#include "core/feed/parse.hpp"
#include "core/show/player_state.hpp"
#include "core/show/rotation.hpp"
#include "embedded.hpp"

namespace sf::test {

inline const core::Feed& defaultFeed() {
  static const core::Feed feed = [] {
    auto r = core::parseFeed(assets::defaultFeedJson(), assets::defaultFeedName);
    if (!r.feed) throw std::runtime_error("the embedded feed does not parse");
    return *r.feed;
  }();
  return feed;
}

inline core::Millis at(const char* iso) {
  const auto t = core::parseInstant(iso);
  if (!t) throw std::runtime_error(std::string("bad instant in test: ") + iso);
  return std::chrono::time_point_cast<std::chrono::milliseconds>(*t);
}

inline std::size_t projectIndex(const core::Feed& f, const std::string& id) {
  for (std::size_t i = 0; i < f.projects.size(); ++i)
    if (f.projects[i].id == id) return i;
  throw std::runtime_error("no project " + id);
}

}  // namespace sf::test
