// Shared test helpers: reading fixture files from the source tree.
// Tests never depend on the working directory they are started from.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

#include "core/base/time.hpp"

namespace sf::test {
// The zone most of the tests' conferences run in.
inline const core::TimeZone& berlin() {
  static const core::TimeZone z = *core::TimeZone::find("Europe/Berlin");
  return z;
}
inline std::string sourcePath(const std::string& rel) { return std::string(SF_SOURCE_DIR) + "/" + rel; }
inline std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace sf::test
