// The assets compiled into the binary.
// The default feed plays when a screen has neither a configured feed nor a cached one.
#pragma once
#include <string_view>

namespace sf::assets {
std::string_view defaultFeedJson();
inline constexpr std::string_view defaultFeedName = "embedded:mpi-berlin.json";
}  // namespace sf::assets
