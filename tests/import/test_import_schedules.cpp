// frab, pretalx and pretalx-widget imports of the real samples: event counts, exact instants
// (including Australian zones and an event past midnight), zone quirks and the invalid example.
#include <catch2/catch.hpp>

#include "core/feed/parse.hpp"
#include "core/import/c3voc.hpp"
#include "core/feed_fixture.hpp"
#include "core/import/formats.hpp"
#include "core/import/merge.hpp"
#include "import/import_support.hpp"

using namespace sf::core;
using sf::test::eventByKey;
using sf::test::sample;
using sf::test::utc;
using sf::test::utcText;

namespace {

ImportResult importSample(const std::string& rel, ImportOptions opts = sf::test::fixedOptions()) {
  return importSource(sample(rel), rel, nullptr, opts);
}

// The import as a new feed, checked by the same parser the screens use.
ParseResult asNewFeed(const ImportResult& r, const std::string& sourceId) {
  REQUIRE(r.zoneName);
  const auto zone = TimeZone::find(*r.zoneName);
  REQUIRE(zone);
  NewFeed nf{"test", *zone, {"de", "en"}, r.title, utc("2024-01-01T00:00:00Z")};
  const auto m = mergeImport(newFeedJson(nf), r, sourceId, "sample", *zone, true);
  return parseFeed(serializeFeed(m.feed), "merged.json");
}

}  // namespace

TEST_CASE("frab camp2019: 79 events at the instants their dates give", "[import][frab]") {
  const auto r = importSample("schedules/frab-camp2019.json");
  INFO(sf::test::allMessages(r.diagnostics));
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  CHECK(r.format->id == "frab");
  CHECK(r.events.size() == 79);
  CHECK(r.suggestedSourceId == "camp2019");
  CHECK(r.zoneName == "Europe/Berlin");
  CHECK(r.title == "Chaos Communication Camp 2019");
  const auto& opening = eventByKey(r, "a0a0fcfe-b7fb-46e3-84b6-97a5406016b4");
  CHECK(utcText(opening.start) == "2019-08-21T09:00:00+00:00");
  CHECK(utcText(opening.end) == "2019-08-21T09:30:00+00:00");
  CHECK(opening.title == "Opening Ceremony");
  CHECK(opening.room == "Curie");
  CHECK(opening.link == "https://fahrplan.events.ccc.de/camp/2019/Fahrplan/events/10386.html");
  CHECK(opening.description == "A hearty welcome me lasses and lads!");
  CHECK(opening.speakers.size() == 2);
  // Starts at 23:00 on the 22nd and runs past midnight into the 23rd.
  const auto& late = eventByKey(r, "ed4b6c75-14f4-49fe-a11e-3762bd6b54e3");
  CHECK(utcText(late.start) == "2019-08-22T21:00:00+00:00");
  CHECK(utcText(late.end) == "2019-08-22T22:30:00+00:00");
  CHECK(eventByKey(r, "117f530f-a20b-4071-b208-39e989a42408").end - eventByKey(r, "117f530f-a20b-4071-b208-39e989a42408").start == std::chrono::hours{3});
  CHECK(asNewFeed(r, "camp2019").feed);
}

TEST_CASE("pretalx rc3: 48 events, no time_zone_name, so the offsets decide", "[import][pretalx]") {
  const auto r = importSample("schedules/pretalx-rc3.json");
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  CHECK(r.events.size() == 48);
  CHECK(r.suggestedSourceId == "rc3-channels-2020");
  CHECK(r.zoneName == "Etc/GMT-1");  // every time is +01:00; no IANA venue zone can be guessed
  CHECK_THAT(sf::test::allMessages(r.diagnostics), Catch::Contains("no usable time_zone_name"));
  CHECK(utcText(eventByKey(r, "c3642671-4c1f-5109-81ba-0535c1cc8428").start) == "2020-12-27T10:30:00+00:00");
  const auto& longest = eventByKey(r, "9ed40696-8e66-55bb-8c24-724c0d17ae1a");
  CHECK(longest.end - longest.start == std::chrono::minutes{130});
  CHECK(asNewFeed(r, "rc3").feed);
}

