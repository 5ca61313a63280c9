// Shared test helpers: reading fixture files from the source tree.
// Tests never depend on the working directory they are started from.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

namespace sf::test {
inline std::string sourcePath(const std::string& rel) { return std::string(SF_SOURCE_DIR) + "/" + rel; }
inline std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace sf::test
