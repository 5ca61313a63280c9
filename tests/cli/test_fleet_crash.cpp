// `serve --fleet` killed with SIGKILL in the middle of a burst of reports, again and again: the
// database stays whole, and every report the collector answered 200 is in it.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "collector_process.hpp"
#include "core/show/fleet_report.hpp"
#include "fleet_db_check.hpp"
#include "fleet_load_client.hpp"
#include "fleet_png.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::string reportBody(std::size_t screen, std::int64_t revision) {
  sf::core::ScreenReport r;
  r.screen = "screen-" + std::to_string(screen);
  r.groups = {"hall-" + std::to_string(screen % 7)};
  r.feedUrl = "https://fair.example.org/feed.json";
  r.feedId = "campus-fair";
  r.revision = revision;
  r.uptimeSeconds = 3600;
  r.framesPerSecond = 1.2;
  // Every tenth with a screenshot: a write into a second table, with a larger row.
  if (screen % 10 == 0) r.screenshot = sf::core::ReportScreenshot{"png", sf::test::greyPng(480, 270, static_cast<std::uint8_t>(revision))};
  return sf::core::reportJson(r);
}

// The burst of one round: every screen's report at once, from `threads` client threads, each
// screen from its own address. `answered` counts the 200s as they come.
std::vector<sf::test::LoadOutcome> burst(int port, const std::vector<std::string>& bodies, std::size_t threads,
                                         std::atomic<std::size_t>& answered) {
  std::vector<std::vector<sf::test::LoadOutcome>> outcomes(threads);
  std::vector<std::thread> clients;
  for (std::size_t t = 0; t < threads; ++t)
    clients.emplace_back([&, t] {
      sf::test::LoadClient client(port, sf::test::Collector::kToken, 20s);
      for (std::size_t i = t; i < bodies.size(); i += threads) client.add({sf::test::screenAddress(i), "POST", "/fleet/report", bodies[i], i});
      do {
        for (auto& o : client.poll(20ms)) {
          if (o.status == 200) ++answered;
          outcomes[t].push_back(std::move(o));
        }
      } while (client.inFlight() > 0);
    });
  for (auto& c : clients) c.join();
  std::vector<sf::test::LoadOutcome> all;
  for (auto& o : outcomes) all.insert(all.end(), std::make_move_iterator(o.begin()), std::make_move_iterator(o.end()));
  return all;
}

void copyDatabase(const std::string& from, const std::string& to) {
  for (const char* suffix : {"", "-wal"})
    if (fs::exists(from + suffix)) fs::copy_file(from + suffix, to + suffix, fs::copy_options::overwrite_existing);
}

void execute(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  CHECK(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close_v2(db);
}

}  // namespace

TEST_CASE("serve --fleet: a kill -9 during a burst of reports again and again never corrupts the database", "[fleet]") {
  constexpr std::size_t kScreens = 300, kThreads = 4;
  constexpr int kRounds = 5;
  sf::test::Collector collector(SF_BINARY);
  REQUIRE(collector.get("/fleet/screens.json"));  // ours, up: start() does not say
  const std::string db = collector.dir + "/fleet.db";
  std::mt19937 random(std::random_device{}());
  std::map<std::string, std::int64_t> answered;  // every report answered 200 so far: screen -> revision
  int midBurst = 0;
  for (int round = 1; round <= kRounds; ++round) {
    INFO("round " << round);
    std::vector<std::string> bodies;
    for (std::size_t i = 0; i < kScreens; ++i) bodies.push_back(reportBody(i, round));
    std::atomic<std::size_t> ok{0};
    // The kill lands after a random number of answers, so at a different point of each burst.
    const std::size_t killAfter = std::uniform_int_distribution<std::size_t>(5, kScreens / 2)(random);
    std::vector<sf::test::LoadOutcome> outcomes;
    std::thread sender([&] { outcomes = burst(collector.port, bodies, kThreads, ok); });
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (ok < killAfter && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(100us);
    ::kill(collector.pid, SIGKILL);
    ::waitpid(collector.pid, nullptr, 0);
    collector.pid = -1;
    sender.join();

    std::size_t ours = 0;
    std::map<std::string, int> tally;  // shown when a check fails
    for (const auto& o : outcomes) {
      ++tally[o.status ? std::to_string(o.status) : o.failure];
      if (o.status == 200) {
        answered["screen-" + std::to_string(o.tag)] = round;
        ++ours;
      }
    }
    std::string seen;
    for (const auto& [what, n] : tally) seen += " " + std::to_string(n) + " x " + what + ";";
    INFO("killed after " << killAfter << " answers; the burst saw:" << seen);
    REQUIRE(ours >= killAfter);  // the burst was under way when the kill came
    midBurst += ours < kScreens ? 1 : 0;
    // What the crash left, before anything opens the database again, and after the restart.
    CHECK(sf::test::integrityCheck(db) == "ok");
    CHECK(sf::test::missingReports(db, answered) == std::vector<std::string>{});
    collector.start(SF_BINARY);
    auto listed = collector.get("/fleet/screens.json");
    REQUIRE(listed);
    const auto json = nlohmann::json::parse(listed->body, nullptr, false);
    REQUIRE(json.is_object());
    CHECK(json["screens"].size() == sf::test::queryReadOnly(db, "SELECT name FROM screens").size());
    CHECK(json["screens"].size() >= answered.size());
    CHECK(sf::test::integrityCheck(db) == "ok");
    CHECK(sf::test::missingReports(db, answered) == std::vector<std::string>{});
  }
  // Most kills must have come before the burst was through, or the rounds proved little.
  CHECK(midBurst >= kRounds - 1);
  REQUIRE(!answered.empty());

  // The checks themselves: a row gone, and a page overwritten, are seen.
  collector.stop();
  const std::string copy = collector.dir + "/copy.db", broken = collector.dir + "/broken.db";
  copyDatabase(db, copy);
  const std::string gone = answered.begin()->first;
  execute(copy, ("DELETE FROM screens WHERE name = '" + gone + "'").c_str());
  CHECK(sf::test::missingReports(copy, answered) == std::vector<std::string>{gone});
  copyDatabase(db, broken);
  {
    std::fstream f(broken, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096);  // the second page: the first table's root
    const std::string garbage(4096, '\xAA');
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  CHECK(sf::test::integrityCheck(broken) != "ok");
}
