// Fleet screenshots on the screen's side: the box filter averages exactly and keeps the aspect
// ratio, and a screenshot stays under its size limit, as PNG where that fits and JPEG where not.
#include <catch2/catch.hpp>

#include <random>

#include "live/screenshot.hpp"
#include "platform/image_decode.hpp"

using sf::live::Frame;

namespace {

Frame solid(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
  Frame f{std::vector<std::uint8_t>(static_cast<std::size_t>(w) * h * 4), w, h};
  for (std::size_t i = 0; i < f.rgba.size(); i += 4) f.rgba[i] = r, f.rgba[i + 1] = g, f.rgba[i + 2] = b, f.rgba[i + 3] = 255;
  return f;
}

void paint(Frame& f, int x0, int y0, int x1, int y1, std::uint8_t v) {
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x)
      for (int c = 0; c < 3; ++c) f.rgba[(static_cast<std::size_t>(y) * f.width + x) * 4 + c] = v;
}

}  // namespace

TEST_CASE("the box filter averages each target pixel's source box and keeps the aspect ratio", "[fleet]") {
  Frame f{{}, 4, 2};
  // Two 2x2 boxes: the left one 0, 100, 200, 100 (mean 100); the right 10, 20, 30, 41 (mean 25.25).
  const std::uint8_t values[8] = {0, 100, 10, 20, 200, 100, 30, 41};
  for (int i = 0; i < 8; ++i) f.rgba.insert(f.rgba.end(), {values[i], values[i], values[i], 255});
  const Frame s = sf::live::scaleToWidth(f, 2);
  REQUIRE(s.width == 2);
  REQUIRE(s.height == 1);
  CHECK(int(s.rgba[0]) == 100);
  CHECK(int(s.rgba[4]) == 25);
  CHECK(int(s.rgba[3]) == 255);

  auto sized = [](int w, int h) {
    const Frame out = sf::live::scaleToWidth(solid(w, h, 1, 2, 3), 480);
    return std::pair{out.width, out.height};
  };
  CHECK(sized(1920, 1080) == std::pair{480, 270});
  CHECK(sized(1080, 1920) == std::pair{480, 853});
  CHECK(sized(800, 480) == std::pair{480, 288});
  CHECK(sized(1024, 600) == std::pair{480, 281});
  CHECK(sized(400, 300) == std::pair{400, 300});  // never enlarged
  // A hard edge between black and white lands in one grey column, at the right place.
  Frame edge = solid(1920, 1080, 0, 0, 0);
  paint(edge, 962, 0, 1920, 1080, 255);  // 2 of column 240's 4 source columns are white
  const Frame e = sf::live::scaleToWidth(edge, 480);
  CHECK(int(e.rgba[239 * 4]) == 0);
  CHECK(int(e.rgba[240 * 4]) == 128);
  CHECK(int(e.rgba[241 * 4]) == 255);
}

TEST_CASE("a slide's screenshot is a PNG under 40 KB that decodes to the scaled frame", "[fleet]") {
  Frame f = solid(1920, 1080, 20, 40, 90);
  paint(f, 100, 100, 900, 400, 240);
  paint(f, 1000, 600, 1800, 1000, 180);
  auto shot = sf::live::makeScreenshot(f);
  REQUIRE(shot);
  CHECK(shot->image.type == "png");
  CHECK(shot->width == 480);
  CHECK(shot->height == 270);
  CHECK(shot->image.bytes.size() <= 40 * 1024);
  sf::platform::ImageLimits limits;
  auto decoded = sf::platform::decodeImage(shot->image.bytes, limits);
  REQUIRE(decoded);
  REQUIRE(decoded->width == 480);
  const Frame expected = sf::live::scaleToWidth(f, 480);
  CHECK(decoded->rgba == expected.rgba);  // PNG is lossless
}

TEST_CASE("a photograph-like frame becomes a JPEG under 40 KB", "[fleet]") {
  Frame f = solid(1920, 1080, 0, 0, 0);
  std::mt19937 rng(7);
  for (std::size_t i = 0; i < f.rgba.size(); i += 4)
    for (int c = 0; c < 3; ++c) f.rgba[i + c] = static_cast<std::uint8_t>(rng());
  auto shot = sf::live::makeScreenshot(f);
  REQUIRE(shot);
  CHECK(shot->image.type == "jpeg");
  CHECK(shot->image.bytes.size() <= 40 * 1024);
  CHECK(shot->width <= 480);
  sf::platform::ImageLimits limits;
  auto decoded = sf::platform::decodeImage(shot->image.bytes, limits);
  REQUIRE(decoded);
  CHECK(decoded->width == shot->width);
  CHECK(decoded->height == shot->height);
}
