// libFuzzer target: conference exports (frab, pretalx, pretalx widget data) through format
// detection and import. Real exports are messy; hostile ones must still never crash us.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/import/formats.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  sf::core::ImportOptions options;
  options.now = *sf::core::parseInstant("2024-04-25T10:00:00Z");
  const auto& format = sf::core::detectImportFormat(text, "fuzz.json");
  (void)sf::core::importSource(text, "fuzz.json", &format, options);
  return 0;
}
