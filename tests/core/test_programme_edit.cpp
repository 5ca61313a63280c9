// The console's programme fixes as pure edits of the example conference feed: each change lands
// on the one event, keeps key order and unknown keys, and an invalid result yields no text.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/feed/changes.hpp"
#include "core/feed/event_fixes.hpp"
#include "core/feed/parse.hpp"
#include "core/feed/programme_edit.hpp"
#include "fixtures.hpp"

using namespace sf::core;

namespace {

std::string conferenceText() { return sf::test::readText(sf::test::sourcePath("assets/examples/conference-feed.json")); }

Feed parsedProgramme(const std::string& text) {
  auto r = parseFeed(text, "edited");
  for (const auto& d : r.diagnostics) INFO(formatDiagnostic(d));
  REQUIRE(r.feed);
  return std::move(*r.feed);
}

Instant berlinAt(const char* local) { return *parseInstantOrLocal(local, *TimeZone::find("Europe/Berlin")); }

nlohmann::ordered_json programmeEvent(const std::string& text, const std::string& id) {
  const auto doc = nlohmann::ordered_json::parse(text);
  for (const auto& e : doc["events"])
    if (e["id"] == id) return e;
  return nullptr;
}

std::string errorText(const EditResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics) out += formatDiagnostic(d) + "\n";
  return out;
}

}  // namespace

TEST_CASE("cancel and bring back an event, only that event changes", "[programme-edit]") {
  const std::string before = conferenceText();
  EventChange cancel;
  cancel.cancelled = true;
  const auto cancelled = changeEvent(before, "takt-fahrplan", cancel);
  INFO(errorText(cancelled));
  REQUIRE(cancelled.text);
  const Feed was = parsedProgramme(before), now = parsedProgramme(*cancelled.text);
  CHECK(now.findEvent("takt-fahrplan")->cancelled);
  const auto changes = compareFeeds(was, now, "de");
  REQUIRE(changes.cancelled.size() == 1);
  CHECK(changes.cancelled[0]->id == "takt-fahrplan");
  CHECK(changes.moved.empty());
  CHECK(changes.otherEventEdits == 0);
  // The new key goes last; every key the event had keeps its place.
  const auto e = programmeEvent(*cancelled.text, "takt-fahrplan");
  CHECK(std::prev(e.end()).key() == "cancelled");
  CHECK(e.begin().key() == "id");
  CHECK(nlohmann::ordered_json::parse(*cancelled.text).contains("eventFixes") == false);  // not pinned

  EventChange back;
  back.cancelled = false;
  const auto restored = changeEvent(*cancelled.text, "takt-fahrplan", back);
  REQUIRE(restored.text);
  CHECK_FALSE(parsedProgramme(*restored.text).findEvent("takt-fahrplan")->cancelled);
  CHECK_FALSE(programmeEvent(*restored.text, "takt-fahrplan").contains("cancelled"));
  // The feed's own cancelled talk is brought back the same way.
  const auto sensor = changeEvent(before, "sensor-netze", back);
  REQUIRE(sensor.text);
  CHECK_FALSE(parsedProgramme(*sensor.text).findEvent("sensor-netze")->cancelled);
  CHECK(compareFeeds(was, parsedProgramme(*sensor.text), "de").edited.size() == 1);
}

TEST_CASE("move an event to another room and time", "[programme-edit]") {
  const std::string before = conferenceText();
  EventChange move;
  move.room = "raum-204";
  move.start = berlinAt("2027-03-18T14:00");
  move.end = berlinAt("2027-03-18T14:45");
  const auto moved = changeEvent(before, "takt-fahrplan", move);
  INFO(errorText(moved));
  REQUIRE(moved.text);
  const Feed now = parsedProgramme(*moved.text);
  const Event* e = now.findEvent("takt-fahrplan");
  CHECK(e->roomId == "raum-204");
  CHECK(e->start == berlinAt("2027-03-18T14:00"));
  CHECK(e->end == berlinAt("2027-03-18T14:45"));
  CHECK(programmeEvent(*moved.text, "takt-fahrplan")["start"] == "2027-03-18T14:00:00+01:00");
  const auto changes = compareFeeds(parsedProgramme(before), now, "de");
  REQUIRE(changes.moved.size() == 1);
  CHECK(changes.moved[0].toRoom != changes.moved[0].fromRoom);
}

TEST_CASE("retitle an event per language and change its speakers", "[programme-edit]") {
  const std::string before = conferenceText();
  EventChange retitle;
  LocalText title;
  title.set("de", "Fahrpläne in Echtzeit");
  title.set("en", "Timetables in real time");
  retitle.title = title;
  const auto renamed = changeEvent(before, "takt-fahrplan", retitle);
  REQUIRE(renamed.text);
  const Feed now = parsedProgramme(*renamed.text);
  CHECK(now.findEvent("takt-fahrplan")->title.in("de") == "Fahrpläne in Echtzeit");
  CHECK(now.findEvent("takt-fahrplan")->title.in("en") == "Timetables in real time");
  CHECK(now.findEvent("datenportal")->title.in("de") == parsedProgramme(before).findEvent("datenportal")->title.in("de"));

  EventChange speakers;
  speakers.speakers = std::vector<Speaker>{{"Ada Example", "Stadtwerke"}, {"Ben Beispiel", ""}};
  const auto withSpeakers = changeEvent(*renamed.text, "takt-fahrplan", speakers);
  REQUIRE(withSpeakers.text);
  const Feed withSpeakersFeed = parsedProgramme(*withSpeakers.text);
  const Event* e = withSpeakersFeed.findEvent("takt-fahrplan");
  REQUIRE(e->speakers.size() == 2);
  CHECK(e->speakers[0].name == "Ada Example");
  CHECK(e->speakers[0].affiliation == "Stadtwerke");
  CHECK(programmeEvent(*withSpeakers.text, "takt-fahrplan")["speakers"][1] == "Ben Beispiel");
  speakers.speakers = std::vector<Speaker>{};
  const auto none = changeEvent(*withSpeakers.text, "takt-fahrplan", speakers);
  REQUIRE(none.text);
  CHECK(parsedProgramme(*none.text).findEvent("takt-fahrplan")->speakers.empty());
}

