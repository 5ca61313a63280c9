// The organiser's sync service end to end, every part a real process on loopback: a pretalx-style
// server (ETag, 304), `schaufenster sync` polling it, `schaufenster serve` for the published folder
// and a player pointed at it. A moved talk reaches the published feed within the poll interval
// plus 5 s and then the player; an emptied schedule is published only after --accept.
#include <catch2/catch.hpp>
#include <httplib.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <mutex>
#include <thread>

#include "cli/sync_support.hpp"
#include "child_process.hpp"
#include "run_binary.hpp"

using namespace std::chrono_literals;
using sf::test::SyncStand;

namespace {

using sf::test::Child;
using sf::test::waitFor;
int freePort() { return sf::test::freeLoopbackPort(); }

// A schedule server as pretalx answers: a content ETag, 304 for a matching If-None-Match.
class ScheduleServer {
 public:
  explicit ScheduleServer(std::string body) : body_(std::move(body)) {
    server_.Get("/synccon/schedule/export/schedule.json", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mutex_);
      const std::string etag = "\"" + std::to_string(std::hash<std::string>{}(body_)) + "\"";
      res.set_header("ETag", etag);
      if (req.get_header_value("If-None-Match") == etag) {
        ++notModified_;
        res.status = 304;
        return;
      }
      ++full_;
      res.set_content(body_, "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(5ms);
  }
  ~ScheduleServer() {
    server_.stop();
    thread_.join();
  }
  void set(std::string body) {
    std::lock_guard lock(mutex_);
    body_ = std::move(body);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/synccon/schedule/export/schedule.json"; }
  int notModified() const { return notModified_.load(); }
  int full() const { return full_.load(); }

 private:
  httplib::Server server_;
  std::thread thread_;
  std::mutex mutex_;
  std::string body_;
  int port_ = 0;
  std::atomic<int> notModified_{0}, full_{0};
};


nlohmann::json readJson(const std::string& path) { return nlohmann::json::parse(sf::test::readText(path), nullptr, false); }

}  // namespace

TEST_CASE("sync follows a moved talk to the published feed and a player, and holds back an emptied schedule", "[sync][e2e]") {
  SyncStand s;
  ScheduleServer source(SyncStand::original());
  constexpr int kPoll = 2;
  s.writeConfig({{"url", source.url()}}, kPoll);
  Child sync(SF_BINARY, {"sync", s.config}, s.dir + "/sync.log");

  // First publication.
  REQUIRE(waitFor(15s, [&] { return s.publishedJson().is_object(); }));
  const std::int64_t first = s.publishedJson()["revision"];
  CHECK(s.signatureValid());
  CHECK(sf::test::eventByTitle(s.publishedJson(), "Packaging for kiosks")["start"] == "2024-04-25T11:00:00+02:00");

  // The published folder on the stand's network, and a screen playing it.
  const int port = freePort();
  Child serve(SF_BINARY, {"serve", s.publish, "--bind", "127.0.0.1", "--port", std::to_string(port)}, s.dir + "/serve.log");
  const std::string feedUrl = "http://127.0.0.1:" + std::to_string(port) + "/feed.json";
  const std::string playerConfig = s.dir + "/player.json";
  std::ofstream(playerConfig) << nlohmann::json{{"feed", feedUrl}, {"publicKey", s.keys.publicKey}, {"pollSeconds", 1},
                                                {"cacheDir", s.dir + "/cache"}}.dump();
  Child player(SF_BINARY, {"--config", playerConfig, "--window", "640x400"}, s.dir + "/player.log", true);
  auto playing = [&] {
    const auto status = readJson(s.dir + "/cache/status.json");
    return status.is_object() ? status.value("revision", std::int64_t{-1}) : std::int64_t{-1};
  };
  const bool started = waitFor(30s, [&] { return playing() == first; });
  INFO("player: " << sf::test::readText(s.dir + "/player.log") << "serve: " << sf::test::readText(s.dir + "/serve.log"));
  REQUIRE(started);

  // The talk moves at the source.
  std::this_thread::sleep_for(std::chrono::seconds{kPoll});  // a few conditional polls answered 304 meanwhile
  CHECK(source.notModified() > 0);
  const auto moved = std::chrono::steady_clock::now();
  source.set(SyncStand::moved());
  const bool arrived = waitFor(std::chrono::seconds{kPoll + 5}, [&] {
    return sf::test::eventByTitle(s.publishedJson(), "Packaging for kiosks")["start"] == "2024-04-25T15:00:00+02:00";
  });
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - moved);
  INFO(sf::test::readText(s.dir + "/sync.log"));
  REQUIRE(arrived);
  std::printf("sync: a moved talk reached the published feed %lld ms after the source changed (poll %d s)\n",
              static_cast<long long>(took.count()), kPoll);
  const std::int64_t second = s.publishedJson()["revision"];
  CHECK(second == first + 1);
  CHECK(s.signatureValid());
  // The log line follows the publication.
  CHECK(waitFor(5s, [&] {
    return sf::test::readText(s.dir + "/sync.log").find("moved: Packaging for kiosks 2024-04-25 11:00–11:45 Hall A → 2024-04-25 15:00–15:45 Hall A") !=
           std::string::npos;
  }));

  // The screen plays the new revision, and what it shows at 15:10 is the moved talk.
  const auto shown = std::chrono::steady_clock::now();
  REQUIRE(waitFor(20s, [&] { return playing() == second; }));
  std::printf("sync: the player played revision %lld %lld ms after it was published\n", static_cast<long long>(second),
              static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - shown).count()));
  const auto info = sf::test::runBinary("info --feed " + feedUrl + " --at 2024-04-25T15:10 --lang en");
  INFO(info.out);
  const auto now = info.out.find("now:\n"), talk = info.out.find("2024-04-25 15:00–15:45  Packaging for kiosks"),
             ended = info.out.find("just ended:");
  CHECK(now != std::string::npos);
  CHECK(talk != std::string::npos);
  CHECK((now < talk && talk < ended));  // on now, not among the past ones

  // The source empties: held back, nothing published, the player keeps the programme.
  source.set(SyncStand::emptied());
  REQUIRE(waitFor(std::chrono::seconds{kPoll + 5}, [&] {
    const auto st = s.status();
    return st.is_object() && st["sources"][0].value("heldBack", false);
  }));
  std::this_thread::sleep_for(std::chrono::seconds{2 * kPoll});  // more polls: still nothing published
  CHECK(s.publishedJson()["revision"] == second);
  CHECK(sf::test::countFrom(s.publishedJson(), "synccon:") == 4);
  CHECK(s.status()["sources"][0]["heldReason"] == "returns no events (it had 4)");
  CHECK(playing() == second);

  // The organiser confirms: published at once by the --accept run; the service agrees afterwards.
  const auto accepted = sf::test::runBinary("sync " + s.config + " --accept synccon");
  INFO(accepted.out);
  CHECK(accepted.exitCode == 0);
  CHECK(s.publishedJson()["revision"] == second + 1);
  CHECK(sf::test::countFrom(s.publishedJson(), "synccon:") == 0);
  std::this_thread::sleep_for(std::chrono::seconds{2 * kPoll});
  CHECK(s.publishedJson()["revision"] == second + 1);  // the running service publishes nothing more
  CHECK(s.status()["sources"][0]["heldBack"] == false);
  REQUIRE(waitFor(20s, [&] { return playing() == second + 1; }));
}