TEST_CASE("pretalx PyCon AU 2024: 57 events in Australia/Melbourne", "[import][pretalx]") {
  const auto r = importSample("schedules/pretalx-pycon-au-2024.json");
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  CHECK(r.events.size() == 57);
  CHECK(r.zoneName == "Australia/Melbourne");
  CHECK(r.suggestedSourceId == "pycon-au-2024");
  // 09:20 in Melbourne (AEDT, +11:00) is 22:20 UTC the day before.
  const auto& uuids = eventByKey(r, "ed823c0f-8cec-5340-8a77-ece07f476685");
  CHECK(utcText(uuids.start) == "2024-11-21T22:20:00+00:00");
  CHECK(utcText(uuids.end) == "2024-11-21T22:50:00+00:00");
  CHECK(uuids.room == "Goldfields Theatre");
  CHECK(itemId("pycon-au-2024", uuids.key) == "pycon-au-2024:ed823c0f-8cec-5340-8a77-ece07f476685");
  const auto parsed = asNewFeed(r, "pycon-au-2024");
  REQUIRE(parsed.feed);
  const auto* e = parsed.feed->findEvent("pycon-au-2024:ed823c0f-8cec-5340-8a77-ece07f476685");
  REQUIRE(e);
  CHECK(formatInstant(e->start, *TimeZone::find("Australia/Melbourne")) == "2024-11-22T09:20:00+11:00");
}

TEST_CASE("pretalx widget data: 57 talks and 19 breaks, keyed by code and by room or start", "[import][widget]") {
  const auto r = importSample("schedules/pretalx-widget-pycon-au-2024.json");
  INFO(sf::test::allMessages(r.diagnostics));
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  CHECK(r.format->id == "pretalx-widget");
  CHECK(r.events.size() == 76);  // 37 slots without a talk, 9 of them listed in several rooms at once
  CHECK(r.zoneName == "Australia/Melbourne");
  const auto talks = std::count_if(r.events.begin(), r.events.end(), [](const auto& e) { return !e.key.starts_with("break-"); });
  CHECK(talks == 57);
  const auto& talk = eventByKey(r, "ZCKWM3");  // the same talk as in the pretalx export
  CHECK(utcText(talk.start) == "2024-11-21T22:20:00+00:00");
  CHECK(talk.room == "Goldfields Theatre");
  REQUIRE(talk.speakers.size() == 1);
  CHECK(talk.speakers[0].name == "Tom Eastman");
  // Breaks are written in UTC ("…Z") with a title by language; one language becomes a plain string.
  // A break held in every room is one break, without a room.
  const auto& brk = eventByKey(r, "break-20241121T2330Z-morning-break");
  CHECK(brk.title == "Morning break");
  CHECK(utcText(brk.start) == "2024-11-21T23:30:00+00:00");
  CHECK(utcText(brk.end) == "2024-11-22T00:00:00+00:00");
  CHECK(brk.room.empty());
  // A slot in one room only keeps its room and its key by room and start.
  const auto& keynote = eventByKey(r, "break-3412-20241121T2220Z");
  CHECK(keynote.room == "Eureka 3");
  CHECK(asNewFeed(r, "pycon-au-2024").feed);

  auto opts = sf::test::fixedOptions();
  opts.includeBreaks = false;
  const auto talksOnly = importSample("schedules/pretalx-widget-pycon-au-2024.json", opts);
  CHECK(talksOnly.events.size() == 57);
  CHECK(talksOnly.skipped == 37);
}

