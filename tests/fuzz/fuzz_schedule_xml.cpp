// libFuzzer target: schedule.xml through the XML parser and the importer. The parser faces
// files from anywhere; hostile ones (deep, huge, broken, entity tricks) must never crash it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/import/formats.hpp"
#include "platform/xml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  sf::core::ImportOptions options;
  options.now = *sf::core::parseInstant("2024-04-25T10:00:00Z");
  options.zone = sf::core::TimeZone::find("Europe/Brussels");
  options.parseXml = sf::platform::parseXml;
  (void)sf::core::importSource(text, "fuzz.xml", sf::core::findImportFormat("xml"), options);
  return 0;
}
