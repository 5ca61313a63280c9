// The fleet end to end, every part a real process on loopback: `serve --fleet --notify` and three
// screens (two groups, one on a broken feed). All three are listed within two beats with their
// revisions and the broken one's fault; a screen killed goes offline after three missed beats and
// comes back when restarted, and the webhook hears both; screenshots arrive.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include <nlohmann/json.hpp>

#include "child_process.hpp"
#include "core/base/time.hpp"
#include "collector_process.hpp"
#include "fixtures.hpp"
#include "platform/http_server.hpp"
#include "platform/image_decode.hpp"
#include "run_binary.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

constexpr int kBeat = 5;  // the shortest beat a config may ask for

// A screen as a process of its own, with its config and state folder kept across a restart.
struct FleetScreen {
  FleetScreen(const std::string& dir, const std::string& name, const std::string& group, const std::string& feedUrl,
              const std::string& reportUrl)
      : name(name), state(dir + "/" + name), config(dir + "/" + name + ".json"), log(dir + "/" + name + ".log") {
    fs::create_directories(state);
    std::ofstream(config) << nlohmann::json{{"feed", feedUrl}, {"pollSeconds", 2}, {"cacheDir", state}, {"screenName", name},
                                            {"groups", {group}},
                                            {"report", {{"url", reportUrl}, {"token", sf::test::Collector::kToken}, {"seconds", kBeat}}}}
                                 .dump();
    start();
  }
  void start() {
    process = std::make_unique<sf::test::Child>(SF_BINARY, std::vector<std::string>{"--config", config, "--window", "640x400"}, log, true);
  }
  // As a power cut or a crash would: no goodbye to anyone.
  void kill() {
    ::kill(process->pid, SIGKILL);
    ::waitpid(process->pid, nullptr, 0);
    process->pid = -1;
  }
  std::string name, state, config, log;
  std::unique_ptr<sf::test::Child> process;
};

// The webhook's receiver (every POST's JSON, in order), which also serves a feed cut off
// mid-upload at /broken.json.
struct Hook {
  Hook() {
    sf::platform::ServerLimits limits;
    limits.maxBody = 4096;
    std::string error;
    server = sf::platform::HttpServer::start("127.0.0.1", 0, limits, [this](const sf::platform::HttpRequest& req) {
      if (req.method == "GET" && req.path == "/broken.json")
        return sf::platform::HttpResponse{200, {{"Content-Type", "application/json"}}, "{\"version\": 1, \"title\": "};
      std::lock_guard lock(mutex);
      events.push_back(nlohmann::json::parse(req.body, nullptr, false));
      return sf::platform::HttpResponse{204, {}, ""};
    }, nullptr, error);
    REQUIRE(server);
  }
  std::string url(const std::string& path = "/hook") const { return "http://127.0.0.1:" + std::to_string(server->port()) + path; }
  // The events about `screen`, as "offline"/"online" in order.
  std::vector<std::string> about(const std::string& screen) {
    std::lock_guard lock(mutex);
    std::vector<std::string> out;
    for (const auto& e : events)
      if (e.is_object() && e.value("screen", "") == screen) out.push_back(e.value("event", "?"));
    return out;
  }
  std::size_t count() {
    std::lock_guard lock(mutex);
    return events.size();
  }
  std::mutex mutex;
  std::vector<nlohmann::json> events;
  std::unique_ptr<sf::platform::HttpServer> server;
};

// The collector's screens by name.
std::map<std::string, nlohmann::json> screensOf(const sf::test::Collector& collector) {
  std::map<std::string, nlohmann::json> out;
  auto listed = collector.get("/fleet/screens.json");
  if (!listed) return out;
  const auto json = nlohmann::json::parse(listed->body, nullptr, false);
  if (!json.is_object()) return out;
  for (const auto& s : json["screens"]) out[s["screen"].get<std::string>()] = s;
  return out;
}

std::int64_t seconds(const nlohmann::json& iso) { return sf::core::parseInstant(iso.get<std::string>())->time_since_epoch().count(); }

}  // namespace

