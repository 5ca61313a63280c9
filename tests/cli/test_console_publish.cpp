// The console's Publish page, history, rollback and Screens page over HTTP against the real
// `serve --console`: what an admin publishes and who is refused (audited), rollbacks as new
// revisions, announcements that leave a pending draft unpublished, and the fleet and sync status.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "console_rig.hpp"
#include "core/feed/parse.hpp"
#include "tools/fleet_store.hpp"
#include "tools/sync_state.hpp"

using sf::test::Browser;
using sf::test::ConsoleRig;

namespace {

using ojson = nlohmann::ordered_json;

ojson pubJsonAt(const std::string& path) { return ojson::parse(sf::test::readText(path)); }

void pubWriteJson(const std::string& path, const ojson& doc) { std::ofstream(path) << doc.dump(2) << "\n"; }

std::vector<std::string> pubEventIds(const ojson& feed) {
  std::vector<std::string> ids;
  for (const auto& e : feed["events"]) ids.push_back(e["id"].get<std::string>());
  return ids;
}

// The draft after an organiser's edits: the soldering course moved, a late talk added.
void pubEditDraft(const ConsoleRig& rig) {
  auto doc = pubJsonAt(rig.dir + "/feed.json");
  for (auto& e : doc["events"])
    if (e["id"] == "soldering") {
      e["start"] = "2024-06-15T14:00:00+02:00";
      e["end"] = "2024-06-15T15:30:00+02:00";
    }
  doc["events"].push_back({{"id", "late-talk"}, {"title", {{"de", "Späte Runde"}, {"en", "Late round"}}},
                           {"start", "2024-06-15T17:00:00+02:00"}, {"end", "2024-06-15T18:00:00+02:00"}});
  pubWriteJson(rig.dir + "/feed.json", doc);
}

// The hidden fields of the last page's first form with this action, by name.
std::map<std::string, std::string> pubFormFields(const std::string& html, const std::string& action) {
  std::map<std::string, std::string> out;
  const auto at = html.find("action=\"" + action + "\"");
  if (at == std::string::npos) return out;
  const std::string form = html.substr(at, html.find("</form>", at) - at);
  static const std::regex re("<input type=\"hidden\" name=\"([a-z]+)\" value=\"([^\"]*)\">");
  for (std::sregex_iterator it(form.begin(), form.end(), re), end; it != end; ++it) out[(*it)[1].str()] = (*it)[2].str();
  return out;
}

std::vector<std::pair<std::string, std::string>> pubAsForm(const std::map<std::string, std::string>& fields) {
  return {fields.begin(), fields.end()};
}

bool pubAudited(const ConsoleRig& rig, const std::string& action, const std::string& outcome, const std::string& user) {
  for (const auto& line : rig.auditLines()) {
    const auto j = nlohmann::json::parse(line);
    if (j["action"] == action && j["outcome"] == outcome && j["user"] == user) return true;
  }
  return false;
}

ojson pubReleaseInfo(const ConsoleRig& rig, std::int64_t revision) {
  return ojson::parse(sf::test::readText(rig.dir + "/www/releases/" + std::to_string(revision) + "/release.json"));
}

std::int64_t pubServedRevision(const ConsoleRig& rig) { return pubJsonAt(rig.dir + "/www/feed.json")["revision"].get<std::int64_t>(); }

}  // namespace