TEST_CASE("pretalx democon says UTC but writes +01:00: the offsets win, with a warning", "[import][pretalx]") {
  const std::string text = sample("schedules/pretalx-democon.json");
  const auto r = importSource(text, "democon.json", nullptr, sf::test::fixedOptions());
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  CHECK(r.events.size() == 36);
  CHECK(r.zoneName == "Etc/GMT-1");
  const auto& first = eventByKey(r, "8079583e-8321-506c-95af-fd2903a5f075");
  CHECK(utcText(first.start) == "2020-12-14T08:00:00+00:00");  // 09:00+01:00, not 09:00 UTC
  const auto warning = std::find_if(r.diagnostics.begin(), r.diagnostics.end(), [](const auto& d) {
    return d.message.find("time_zone_name says \"UTC\", but 36 of 36 times carry another offset") != std::string::npos;
  });
  REQUIRE(warning != r.diagnostics.end());
  CHECK(warning->severity == Severity::Warning);
  CHECK(warning->jsonPointer == "/schedule/conference/time_zone_name");
  CHECK(warning->line == sf::test::positionOf(text, "\"time_zone_name\"").line);
  CHECK(asNewFeed(r, "democon").feed);
}

TEST_CASE("the invalid example is refused, each problem with pointer, line and column", "[import][invalid]") {
  const std::string text = sample("schedules/invalid-example.json");
  const auto r = importSource(text, "invalid-example.json", nullptr, sf::test::fixedOptions());
  REQUIRE(countOf(r.diagnostics, Severity::Error) == 2);
  auto find = [&](const std::string& pointer) {
    auto it = std::find_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const auto& d) { return d.jsonPointer == pointer; });
    REQUIRE(it != r.diagnostics.end());
    return *it;
  };
  const auto rooms = find("/schedule/rooms");
  CHECK(rooms.line == sf::test::positionOf(text, "\"rooms\": [").line);
  CHECK_THAT(rooms.message, Catch::Contains("lists them in /schedule/conference/rooms"));
  const auto days = find("/schedule/conference/daysCount");
  CHECK(days.line == 11);
  CHECK(days.column == 9);
  CHECK_THAT(days.message, Catch::Contains("daysCount is 3 but /schedule/conference/days lists 1 day"));
  // A numeric string id is odd but readable: a warning, not a reason to refuse.
  const auto id = find("/schedule/conference/days/0/rooms/Winterchaos/0/id");
  CHECK(id.severity == Severity::Warning);
  CHECK(id.line == sf::test::positionOf(text, "\"id\": \"2814\"").line);
  CHECK_THAT(id.message, Catch::Contains("expected a whole number") && Catch::Contains("found a string (\"2814\"); read as the id 2814"));
}

TEST_CASE("after-midnight events filed under the previous day keep the instant of their date", "[import][frab]") {
  // Day 2019-08-22 runs 09:00–04:00; the 01:30 talk is on the calendar day after.
  const std::string schedule = R"({"schedule": {"version": "x", "conference": {"acronym": "night", "title": "Night",
    "time_zone_name": "Europe/Berlin", "daysCount": 1, "days": [{"index": 1, "date": "2019-08-22",
    "day_start": "2019-08-22T09:00:00+02:00", "day_end": "2019-08-23T04:00:00+02:00", "rooms": {"Hall": [
      {"guid": "late-1", "id": 1, "title": "Late", "date": "2019-08-23T01:30:00+02:00", "start": "01:30", "duration": "00:45", "room": "Hall"},
      {"guid": "late-2", "id": 2, "title": "Later, no offset", "date": "2019-08-23T02:30:00", "start": "02:30", "duration": "00:30"},
      {"guid": "long-3", "id": 3, "title": "Hackathon", "date": "2019-08-22T10:00:00+02:00", "start": "10:00", "duration": "1:02:00", "room": null},
      {"guid": "old-4", "id": 4, "title": "Old frab", "start": "03:15", "duration": "00:15", "abstract": null, "persons": null}
    ]}}]}}})";
  const auto r = importSource(schedule, "night.json", findImportFormat("frab"), sf::test::fixedOptions());
  INFO(sf::test::allMessages(r.diagnostics));
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  REQUIRE(r.events.size() == 4);
  CHECK(utcText(eventByKey(r, "late-1").start) == "2019-08-22T23:30:00+00:00");
  CHECK(utcText(eventByKey(r, "late-2").start) == "2019-08-23T00:30:00+00:00");  // day + start, next day
  const auto& longOne = eventByKey(r, "long-3");
  CHECK(longOne.end - longOne.start == std::chrono::hours{26});  // D:HH:MM
  CHECK(longOne.room == "Hall");  // null room: the day's room key
  CHECK(utcText(eventByKey(r, "old-4").start) == "2019-08-23T01:15:00+00:00");
}

