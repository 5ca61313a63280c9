// `schaufenster sync --once` as cron runs it: a signed merge of the base feed and the schedule,
// nothing published when nothing changed, a move logged, an emptied schedule held back across
// restarts until --accept, and the current release intact through bad data, a source that is
// down, a full disk and a kill in the middle of a publication.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "cli/sync_support.hpp"
#include "run_binary.hpp"

using sf::test::runBinary;
using sf::test::SyncStand;

namespace {

sf::test::Run once(const SyncStand& s, const std::string& extra = "") { return runBinary("sync " + s.config + " --once " + extra); }

}  // namespace

TEST_CASE("sync --once publishes a signed merge, then only when something changed, and logs what moved", "[sync]") {
  SyncStand s;
  s.writeConfig({{"file", "schedule.json"}});
  auto r = once(s);
  INFO(r.out);
  REQUIRE(r.exitCode == 0);
  CHECK_THAT(r.out, Catch::Contains("published revision 2 (signed)") && Catch::Contains("first release: 5 events"));
  auto feed = s.publishedJson();
  CHECK(feed["revision"] == 2);
  CHECK(s.signatureValid());
  CHECK(sf::test::countFrom(feed, "synccon:") == 4);
  CHECK_FALSE(sf::test::eventById(feed, "welcome").is_null());  // the organiser's own event stays
  CHECK(sf::test::eventByTitle(feed, "Packaging for kiosks")["start"] == "2024-04-25T11:00:00+02:00");

  auto again = once(s);
  INFO(again.out);
  CHECK(again.exitCode == 0);
  CHECK_THAT(again.out, !Catch::Contains("published"));
  CHECK(s.publishedJson()["revision"] == 2);

  s.serve(SyncStand::moved());
  auto moved = once(s);
  INFO(moved.out);
  CHECK(moved.exitCode == 0);
  CHECK_THAT(moved.out, Catch::Contains("published revision 3 (signed)") && Catch::Contains(": 1 moved"));
  CHECK_THAT(moved.out, Catch::Contains("moved: Packaging for kiosks 2024-04-25 11:00–11:45 Hall A → 2024-04-25 15:00–15:45 Hall A"));
  feed = s.publishedJson();
  CHECK(sf::test::eventByTitle(feed, "Packaging for kiosks")["start"] == "2024-04-25T15:00:00+02:00");
  CHECK(s.signatureValid());

  const auto status = s.status();
  REQUIRE(status["sources"].size() == 1);
  CHECK(status["sources"][0]["id"] == "synccon");
  CHECK(status["sources"][0]["events"] == 4);
  CHECK(status["sources"][0]["format"] == "frab");
  CHECK(status["sources"][0]["heldBack"] == false);
  CHECK(status["sources"][0]["lastError"] == "");
  CHECK_FALSE(status["sources"][0]["lastChange"].get<std::string>().empty());
  CHECK(status["lastRevision"] == 3);
  CHECK(status["lastChanges"][0] == "1 moved");

  SECTION("an edit to the base feed goes out at the next round too") {
    s.writeBase("Welcome desk open from eight.");
    auto edited = once(s);
    INFO(edited.out);
    CHECK_THAT(edited.out, Catch::Contains("published revision 4") && Catch::Contains("1 edited"));
  }
}

TEST_CASE("an emptied schedule is held back, across restarts, until the organiser accepts it", "[sync]") {
  SyncStand s;
  s.writeConfig({{"file", "schedule.json"}});
  REQUIRE(once(s).exitCode == 0);
  s.serve(SyncStand::emptied());
  for (int run = 0; run < 2; ++run) {  // a second process finds it still held back
    auto r = once(s);
    INFO(r.out);
    CHECK(r.exitCode == 1);
    if (run == 0) CHECK_THAT(r.out, Catch::Contains("synccon: held back, it returns no events (it had 4)") &&
                                        Catch::Contains("--accept synccon"));
    CHECK_THAT(r.out, !Catch::Contains("published"));
    CHECK(s.publishedJson()["revision"] == 2);
    CHECK(sf::test::countFrom(s.publishedJson(), "synccon:") == 4);
    const auto st = s.status()["sources"][0];
    CHECK(st["heldBack"] == true);
    CHECK(st["heldReason"] == "returns no events (it had 4)");
    CHECK(st["events"] == 4);
  }
  auto accepted = runBinary("sync " + s.config + " --accept synccon");
  INFO(accepted.out);
  CHECK(accepted.exitCode == 0);
  CHECK_THAT(accepted.out, Catch::Contains("published revision 3") && Catch::Contains("4 removed"));
  CHECK(sf::test::countFrom(s.publishedJson(), "synccon:") == 0);
  CHECK_FALSE(sf::test::eventById(s.publishedJson(), "welcome").is_null());
  CHECK(s.status()["sources"][0]["heldBack"] == false);

  auto nothing = runBinary("sync " + s.config + " --accept synccon");
  CHECK(nothing.exitCode == 1);
  CHECK_THAT(nothing.out, Catch::Contains("synccon: nothing is held back"));
  CHECK_THAT(runBinary("sync " + s.config + " --accept nosuch").out, Catch::Contains("no source \"nosuch\""));
  // Back to a full schedule: a rise is never suspicious.
  s.serve(SyncStand::original());
  CHECK(once(s).exitCode == 0);
  CHECK(sf::test::countFrom(s.publishedJson(), "synccon:") == 4);
}

