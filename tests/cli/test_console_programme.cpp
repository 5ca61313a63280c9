// The console's Programme page over HTTP against the real `serve --console`: the day's list with
// its marks, each fix as an organiser would make it on a phone, the forms refused without their
// CSRF token, script in a title shown as text, and the sync note with "pin this change".
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "console_rig.hpp"
#include "core/feed/parse.hpp"

using sf::test::Browser;
using sf::test::ConsoleRig;

namespace {

constexpr const char* kConference = "assets/examples/conference-feed.json";

sf::core::Feed draftOf(const ConsoleRig& rig) {
  auto parsed = sf::core::parseFeed(sf::test::readText(rig.dir + "/feed.json"), "draft");
  REQUIRE(parsed.feed);
  return *parsed.feed;
}

bool programmeAudited(const ConsoleRig& rig, const std::string& action, const std::string& outcome, const std::string& user,
                      const std::string& detailPart = {}) {
  for (const auto& line : rig.auditLines()) {
    const auto j = nlohmann::json::parse(line);
    if (j["action"] == action && j["outcome"] == outcome && j["user"] == user &&
        j.value("detail", std::string()).find(detailPart) != std::string::npos)
      return true;
  }
  return false;
}

Browser organiserOn(const ConsoleRig& rig, const std::string& page) {
  Browser b = rig.browser();
  REQUIRE(b.signIn("ben", "ben's long password").status == 303);
  REQUIRE(b.go("GET", page).status == 200);
  return b;
}

// The form fields of a change on the event page, with the page's own token.
std::vector<std::pair<std::string, std::string>> programmeForm(const Browser& b, const std::string& id, const std::string& action,
                                                               std::vector<std::pair<std::string, std::string>> more = {}) {
  more.insert(more.begin(), {{"csrf", b.token()}, {"id", id}, {"action", action}});
  return more;
}

}  // namespace

