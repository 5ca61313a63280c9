// Feed images in rendered frames: a project's picture fills the spotlight's visual and heads the
// detail view; a missing, broken, 1x1 or 20,000x20,000 picture leaves the generated visual.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "platform/display/png.hpp"
#include "player/feed_images.hpp"
#include "player/live_feed.hpp"
#include "player/player.hpp"
#include "player_fixture.hpp"
#include "render_fixture.hpp"

using namespace sf;

namespace {

constexpr std::uint8_t kR = 201, kG = 23, kB = 164;  // a colour no view uses

bool isPicture(const player::RenderResult& out, int x, int y) {
  const std::uint8_t* p = &out.rgba[(static_cast<std::size_t>(y) * out.width + x) * 4];
  return std::abs(p[0] - kR) <= 2 && std::abs(p[1] - kG) <= 2 && std::abs(p[2] - kB) <= 2;
}

std::size_t pictureArea(const player::RenderResult& out) {
  std::size_t n = 0;
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) n += isPicture(out, x, y);
  return n;
}

const char* const kProject = "amber-initiative-additive-manufacturing-berlin-brandenburg";

player::RenderResult render(player::FrameRenderer& r, const core::Feed& feed, const std::string& base, player::View view,
                            int w, int h) {
  player::RenderRequest req;
  req.feed = &feed;
  req.width = w;
  req.height = h;
  req.view = view;
  req.project = kProject;
  req.at = test::at("2024-04-25T10:00:00+02:00");
  req.collectText = true;
  req.loadImages = true;
  req.imageBase = base;
  auto out = r.render(req);
  REQUIRE(out.error.empty());
  return out;
}

}  // namespace

TEST_CASE("a project's picture fills the spotlight visual and heads the detail view") {
  test::TempDir dir;
  std::filesystem::create_directory(dir.path + "/pictures");
  REQUIRE(test::writeSolidPng(dir.path + "/pictures/amber.png", 64, 48, {kR, kG, kB}));
  core::Feed feed = test::defaultFeed();
  feed.projects[test::projectIndex(feed, kProject)].image = core::ImageRef{"pictures/amber.png", {}};
  const std::string base = dir.path + "/feed.json";  // relative srcs resolve next to the feed

  for (auto [w, h] : {std::pair{1920, 1080}, {1080, 1920}, {800, 480}}) {
    INFO(w << "x" << h);
    player::FrameRenderer renderer(w, h);
    REQUIRE(renderer.error().empty());
    const auto out = render(renderer, feed, base, player::View::of(core::SlideKind::Spotlight), w, h);
    CHECK(out.imageErrors.empty());
    const core::Layout& l = out.layout;
    const int top = static_cast<int>(l.header.bottom()) + 4;
    // The visual: the right-hand column in landscape, a band under the header in portrait.
    const int x = l.portrait ? w / 4 : w - static_cast<int>(w * 0.3f) / 2 - 1;
    CHECK(isPicture(out, x, top + 8));
    CHECK(isPicture(out, l.portrait ? w / 2 : w - 8, top + 40));
    // Cover-cropped into the whole visual: a large share of the frame, no generated shapes.
    CHECK(pictureArea(out) > static_cast<std::size_t>(w) * h / 10);
    for (const auto& p : core::checkTextBoxes(out.texts, w, h)) FAIL_CHECK(p.message);

    const auto detail = render(renderer, feed, base, player::View::Detail, w, h);
    CHECK(pictureArea(detail) > static_cast<std::size_t>(w) * h / 40);
    for (const auto& p : core::checkTextBoxes(detail.texts, w, h)) FAIL_CHECK(p.message);
  }
}

// A PNG of w x h from the encoder, then cut to `keep` bytes (0: whole), or with the size in its
// header rewritten to claimW x claimH: a decompression bomb, a small file that decodes to gigabytes.
std::string hostilePng(const std::string& dir, const char* name, int w, int h, std::size_t keep, int claimW = 0,
                       int claimH = 0) {
  const std::string path = dir + "/" + name;
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w) * h * 4, 90);
  REQUIRE(platform::writePng(path, rgba, w, h).has_value());
  std::ifstream in(path, std::ios::binary);
  std::string png(std::istreambuf_iterator<char>(in), {});
  in.close();
  if (keep) png.resize(keep);
  for (int i = 0; claimW && i < 4; ++i) {
    png[16 + i] = static_cast<char>((claimW >> (24 - 8 * i)) & 0xFF);
    png[20 + i] = static_cast<char>((claimH >> (24 - 8 * i)) & 0xFF);
  }
  std::ofstream(path, std::ios::binary | std::ios::trunc) << png;
  return name;
}