TEST_CASE("three screens report to serve --fleet and a killed one goes offline and comes back with the webhook told both times", "[fleet][e2e]") {
  Hook hook;
  sf::test::Collector collector(SF_BINARY, hook.url());
  const std::string www = collector.dir + "/www", feed = collector.dir + "/feed.json";
  fs::copy_file(sf::test::sourcePath("assets/examples/small-feed.json"), feed);
  const auto published = sf::test::runBinary("publish " + feed + " --to " + www);
  INFO(published.out);
  REQUIRE(published.exitCode == 0);
  const std::int64_t revision = nlohmann::json::parse(sf::test::readText(www + "/feed.json"))["revision"];
  const std::string base = collector.url("");

  const auto t0 = std::chrono::steady_clock::now();
  FleetScreen foyer(collector.dir, "foyer", "foyer", base + "/feed.json", collector.url("/fleet/report"));
  FleetScreen hall(collector.dir, "hall", "hall-2", base + "/feed.json", collector.url("/fleet/report"));
  FleetScreen broken(collector.dir, "lobby", "foyer", hook.url("/broken.json"), collector.url("/fleet/report"));
  auto logs = [&] {
    return "foyer: " + sf::test::readText(foyer.log) + "\nhall: " + sf::test::readText(hall.log) + "\nlobby: " +
           sf::test::readText(broken.log) + "\nserve: " + sf::test::readText(collector.dir + "/serve.log");
  };

  // Within two beats of starting (plus the time a loaded machine takes to start a player): all
  // three, each with what it plays, the broken one with its fault in plain words.
  std::map<std::string, nlohmann::json> screens;
  const bool listed = sf::test::waitFor(std::chrono::seconds{2 * kBeat} + 15s, [&] {
    screens = screensOf(collector);
    return screens.size() == 3 && screens["foyer"]["revision"] == revision && screens["hall"]["revision"] == revision &&
           screens["lobby"]["fault"] != "";
  });
  INFO(logs());
  REQUIRE(listed);
  std::printf("fleet e2e: three screens listed %lld ms after they were started (beat %d s)\n",
              static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count()),
              kBeat);
  CHECK(screens["hall"]["groups"] == nlohmann::json::array({"hall-2"}));
  CHECK(screens["foyer"]["groups"] == nlohmann::json::array({"foyer"}));
  CHECK(screens["lobby"]["fault"] == "invalid-feed");
  CHECK_THAT(screens["lobby"]["faultText"].get<std::string>(), Catch::Contains("invalid"));
  CHECK(screens["lobby"]["state"] == "fault");
  CHECK(screens["foyer"]["state"] == "up");
  for (auto& [name, s] : screens) {
    CHECK(s["online"] == true);
    CHECK(s["signed"] == true);  // each with a key of its own
  }
  CHECK(screens["foyer"]["key"] != screens["hall"]["key"]);

  // Screenshots: each screen's first beat carries one, as a picture of its 640x400 frame.
  REQUIRE(sf::test::waitFor(std::chrono::seconds{2 * kBeat}, [&] {
    screens = screensOf(collector);
    return screens["foyer"].contains("screenshot") && screens["hall"].contains("screenshot");
  }));
  auto image = collector.get(screens["foyer"]["screenshot"]["url"].get<std::string>());
  REQUIRE(image);
  auto decoded = sf::platform::decodeImage(image->body, {});
  REQUIRE(decoded);
  CHECK(decoded->width == 480);
  CHECK(decoded->height == 300);
  std::set<std::uint32_t> colours;  // a drawn slide, not a blank frame
  for (std::size_t i = 0; i + 3 < decoded->rgba.size(); i += 4 * 97)
    colours.insert(decoded->rgba[i] << 16 | decoded->rgba[i + 1] << 8 | decoded->rgba[i + 2]);
  CHECK(colours.size() > 20);

  // Killed: offline once three beats are missed (3.3 with the jitter), not before; the webhook hears it.
  const std::int64_t lastSeen = seconds(screensOf(collector)["foyer"]["lastSeen"]);
  foyer.kill();
  const auto killed = std::chrono::steady_clock::now();
  REQUIRE(sf::test::waitFor(std::chrono::seconds{4 * kBeat} + 10s, [&] { return hook.about("foyer") == std::vector<std::string>{"offline"}; }));
  const auto offlineAfter = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - killed).count();
  screens = screensOf(collector);
  CHECK(screens["foyer"]["online"] == false);
  CHECK(screens["foyer"]["state"] == "offline");
  CHECK(seconds(screens["foyer"]["lastSeen"]) == lastSeen);  // nothing more arrived in its name
  const std::int64_t silent = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count() - lastSeen;
  CHECK(silent >= 3 * kBeat);
  CHECK(screens["hall"]["online"] == true);
  std::printf("fleet e2e: killed screen reported offline after %lld ms, %lld s after its last beat\n",
              static_cast<long long>(offlineAfter), static_cast<long long>(silent));

  // Restarted with its state folder: its first beat, signed with the key it kept, brings it back.
  foyer.start();
  const auto restarted = std::chrono::steady_clock::now();
  REQUIRE(sf::test::waitFor(std::chrono::seconds{2 * kBeat} + 15s, [&] {
    return hook.about("foyer") == std::vector<std::string>{"offline", "online"};
  }));
  std::printf("fleet e2e: restarted screen back online after %lld ms\n",
              static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - restarted).count()));
  screens = screensOf(collector);
  CHECK(screens["foyer"]["online"] == true);
  CHECK(screens["foyer"]["revision"] == revision);
  // Nobody else changed state: two events in all.
  CHECK(hook.about("hall").empty());
  CHECK(hook.about("lobby").empty());
  CHECK(hook.count() == 2);
}
