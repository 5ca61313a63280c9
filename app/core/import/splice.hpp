// Writing a merged feed back into the organiser's file with the least change, so a feed that was
// formatted by hand stays formatted as it was after every import.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace sf::core {

// The text of `after` written into `original` (whose JSON is `before`): top-level members and
// array items that did not change keep their exact text. Falls back to serializeFeed (merge.hpp)
// when in doubt, and never returns text whose JSON differs from `after`.
std::string rewriteFeedText(std::string_view original, const nlohmann::ordered_json& before,
                            const nlohmann::ordered_json& after);

}  // namespace sf::core
