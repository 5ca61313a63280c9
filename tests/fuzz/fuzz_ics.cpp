// libFuzzer target: iCalendar text through unfolding, TZID handling and recurrence expansion,
// whose limits (count, horizon) must hold for any RRULE a file can contain.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/import/ics.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sf::core::ImportOptions options;
  options.now = *sf::core::parseInstant("2024-04-25T10:00:00Z");
  (void)sf::core::importIcs(std::string_view(reinterpret_cast<const char*>(data), size), options);
  return 0;
}
