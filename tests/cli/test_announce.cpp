// `announce` as organisers use it on the day: levels and targets, durations, ending a message so
// that no later publish brings it back, listing, and bad input that gets a message, never an abort.
#include <catch2/catch.hpp>

#include "run_binary.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>

#include "core/feed/parse.hpp"
#include "fixtures.hpp"

namespace {

using sf::test::Run;
using sf::test::run;

struct AnnounceWorkspace {
  AnnounceWorkspace() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sf-announce-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    std::filesystem::copy_file(sf::test::sourcePath("assets/examples/small-feed.json"), dir + "/feed.json");
  }
  ~AnnounceWorkspace() { std::filesystem::remove_all(dir); }
  std::string path(const std::string& name) const { return dir + "/" + name; }
  std::string files() const { return " --feed " + path("feed.json") + " --to " + path("www"); }
  std::string dir;
};

// A copy, not a pointer: the feeds it is asked about are temporaries that die with the statement.
std::optional<sf::core::Announcement> find(const sf::core::Feed& f, const std::string& id) {
  const auto it = std::find_if(f.announcements.begin(), f.announcements.end(), [&](const auto& a) { return a.id == id; });
  if (it == f.announcements.end()) return std::nullopt;
  return *it;
}

sf::core::Feed feedAt(const std::string& path) {
  auto parsed = sf::core::parseFeed(sf::test::readText(path), path);
  REQUIRE(parsed.feed);
  return *parsed.feed;
}

void writeText(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

sf::core::Instant now() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

}  // namespace

TEST_CASE("announce writes level, both languages and targets, with a duration", "[announce]") {
  AnnounceWorkspace w;
  const auto r = run("announce \"Bitte Halle 2 verlassen\" --en \"Please leave hall 2\" --title Räumung --title-en Evacuation"
                     " --level emergency --style evacuation --pictogram exit --groups hall-2,foyer --rooms hs1 --until 45m --id evac" + w.files());
  INFO(r.out);
  REQUIRE(r.exitCode == 0);
  for (const auto& path : {w.path("feed.json"), w.path("www/feed.json")}) {
    const auto f = feedAt(path);
    const auto a = find(f, "evac");
    REQUIRE(a);
    CHECK(a->level == sf::core::Level::Emergency);
    CHECK(a->style == sf::core::EmergencyStyle::Evacuation);
    CHECK(a->pictogram == sf::core::Pictogram::Exit);
    CHECK(a->title.in("de") == "Räumung");
    CHECK(a->title.in("en") == "Evacuation");
    CHECK(a->text.in("en") == "Please leave hall 2");
    CHECK(a->targets.groups == std::vector<std::string>{"hall-2", "foyer"});
    CHECK(a->targets.rooms == std::vector<std::string>{"hs1"});
    CHECK(a->end - a->start == std::chrono::minutes{45});
    CHECK(a->start <= now());
  }
  const auto info = run("announce \"Mittagessen im Foyer\" --level info --position top --until 2h --id lunch" + w.files());
  REQUIRE(info.exitCode == 0);
  const auto published = feedAt(w.path("www/feed.json"));
  const auto lunch = find(published, "lunch");
  REQUIRE(lunch);
  CHECK(lunch->level == sf::core::Level::Info);
  CHECK(lunch->bannerTop);
  CHECK(lunch->end - lunch->start == std::chrono::hours{2});
  const auto open = run("announce \"Garderobe geschlossen\" --until open --id cloak" + w.files());
  REQUIRE(open.exitCode == 0);
  const auto file = feedAt(w.path("feed.json"));
  const auto cloak = find(file, "cloak");
  REQUIRE(cloak);
  CHECK(cloak->end - cloak->start >= std::chrono::hours{24 * 7});
}