TEST_CASE("broken schedules name the place and what was expected", "[import][invalid]") {
  auto messages = [](const std::string& text) {
    return sf::test::allMessages(importSource(text, "x.json", findImportFormat("frab"), sf::test::fixedOptions()).diagnostics);
  };
  const std::string head = R"({"schedule": {"conference": {"days": [{"date": "2024-01-01", "rooms": {"A": [)";
  // An unreadable event is left out with a warning; a schedule with nothing else is refused.
  const std::string nothing = "/schedule/conference/days: error: no event could be read (1 left out, see the warnings)";
  auto badDuration = messages(head + R"({"guid": "g", "title": "T", "date": "2024-01-01T10:00:00+01:00", "duration": "90 min"}]}}]}}})");
  CHECK_THAT(badDuration, Catch::Contains("/schedule/conference/days/0/rooms/A/0/duration: warning: expected a duration as HH:MM or D:HH:MM"));
  CHECK_THAT(badDuration, Catch::Contains("found a string (\"90 min\"); the event is left out") && Catch::Contains(nothing));
  CHECK_THAT(messages(head + R"({"guid": "g", "date": "2024-01-01T10:00:00+01:00", "duration": "00:30"}]}}]}}})"),
             Catch::Contains("/schedule/conference/days/0/rooms/A/0/title: warning: expected the event's title") && Catch::Contains(nothing));
  CHECK_THAT(messages(head + R"({"title": "T", "date": "2024-01-01T10:00:00+01:00", "duration": "00:30"}]}}]}}})"),
             Catch::Contains("neither a guid nor an id") && Catch::Contains(nothing));
  CHECK_THAT(messages(R"({"schedule": )"), Catch::Contains("1:14: /schedule: error: unexpected end of input"));
  CHECK_THAT(messages(R"({"talks": []})"), Catch::Contains("expected a frab/pretalx schedule"));
}

namespace {

// The shape of a large congress export: ids are numbers, except a few written as strings of digits
// (self-organised sessions), beside events that cannot be shown at all.
const std::string kOddCongress = R"({"schedule": {"version": "x", "conference": {"acronym": "congress", "title": "Congress",
  "time_zone_name": "Europe/Berlin", "daysCount": 1, "days": [{"index": 1, "date": "2018-12-27",
  "day_start": "2018-12-27T11:00:00+01:00", "day_end": "2018-12-28T04:00:00+01:00", "rooms": {"Adams": [
    {"guid": "g-1", "id": 9985, "title": "Opening", "date": "2018-12-27T11:00:00+01:00", "start": "11:00", "duration": "00:30", "room": "Adams"},
    {"guid": "g-2", "id": "1526599157", "title": "Self-organised session", "date": "2018-12-27T12:00:00+01:00", "start": "12:00", "duration": "01:00", "room": "Adams"},
    {"guid": "g-3", "id": 1.5, "title": 2048, "date": "2018-12-27T13:00:00+01:00", "start": "13:00", "duration": "", "room": "Adams"},
    {"guid": "g-4", "id": 9987, "title": "", "date": "2018-12-27T14:00:00+01:00", "start": "14:00", "duration": "00:30", "room": "Adams"},
    {"guid": "g-5", "id": 9988, "title": "Lost date", "date": "27.12.2018 15:00", "start": "15:00", "duration": "00:30", "room": "Adams"},
    {"id": "1526599158", "title": "No guid", "date": "2018-12-27T16:00:00+01:00", "start": "16:00", "duration": "00:30", "room": "Adams"}
  ]}}]}}})";

