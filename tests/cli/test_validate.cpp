// `schaufenster validate` as organisers run it: the real binary, its output lines and its exit
// codes (0 valid, 1 invalid, 2 usage), the JSON report, URLs and the size limit.
#include <catch2/catch.hpp>

#include "run_binary.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "core/feed_fixture.hpp"
#include "fixtures.hpp"

namespace {

using sf::test::Run;
using sf::test::run;

std::string tempFile(const std::string& name, const std::string& content) {
  const auto dir = std::filesystem::temp_directory_path() / "sf_cli_tests";
  std::filesystem::create_directories(dir);
  const auto path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

}  // namespace

TEST_CASE("the default feed in assets/ validates", "[cli]") {
  const auto r = run("validate " + sf::test::sourcePath("assets/feeds/mpi-berlin.json"));
  CHECK(r.exitCode == 0);
  CHECK_THAT(r.out, Catch::Contains(": valid, feed \"mpi-berlin\" revision 1: 4 fields, 42 projects (12 completed)"));
}

TEST_CASE("a conference feed's summary counts its rooms, tracks, speakers and cancelled talks", "[cli]") {
  const auto r = run("validate " + sf::test::sourcePath("assets/examples/conference-feed.json"));
  INFO(r.out);
  CHECK(r.exitCode == 0);
  CHECK_THAT(r.out, Catch::Contains("13 events (3 rooms, 2 tracks, 11 speakers, 1 cancelled)"));
  CHECK_THAT(r.out, Catch::Contains("(0 warnings)"));
}

TEST_CASE("the embedded feed validates by name", "[cli]") {
  const auto r = run("validate embedded");
  CHECK(r.exitCode == 0);
  CHECK_THAT(r.out, Catch::StartsWith("embedded:mpi-berlin.json: valid"));
}

TEST_CASE("an invalid feed lists every problem as file:line:column: pointer: message and exits 1", "[cli]") {
  std::string text = sf::test::replaced(sf::test::kBaseFeed, "\"field\": \"komp\"", "\"field\": \"kultur\"");
  text = sf::test::replaced(text, "\"#1565C0\"", "\"blue\"");
  const auto path = tempFile("broken.json", text);
  const auto r = run("validate " + path);
  CHECK(r.exitCode == 1);
  const auto color = sf::test::positionOf(text, "\"color\": \"blue\"");
  const auto field = sf::test::positionOf(text, "\"field\": \"kultur\"");
  CHECK_THAT(r.out, Catch::Contains(path + ":5:" + std::to_string(color.column) +
                                    ": /fields/1/color: error: expected a colour as #RRGGBB, found \"blue\""));
  CHECK_THAT(r.out, Catch::Contains(path + ":7:" + std::to_string(field.column) +
                                    ": /projects/1/field: error: unknown field of action \"kultur\"; the feed defines: inno, komp"));
  CHECK_THAT(r.out, Catch::Contains(path + ": invalid, 2 errors, 0 warnings"));
}

TEST_CASE("several feeds: exit 1 if any is invalid, and each gets its verdict", "[cli]") {
  const auto good = tempFile("good.json", sf::test::kBaseFeed);
  const auto bad = tempFile("bad.json", "{\"format\": ");
  const auto r = run("validate " + good + " " + bad);
  CHECK(r.exitCode == 1);
  CHECK_THAT(r.out, Catch::Contains(good + ": valid"));
  CHECK_THAT(r.out, Catch::Contains(bad + ":1:12: /format: error: unexpected end of input; expected a value"));
}

TEST_CASE("the --json report is machine-readable", "[cli]") {
  const std::string text = sf::test::replaced(sf::test::kBaseFeed, "\"revision\": 3", "\"revision\": \"3\"");
  const auto bad = tempFile("bad-json.json", text);
  const auto r = run("validate --json " + bad);
  CHECK(r.exitCode == 1);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["valid"] == false);
  CHECK(j[0]["errors"] == 1);
  const auto& d = j[0]["diagnostics"][0];
  CHECK(d["severity"] == "error");
  CHECK(d["line"] == 1);
  CHECK(d["column"] == sf::test::positionOf(text, "\"revision\"").column);
  CHECK(d["pointer"] == "/revision");
}

