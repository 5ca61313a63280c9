// A screen's screenshot for its report: the frame the player drew, box-filtered down to a small
// width and encoded as PNG, or as JPEG when that is what keeps it under the size limit.
#pragma once
#include <chrono>
#include <cstdint>
#include <vector>

#include "core/base/result.hpp"
#include "core/show/fleet_report.hpp"

namespace sf::live {

// RGBA pixels, width * height * 4 bytes, row after row.
struct Frame {
  std::vector<std::uint8_t> rgba;
  int width = 0, height = 0;
};

struct ScreenshotOptions {
  int width = 480;                  // never wider than the frame itself
  std::size_t maxBytes = 40 * 1024;
};

struct Screenshot {
  core::ReportScreenshot image;
  int width = 0, height = 0;
  double scaleMs = 0, encodeMs = 0;  // what making it cost, for the benchmark and the journal
};

// Area average over each target pixel's box of source pixels (a box filter), keeping the aspect
// ratio: `width` x round(height * width / frame width). A frame narrower than `width` stays as it is.
Frame scaleToWidth(const Frame& frame, int width);

// PNG at the given width when it fits `maxBytes`; else JPEG at falling quality; else the same at
// smaller widths. An error only when nothing fits (or encoding fails).
core::Result<Screenshot> makeScreenshot(const Frame& frame, const ScreenshotOptions& options = {});

}  // namespace sf::live