const Diagnostic& diagnosticAt(const ImportResult& r, const std::string& pointer) {
  auto it = std::find_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const auto& d) { return d.jsonPointer == pointer; });
  if (it == r.diagnostics.end()) throw std::logic_error("no diagnostic at " + pointer + "\n" + sf::test::allMessages(r.diagnostics));
  return *it;
}

}  // namespace

TEST_CASE("odd ids cost no event: digit strings are read, and only unreadable events are left out", "[import][frab][lenient]") {
  const auto r = importSource(kOddCongress, "congress.json", nullptr, sf::test::fixedOptions());
  INFO(sf::test::allMessages(r.diagnostics));
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  REQUIRE(r.events.size() == 4);
  CHECK(r.refused == 2);
  CHECK(r.refusedKeys == std::vector<std::string>{"g-4", "g-5"});
  CHECK(eventByKey(r, "g-2").title == "Self-organised session");
  CHECK(eventByKey(r, "1526599158").title == "No guid");  // no guid: the digit string is the key
  const auto& numberTitle = eventByKey(r, "g-3");         // a number as title, no duration: still shown
  CHECK(numberTitle.title == "2048");
  CHECK(numberTitle.end == numberTitle.start);

  const std::string room = "/schedule/conference/days/0/rooms/Adams/";
  const auto& id = diagnosticAt(r, room + "1/id");
  CHECK(id.severity == Severity::Warning);
  CHECK(id.line == sf::test::positionOf(kOddCongress, "\"1526599157\"").line);
  CHECK_THAT(id.message, Catch::Contains("found a string (\"1526599157\"); read as the id 1526599157"));
  CHECK_THAT(diagnosticAt(r, room + "2/id").message, Catch::Contains("found a number (1.5); the id is ignored"));
  CHECK_THAT(diagnosticAt(r, room + "2/title").message, Catch::Contains("found a number (2048); read as text"));
  CHECK_THAT(diagnosticAt(r, room + "2/duration").message, Catch::Contains("shown without a length"));
  const auto& title = diagnosticAt(r, room + "3/title");
  CHECK(title.severity == Severity::Warning);
  CHECK(title.line == sf::test::positionOf(kOddCongress, "\"guid\": \"g-4\"").line);
  CHECK_THAT(title.message, Catch::Contains("expected the event's title") && Catch::EndsWith("; the event is left out"));
  CHECK_THAT(diagnosticAt(r, room + "4/date").message,
             Catch::Contains("found a string (\"27.12.2018 15:00\"); the event is left out"));
  CHECK(asNewFeed(r, "congress").feed);
}

TEST_CASE("a re-import keeps the earlier version of an event that has become unreadable", "[import][merge][lenient]") {
  // First import: every event readable. Then g-4 loses its title and g-5 its date.
  std::string readable = kOddCongress;
  readable.replace(readable.find("\"title\": \"\""), 11, "\"title\": \"Workshop\"");
  readable.replace(readable.find("27.12.2018 15:00"), 16, "2018-12-27T15:00:00+01:00");
  const auto first = importSource(readable, "congress.json", nullptr, sf::test::fixedOptions());
  REQUIRE_FALSE(hasErrors(first.diagnostics));
  REQUIRE(first.events.size() == 6);
  const auto zone = *TimeZone::find("Europe/Berlin");
  NewFeed nf{"test", zone, {"en"}, first.title, utc("2024-01-01T00:00:00Z")};
  const auto before = mergeImport(newFeedJson(nf), first, "congress", "congress.json", zone, true);

  const auto second = importSource(kOddCongress, "congress.json", nullptr, sf::test::fixedOptions());
  const auto after = mergeImport(before.feed, second, "congress", "congress.json", zone, false);
  CHECK(after.events.removed == 0);  // g-4 and g-5 are kept as they were
  CHECK(after.events.unchanged == 6);
  CHECK(after.events.added + after.events.updated == 0);
  const auto& events = after.feed["events"];
  const auto workshop = std::find_if(events.begin(), events.end(), [](const auto& e) { return e["id"] == "congress:g-4"; });
  REQUIRE(workshop != events.end());
  CHECK((*workshop)["title"] == "Workshop");
  CHECK(std::any_of(events.begin(), events.end(), [](const auto& e) { return e["id"] == "congress:g-5"; }));
}

