// Screenshot benchmark (run by hand, not by ctest): what a fleet screenshot costs at 1920x1080.
// The UI thread's part (reading back the frame it drew) and the reporter thread's part (box filter
// to 480 px, PNG or JPEG under 40 KB) for a few real views. Usage: sf_bench_screenshot [--x11]
// [OUT.png]: --x11 reads back from a window on $DISPLAY; OUT.png gets the first PNG screenshot.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "core/feed/parse.hpp"
#include "embedded.hpp"
#include "live/screenshot.hpp"
#include "platform/display.hpp"
#include "player/player.hpp"

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  using Clock = std::chrono::steady_clock;
  const int w = 1920, h = 1080, runs = 15;
  bool x11 = false;
  std::string out;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--x11") x11 = true;
    else out = argv[i];
  }
  auto parsed = sf::core::parseFeed(sf::assets::defaultFeedJson(), sf::assets::defaultFeedName);
  if (!parsed.feed) return 1;
  const sf::core::Feed& feed = *parsed.feed;

  // The UI thread: the player's own display, its frame read back before the present.
  {
    sf::platform::DisplayOptions o;
    o.offscreen = !x11;
    o.width = w;
    o.height = h;
    std::string error;
    auto display = sf::platform::Display::open(o, error);
    if (!display) {
      std::fprintf(stderr, "no display: %s\n", error.c_str());
      return 1;
    }
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
      display->beginFrame(0.016f);
      display->endFrame(0, false);
      std::vector<std::uint8_t> rgba;  // as the player does: a fresh buffer handed to the reporter
      const auto t0 = Clock::now();
      if (!display->readPixels(rgba)) return 1;
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      display->present();
    }
    std::printf("ui thread: read back %dx%d (%s): median %.2f ms, max %.2f ms over %d frames\n", w, h,
                display->describe().c_str(), median(ms), *std::max_element(ms.begin(), ms.end()), runs);
  }

  // The reporter thread: real frames of the embedded feed at different moments and views.
  sf::player::FrameRenderer renderer(w, h);
  if (!renderer.error().empty()) return 1;
  struct Case {
    const char* name;
    sf::player::View view;
    int minutes;
  };
  const Case cases[] = {{"rotation +0", sf::player::View::Auto, 0}, {"rotation +1", sf::player::View::Auto, 1},
                        {"rotation +2", sf::player::View::Auto, 2}, {"programme", sf::player::View::Programme, 0},
                        {"fields", sf::player::View::of(sf::core::SlideKind::Fields), 0}};
  bool written = false;
  for (const Case& c : cases) {
    sf::player::RenderRequest req;
    req.feed = &feed;
    req.width = w;
    req.height = h;
    req.view = c.view;
    req.language = "de";
    req.at = std::chrono::time_point_cast<std::chrono::milliseconds>(feed.generated) + std::chrono::hours(20) +
             std::chrono::minutes(c.minutes);
    auto frame = renderer.render(req);
    if (!frame.error.empty()) return 1;
    sf::live::Frame f{std::move(frame.rgba), frame.width, frame.height};
    std::vector<double> scale, encode;
    std::size_t bytes = 0;
    std::string type;
    for (int i = 0; i < 5; ++i) {
      auto shot = sf::live::makeScreenshot(f);
      if (!shot) {
        std::fprintf(stderr, "%s: %s\n", c.name, shot.error().message.c_str());
        return 1;
      }
      scale.push_back(shot->scaleMs);
      encode.push_back(shot->encodeMs);
      bytes = shot->image.bytes.size();
      type = shot->image.type + " " + std::to_string(shot->width) + "x" + std::to_string(shot->height);
      if (!out.empty() && !written && shot->image.type == "png") {
        std::ofstream(out, std::ios::binary) << shot->image.bytes;
        written = true;
      }
    }
    std::printf("reporter thread: %-12s scale %.2f ms, encode %.2f ms, %s, %.1f KB\n", c.name, median(scale), median(encode),
                type.c_str(), bytes / 1024.0);
  }
  // The worst case: noise, as a full-screen photograph at its busiest. PNG is far over the limit,
  // so the JPEG ladder runs (and smaller widths, if it must).
  sf::live::Frame noise{std::vector<std::uint8_t>(static_cast<std::size_t>(w) * h * 4), w, h};
  std::uint32_t x = 1;
  for (auto& b : noise.rgba) b = static_cast<std::uint8_t>((x = x * 1664525u + 1013904223u) >> 24);
  std::vector<double> scale, encode;
  std::string type;
  std::size_t bytes = 0;
  for (int i = 0; i < 5; ++i) {
    auto shot = sf::live::makeScreenshot(noise);
    if (!shot) return 1;
    scale.push_back(shot->scaleMs);
    encode.push_back(shot->encodeMs);
    bytes = shot->image.bytes.size();
    type = shot->image.type + " " + std::to_string(shot->width) + "x" + std::to_string(shot->height);
  }
  std::printf("reporter thread: %-12s scale %.2f ms, encode %.2f ms, %s, %.1f KB\n", "noise", median(scale), median(encode),
              type.c_str(), bytes / 1024.0);
  return 0;
}
