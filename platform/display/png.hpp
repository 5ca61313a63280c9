// Writing captured frames as PNG files, for `render`, `preview` and the tests: RGBA pixels in,
// a file out. Kept apart from the screen so capture needs no window.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/base/result.hpp"

namespace sf::platform {

// Writes `width` x `height` RGBA pixels (row after row, no padding) to `path` as PNG.
core::Result<void> writePng(const std::string& path, const std::vector<std::uint8_t>& rgba, int width, int height);

}  // namespace sf::platform