namespace {

// A camp schedule as frab writes it: a workshop held each afternoon under one guid (and one id),
// once more in the evening of the last day, and listed twice in the same slot by mistake.
std::string campSchedule(const std::string& thirdStart = "2019-08-24T14:00:00+02:00") {
  const std::string workshop = R"~("guid": "5d9d4e2c-7f1a-4b8e-9a55-0c2f3b6e1d01", "id": 10412, "title": "Soldering for beginners", "duration": "02:00", "room": "Workshop Tent", "date": )~";
  return R"~({"schedule": {"version": "1.0", "conference": {"acronym": "camp", "title": "Camp", "time_zone_name": "Europe/Berlin",
  "daysCount": 4, "days": [
  {"index": 1, "date": "2019-08-22", "day_start": "2019-08-22T10:00:00+02:00", "day_end": "2019-08-23T03:00:00+02:00", "rooms": {"Workshop Tent": [
    {)~" + workshop + R"~("2019-08-22T14:00:00+02:00"},
    {"guid": "8f0e6a31-2b7c-4d1e-b0a4-5c6d7e8f9a02", "id": 10413, "title": "Night walk", "date": "2019-08-23T01:00:00+02:00", "duration": "01:00"}]}},
  {"index": 2, "date": "2019-08-23", "day_start": "2019-08-23T10:00:00+02:00", "day_end": "2019-08-24T03:00:00+02:00", "rooms": {"Workshop Tent": [
    {)~" + workshop + R"~("2019-08-23T14:00:00+02:00"}], "Workshop Tent (copy)": [
    {)~" + workshop + R"~("2019-08-23T14:00:00+02:00"}]}},
  {"index": 3, "date": "2019-08-24", "day_start": "2019-08-24T10:00:00+02:00", "day_end": "2019-08-25T03:00:00+02:00", "rooms": {"Workshop Tent": [
    {)~" + workshop + "\"" + thirdStart + R"~("}]}},
  {"index": 4, "date": "2019-08-25", "day_start": "2019-08-25T10:00:00+02:00", "day_end": "2019-08-26T03:00:00+02:00", "rooms": {"Workshop Tent": [
    {)~" + workshop + R"~("2019-08-25T14:00:00+02:00"},
    {)~" + workshop + R"~("2019-08-25T20:00:00+02:00"}]}}]}}})~";
}

}  // namespace

TEST_CASE("a workshop repeated under one guid imports every occurrence, keyed by guid and date", "[import][frab][repeat]") {
  const std::string text = campSchedule();
  const auto r = importSource(text, "camp.json", nullptr, sf::test::fixedOptions());
  INFO(sf::test::allMessages(r.diagnostics));
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  REQUIRE(r.events.size() == 6);  // five workshops and the night walk
  const std::string guid = "5d9d4e2c-7f1a-4b8e-9a55-0c2f3b6e1d01";
  CHECK(utcText(eventByKey(r, guid + "_20190822").start) == "2019-08-22T12:00:00+00:00");
  CHECK(utcText(eventByKey(r, guid + "_20190823").start) == "2019-08-23T12:00:00+00:00");
  CHECK(utcText(eventByKey(r, guid + "_20190824").start) == "2019-08-24T12:00:00+00:00");
  // Two on the last day: the time tells them apart.
  CHECK(utcText(eventByKey(r, guid + "_20190825T1400").start) == "2019-08-25T12:00:00+00:00");
  CHECK(utcText(eventByKey(r, guid + "_20190825T2000").start) == "2019-08-25T18:00:00+00:00");
  CHECK(eventByKey(r, "8f0e6a31-2b7c-4d1e-b0a4-5c6d7e8f9a02").title == "Night walk");  // once: its guid alone
  CHECK(r.skipped == 1);  // the copy in the same slot
  const auto& repeated = diagnosticAt(r, "/schedule/conference/days/1/rooms/Workshop Tent/0");
  CHECK(repeated.severity == Severity::Warning);
  CHECK_THAT(repeated.message, Catch::Contains("is listed 5 times at different starts (first at /schedule/conference/days/0/rooms/Workshop Tent/0)"));
  const auto& copy = diagnosticAt(r, "/schedule/conference/days/1/rooms/Workshop Tent (copy)/0");
  CHECK_THAT(copy.message, Catch::Contains("appears again at the same start") && Catch::Contains("only the first is imported"));
  CHECK(copy.line == sf::test::positionOf(text, "\"Workshop Tent (copy)\"").line + 1);
  CHECK(asNewFeed(r, "camp").feed);
}

