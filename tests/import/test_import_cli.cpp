// `schaufenster import` as organisers run it: the real binary, new feeds, a re-import that
// leaves the file alone, refused sources, dry runs and usage errors with their exit codes.
#include <catch2/catch.hpp>

#include "run_binary.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "import/import_support.hpp"

namespace {

using sf::test::Run;
using sf::test::run;

// A fresh path in a folder of this test binary's own; the file does not exist yet.
std::string freshPath(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / "sf_import_cli_tests";
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::filesystem::remove(path);
  return path.string();
}

}  // namespace

TEST_CASE("import creates a valid feed, and a second import leaves the file byte for byte", "[cli][import]") {
  const auto feed = freshPath("camp.json");
  const auto src = sf::test::samplePath("schedules/frab-camp2019.json");
  auto r = run("import " + src + " --into " + feed);
  INFO(r.out);
  REQUIRE(r.exitCode == 0);
  CHECK_THAT(r.out, Catch::Contains("source id \"camp2019\"): 79 events: 79 added"));
  CHECK_THAT(r.out, Catch::Contains(feed + ": written (new feed)"));
  const auto j = nlohmann::json::parse(sf::test::readText(feed));
  CHECK(j["timeZone"] == "Europe/Berlin");
  CHECK(j["id"] == "camp");
  CHECK(j["events"].size() == 79);
  CHECK(run("validate " + feed).exitCode == 0);

  const std::string before = sf::test::readText(feed);
  const auto mtime = std::filesystem::last_write_time(feed);
  r = run("import " + src + " --into " + feed);
  CHECK(r.exitCode == 0);
  CHECK_THAT(r.out, Catch::Contains("79 unchanged"));
  CHECK_THAT(r.out, Catch::Contains(feed + ": nothing changed; the file is left as it was"));
  CHECK(sf::test::readText(feed) == before);
  CHECK(std::filesystem::last_write_time(feed) == mtime);

  // A second source merges beside the first.
  r = run("import " + sf::test::samplePath("schedules/pretalx-democon.json") + " --into " + feed + " --source-id demo");
  CHECK(r.exitCode == 0);
  CHECK(nlohmann::json::parse(sf::test::readText(feed))["events"].size() == 79 + 36);
}

TEST_CASE("import of the invalid example exits 1 and writes nothing", "[cli][import]") {
  const auto feed = freshPath("winter.json");
  const auto r = run("import " + sf::test::samplePath("schedules/invalid-example.json") + " --into " + feed);
  CHECK(r.exitCode == 1);
  CHECK_THAT(r.out, Catch::Contains("invalid-example.json:59:7: /schedule/rooms: error: rooms are not allowed here"));
  CHECK_THAT(r.out, Catch::Contains(feed + ": nothing written"));
  CHECK_FALSE(std::filesystem::exists(feed));
}

TEST_CASE("an iCalendar import gets the calendar's zone, --dry-run writes nothing", "[cli][import]") {
  const auto feed = freshPath("pycon.json");
  const auto src = sf::test::samplePath("ics/pretalx-pycon-au-2023.ics");
  auto r = run("import " + src + " --into " + feed + " --dry-run");
  CHECK(r.exitCode == 0);
  CHECK_THAT(r.out, Catch::Contains("dry run; would write"));
  CHECK_FALSE(std::filesystem::exists(feed));
  r = run("import " + src + " --into " + feed + " --new --id pycon-au-2023 --languages en");
  CHECK(r.exitCode == 0);
  const auto j = nlohmann::json::parse(sf::test::readText(feed));
  CHECK(j["timeZone"] == "Australia/Adelaide");
  CHECK(j["events"].size() == 94);
  CHECK(j["events"][0]["start"] == "2023-08-18T09:00:00+09:30");
}

TEST_CASE("import usage errors exit 2", "[cli][import]") {
  const auto feed = freshPath("usage.json");
  const auto src = sf::test::samplePath("schedules/frab-camp2019.json");
  CHECK(run("import --help").exitCode == 0);
  CHECK(run("import " + src).exitCode == 2);  // no --into
  CHECK(run("import " + src + " --into " + feed + " --format xlsx").exitCode == 2);
  CHECK(run("import " + src + " --into " + feed + " --time-zone Mars/Base").exitCode == 2);
  CHECK(run("import " + src + " --into " + feed + " --source-id a:b").exitCode == 2);
  CHECK(run("import " + src + " --into " + feed + " --languages deutsch").exitCode == 2);
  REQUIRE(run("import " + src + " --into " + feed).exitCode == 0);
  CHECK(run("import " + src + " --into " + feed + " --new").exitCode == 2);  // exists
  CHECK(run("import " + src + " --into " + feed + " --time-zone UTC").exitCode == 2);  // only for new feeds
  CHECK(run("import /nonexistent.ics --into " + feed).exitCode == 1);
}

TEST_CASE("import keeps the readable events of a schedule with odd ids and names the place of each oddity", "[cli][import]") {
  const auto src = freshPath("congress-schedule.json");
  {
    std::ofstream out(src);
    out << R"({"schedule": {"conference": {"acronym": "congress", "title": "Congress", "time_zone_name": "Europe/Berlin",
  "days": [{"date": "2018-12-27", "rooms": {"Adams": [
    {"guid": "g-1", "id": 9985, "title": "Opening", "date": "2018-12-27T11:00:00+01:00", "duration": "00:30"},
    {"guid": "g-2", "id": "1526599157", "title": "Self-organised session", "date": "2018-12-27T12:00:00+01:00", "duration": "01:00"},
    {"guid": "g-3", "id": 9987, "title": null, "date": "2018-12-27T14:00:00+01:00", "duration": "00:30"}
  ]}}]}}})";
  }
  const auto feed = freshPath("congress.json");
  const auto r = run("import " + src + " --into " + feed);
  INFO(r.out);
  REQUIRE(r.exitCode == 0);
  CHECK_THAT(r.out, Catch::Contains(src + ":4:"));
  CHECK_THAT(r.out, Catch::Contains("/schedule/conference/days/0/rooms/Adams/1/id: warning: expected a whole number"));
  CHECK_THAT(r.out, Catch::Contains(src + ":5:"));
  CHECK_THAT(r.out, Catch::Contains("/schedule/conference/days/0/rooms/Adams/2/title: warning: expected the event's title"));
  CHECK_THAT(r.out, Catch::Contains("2 events: 2 added, 0 updated, 0 removed, 0 unchanged, 1 unreadable and left out"));
  const auto j = nlohmann::json::parse(sf::test::readText(feed));
  REQUIRE(j["events"].size() == 2);
  CHECK(j["events"][1]["id"] == "congress:g-2");
}
