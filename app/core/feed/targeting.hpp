// Reading the keys that say where and when an item shows: the `screens`, `groups` and `rooms`
// selectors and the recurring window (`days`, `from`, `until`) of playlist items and announcements.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/feed/json_reader.hpp"
#include "core/feed/model.hpp"

namespace sf::core {

// The object keys read here, for unknownKeys lists.
inline constexpr std::string_view kTargetKeys[] = {"screens", "groups", "rooms"};
inline constexpr std::string_view kRecurrenceKeys[] = {"days", "from", "until"};

Targets readTargets(JsonReader& r, const nlohmann::json& obj, const std::string& ptr);
// `until` is the daily end here; announcements name it so too (their absolute end is `end`).
Recurrence readRecurrence(JsonReader& r, const nlohmann::json& obj, const std::string& ptr);

// "HH:MM" (00:00 … 24:00) to minutes after midnight.
std::optional<int> parseClockTime(std::string_view text);
std::string formatClockTime(int minutes);
// "mon" … "sun" to a Recurrence::days bit (0 Sunday); nullopt for anything else.
std::optional<int> weekdayNamed(std::string_view name);
// "mon,tue" style; "" for every day.
std::string formatDays(std::uint8_t days);

}  // namespace sf::core