TEST_CASE("announce --end ends it in the file and the published feed, a later publish keeps it ended", "[announce]") {
  AnnounceWorkspace w;
  REQUIRE(run("announce \"Raumwechsel: HS1 nach HS3\" --until 2h --rooms hs1 --id move" + w.files()).exitCode == 0);
  const auto before = find(feedAt(w.path("www/feed.json")), "move");
  REQUIRE(before);
  CHECK(before->end > now());

  const auto listed = run("announce --list --feed " + w.path("feed.json"));
  REQUIRE(listed.exitCode == 0);
  CHECK_THAT(listed.out, Catch::Contains("active  move"));
  CHECK_THAT(listed.out, Catch::Contains("rooms hs1"));

  const auto ended = run("announce --end move" + w.files());
  INFO(ended.out);
  REQUIRE(ended.exitCode == 0);
  for (const auto& path : {w.path("feed.json"), w.path("www/feed.json")}) {
    const auto a = find(feedAt(path), "move");
    REQUIRE(a);
    CHECK(a->end <= now());
  }
  // Publishing the organiser's file again does not bring it back.
  REQUIRE(run("publish " + w.path("feed.json") + " --to " + w.path("www")).exitCode == 0);
  CHECK(find(feedAt(w.path("www/feed.json")), "move")->end <= now());
  CHECK_THAT(run("announce --list --feed " + w.path("feed.json")).out, Catch::Contains("ended   move"));

  const auto unknown = run("announce --end nosuch" + w.files());
  CHECK(unknown.exitCode == 1);
  CHECK_THAT(unknown.out, Catch::Contains("no announcement \"nosuch\""));
}

TEST_CASE("announce goes onto the current release: unpublished edits in the feed file stay unpublished", "[announce]") {
  AnnounceWorkspace w;
  REQUIRE(run("publish " + w.path("feed.json") + " --to " + w.path("www")).exitCode == 0);
  const std::int64_t next = feedAt(w.path("www/feed.json")).revision + 1;
  // An edit the organiser has not published yet.
  std::string draft = sf::test::readText(w.path("feed.json"));
  const std::string before = "Lötkurs für Einsteiger";
  REQUIRE(draft.find(before) != std::string::npos);
  draft.replace(draft.find(before), before.size(), "Lötkurs (noch geheim)");
  writeText(w.path("feed.json"), draft);

  const auto r = run("announce \"Kaffee im Foyer\" --level info --until 30m --id coffee" + w.files());
  INFO(r.out);
  REQUIRE(r.exitCode == 0);
  CHECK_THAT(r.out, Catch::Contains("added to the current release") && Catch::Contains("published revision " + std::to_string(next)));
  const auto published = feedAt(w.path("www/feed.json"));
  CHECK(published.revision == next);
  CHECK(find(published, "coffee"));
  CHECK(sf::test::readText(w.path("www/feed.json")).find("noch geheim") == std::string::npos);
  // The file keeps both: its edit and the message, so publishing it later loses neither.
  CHECK(find(feedAt(w.path("feed.json")), "coffee"));
  CHECK(sf::test::readText(w.path("feed.json")).find("noch geheim") != std::string::npos);
  // The release's history says who made it and what it changed.
  const std::string info = sf::test::readText(w.path("www/releases/" + std::to_string(next) + "/release.json"));
  CHECK_THAT(info, Catch::Contains("\"via\": \"announce\"") && Catch::Contains("\"announcementsAdded\": 1") &&
                       Catch::Contains("\"eventsEdited\": 0"));
}

