// The feed's meaning checked after its shape was read: ids, references, times, colours and texts
// the screen cannot show. Part of parseFeed; tools that build feeds in memory call it too.
#pragma once
#include "core/base/diagnostic.hpp"
#include "core/feed/model.hpp"

namespace sf::core {

// Semantic checks over a structurally read feed (ids, references, times).
void checkFeed(const Feed& feed, Diagnostics& out);
// The organiser's own slides and what they name: image slides' texts, text slides that will not
// fit the smallest screen, sponsors' tiers (check_slides.cpp).
void checkOwnSlides(const Feed& feed, Diagnostics& out);

}  // namespace sf::core
