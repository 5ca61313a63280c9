// Images from feeds: sizes read from headers, bombs refused before decoding, big photos scaled
// down, broken files reported; fetched over HTTPS, cached on disk and served from there offline.
#include <catch2/catch.hpp>

#include <SDL.h>
#include <SDL_image.h>

#include <filesystem>
#include <thread>

#include "live_support.hpp"
#include "live/image_worker.hpp"
#include "platform/image_decode.hpp"

using namespace sf::live;
using namespace sf::platform;
using namespace std::chrono_literals;

namespace {

// A real PNG of the given size, filled with one colour, made with SDL_image.
std::string makePng(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
  SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGBA32);
  REQUIRE(s);
  SDL_FillRect(s, nullptr, SDL_MapRGBA(s->format, r, g, b, 255));
  sf::test::TempDir dir;
  const std::string path = dir.path + "/x.png";
  REQUIRE(IMG_SavePNG(s, path.c_str()) == 0);
  SDL_FreeSurface(s);
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A PNG whose header claims a huge size: a few hundred bytes that would decode to gigabytes.
std::string bombPng(int w, int h) {
  std::string png = makePng(1, 1, 0, 0, 0);
  auto put32 = [&](std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) png[at + i] = static_cast<char>((v >> (24 - 8 * i)) & 0xFF);
  };
  put32(16, static_cast<std::uint32_t>(w));
  put32(20, static_cast<std::uint32_t>(h));
  return png;
}

}  // namespace

TEST_CASE("image sizes come from the header", "[images]") {
  const auto h = sniffImage(makePng(37, 11, 1, 2, 3));
  REQUIRE(h);
  CHECK(h->type == "png");
  CHECK(h->width == 37);
  CHECK(h->height == 11);
  CHECK_FALSE(sniffImage("<html>not an image</html>"));
  CHECK_FALSE(sniffImage(""));
}

TEST_CASE("decoding: colours, 1x1, bombs, broken files, downscaling", "[images]") {
  const ImageLimits limits;
  SECTION("a small image keeps its pixels") {
    const auto d = decodeImage(makePng(16, 20, 200, 100, 50), limits);
    REQUIRE(d);
    CHECK(d->width == 16);
    CHECK(d->height == 20);
    CHECK(d->rgba.size() == 16u * 20 * 4);
    CHECK(int(d->rgba[0]) == 200);
    CHECK(int(d->rgba[1]) == 100);
    CHECK(int(d->rgba[2]) == 50);
  }
  SECTION("1x1 is too small to show: refused, so the designed placeholder stays") {
    const auto d = decodeImage(makePng(1, 1, 9, 9, 9), limits);
    REQUIRE_FALSE(d);  // no pixels
    CHECK(d.error().message == "the image is 1x1 pixels; at least 16x16 are needed to show it");
  }
  SECTION("a decompression bomb is refused before decoding") {
    const auto d = decodeImage(bombPng(20000, 20000), limits);
    REQUIRE_FALSE(d);
    CHECK(d.error().message == "the image is 20000x20000 pixels; the limit is 24 megapixels (not decoded)");
  }
  SECTION("a broken file is reported") {
    std::string png = makePng(64, 64, 1, 1, 1);
    png.resize(60);
    const auto d = decodeImage(png, limits);
    REQUIRE_FALSE(d);
    CHECK_THAT(d.error().message, Catch::StartsWith("the image could not be decoded"));
    CHECK(decodeImage("GIF89a", limits).error().message == "not a PNG, JPEG, GIF or WebP image");
  }
  SECTION("a wide photo is scaled to the display size") {
    const auto d = decodeImage(makePng(4000, 90, 10, 20, 30), limits);
    REQUIRE(d);
    CHECK(d->width == 1333);  // factor 3 brings 4000 under 1920
    CHECK(d->height == 30);
    CHECK(int(d->rgba[4 * 700 + 1]) == 20);
  }
}

TEST_CASE("images are fetched with limits, cached by content and served from disk offline", "[images][live]") {
  sf::test::FeedServer server;
  sf::test::TempDir cache;
  server.setFile("ok.png", makePng(16, 16, 0, 128, 255));
  server.setFile("bomb.png", bombPng(30000, 30000));
  server.setFile("page.html", "<html></html>");
  server.setFile("big.png", std::string(9u << 20, 'x'));
  const std::string feedUrl = server.url("/files/feed.json");

  auto collect = [](WorkerQueue& q, std::size_t n) {
    std::map<std::string, ImageReady> got;
    std::deque<WorkerMessage> batch;
    for (int i = 0; i < 500 && got.size() < n; ++i) {
      if (q.drain(batch))
        for (auto& m : batch)
          if (auto* img = std::get_if<ImageReady>(&m)) got[img->src] = std::move(*img);
      std::this_thread::sleep_for(10ms);
    }
    return got;
  };
  ImageWorker::Options options;
  options.cacheDir = cache.path;
  options.tuning.caBundle = server.caFile();
  {
    WorkerQueue q;
    ImageWorker worker(options, q);
    for (const char* src : {"ok.png", "bomb.png", "page.html", "missing.png", "big.png"}) worker.request(src, feedUrl);
    worker.request("ok.png", feedUrl);  // asked twice, loaded once
    auto got = collect(q, 5);
    REQUIRE(got.size() == 5);
    CHECK(got["ok.png"].error.empty());
    CHECK(got["ok.png"].width == 16);
    CHECK_THAT(got["bomb.png"].error, Catch::Contains("30000x30000 pixels") && Catch::Contains("not decoded"));
    CHECK_THAT(got["page.html"].error, Catch::Contains("not a PNG, JPEG, GIF or WebP image"));
    CHECK_THAT(got["missing.png"].error, Catch::Contains("HTTP 404"));
    CHECK_THAT(got["big.png"].error, Catch::Contains("larger than the limit"));
  }
  server.stop();
  {
    WorkerQueue q;
    ImageWorker worker(options, q);
    worker.request("ok.png", feedUrl);
    auto got = collect(q, 1);
    REQUIRE(got.count("ok.png"));
    CHECK(got["ok.png"].error.empty());  // from the disk cache: the server is gone
    CHECK(int(got["ok.png"].rgba[1]) == 128);
  }
  // Only the good image was kept; the bomb was refused before it took space.
  std::size_t blobs = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(cache.path + "/images/blobs")) ++blobs;
  CHECK(blobs == 1);
}

TEST_CASE("relative image paths resolve against the feed's URL", "[images]") {
  CHECK(resolveImageUrl("images/a.jpg", "https://example.org/feeds/main.json") == "https://example.org/feeds/images/a.jpg");
  CHECK(resolveImageUrl("https://cdn.example.org/a.jpg", "file:///srv/feed.json") == "https://cdn.example.org/a.jpg");
  CHECK(resolveImageUrl("a.jpg", "file:///media/usb/feed.json") == "file:///media/usb/a.jpg");
  CHECK(resolveImageUrl("a.jpg", "") == "");
}
