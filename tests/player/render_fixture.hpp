// Shared setup for the render tests that need files: a scratch folder and one-colour pictures
// (apart from player_fixture.hpp, which the core-only player tests include without the platform).
#pragma once
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "core/feed/color.hpp"
#include "platform/display/png.hpp"

namespace sf::test {

// A folder of the test's own under the system's temporary one, removed with everything in it.
struct TempDir {
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sf-render-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string path;
};

// A w x h PNG of one colour, written as any picture an organiser uploads. False when it failed.
inline bool writeSolidPng(const std::string& path, int w, int h, core::Rgb c) {
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  for (std::size_t i = 0; i < rgba.size(); i += 4) {
    rgba[i] = c.r;
    rgba[i + 1] = c.g;
    rgba[i + 2] = c.b;
    rgba[i + 3] = 255;
  }
  return platform::writePng(path, rgba, w, h).has_value();
}

}  // namespace sf::test