TEST_CASE("console publish: the admin sees what changes, publishes, the history names her and counts", "[console][publish]") {
  ConsoleRig rig;
  const std::int64_t first = pubServedRevision(rig);
  const std::string next = std::to_string(first + 1);
  pubEditDraft(rig);
  Browser b = rig.browser();
  REQUIRE(b.signIn("anna", "anna's long password").status == 303);
  REQUIRE(b.go("GET", "/console/publish?lang=en").status == 200);
  CHECK_THAT(b.last.body, Catch::Contains("Draft against release r" + std::to_string(first)) && Catch::Contains("Events added (1)") &&
                              Catch::Contains("Late round") && Catch::Contains("Moved (1)") && Catch::Contains("Soldering for beginners: 2024-06-15 11:00") &&
                              Catch::Contains("→ 2024-06-15 14:00") && Catch::Contains("Publish now"));
  const auto fields = pubFormFields(b.last.body, "/console/publish");
  REQUIRE(fields.count("draft"));
  CHECK(fields.at("base") == std::to_string(first));

  REQUIRE(b.go("POST", "/console/publish", pubAsForm(fields)).status == 303);
  CHECK(b.last.header("location") == "/console/publish?done=" + next);
  const auto served = pubJsonAt(rig.dir + "/www/feed.json");
  CHECK(served["revision"] == first + 1);
  CHECK(pubEventIds(served) == pubEventIds(pubJsonAt(rig.dir + "/feed.json")));
  const auto info = pubReleaseInfo(rig, first + 1);
  CHECK(info["by"] == "anna");
  CHECK(info["via"] == "console");
  CHECK(info["previous"] == first);
  CHECK(info["changes"]["eventsAdded"] == 1);
  CHECK(info["changes"]["eventsMoved"] == 1);
  CHECK(info["changes"]["eventsCancelled"] == 0);
  CHECK(pubAudited(rig, "publish", "ok", "anna"));

  REQUIRE(b.go("GET", "/console/publish?lang=de&done=" + next).status == 200);
  CHECK_THAT(b.last.body, Catch::Contains("Veröffentlicht als Revision " + next + ".") && Catch::Contains("anna (Konsole)") &&
                              Catch::Contains("Termine: 1 neu, 1 verschoben") && Catch::Contains("Der Entwurf zeigt dasselbe"));
  // Nothing left to publish: no button.
  CHECK(pubFormFields(b.last.body, "/console/publish").empty());
}

TEST_CASE("console publish: an organiser, a missing token and a stale page are refused and audited", "[console][publish]") {
  ConsoleRig rig;
  const std::int64_t first = pubServedRevision(rig);
  pubEditDraft(rig);
  Browser ben = rig.browser();
  REQUIRE(ben.signIn("ben", "ben's long password").status == 303);
  REQUIRE(ben.go("GET", "/console/publish").status == 200);  // organisers may look
  CHECK_THAT(ben.last.body, Catch::Contains("Späte Runde") && Catch::Contains("darf nur ein Admin"));
  CHECK(pubFormFields(ben.last.body, "/console/publish").empty());
  CHECK(ben.last.body.find("/console/rollback?revision=") == std::string::npos);
  const std::string draftHash = sf::tools::contentHash(sf::test::readText(rig.dir + "/feed.json"));
  CHECK(ben.go("POST", "/console/publish", {{"csrf", ben.token()}, {"draft", draftHash}, {"base", std::to_string(first)}}).status == 403);
  CHECK(pubAudited(rig, "publish", "forbidden", "ben"));
  CHECK(ben.go("GET", "/console/rollback?revision=" + std::to_string(first)).status == 403);
  CHECK(pubAudited(rig, "rollback", "forbidden", "ben"));

  Browser anna = rig.browser();
  REQUIRE(anna.signIn("anna", "anna's long password").status == 303);
  REQUIRE(anna.go("GET", "/console/publish").status == 200);
  auto fields = pubFormFields(anna.last.body, "/console/publish");
  auto noToken = fields;
  noToken.erase("csrf");
  CHECK(anna.go("POST", "/console/publish", pubAsForm(noToken)).status == 403);
  CHECK(pubAudited(rig, "publish", "csrf", "anna"));
  // The draft changes after the page was shown: what was checked is not what would go out.
  auto doc = pubJsonAt(rig.dir + "/feed.json");
  doc["title"] = "Ein anderer Titel";
  pubWriteJson(rig.dir + "/feed.json", doc);
  CHECK(anna.go("POST", "/console/publish", pubAsForm(fields)).status == 409);
  CHECK(pubAudited(rig, "publish", "stale", "anna"));
  CHECK(pubServedRevision(rig) == first);
  // An invalid draft is shown with its errors in words and has no button.
  std::ofstream(rig.dir + "/feed.json") << "{\"format\": \"schaufenster-feed\", \"version\": 1, \"events\": 3}\n";
  REQUIRE(anna.go("GET", "/console/publish?lang=en").status == 200);
  CHECK_THAT(anna.last.body, Catch::Contains("The draft is not valid") && Catch::Contains("line 1"));
  CHECK(pubFormFields(anna.last.body, "/console/publish").empty());
  CHECK(pubServedRevision(rig) == first);
}

