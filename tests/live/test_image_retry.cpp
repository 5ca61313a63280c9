// Pictures that could not be fetched are asked for again: with backoff while their server fails,
// and at once when the feed's own fetch succeeds again, so a screen that boots before its Wi-Fi
// shows its pictures without a restart. Pictures refused for what they are stay refused.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <SDL.h>
#include <SDL_image.h>

#include <atomic>
#include <fstream>
#include <thread>

#include "live/feed_cache.hpp"
#include "live/image_worker.hpp"
#include "live/startup.hpp"
#include "live_support.hpp"
#include "player/live_feed.hpp"

using namespace std::chrono_literals;
using namespace sf;

namespace {

std::string solidPng(int w, int h) {
  SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGBA32);
  REQUIRE(s);
  SDL_FillRect(s, nullptr, SDL_MapRGBA(s->format, 10, 200, 30, 255));
  test::TempDir dir;
  const std::string path = dir.path + "/x.png";
  REQUIRE(IMG_SavePNG(s, path.c_str()) == 0);
  SDL_FreeSurface(s);
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Plain HTTP on 127.0.0.1: /pic.png fails its first `failFirst` requests with 503; while `down`,
// every request (the feed's too) gets 503, as from a proxy with no way out yet.
class FlakyServer {
 public:
  FlakyServer(std::string feed, std::string picture, int failFirst) : feed_(std::move(feed)), picture_(std::move(picture)), failFirst_(failFirst) {
    server_.Get("/feed.json", [this](const httplib::Request&, httplib::Response& res) {
      if (down) res.status = 503;
      else res.set_content(feed_, "application/json");
    });
    server_.Get("/pic.png", [this](const httplib::Request&, httplib::Response& res) {
      const int n = ++pictureRequests;
      if (down || n <= failFirst_) res.status = 503;
      else res.set_content(picture_, "image/png");
    });
    server_.Get("/page.png", [this](const httplib::Request&, httplib::Response& res) {
      ++pageRequests;
      res.set_content("<html>not a picture</html>", "text/html");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(5ms);
  }
  ~FlakyServer() {
    server_.stop();
    thread_.join();
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

  std::atomic<bool> down{false};
  std::atomic<int> pictureRequests{0}, pageRequests{0};

 private:
  std::string feed_, picture_;
  int failFirst_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

// Every ImageReady the worker hands over until `done` holds or the time is up, in order.
std::vector<live::ImageReady> collect(live::WorkerQueue& q, const std::function<bool(const std::vector<live::ImageReady>&)>& done,
                                      std::chrono::milliseconds timeout) {
  std::vector<live::ImageReady> got;
  std::deque<live::WorkerMessage> batch;
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until && !done(got)) {
    if (q.drain(batch))
      for (auto& m : batch)
        if (auto* img = std::get_if<live::ImageReady>(&m)) got.push_back(std::move(*img));
    std::this_thread::sleep_for(10ms);
  }
  return got;
}

bool loaded(const std::vector<live::ImageReady>& got) { return !got.empty() && got.back().error.empty(); }

}  // namespace

TEST_CASE("a picture whose server fails twice appears once it answers, without a restart", "[live][images]") {
  FlakyServer server(test::kBaseFeed, solidPng(32, 24), 2);
  test::TempDir cache;
  live::ImageWorker::Options options;
  options.cacheDir = cache.path;
  options.firstRetry = 100ms;
  live::WorkerQueue q;
  live::ImageWorker worker(options, q);
  worker.request("pic.png", server.url("/feed.json"));
  const auto got = collect(q, loaded, 10s);
  REQUIRE(loaded(got));
  CHECK(server.pictureRequests == 3);
  CHECK(got.back().width == 32);
  CHECK(got.back().height == 24);
  // The UI heard of the failure once, not at every retry that failed alike, then of the picture.
  REQUIRE(got.size() == 2);
  CHECK_THAT(got.front().error, Catch::Contains("HTTP 503"));
}

TEST_CASE("retries back off: each waits about twice as long as the one before", "[live][images]") {
  FlakyServer server(test::kBaseFeed, solidPng(32, 24), 1000);
  test::TempDir cache;
  live::ImageWorker::Options options;
  options.cacheDir = cache.path;
  options.firstRetry = 200ms;
  options.longestRetry = 800ms;
  live::WorkerQueue q;
  live::ImageWorker worker(options, q);
  worker.request("pic.png", server.url("/feed.json"));
  // Waits of 0.2, 0.4, 0.8, 0.8 … s (±20 %): after 2.2 s four or five requests, not dozens.
  std::this_thread::sleep_for(2200ms);
  CHECK(server.pictureRequests >= 4);
  CHECK(server.pictureRequests <= 5);
}

TEST_CASE("a picture refused for what it is is not asked for again", "[live][images]") {
  FlakyServer server(test::kBaseFeed, solidPng(32, 24), 0);
  test::TempDir cache;
  live::ImageWorker::Options options;
  options.cacheDir = cache.path;
  options.firstRetry = 50ms;
  live::WorkerQueue q;
  live::ImageWorker worker(options, q);
  worker.request("page.png", server.url("/feed.json"));
  const auto got = collect(q, [](const auto& g) { return !g.empty(); }, 5s);
  REQUIRE(got.size() == 1);
  CHECK_THAT(got.front().error, Catch::Contains("not a PNG, JPEG, GIF or WebP image"));
  worker.retryNow();
  std::this_thread::sleep_for(500ms);
  CHECK(server.pageRequests == 1);
}

TEST_CASE("when the feed's fetch succeeds again, missing pictures are asked for at once", "[live][images]") {
  // The feed names a picture; the screen starts from its cache while nothing gets through.
  std::string feed = test::replaced(test::kBaseFeed, "\"field\": \"inno\"}", "\"field\": \"inno\", \"image\": {\"src\": \"pic.png\"}}");
  FlakyServer server(feed, solidPng(40, 30), 0);
  server.down = true;
  test::TempDir dir;
  core::Config config;
  config.feed = server.url("/feed.json");
  config.cacheDir = dir.path;
  config.pollSeconds = 1;
  REQUIRE(live::saveCachedFeed(dir.path, {config.feed, feed, "", "", ""}));
  auto startup = live::loadStartupFeed(config);
  REQUIRE(startup.status.origin == live::FeedOrigin::Cache);
  player::LiveFeed screen(config, startup, [] {}, true);

  // Both fail: the feed's fetch and the picture.
  bool pictureFailed = false, feedFailed = false;
  for (int i = 0; i < 500 && !(pictureFailed && feedFailed); ++i) {
    std::this_thread::sleep_for(10ms);
    screen.drain();
    for (const auto& r : screen.readyImages()) pictureFailed = pictureFailed || !r.error.empty();
    screen.readyImages().clear();
    feedFailed = feedFailed || screen.status().consecutiveFailures > 0;
  }
  REQUIRE(pictureFailed);
  REQUIRE(feedFailed);
  const int asked = server.pictureRequests;

  // The way out opens. The picture's own retry would come after 4-6 s; the feed's next poll
  // comes within about a second, and its success brings the picture with it.
  server.down = false;
  const auto opened = std::chrono::steady_clock::now();
  bool shown = false;
  while (!shown && std::chrono::steady_clock::now() - opened < 10s) {
    std::this_thread::sleep_for(10ms);
    screen.drain();
    for (const auto& r : screen.readyImages()) shown = shown || (r.src == "pic.png" && r.error.empty() && r.width == 40);
    screen.readyImages().clear();
  }
  REQUIRE(shown);
  CHECK(std::chrono::steady_clock::now() - opened < 3500ms);
  CHECK(server.pictureRequests == asked + 1);
}
