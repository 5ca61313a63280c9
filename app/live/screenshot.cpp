// Downscaling and the size ladder of a screenshot. Runs on the reporter's thread: a 1080p frame
// costs a few milliseconds here, none of them on the UI thread.
#include "screenshot.hpp"

#include <algorithm>

#include "platform/image_encode.hpp"

namespace sf::live {

Frame scaleToWidth(const Frame& in, int width) {
  if (in.width <= 0 || in.height <= 0 || width <= 0 || width >= in.width) return in;
  Frame out;
  out.width = width;
  out.height = std::max(1, static_cast<int>((static_cast<std::int64_t>(in.height) * width + in.width / 2) / in.width));
  out.rgba.resize(static_cast<std::size_t>(out.width) * out.height * 4);
  // Each target pixel averages the source pixels whose box it covers: [x0, x1) x [y0, y1), with
  // integer bounds so every source pixel counts exactly once.
  std::vector<std::uint32_t> sums(static_cast<std::size_t>(out.width) * 4);
  for (int ty = 0; ty < out.height; ++ty) {
    const int y0 = static_cast<int>(static_cast<std::int64_t>(ty) * in.height / out.height);
    const int y1 = std::max(y0 + 1, static_cast<int>(static_cast<std::int64_t>(ty + 1) * in.height / out.height));
    std::fill(sums.begin(), sums.end(), 0u);
    for (int y = y0; y < y1; ++y) {
      const std::uint8_t* row = in.rgba.data() + static_cast<std::size_t>(y) * in.width * 4;
      for (int tx = 0; tx < out.width; ++tx) {
        const int x0 = static_cast<int>(static_cast<std::int64_t>(tx) * in.width / out.width);
        const int x1 = std::max(x0 + 1, static_cast<int>(static_cast<std::int64_t>(tx + 1) * in.width / out.width));
        std::uint32_t* s = &sums[static_cast<std::size_t>(tx) * 4];
        for (int x = x0; x < x1; ++x)
          for (int c = 0; c < 4; ++c) s[c] += row[x * 4 + c];
      }
    }
    std::uint8_t* dst = out.rgba.data() + static_cast<std::size_t>(ty) * out.width * 4;
    for (int tx = 0; tx < out.width; ++tx) {
      const int x0 = static_cast<int>(static_cast<std::int64_t>(tx) * in.width / out.width);
      const int x1 = std::max(x0 + 1, static_cast<int>(static_cast<std::int64_t>(tx + 1) * in.width / out.width));
      const std::uint32_t n = static_cast<std::uint32_t>((x1 - x0) * (y1 - y0));
      for (int c = 0; c < 4; ++c) dst[tx * 4 + c] = static_cast<std::uint8_t>((sums[static_cast<std::size_t>(tx) * 4 + c] + n / 2) / n);
    }
  }
  return out;
}

core::Result<Screenshot> makeScreenshot(const Frame& frame, const ScreenshotOptions& o) {
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  Screenshot shot;
  // Slides are mostly flat colour and text, which PNG keeps sharp and small; photographs make
  // PNG large, and JPEG then keeps them under the limit. Narrower only as a last resort.
  for (int width : {o.width, o.width * 3 / 4, o.width / 2}) {
    const auto t0 = Clock::now();
    const Frame small = scaleToWidth(frame, width);
    const auto t1 = Clock::now();
    shot.scaleMs += ms(t1 - t0);
    auto png = platform::encodeImage(small.rgba, small.width, small.height, platform::ImageFormat::Png);
    if (!png) return core::Unexpected{png.error()};
    std::optional<std::string> chosen;
    std::string type = "png";
    if (png->size() <= o.maxBytes) chosen = std::move(*png);
    for (int quality : {85, 75, 60, 45}) {
      if (chosen) break;
      auto jpeg = platform::encodeImage(small.rgba, small.width, small.height, platform::ImageFormat::Jpeg, quality);
      if (!jpeg) return core::Unexpected{jpeg.error()};
      if (jpeg->size() <= o.maxBytes) chosen = std::move(*jpeg), type = "jpeg";
    }
    shot.encodeMs += ms(Clock::now() - t1);
    if (chosen) {
      shot.image = {type, std::move(*chosen)};
      shot.width = small.width;
      shot.height = small.height;
      return shot;
    }
  }
  return core::fail("the screenshot stays larger than " + std::to_string(o.maxBytes / 1024) + " KB at every size tried");
}

}  // namespace sf::live
