// A targeted announcement end to end, every part a real process on loopback: the organiser's
// `announce` and `publish`, `schaufenster serve`, and two screens of different groups reading
// status.json. It shows on one screen only, `announce --end` takes it away, a later publish keeps it away.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "fixtures.hpp"
#include "child_process.hpp"
#include "run_binary.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

using sf::test::Child;
using sf::test::waitFor;
int freePort() { return sf::test::freeLoopbackPort(); }


// True when `bad` never held while watching for `span`.
bool neverFor(std::chrono::milliseconds span, const std::function<bool()>& bad) {
  const auto end = std::chrono::steady_clock::now() + span;
  while (std::chrono::steady_clock::now() < end) {
    if (bad()) return false;
    std::this_thread::sleep_for(50ms);
  }
  return !bad();
}

long long msSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t).count();
}

// One screen: its own config and state folder, and what its status.json says.
struct Screen {
  Screen(const std::string& dir, const std::string& name, const std::string& group, const std::string& feedUrl, int poll)
      : state(dir + "/" + name) {
    fs::create_directories(state);
    const std::string config = dir + "/" + name + ".json";
    std::ofstream(config) << nlohmann::json{{"feed", feedUrl}, {"pollSeconds", poll}, {"cacheDir", state},
                                            {"screenName", name}, {"groups", {group}}}.dump();
    log = dir + "/" + name + ".log";
    process = std::make_unique<Child>(SF_BINARY, std::vector<std::string>{"--config", config, "--window", "640x400"}, log, true);
  }
  nlohmann::json status() const { return nlohmann::json::parse(sf::test::readText(state + "/status.json"), nullptr, false); }
  std::int64_t revision() const {
    const auto s = status();
    return s.is_object() ? s.value("revision", std::int64_t{-1}) : -1;
  }
  // The takeover status.json names, "" for none, "?" while the file is missing or unreadable.
  std::string takeover() const {
    const auto s = status();
    if (!s.is_object() || !s.contains("showing")) return "?";
    const auto& t = s["showing"]["takeover"];
    return t.is_string() ? t.get<std::string>() : std::string();
  }

  std::string state, log;
  std::unique_ptr<Child> process;
};

std::int64_t publishedRevision(const std::string& www) {
  const auto j = nlohmann::json::parse(sf::test::readText(www + "/feed.json"), nullptr, false);
  return j.is_object() ? j.value("revision", std::int64_t{-1}) : -1;
}

}  // namespace

TEST_CASE("a targeted announcement shows on its group's screen only, and once ended no publish brings it back", "[announce][e2e]") {
  std::string tmpl = (fs::temp_directory_path() / "sf-targeted-XXXXXX").string();
  const std::string dir = ::mkdtemp(tmpl.data());
  struct Cleanup {
    std::string dir;
    ~Cleanup() { fs::remove_all(dir); }
  } cleanup{dir};
  const std::string feed = dir + "/feed.json", www = dir + "/www";
  const std::string files = " --feed " + feed + " --to " + www;
  fs::copy_file(sf::test::sourcePath("assets/examples/small-feed.json"), feed);
  const auto published = sf::test::runBinary("publish " + feed + " --to " + www);
  INFO(published.out);
  REQUIRE(published.exitCode == 0);

  constexpr int kPoll = 1;
  // A loaded two-core machine (or a sanitizer build) takes seconds to start a player; the bound on
  // what follows is the poll interval plus this.
  constexpr auto kMargin = 10s;
  const int port = freePort();
  Child serve(SF_BINARY, {"serve", www, "--bind", "127.0.0.1", "--port", std::to_string(port)}, dir + "/serve.log");
  const std::string feedUrl = "http://127.0.0.1:" + std::to_string(port) + "/feed.json";
  Screen foyer(dir, "foyer", "foyer", feedUrl, kPoll);
  Screen hall(dir, "hall", "hall-2", feedUrl, kPoll);
  const std::int64_t first = publishedRevision(www);
  const bool started = waitFor(60s, [&] {
    return foyer.revision() == first && hall.revision() == first && foyer.takeover() == "" && hall.takeover() == "";
  });
  INFO("foyer: " << sf::test::readText(foyer.log) << "hall: " << sf::test::readText(hall.log)
                 << "serve: " << sf::test::readText(dir + "/serve.log"));
  REQUIRE(started);

  // For the foyer only.
  const auto announced = sf::test::runBinary("announce \"Bitte zum Ausgang Nord\" --en \"Please use the north exit\""
                                             " --level important --groups foyer --until 1h --id north-exit" + files);
  INFO(announced.out);
  REQUIRE(announced.exitCode == 0);
  const auto t0 = std::chrono::steady_clock::now();
  const std::int64_t second = publishedRevision(www);
  REQUIRE(second > first);
  REQUIRE(waitFor(std::chrono::seconds{kPoll} + kMargin, [&] { return foyer.takeover() == "north-exit"; }));
  const long long shownMs = msSince(t0);
  // The hall screen has the same revision and, for a few polls, shows nothing over its rotation.
  REQUIRE(waitFor(std::chrono::seconds{kPoll} + kMargin, [&] { return hall.revision() == second; }));
  CHECK(neverFor(std::chrono::seconds{3 * kPoll}, [&] { return hall.takeover() != ""; }));
  std::printf("targeted announcement: on the foyer screen %lld ms after publishing (poll %d s)\n", shownMs, kPoll);

  // Ended now: gone from the foyer.
  const auto ended = sf::test::runBinary("announce --end north-exit" + files);
  INFO(ended.out);
  REQUIRE(ended.exitCode == 0);
  const auto t1 = std::chrono::steady_clock::now();
  REQUIRE(waitFor(std::chrono::seconds{kPoll} + kMargin, [&] { return foyer.takeover() == ""; }));
  std::printf("targeted announcement: off the foyer screen %lld ms after `announce --end`\n", msSince(t1));
  CHECK(hall.takeover() == "");

  // The organiser publishes the file again: a newer revision arrives, the announcement stays ended.
  const auto again = sf::test::runBinary("publish " + feed + " --to " + www);
  INFO(again.out);
  REQUIRE(again.exitCode == 0);
  const std::int64_t last = publishedRevision(www);
  REQUIRE(last > second);
  REQUIRE(waitFor(std::chrono::seconds{kPoll} + kMargin, [&] { return foyer.revision() == last && hall.revision() == last; }));
  // A few more polls of the republished feed: not once back.
  CHECK(neverFor(std::chrono::seconds{3 * kPoll}, [&] { return foyer.takeover() != "" || hall.takeover() != ""; }));
}
