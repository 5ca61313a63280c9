// The collector's check of a screen's screenshot before it is kept: type, size and the image's
// own header, read before anything else, so a picture that claims 50000x50000 costs nothing.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace sf::tools {

struct ShotLimits {
  int maxSide = 1024;                  // a screen sends 480 px wide; portrait screens are taller
  std::size_t maxBytes = 64 * 1024;
};

struct ShotInfo {
  std::string type;  // "png" or "jpeg"
  int width = 0;
  int height = 0;
};

// A PNG is walked chunk by chunk (lengths, CRCs, IHDR first, IEND last) and its pixel data
// inflated into a small scratch buffer, never more than its header promises: the data must hold
// exactly the rows the header declares, or the header lies. A JPEG's frame header gives its size;
// browsers decode no more than that. The error says in plain words what is wrong.
core::Result<ShotInfo> checkScreenshot(std::string_view bytes, const std::string& declaredType, const ShotLimits& limits = {});

}  // namespace sf::tools
