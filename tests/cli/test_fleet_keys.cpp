// Screens that sign their reports: the first signed report pins a screen to its key; a holder of
// the shared token can then neither report unsigned in its name, nor with another key, nor send
// one of its reports again; `schaufenster fleet --forget-key` lets a reinstalled screen in.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "fleet_rig.hpp"
#include "platform/crypto.hpp"
#include "run_binary.hpp"

using namespace std::chrono_literals;

namespace {

// The request a screen with `keys` sends, signed as the reporter signs.
sf::platform::HttpRequest signedReport(const ScreenReport& r, const sf::platform::KeyPair& keys) {
  const std::string body = sf::core::reportJson(r);
  const auto signature = sf::platform::signDetached(sf::core::reportSigningText(body), keys.secretKey);
  REQUIRE(signature);
  return request("POST", "/fleet/report", CollectorRig::kBearer, body,
                 {{sf::core::kReportSignatureHeader, "ed25519 " + keys.publicKey + " " + *signature}});
}

ScreenReport numbered(const std::string& name, std::int64_t sequence) {
  ScreenReport r = screen(name, 7);
  r.sequence = sequence;
  return r;
}

nlohmann::json listed(CollectorRig& rig) {
  return nlohmann::json::parse(rig.c.answer(request("GET", "/fleet/screens.json", CollectorRig::kBearer))->body)["screens"];
}

}  // namespace

TEST_CASE("a screen's first signed report pins its key and unsigned or other-key or replayed reports are refused", "[fleet]") {
  CollectorRig rig;
  const auto mine = sf::platform::generateKeyPair().value(), theirs = sf::platform::generateKeyPair().value();
  REQUIRE(rig.c.answer(signedReport(numbered("Foyer", 1000), mine))->status == 200);
  auto screens = listed(rig);
  REQUIRE(screens.size() == 1);
  CHECK(screens[0]["signed"] == true);
  CHECK(screens[0]["key"] == mine.publicKey);
  CHECK_FALSE(screens[0].contains("sequence"));  // the screen's counter is nobody's business

  rig.now += 60s;
  // The token alone no longer speaks for Foyer.
  auto unsignedAnswer = rig.post(screen("Foyer", 8));
  CHECK(unsignedAnswer.status == 403);
  CHECK_THAT(unsignedAnswer.body, Catch::Contains("signs its reports with its own key, and this one is unsigned"));
  auto other = *rig.c.answer(signedReport(numbered("Foyer", 2000), theirs));
  CHECK(other.status == 403);
  CHECK_THAT(other.body, Catch::Contains("known by another key"));
  CHECK_THAT(other.body, Catch::Contains("schaufenster fleet FLEET.db --forget-key \"Foyer\""));
  // The same report again (copied off the wire), or an older one.
  CHECK(rig.c.answer(signedReport(numbered("Foyer", 1000), mine))->status == 403);
  auto older = *rig.c.answer(signedReport(numbered("Foyer", 999), mine));
  CHECK(older.status == 403);
  CHECK_THAT(older.body, Catch::Contains("not newer than its last one"));
  // None of them changed what the fleet shows.
  CHECK(listed(rig)[0]["revision"] == 7);
  CHECK(listed(rig)[0]["lastSeen"] == sf::core::formatInstant(t0, sf::core::TimeZone::utc()));
  // The screen itself goes on.
  ScreenReport next = numbered("Foyer", 1060);
  next.revision = 9;
  CHECK(rig.c.answer(signedReport(next, mine))->status == 200);
  CHECK(listed(rig)[0]["revision"] == 9);
}

TEST_CASE("a signature that does not match or is not in its one spelling refuses the report", "[fleet]") {
  CollectorRig rig;
  const auto keys = sf::platform::generateKeyPair().value();
  auto tampered = signedReport(numbered("Foyer", 5), keys);
  tampered.body = sf::core::reportJson(numbered("Hall", 5));  // signed for Foyer, sent as Hall
  auto answer = *rig.c.answer(tampered);
  CHECK(answer.status == 401);
  CHECK_THAT(answer.body, Catch::Contains("signature does not match"));
  auto garbled = *rig.c.answer(request("POST", "/fleet/report", CollectorRig::kBearer, sf::core::reportJson(numbered("Foyer", 5)),
                                       {{sf::core::kReportSignatureHeader, "ed25519 not-a-key"}}));
  CHECK(garbled.status == 400);
  CHECK_THAT(garbled.body, Catch::Contains("X-Screen-Signature must be"));
  CHECK(listed(rig).empty());
  // A valid signature does not stand in for the token.
  auto noToken = signedReport(numbered("Foyer", 5), keys);
  noToken = request("POST", "/fleet/report", "Bearer wrong-token-wrong-token", noToken.body,
                    {{sf::core::kReportSignatureHeader, noToken.header(sf::core::kReportSignatureHeader)}});
  CHECK(rig.c.answer(noToken)->status == 401);
}

