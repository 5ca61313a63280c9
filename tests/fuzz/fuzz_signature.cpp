// libFuzzer target: signature checking with hostile signature documents and feeds. The input is
// split at the first NUL into a signature document and the content it claims to sign.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "platform/crypto.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string key = "07s30TEMg/osnz25LydOcUA2EYRr6+0a0fxIFPOd8GA=";
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const auto nul = all.find('\0');
  const std::string_view doc = all.substr(0, nul);
  const std::string_view content = nul == std::string_view::npos ? std::string_view() : all.substr(nul + 1);
  const auto v = sf::platform::verifyDocument(content, doc, key);
  if (v) __builtin_trap();  // nobody holds this key's secret: nothing may verify
  return 0;
}