TEST_CASE("bad data, a source that is down, a full disk and a kill mid-publish leave the release intact", "[sync]") {
  SyncStand s;
  // A long hand-written text makes the feed larger than the schedule, so a file size limit can
  // fail the publication itself rather than the copy of the source kept before it.
  s.writeBase(std::string(30000, 'x'));
  s.writeConfig({{"file", "schedule.json"}});
  REQUIRE(once(s).exitCode == 0);
  const std::string feed = s.published(), sig = s.signature();
  auto intact = [&] {
    CHECK(s.published() == feed);
    CHECK(s.signature() == sig);
    CHECK(s.signatureValid());
  };

  SECTION("bad data") {
    s.serve("{\"schedule\": {\"conference\": ");
    auto r = once(s);
    INFO(r.out);
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.out, Catch::Contains("synccon: not imported:") && Catch::Contains("the last good copy stays published"));
    CHECK_THAT(s.status()["sources"][0]["lastError"].get<std::string>(), Catch::Contains("not imported"));
    intact();
  }
  SECTION("a source that is down") {
    s.writeConfig({{"url", "http://127.0.0.1:9/schedule.json"}});  // the discard port: nobody listens
    auto r = once(s);
    INFO(r.out);
    CHECK(r.exitCode == 1);
    CHECK_THAT(s.status()["sources"][0]["lastError"].get<std::string>(), Catch::Contains("127.0.0.1:9"));
    intact();
  }
  SECTION("a full disk, then a kill in the middle of writing the release; the next round recovers") {
    s.serve(SyncStand::moved());
    // bash's `ulimit -f` counts KiB: the 4 KiB schedule copy fits, the 30 KiB feed does not. With
    // SIGXFSZ ignored a write fails as on a full disk; by default the signal kills the process.
    const std::string bin = SF_BINARY;
    auto full = sf::test::runShell("trap '' XFSZ; ulimit -f 16; exec " + bin + " sync " + s.config + " --once");
    INFO(full.out);
    CHECK(full.exitCode == 1);
    CHECK_THAT(full.out, Catch::Contains("publication failed, the current release stays"));
    intact();
    auto killed = sf::test::runShell("ulimit -f 16; exec " + bin + " sync " + s.config + " --once");
    INFO(killed.out);
    CHECK(killed.exitCode != 0);
    intact();
    auto recovered = once(s);
    INFO(recovered.out);
    CHECK(recovered.exitCode == 0);
    CHECK_THAT(recovered.out, Catch::Contains("published revision 3") && Catch::Contains("1 moved"));
    CHECK(s.signatureValid());
    // No half-written release is left behind.
    for (const auto& e : std::filesystem::directory_iterator(s.publish + "/releases"))
      CHECK(e.path().filename().string().find("staging") == std::string::npos);
  }
}

TEST_CASE("sync refuses a config with mistakes and names them", "[sync]") {
  SyncStand s;
  std::ofstream(s.config) << R"({"baseFeed": "base.json", "sources": [{"url": "http://x/s.json", "format": "excel"}]})";
  auto r = runBinary("sync " + s.config + " --once");
  CHECK(r.exitCode == 1);
  CHECK_THAT(r.out, Catch::Contains("/publishTo: error: missing") && Catch::Contains("/sources/0/format: error: unknown format"));
  CHECK_FALSE(std::filesystem::exists(s.publish));
}

TEST_CASE("a damaged state file stops sync rather than forget what is held back", "[sync]") {
  SyncStand s;
  s.writeConfig({{"file", "schedule.json"}});
  REQUIRE(once(s).exitCode == 0);
  const std::string feed = s.published();
  std::ofstream(s.dir + "/state/sync-state.json") << "{\"sources\": ";
  s.serve(SyncStand::emptied());
  auto r = once(s);
  INFO(r.out);
  CHECK(r.exitCode == 1);
  CHECK_THAT(r.out, Catch::Contains("sync-state.json: the sync state is damaged"));
  CHECK(s.published() == feed);
}

TEST_CASE("a pinned cancel survives the next sync round, an unpinned one is overwritten by the import", "[sync]") {
  SyncStand s;
  s.writeConfig({{"file", "schedule.json"}});
  REQUIRE(once(s).exitCode == 0);
  const auto imported = sf::test::eventByTitle(s.publishedJson(), "Signed feeds");
  REQUIRE_FALSE(imported.is_null());
  const std::string id = imported["id"];
  CHECK(id.starts_with("synccon:"));

  // The organiser's base feed holds the imported talk, cancelled by hand (the console without "pin").
  auto base = nlohmann::ordered_json::parse(sf::test::readText(s.base));
  auto talk = nlohmann::ordered_json::parse(imported.dump());
  talk["cancelled"] = true;
  base["events"].push_back(talk);
  std::ofstream(s.base) << base.dump(2) << "\n";
  auto unpinned = once(s);
  INFO(unpinned.out);
  CHECK(unpinned.exitCode == 0);
  CHECK_FALSE(sf::test::eventById(s.publishedJson(), id).value("cancelled", false));

  // Pinned: the fix in "eventFixes" is applied again after the import.
  base["eventFixes"] = nlohmann::ordered_json::array({{{"event", id}, {"cancelled", true}}});
  std::ofstream(s.base) << base.dump(2) << "\n";
  auto pinned = once(s);
  INFO(pinned.out);
  CHECK(pinned.exitCode == 0);
  CHECK_THAT(pinned.out, Catch::Contains("1 cancelled"));
  CHECK(sf::test::eventById(s.publishedJson(), id).value("cancelled", false));
  // And again at the round after, with the schedule unchanged.
  s.serve(SyncStand::moved());
  CHECK(once(s).exitCode == 0);
  CHECK(sf::test::eventById(s.publishedJson(), id).value("cancelled", false));
  CHECK(sf::test::eventByTitle(s.publishedJson(), "Packaging for kiosks")["start"] == "2024-04-25T15:00:00+02:00");
}