TEST_CASE("announce rejects bad input with a message and exit 1 or 2, never an abort", "[announce]") {
  AnnounceWorkspace w;
  const std::string files = w.files();
  struct Case {
    std::string args;
    int exitCode;
    std::string says;
  };
  const Case cases[] = {
      // Latin-1 "Spät", as a terminal in another encoding sends it.
      {"\"$(printf 'Sp\\344t')\" --until 1h" + files, 2, "not valid UTF-8"},
      {"Text --en \"$(printf 'L\\366sung')\" --until 1h" + files, 2, "--en is not valid UTF-8"},
      {"Text --title \"$(printf '\\377\\376')\" --until 1h" + files, 2, "--title is not valid UTF-8"},
      {"Text --groups \"$(printf 'Halle\\3442')\" --until 1h" + files, 2, "not valid UTF-8"},
      {"Text --until 45x" + files, 2, "a duration (45m, 2h) or open"},
      {"Text --until -5m" + files, 2, ""},
      {"Text --until 0m" + files, 2, "a duration"},
      {"Text" + files, 2, "--until"},
      {"--until 1h" + files, 2, "give the message"},
      {"Text --until 1h --level urgent" + files, 2, "urgent"},
      {"Text --until 1h --pictogram fire --level emergency" + files, 2, "fire"},
      {"Text --until 1h --id \"bad id\"" + files, 2, "--id wants"},
      {"Text --until 1h --priority 5000" + files, 2, ""},
      {"Text --until 1h --feed " + w.path("missing.json") + " --to " + w.path("www"), 1, "missing.json"},
      {"Text --until 1h --feed " + w.path("feed.json"), 2, "--to"},
  };
  for (const auto& c : cases) {
    const auto r = run("announce " + c.args);
    INFO(c.args << "\n" << r.out);
    CHECK(r.exitCode == c.exitCode);
    CHECK_THAT(r.out, Catch::Contains(c.says));
    CHECK(r.out.find("terminate") == std::string::npos);
  }
  // Nothing of it reached the file.
  CHECK(feedAt(w.path("feed.json")).announcements.size() == 1);
}

TEST_CASE("validate --groups warns about groups no screen has, with their place", "[announce][validate]") {
  AnnounceWorkspace w;
  // The message after a list option is still the message, not one more group.
  REQUIRE(run("announce --groups foyer,hal-2 Text --until 1h --id typo" + w.files()).exitCode == 0);
  CHECK(find(feedAt(w.path("feed.json")), "typo")->text.in("de") == "Text");
  const auto r = run("validate " + w.path("feed.json") + " --groups foyer,hall-2");
  INFO(r.out);
  CHECK(r.exitCode == 0);  // a warning, the feed is valid
  CHECK_THAT(r.out, Catch::Contains("/announcements/1/groups/1: warning: no screen has the group \"hal-2\""));
  CHECK(r.out.find("\"foyer\"") == std::string::npos);
  CHECK(r.out.find(":0:0:") == std::string::npos);  // located at its line
  // Without --groups nothing is known about the venue's screens, so nothing is said.
  CHECK(run("validate " + w.path("feed.json")).out.find("hal-2") == std::string::npos);
}

TEST_CASE("info --config tells what one screen shows: its takeover, banner and rotation", "[announce][info]") {
  AnnounceWorkspace w;
  REQUIRE(run("announce \"Fire\" --level emergency --groups doors --until 1h --id fire" + w.files()).exitCode == 0);
  REQUIRE(run("announce \"Lunch\" --level info --until 1h --id lunch" + w.files()).exitCode == 0);
  writeText(w.path("door.json"), R"({"screenName": "Tür HS1", "room": "hs1", "groups": ["doors"]})");
  writeText(w.path("foyer.json"), R"({"screenName": "Foyer", "groups": ["foyer"]})");
  const auto door = run("info --feed " + w.path("feed.json") + " --config " + w.path("door.json"));
  REQUIRE(door.exitCode == 0);
  CHECK_THAT(door.out, Catch::Contains("This screen at"));
  CHECK_THAT(door.out, Catch::Contains("takeover: fire [emergency"));
  CHECK_THAT(door.out, Catch::Contains("banner: none"));  // under the emergency
  const auto foyer = run("info --feed " + w.path("feed.json") + " --config " + w.path("foyer.json"));
  REQUIRE(foyer.exitCode == 0);
  CHECK_THAT(foyer.out, Catch::Contains("takeover: none"));
  CHECK_THAT(foyer.out, Catch::Contains("banner: lunch [info"));
  CHECK_THAT(foyer.out, Catch::Contains("spotlight"));
  CHECK(run("info --feed " + w.path("feed.json") + " --config " + w.path("missing.json")).exitCode == 1);
}
