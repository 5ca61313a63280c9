// libFuzzer target: any bytes as a screen's configuration file. A bad file must give
// diagnostics and a usable configuration, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/show/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto r = sf::core::parseConfig(std::string_view(reinterpret_cast<const char*>(data), size), "config.json");
  if (r.config.pollSeconds < 1 || r.config.rotate % 90 != 0) __builtin_trap();  // defaults must hold
  return 0;
}