TEST_CASE("a picture that is missing or broken or tiny or gigantic leaves the generated visual") {
  test::TempDir dir;
  {
    std::ofstream(dir.path + "/broken.png") << "<html>not a picture</html>";
  }
  const core::Feed& plain = test::defaultFeed();
  const std::pair<std::string, std::string> cases[] = {
      {"nowhere.png", ""},
      {"broken.png", "not a PNG, JPEG, GIF or WebP image"},
      {"https://127.0.0.1:9/closed.png", ""},
      {hostilePng(dir.path, "one-pixel.png", 1, 1, 0), "the image is 1x1 pixels; at least 16x16 are needed to show it"},
      {hostilePng(dir.path, "bomb.png", 32, 32, 0, 20000, 20000), "the image is 20000x20000 pixels; the limit is 24 megapixels"},
      {hostilePng(dir.path, "cut-off.png", 300, 200, 90), "the image could not be decoded"},
  };
  for (const auto& [src, reason] : cases) {
    INFO(src);
    core::Feed feed = plain;
    feed.projects[test::projectIndex(feed, kProject)].image = core::ImageRef{src, {}};
    player::FrameRenderer renderer(1280, 800);
    REQUIRE(renderer.error().empty());
    const auto out = render(renderer, feed, dir.path + "/feed.json", player::View::of(core::SlideKind::Spotlight), 1280, 800);
    REQUIRE(out.imageErrors.size() == 1);
    CHECK_THAT(out.imageErrors.front(), Catch::Contains(reason));
    CHECK(pictureArea(out) == 0);
    // Exactly the frame of a project that names no picture: the designed placeholder.
    const auto reference = render(renderer, plain, "", player::View::of(core::SlideKind::Spotlight), 1280, 800);
    CHECK(out.rgba == reference.rgba);
  }
}

TEST_CASE("image srcs resolve next to the feed, wherever it lives") {
  using live::resolveImageSource;
  CHECK(resolveImageSource("a.png", "/srv/feed/feed.json") == "/srv/feed/a.png");
  CHECK(resolveImageSource("img/a.png", "https://example.org/feed/feed.json") == "https://example.org/feed/img/a.png");
  CHECK(resolveImageSource("https://cdn.example.org/a.png", "/srv/feed.json") == "https://cdn.example.org/a.png");
  CHECK(resolveImageSource("/abs/a.png", "feed.json") == "/abs/a.png");
  CHECK(resolveImageSource("a.png", "feed.json") == "a.png");
  CHECK(resolveImageSource("a.png", "").empty());  // the built-in feed has no location
}

TEST_CASE("the live feed asks the image worker for the feed's pictures and hands them over") {
  test::TempDir dir;
  REQUIRE(test::writeSolidPng(dir.path + "/amber.png", 64, 48, {kR, kG, kB}));
  auto feed = std::make_shared<core::Feed>(test::defaultFeed());
  feed->projects[test::projectIndex(*feed, kProject)].image = core::ImageRef{"amber.png", {}};
  core::Config config;
  config.cacheDir = dir.path + "/cache";
  live::StartupFeed startup;
  startup.feed = feed;
  startup.status.feedUrl = "file://" + dir.path + "/feed.json";
  std::atomic<int> wakes{0};
  player::LiveFeed live(config, startup, [&] { ++wakes; }, false);
  player::LiveFeed::Changes c;
  for (int i = 0; i < 500 && !c.images; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    c = live.drain();
  }
  REQUIRE(c.images);
  CHECK(wakes > 0);  // the worker woke the loop instead of waiting for its next deadline
  REQUIRE(live.readyImages().size() == 1);
  const auto& ready = live.readyImages().front();
  CHECK(ready.src == "amber.png");
  CHECK(ready.error.empty());
  CHECK(ready.width == 64);
  CHECK(ready.height == 48);
  CHECK(ready.rgba.size() == 64u * 48 * 4);
}
