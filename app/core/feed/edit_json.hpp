// What the feed editors (edit.cpp, programme_edit.cpp) share: a feed opened as ordered JSON so key
// order and unknown keys survive, and the edited document checked as screens check it.
#pragma once
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/feed/edit.hpp"

namespace sf::core::edit_json {

using ojson = nlohmann::ordered_json;

// The feed as ordered JSON, or nothing (with the feed's diagnostics in `ds`) when it is not valid.
std::optional<ojson> load(std::string_view text, Diagnostics& ds);
// The document as 2-space indented text, if parseFeed accepts it; its diagnostics otherwise.
EditResult finish(const ojson& doc);
// A text in one language as a plain string, in several as {"de": …, "en": …}.
ojson localText(const LocalText& t);

}  // namespace sf::core::edit_json
