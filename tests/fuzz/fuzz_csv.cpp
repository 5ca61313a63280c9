// libFuzzer target: project spreadsheets as CSV: quoting, separators, BOM, ragged rows.
// Every byte sequence must give rows or diagnostics, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/import/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)sf::core::parseCsv(text);
  (void)sf::core::importCsv(text, sf::core::ImportOptions{});
  return 0;
}