TEST_CASE("console rollback: a confirmation, then the old programme as a new, higher revision", "[console][publish]") {
  ConsoleRig rig;
  const std::int64_t first = pubServedRevision(rig);
  const std::string r1 = std::to_string(first), r2 = std::to_string(first + 1);
  const auto firstEvents = pubEventIds(pubJsonAt(rig.dir + "/www/feed.json"));
  pubEditDraft(rig);
  Browser b = rig.browser();
  REQUIRE(b.signIn("anna", "anna's long password").status == 303);
  REQUIRE(b.go("GET", "/console/publish").status == 200);
  REQUIRE(b.go("POST", "/console/publish", pubAsForm(pubFormFields(b.last.body, "/console/publish"))).status == 303);
  REQUIRE(pubServedRevision(rig) == first + 1);

  REQUIRE(b.go("GET", "/console/publish").status == 200);
  REQUIRE_THAT(b.last.body, Catch::Contains("/console/rollback?revision=" + r1));
  CHECK_THAT(b.last.body, !Catch::Contains("/console/rollback?revision=" + r2));  // not the current one
  REQUIRE(b.go("GET", "/console/rollback?revision=" + r1 + "&lang=en").status == 200);
  CHECK_THAT(b.last.body, Catch::Contains("Rollback to r" + r1) && Catch::Contains("Removed (1)") && Catch::Contains("Late round") &&
                              Catch::Contains("Yes, roll back"));
  CHECK(pubServedRevision(rig) == first + 1);  // looking changes nothing
  CHECK(b.go("GET", "/console/rollback?revision=" + r2).status == 404);  // the current one
  CHECK(b.go("GET", "/console/rollback?revision=99").status == 404);
  REQUIRE(b.go("GET", "/console/rollback?revision=" + r1).status == 200);
  const auto fields = pubFormFields(b.last.body, "/console/rollback");
  REQUIRE(fields.at("revision") == r1);
  REQUIRE(b.go("POST", "/console/rollback", pubAsForm(fields)).status == 303);
  const auto served = pubJsonAt(rig.dir + "/www/feed.json");
  CHECK(served["revision"] == first + 2);
  CHECK(pubEventIds(served) == firstEvents);
  auto oldSoldering = pubJsonAt(rig.dir + "/www/releases/" + r1 + "/feed.json")["events"][1];
  CHECK(served["events"][1] == oldSoldering);
  const auto info = pubReleaseInfo(rig, first + 2);
  CHECK(info["note"] == "rollback to r" + r1);
  CHECK(info["by"] == "anna");
  CHECK(info["changes"]["eventsRemoved"] == 1);
  CHECK(info["changes"]["eventsMoved"] == 1);
  CHECK(pubAudited(rig, "rollback", "ok", "anna"));
  REQUIRE(b.go("GET", "/console/publish?lang=de").status == 200);
  CHECK_THAT(b.last.body, Catch::Contains("Zurück zu r" + r1));
  // The same form again is stale: the release it was shown against is no longer current.
  CHECK(b.go("POST", "/console/rollback", pubAsForm(fields)).status == 409);
  CHECK(pubServedRevision(rig) == first + 2);
}

TEST_CASE("console announce goes onto the current release, the pending draft edit stays unpublished", "[console][publish][announce]") {
  ConsoleRig rig;
  const std::int64_t first = pubServedRevision(rig);
  pubEditDraft(rig);
  Browser b = rig.browser();
  REQUIRE(b.signIn("ben", "ben's long password").status == 303);
  REQUIRE(b.go("GET", "/console/announce").status == 200);
  REQUIRE(b.go("POST", "/console/announce", {{"csrf", b.token()}, {"level", "info"}, {"text-de", "Kaffee im Foyer"}, {"text-en", "Coffee"},
                                             {"target", "all"}, {"until", "30m"}})
              .status == 303);
  const auto served = pubJsonAt(rig.dir + "/www/feed.json");
  CHECK(served["revision"] == first + 1);
  CHECK(pubEventIds(served) == pubEventIds(pubJsonAt(rig.dir + "/www/releases/" + std::to_string(first) + "/feed.json")));  // no late talk
  for (const auto& e : served["events"])
    if (e["id"] == "soldering") CHECK(e["start"] == "2024-06-15T11:00:00+02:00");
  const auto hasCoffee = [](const ojson& feed) {
    for (const auto& a : feed["announcements"])
      if (a["text"]["de"] == "Kaffee im Foyer") return true;
    return false;
  };
  CHECK(hasCoffee(served));
  const auto draft = pubJsonAt(rig.dir + "/feed.json");
  CHECK(hasCoffee(draft));  // kept, so the next publish of the draft keeps it
  CHECK(pubEventIds(draft).back() == "late-talk");
  const auto info = pubReleaseInfo(rig, first + 1);
  CHECK(info["by"] == "ben");
  CHECK(info["changes"]["announcementsAdded"] == 1);
  CHECK(info["changes"]["eventsAdded"] == 0);
}