TEST_CASE("add a short event, an id in use is refused", "[programme-edit]") {
  const std::string before = conferenceText();
  NewEvent n;
  n.id = "console-lightning";
  n.title.set("de", "Blitzvorträge");
  n.title.set("en", "Lightning talks");
  n.room = "werkstatt";
  n.start = berlinAt("2027-03-18T16:00");
  n.end = berlinAt("2027-03-18T16:30");
  n.speakers = {{"Clara Nowak", ""}};
  const auto added = addEvent(before, n);
  INFO(errorText(added));
  REQUIRE(added.text);
  const Feed now = parsedProgramme(*added.text);
  const Event* e = now.findEvent("console-lightning");
  REQUIRE(e);
  CHECK(e->roomId == "werkstatt");
  CHECK(e->title.in("en") == "Lightning talks");
  CHECK(e->end - e->start == std::chrono::minutes{30});
  CHECK(compareFeeds(parsedProgramme(before), now, "de").added.size() == 1);

  n.id = "datenportal";
  const auto twice = addEvent(before, n);
  CHECK_FALSE(twice.text);
  CHECK_THAT(errorText(twice), Catch::Contains("exists already"));
}

TEST_CASE("an unknown id and an invalid result give no text and say why", "[programme-edit]") {
  const std::string before = conferenceText();
  EventChange cancel;
  cancel.cancelled = true;
  const auto unknown = changeEvent(before, "no-such-talk", cancel);
  CHECK_FALSE(unknown.text);
  CHECK_THAT(errorText(unknown), Catch::Contains("no event \"no-such-talk\""));

  EventChange backwards;  // ends before it starts: the feed checker refuses it
  backwards.start = berlinAt("2027-03-18T15:00");
  backwards.end = berlinAt("2027-03-18T14:00");
  const auto refused = changeEvent(before, "takt-fahrplan", backwards);
  CHECK_FALSE(refused.text);
  CHECK_THAT(errorText(refused), Catch::Contains("ends before it starts"));

  NewEvent bad;
  bad.id = "has spaces";
  bad.title.set("de", "X");
  bad.start = berlinAt("2027-03-18T15:00");
  bad.end = berlinAt("2027-03-18T15:30");
  CHECK_FALSE(addEvent(before, bad).text);
}

TEST_CASE("a pinned change is kept in eventFixes and applied again over an import", "[programme-edit]") {
  const std::string before = conferenceText();
  EventChange cancel;
  cancel.cancelled = true;
  cancel.pin = true;
  const auto pinned = changeEvent(before, "datenportal", cancel);
  REQUIRE(pinned.text);
  const auto fixes = pinnedFixes(*pinned.text);
  REQUIRE(fixes.count("datenportal"));
  CHECK(fixes.at("datenportal") == std::vector<std::string>{"cancelled"});
  // An unpinned change to a pinned key updates the pin, so the old pin never undoes it.
  EventChange back;
  back.cancelled = false;
  const auto restored = changeEvent(*pinned.text, "datenportal", back);
  REQUIRE(restored.text);
  auto doc = nlohmann::ordered_json::parse(*restored.text);
  CHECK(doc["eventFixes"][0]["cancelled"] == false);

  // What an import does: the source's values replace the event's, then the fixes go back on.
  doc = nlohmann::ordered_json::parse(*pinned.text);
  for (auto& e : doc["events"])
    if (e["id"] == "datenportal") e.erase("cancelled");
  CHECK(applyEventFixes(doc) == 1);
  CHECK(parsedProgramme(doc.dump(2)).findEvent("datenportal")->cancelled);
}

TEST_CASE("the checker reads eventFixes: wrong types are errors, a missing event a warning", "[programme-edit]") {
  auto doc = nlohmann::ordered_json::parse(conferenceText());
  doc["eventFixes"] = {{{"event", "datenportal"}, {"cancelled", "yes"}}, {{"event", "gone:1"}, {"start", "14:00"}}, {{"event", "datenportal"}}};
  const auto r = parseFeed(doc.dump(2), "fixes.json");
  CHECK_FALSE(r.feed);
  std::string all;
  for (const auto& d : r.diagnostics) all += formatDiagnostic(d) + "\n";
  CHECK_THAT(all, Catch::Contains("/eventFixes/0/cancelled") && Catch::Contains("/eventFixes/1/start") &&
                      Catch::Contains("no event \"gone:1\" in the feed") && Catch::Contains("a second fix for event \"datenportal\""));
  doc["eventFixes"] = {{{"event", "datenportal"}, {"cancelled", true}, {"title", {{"de", "A"}, {"en", "B"}}}, {"speakers", {"X"}}}};
  const auto ok = parseFeed(doc.dump(2), "fixes.json");
  CHECK(ok.feed);
  for (const auto& d : ok.diagnostics) CHECK(d.severity != Severity::Error);
}