TEST_CASE("programme: the day's list with rooms and speakers, a script in a title stays text", "[console][programme]") {
  ConsoleRig rig(kConference);
  std::string text = sf::test::readText(rig.dir + "/feed.json");
  const std::string title = "\"Echtzeitdaten im Nahverkehr\"";
  text.replace(text.find(title), title.size(), "\"<script>alert('x')</script> im Nahverkehr\"");
  std::ofstream(rig.dir + "/feed.json") << text;
  Browser b = organiserOn(rig, "/console/programme?day=2027-03-18&lang=de");
  CHECK_THAT(b.last.body, Catch::Contains("<h1>Programm</h1>") && Catch::Contains("Eröffnung") && Catch::Contains("Dr. Miriam Okafor") &&
                              Catch::Contains("09:00–09:30") && Catch::Contains("aria-current=\"page\">Do 18.03.") &&
                              Catch::Contains("href=\"/console/programme\" aria-current=\"page\""));
  CHECK_THAT(b.last.body, !Catch::Contains("Abschluss und Ausblick"));  // the next day's
  CHECK(b.last.body.find("<script") == std::string::npos);
  CHECK_THAT(b.last.body, Catch::Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; im Nahverkehr"));
  // The feed's own cancelled talk is marked; the changed title is marked against the release.
  CHECK_THAT(b.last.body, Catch::Contains("class=\"prow cancelled\"") && Catch::Contains("mark changed"));
  // A room filter shows that room's talks only.
  REQUIRE(b.go("GET", "/console/programme?day=2027-03-18&room=raum-204&lang=en").status == 200);
  CHECK_THAT(b.last.body, Catch::Contains("A Data Portal") && !Catch::Contains("Opening") && Catch::Contains("All rooms"));
  REQUIRE(b.go("GET", "/console/programme?day=2027-03-19").status == 200);
  CHECK_THAT(b.last.body, Catch::Contains("Closing") && !Catch::Contains("Opening"));
  // Signed out: to the sign-in page.
  Browser stranger = rig.browser();
  CHECK(stranger.go("GET", "/console/programme").status == 303);
  CHECK(stranger.last.header("location") == "/console/login");
}

TEST_CASE("programme: cancel, take back, move, retitle, speakers and add as an organiser, each audited", "[console][programme]") {
  ConsoleRig rig(kConference);
  Browser b = organiserOn(rig, "/console/programme/event?id=takt-fahrplan&lang=en");
  CHECK_THAT(b.last.body, Catch::Contains("Cancel event") && Catch::Contains("for=\"start\"") && Catch::Contains("for=\"title-en\"") &&
                              !Catch::Contains("name=\"pin\""));  // not from a sync source: nothing to pin

  REQUIRE(b.go("POST", "/console/programme/event", programmeForm(b, "takt-fahrplan", "cancel")).status == 303);
  CHECK(draftOf(rig).findEvent("takt-fahrplan")->cancelled);
  CHECK(programmeAudited(rig, "programme-cancel", "ok", "ben", "takt-fahrplan: cancelled"));
  REQUIRE(b.go("GET", b.last.header("location")).status == 200);
  CHECK_THAT(b.last.body, Catch::Contains("Saved in the draft.") && Catch::Contains("This event is cancelled."));
  // The list shows it: cancelled, and changed since the release.
  REQUIRE(b.go("GET", "/console/programme?day=2027-03-18").status == 200);
  const auto row = b.last.body.find("/console/programme/event?id=takt-fahrplan");
  REQUIRE(row != std::string::npos);
  const std::string rowHtml = b.last.body.substr(b.last.body.rfind("<li", row), b.last.body.find("</li>", row) - b.last.body.rfind("<li", row));
  CHECK_THAT(rowHtml, Catch::Contains("prow cancelled") && Catch::Contains("mark changed"));

  b.go("GET", "/console/programme/event?id=takt-fahrplan");
  REQUIRE(b.go("POST", "/console/programme/event", programmeForm(b, "takt-fahrplan", "uncancel")).status == 303);
  CHECK_FALSE(draftOf(rig).findEvent("takt-fahrplan")->cancelled);

  b.go("GET", "/console/programme/event?id=takt-fahrplan");
  REQUIRE(b.go("POST", "/console/programme/event",
               programmeForm(b, "takt-fahrplan", "move", {{"room", "raum-204"}, {"start", "14:00"}, {"end", "50m"}})).status == 303);
  auto e = *draftOf(rig).findEvent("takt-fahrplan");
  CHECK(e.roomId == "raum-204");
  CHECK(sf::core::formatInstant(e.start, draftOf(rig).zone) == "2027-03-18T14:00:00+01:00");
  CHECK(e.end - e.start == std::chrono::minutes{50});
  CHECK(programmeAudited(rig, "programme-move", "ok", "ben", "-> 2027-03-18 14:00-14:50 raum-204"));

  b.go("GET", "/console/programme/event?id=takt-fahrplan");
  REQUIRE(b.go("POST", "/console/programme/event",
               programmeForm(b, "takt-fahrplan", "title", {{"title-de", "Fahrpläne live"}, {"title-en", "Live timetables"}})).status == 303);
  CHECK(draftOf(rig).findEvent("takt-fahrplan")->title.in("en") == "Live timetables");

  b.go("GET", "/console/programme/event?id=takt-fahrplan");
  REQUIRE(b.go("POST", "/console/programme/event",
               programmeForm(b, "takt-fahrplan", "speakers", {{"speakers", "Ada Example (City Works)\nBen Beispiel"}})).status == 303);
  e = *draftOf(rig).findEvent("takt-fahrplan");
  REQUIRE(e.speakers.size() == 2);
  CHECK(e.speakers[0].affiliation == "City Works");
  CHECK(programmeAudited(rig, "programme-speakers", "ok", "ben", "Ada Example, Ben Beispiel"));

  REQUIRE(b.go("GET", "/console/programme/new?day=2027-03-18").status == 200);
  CHECK_THAT(b.last.body, Catch::Contains("value=\"2027-03-18\"") && Catch::Contains("for=\"duration\""));
  REQUIRE(b.go("POST", "/console/programme/new",
               {{"csrf", b.token()}, {"title-de", "Blitzvorträge"}, {"title-en", "Lightning talks"}, {"room", "werkstatt"},
                {"day", "2027-03-18"}, {"start", "16:00"}, {"duration", "25m"}, {"speakers", ""}}).status == 303);
  const auto feed = draftOf(rig);
  const auto added = std::find_if(feed.events.begin(), feed.events.end(), [](const auto& x) { return x.id.starts_with("console-"); });
  REQUIRE(added != feed.events.end());
  CHECK(added->title.in("de") == "Blitzvorträge");
  CHECK(added->roomId == "werkstatt");
  CHECK(added->end - added->start == std::chrono::minutes{25});
  CHECK(programmeAudited(rig, "programme-add", "ok", "ben", "\"Blitzvorträge\""));
  REQUIRE(b.go("GET", "/console/programme?day=2027-03-18&lang=en").status == 200);
  CHECK_THAT(b.last.body, Catch::Contains("Lightning talks") && Catch::Contains("mark new"));
}

TEST_CASE("programme: forms without or with a wrong CSRF token, and invalid input, leave the draft alone", "[console][programme]") {
  ConsoleRig rig(kConference);
  Browser b = organiserOn(rig, "/console/programme/event?id=datenportal&lang=en");
  const std::string before = sf::test::readText(rig.dir + "/feed.json");
  CHECK(b.go("POST", "/console/programme/event", {{"id", "datenportal"}, {"action", "cancel"}}).status == 403);
  CHECK(b.go("POST", "/console/programme/event", {{"csrf", std::string(64, 'a')}, {"id", "datenportal"}, {"action", "cancel"}}).status == 403);
  CHECK(b.go("POST", "/console/programme/new", {{"csrf", "nope"}, {"title-de", "X"}, {"day", "2027-03-18"}, {"start", "10:00"},
                                                {"duration", "10m"}}).status == 403);
  CHECK(sf::test::readText(rig.dir + "/feed.json") == before);
  CHECK(programmeAudited(rig, "programme-cancel", "csrf", "ben"));
  CHECK(programmeAudited(rig, "programme-add", "csrf", "ben"));
  // A stranger without a session.
  Browser stranger = rig.browser();
  CHECK(stranger.go("POST", "/console/programme/event", {{"csrf", "x"}, {"id", "datenportal"}, {"action", "cancel"}}).status == 403);
  CHECK(programmeAudited(rig, "programme-cancel", "no-session", ""));

  b.go("GET", "/console/programme/event?id=datenportal&lang=en");
  const auto backwards = b.go("POST", "/console/programme/event", programmeForm(b, "datenportal", "move", {{"room", "raum-204"}, {"start", "15:00"},
                                                                                               {"end", "14:00"}}));
  CHECK(backwards.status == 422);
  CHECK_THAT(backwards.body, Catch::Contains("“End or duration” is not clear") && Catch::Contains("value=\"15:00\""));
  CHECK(programmeAudited(rig, "programme-move", "invalid", "ben", "datenportal"));
  b.go("GET", "/console/programme/event?id=datenportal");
  CHECK(b.go("POST", "/console/programme/event", programmeForm(b, "datenportal", "move", {{"room", "nowhere"}, {"start", "15:00"}, {"end", "30m"}}))
            .status == 422);
  b.go("GET", "/console/programme/event?id=datenportal");
  CHECK(b.go("POST", "/console/programme/event", programmeForm(b, "datenportal", "title", {{"title-de", std::string(151, 'x')}})).status == 422);
  b.go("GET", "/console/programme/event?id=datenportal");
  CHECK(b.go("POST", "/console/programme/event", programmeForm(b, "no-such-talk", "cancel")).status == 404);
  CHECK(programmeAudited(rig, "programme-cancel", "unknown-event", "ben"));
  CHECK(sf::test::readText(rig.dir + "/feed.json") == before);
}

TEST_CASE("programme: an event from a sync source says the import overwrites it, and a pinned fix goes into eventFixes", "[console][programme]") {
  const auto prepare = [](const std::string& dir) {
    auto feed = nlohmann::ordered_json::parse(sf::test::readText(dir + "/feed.json"));
    feed["events"].push_back({{"id", "synccon:talk-9"}, {"title", "Imported talk"}, {"start", "2027-03-18T15:00:00+01:00"},
                              {"end", "2027-03-18T15:30:00+01:00"}, {"room", "saal-1"}});
    std::ofstream(dir + "/feed.json") << feed.dump(2) << "\n";
    std::ofstream(dir + "/sync.json") << R"({"baseFeed": "feed.json", "publishTo": "www", "sources": [{"id": "synccon", "file": "s.json"}]})";
  };
  ConsoleRig rig(kConference, {"--sync", "{dir}/sync.json"}, prepare);
  Browser b = organiserOn(rig, "/console/programme?day=2027-03-18&lang=en");
  CHECK_THAT(b.last.body, Catch::Contains("Source: synccon"));
  REQUIRE(b.go("GET", "/console/programme/event?id=synccon:talk-9&lang=en").status == 200);
  CHECK_THAT(b.last.body, Catch::Contains("comes from the source “synccon”") && Catch::Contains("name=\"pin\"") &&
                              Catch::Contains("Pin this change"));
  // Unpinned: saved, with the warning that the next import overwrites it.
  REQUIRE(b.go("POST", "/console/programme/event", programmeForm(b, "synccon:talk-9", "cancel")).status == 303);
  REQUIRE(b.go("GET", b.last.header("location")).status == 200);
  CHECK_THAT(b.last.body, Catch::Contains("the next import from the source overwrites this change"));
  CHECK_FALSE(nlohmann::json::parse(sf::test::readText(rig.dir + "/feed.json")).contains("eventFixes"));
  CHECK(programmeAudited(rig, "programme-cancel", "ok", "ben", "not pinned (source synccon)"));
  // Pinned: the fix is kept apart for sync to apply again.
  REQUIRE(b.go("POST", "/console/programme/event",
               programmeForm(b, "synccon:talk-9", "move", {{"room", "werkstatt"}, {"start", "16:00"}, {"end", "16:30"}, {"pin", "1"}})).status == 303);
  REQUIRE(b.go("GET", b.last.header("location")).status == 200);
  CHECK_THAT(b.last.body, Catch::Contains("Saved in the draft and pinned") && Catch::Contains("Pinned: start, end, room"));
  const auto draft = nlohmann::json::parse(sf::test::readText(rig.dir + "/feed.json"));
  REQUIRE(draft["eventFixes"].size() == 1);
  CHECK(draft["eventFixes"][0]["event"] == "synccon:talk-9");
  CHECK(draft["eventFixes"][0]["room"] == "werkstatt");
  CHECK(draft["eventFixes"][0]["start"] == "2027-03-18T16:00:00+01:00");
  CHECK(programmeAudited(rig, "programme-move", "ok", "ben", ", pinned"));
  REQUIRE(b.go("GET", "/console/programme?day=2027-03-18&lang=en").status == 200);
  CHECK_THAT(b.last.body, Catch::Contains("mark pinned"));
}