TEST_CASE("console history: a release from `publish` on the command line, and an old one without history", "[console][publish]") {
  ConsoleRig rig;
  const std::int64_t first = pubServedRevision(rig);
  const auto info = pubReleaseInfo(rig, first);
  CHECK(info["via"] == "publish");
  CHECK(info["changes"]["first"] == true);
  REQUIRE(sf::test::runBinary("publish --rollback --to " + rig.dir + "/www").exitCode != 0);  // nothing before r1
  pubEditDraft(rig);
  REQUIRE(sf::test::runBinary("publish " + rig.dir + "/feed.json --to " + rig.dir + "/www").exitCode == 0);
  std::filesystem::remove(rig.dir + "/www/releases/" + std::to_string(first) + "/release.json");  // as releases made before the history
  Browser b = rig.browser();
  REQUIRE(b.signIn("ben", "ben's long password").status == 303);
  REQUIRE(b.go("GET", "/console/publish?lang=en").status == 200);
  CHECK_THAT(b.last.body, Catch::Contains("publish (command)") && Catch::Contains("events: 1 added, 1 moved") &&
                              Catch::Contains("Who and what: unknown"));
  const auto newer = b.last.body.find("<b>r" + std::to_string(first + 1) + "</b>");
  const auto older = b.last.body.find("<b>r" + std::to_string(first) + "</b>");
  CHECK(newer < older);  // newest first
  CHECK(older != std::string::npos);
}

TEST_CASE("console screens: the fleet's screens and the sync sources for signed-in users", "[console][screens]") {
  ConsoleRig rig([](const std::string& dir) {
    {
      auto store = sf::tools::FleetStore::open(dir + "/fleet.db").value();
      sf::core::ScreenReport r;
      r.screen = "foyer-<links>";
      r.groups = {"foyer"};
      r.feedId = "kiosk-demo";
      r.revision = 1;
      r.fault = "network";
      r.faultText = "the feed server does not answer";
      const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
      REQUIRE(store->record(r, "10.0.0.7", now));
    }
    std::filesystem::create_directories(dir + "/sync");
    sf::tools::SyncState state;
    state.sources["pretalx"].lastCheck = "2024-06-15T08:00:00Z";
    state.sources["pretalx"].lastError = "HTTP 502 from the server";
    state.sources["pretalx"].heldHash = "abc";
    state.sources["pretalx"].heldReason = "returns no events (it had 42)";
    state.sources["pretalx"].heldSince = "2024-06-15T07:55:00Z";
    sf::core::SyncConfig config;
    config.sources.push_back({"pretalx", "https://pretalx.example.org/con/schedule.json"});
    std::ofstream(dir + "/sync/sync-status.json") << sf::tools::syncStatusJson(state, config, "/etc/schaufenster/sync.json", "2024-06-15T08:00:00Z");
    return std::vector<std::string>{"--fleet", dir + "/fleet.db", "--fleet-token", "a-long-enough-fleet-token", "--sync-state", dir + "/sync"};
  });
  Browser anon = rig.browser();
  CHECK(anon.go("GET", "/console/screens").status == 303);
  Browser b = rig.browser();
  REQUIRE(b.signIn("ben", "ben's long password").status == 303);
  REQUIRE(b.go("GET", "/console/screens?lang=en").status == 200);
  CHECK_THAT(b.last.body, Catch::Contains("foyer-&lt;links&gt;") && !Catch::Contains("foyer-<links>") &&
                              Catch::Contains("the feed server does not answer") && Catch::Contains("kiosk-demo r1"));
  CHECK_THAT(b.last.body, Catch::Contains("pretalx.example.org") && Catch::Contains("HTTP 502 from the server") &&
                              Catch::Contains("returns no events (it had 42)") &&
                              Catch::Contains("schaufenster sync /etc/schaufenster/sync.json --accept pretalx"));
  // The fleet's own page still wants its token; the console's session does not open it.
  CHECK(b.go("GET", "/fleet/").status == 401);
  CHECK(b.go("GET", "/console/screens/shot/0123456789abcdef.png").status == 404);
  CHECK(anon.go("GET", "/console/screens/shot/0123456789abcdef.png").status == 403);
}