TEST_CASE("a re-import of a repeated workshop updates its occurrences instead of adding them again", "[import][merge][repeat]") {
  const auto zone = *TimeZone::find("Europe/Berlin");
  const auto first = importSource(campSchedule(), "camp.json", nullptr, sf::test::fixedOptions());
  NewFeed nf{"camp", zone, {"en"}, first.title, utc("2024-01-01T00:00:00Z")};
  const auto created = mergeImport(newFeedJson(nf), first, "camp", "camp.json", zone, true);
  CHECK(created.events.added == 6);

  const auto again = mergeImport(created.feed, importSource(campSchedule(), "camp.json", nullptr, sf::test::fixedOptions()),
                                 "camp", "camp.json", zone, false);
  CHECK(again.events.unchanged == 6);
  CHECK(again.events.added + again.events.updated + again.events.removed == 0);

  // The third afternoon moves to the morning: the same item changes, nothing is added.
  const auto moved = mergeImport(again.feed, importSource(campSchedule("2019-08-24T10:00:00+02:00"), "camp.json", nullptr, sf::test::fixedOptions()),
                                 "camp", "camp.json", zone, false);
  CHECK(moved.events.updated == 1);
  CHECK(moved.events.added + moved.events.removed == 0);
  CHECK(moved.feed["events"].size() == 6);
  const auto& events = moved.feed["events"];
  const auto third = std::find_if(events.begin(), events.end(), [](const auto& e) {
    return e["id"] == "camp:5d9d4e2c-7f1a-4b8e-9a55-0c2f3b6e1d01_20190824";
  });
  REQUIRE(third != events.end());
  CHECK((*third)["start"] == "2019-08-24T10:00:00+02:00");

  // The third afternoon becomes unreadable: its occurrence keeps the version the feed has.
  const auto unreadable = importSource(campSchedule("24.08.2019 10:00"), "camp.json", nullptr, sf::test::fixedOptions());
  CHECK(unreadable.refused == 1);
  const auto kept = mergeImport(moved.feed, unreadable, "camp", "camp.json", zone, false);
  CHECK(kept.events.removed == 0);
  CHECK(kept.feed == moved.feed);

  // A workshop on two days whose first day becomes unreadable: the second keeps its dated key.
  auto twoDays = [](const std::string& firstDate) {
    return R"~({"schedule": {"conference": {"acronym": "camp", "time_zone_name": "Europe/Berlin", "days": [{"date": "2019-08-22", "rooms": {"Tent": [
      {"guid": "w", "title": "Soldering", "duration": "02:00", "date": ")~" + firstDate + R"~("},
      {"guid": "w", "title": "Soldering", "duration": "02:00", "date": "2019-08-23T14:00:00+02:00"}]}}]}}})~";
  };
  CHECK(eventByKey(importSource(twoDays("2019-08-22T14:00:00+02:00"), "camp.json", nullptr, sf::test::fixedOptions()), "w_20190823").title == "Soldering");
  const auto broken = importSource(twoDays("never"), "camp.json", nullptr, sf::test::fixedOptions());
  CHECK(broken.refused == 1);
  CHECK(eventByKey(broken, "w_20190823").title == "Soldering");
}