TEST_CASE("usage errors exit 2", "[cli]") {
  CHECK(run("validate").exitCode == 2);
  CHECK(run("validate --no-such-flag x.json").exitCode == 2);
  CHECK(run("no-such-command").exitCode == 2);
  CHECK(run("validate --help").exitCode == 0);
}

TEST_CASE("missing files and unreachable URLs are errors with the reason", "[cli]") {
  const auto r = run("validate /nonexistent/feed.json");
  CHECK(r.exitCode == 1);
  CHECK_THAT(r.out, Catch::Contains("cannot open /nonexistent/feed.json: No such file or directory"));
}

TEST_CASE("file:// URLs are read like paths", "[cli]") {
  const auto good = tempFile("url.json", sf::test::kBaseFeed);
  const auto r = run("validate file://" + good);
  CHECK(r.exitCode == 0);
  CHECK_THAT(r.out, Catch::Contains("file://" + good + ": valid"));
}

TEST_CASE("a feed over 16 MiB is refused before it is parsed", "[cli]") {
  std::string big = "[\"" + std::string((16u << 20) + 10, 'x') + "\"]";
  const auto path = tempFile("huge.json", big);
  const auto r = run("validate " + path);
  CHECK(r.exitCode == 1);
  CHECK_THAT(r.out, Catch::Contains("the limit is 16777216"));
  std::filesystem::remove(path);
}

TEST_CASE("info summarises a feed at a given moment", "[cli]") {
  const auto r = run("info --at 2024-04-25T10:00 --lang en");
  CHECK(r.exitCode == 0);
  CHECK_THAT(r.out, Catch::Contains("Schedule at 2024-04-25T10:00:00+02:00 (Europe/Berlin)"));
  CHECK_THAT(r.out, Catch::Contains("now:\n    2024-04-25 (all day)  MPI Meet-up"));
  CHECK(run("info --at yesterday").exitCode == 2);
}

TEST_CASE("a feed generated in the future is valid, with a warning about the publishing machine's clock", "[cli]") {
  const auto in = std::chrono::system_clock::now() + std::chrono::hours(1);
  const std::time_t t = std::chrono::system_clock::to_time_t(in);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S+00:00", std::gmtime(&t));
  const std::string path = tempFile("future.json", sf::test::replaced(sf::test::kBaseFeed, "2024-03-01T09:00:00+01:00", stamp));
  const auto r = run("validate " + path);
  CHECK(r.exitCode == 0);
  CHECK_THAT(r.out, Catch::Contains("/generated: warning: the feed says it was generated at") && Catch::Contains("runs fast") &&
                        Catch::Contains("(1 warnings)"));
}

TEST_CASE("validate and info print control characters and bidi overrides of a feed escaped", "[cli]") {
  // JSON escapes for ESC, BEL and U+202E (right-to-left override): valid in a feed, harmful raw on a terminal.
  const std::string titled = sf::test::replaced(sf::test::kBaseFeed, "\"Testfeed\"", "\"Evil\\u001b[2J\\u202eTitle\"");
  const std::string broken = sf::test::replaced(titled, "\"field\": \"inno\"}", "\"field\": \"x\\u001b]0;pwned\\u0007\"}");
  for (const auto& r : {run("validate " + tempFile("escapes-bad.json", broken)), run("info --feed " + tempFile("escapes.json", titled))}) {
    INFO(r.out);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\x07') == std::string::npos);
    CHECK(r.out.find("\xE2\x80\xAE") == std::string::npos);
  }
  CHECK_THAT(run("validate " + tempFile("escapes-bad.json", broken)).out, Catch::Contains("x\\x1B]0;pwned\\x07"));
  CHECK_THAT(run("info --feed " + tempFile("escapes.json", titled)).out, Catch::Contains("Evil\\x1B[2J\\u{202E}Title"));
}