TEST_CASE("an unsigned screen may start signing and a forgotten key lets a reinstalled screen pin its new one", "[fleet]") {
  CollectorRig rig;
  const auto before = sf::platform::generateKeyPair().value(), after = sf::platform::generateKeyPair().value();
  REQUIRE(rig.post(screen("Foyer", 1)).status == 200);  // an older screen, token only
  CHECK(listed(rig)[0]["signed"] == false);
  rig.now += 60s;
  REQUIRE(rig.c.answer(signedReport(numbered("Foyer", 10), before))->status == 200);  // updated: it pins its key
  CHECK(listed(rig)[0]["key"] == before.publicKey);
  rig.now += 60s;
  CHECK(rig.c.answer(signedReport(numbered("Foyer", 5), after))->status == 403);  // reinstalled: a new key
  auto forgotten = rig.store->forgetKey("Foyer", rig.now);
  REQUIRE(forgotten);
  CHECK(*forgotten);
  CHECK_FALSE(*rig.store->forgetKey("Nobody", rig.now));
  // Its counter started again too: the new key pins from any number.
  CHECK(rig.c.answer(signedReport(numbered("Foyer", 5), after))->status == 200);
  CHECK(listed(rig)[0]["key"] == after.publicKey);
  CHECK(rig.c.answer(signedReport(numbered("Foyer", 6), before))->status == 403);
  auto history = rig.store->history("Foyer", 10);
  REQUIRE(history);
  bool noted = false;
  for (const auto& e : *history) noted = noted || e.kind == "key-forgotten";
  CHECK(noted);
}

TEST_CASE("a fleet database from before signatures gets its key columns and keeps its screens", "[fleet]") {
  TempDb db;
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(db.path().c_str(), &raw) == SQLITE_OK);
  const std::string report = sf::core::reportJson(screen("Foyer", 3));
  const std::string sql =
      "CREATE TABLE screens(name TEXT PRIMARY KEY, report TEXT NOT NULL, address TEXT NOT NULL, first_seen INTEGER NOT NULL,"
      " last_seen INTEGER NOT NULL, online INTEGER NOT NULL DEFAULT 1);"
      "INSERT INTO screens VALUES('Foyer', '" + report + "', '10.0.0.5', 1800000000, 1800000000, 1);";
  REQUIRE(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(raw);
  auto store = sf::tools::FleetStore::open(db.path());
  REQUIRE(store);
  auto rows = (*store)->screens();
  REQUIRE(rows);
  REQUIRE(rows->size() == 1);
  CHECK(rows->front().report.revision == 3);
  CHECK(rows->front().key.empty());
  const auto keys = sf::platform::generateKeyPair().value();
  CHECK((*store)->record(numbered("Foyer", 1), "10.0.0.5", t0 + 60s, 0, 0, keys.publicKey));
  CHECK((*store)->screens()->front().key == keys.publicKey);
  store->reset();
  CHECK(sf::tools::FleetStore::open(db.path()));  // and opens again as it is now
}

TEST_CASE("schaufenster fleet lists the screens and forgets a key in the database it was given", "[fleet]") {
  TempDb db;
  {
    auto store = sf::tools::FleetStore::open(db.path()).value();
    const auto keys = sf::platform::generateKeyPair().value();
    REQUIRE(store->record(screen("Foyer\u202E", 4), "10.0.0.5", t0, 0, 0, keys.publicKey));
    REQUIRE(store->record(screen("Hall", 4), "10.0.0.6", t0));
  }
  const auto list = sf::test::runBinary("fleet " + db.path());
  INFO(list.out);
  CHECK(list.exitCode == 0);
  CHECK_THAT(list.out, Catch::Contains("Foyer\\u{202E}"));  // a name cannot turn the terminal's text around
  CHECK_THAT(list.out, Catch::Contains("key "));
  CHECK_THAT(list.out, Catch::Contains("token only"));
  const auto forget = sf::test::runBinary("fleet " + db.path() + " --forget-key Hall");
  CHECK(forget.exitCode == 0);
  const auto missing = sf::test::runBinary("fleet " + db.path() + " --forget-key Nobody");
  CHECK(missing.exitCode == 1);
  CHECK_THAT(missing.out, Catch::Contains("no screen \"Nobody\""));
  const auto noDb = sf::test::runBinary("fleet " + db.dir + "/none.db");
  CHECK(noDb.exitCode == 1);
  CHECK_FALSE(fs::exists(db.dir + "/none.db"));
}
