// iCalendar imports: the real pretalx export in Australia/Adelaide, and recurrences (COUNT,
// UNTIL, EXDATE, RECURRENCE-ID, a DST change inside a weekly series), all-day, floating, escapes.
#include <catch2/catch.hpp>

#include "core/import/ics.hpp"
#include "core/import/formats.hpp"
#include "core/import/merge.hpp"
#include "import/import_support.hpp"

using namespace sf::core;
using sf::test::eventByKey;
using sf::test::utc;
using sf::test::utcText;

namespace {

// A calendar around `body`, with CRLF line ends as RFC 5545 wants them.
std::string calendar(const std::string& body) {
  std::string text = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\nX-WR-CALNAME:Test Kalender\n" + body + "END:VCALENDAR\n";
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  return crlf;
}

ImportResult importIcsText(const std::string& body, ImportOptions opts = sf::test::fixedOptions()) {
  return importIcs(calendar(body), opts);
}

std::vector<std::string> starts(const ImportResult& r) {
  std::vector<std::string> out;
  for (const auto& e : r.events) out.push_back(utcText(e.start));
  return out;
}

}  // namespace

TEST_CASE("the pretalx PyCon AU 2023 calendar: 94 events in Australia/Adelaide", "[import][ics]") {
  const auto r = importSource(sf::test::sample("ics/pretalx-pycon-au-2023.ics"), "pretalx-pycon-au-2023.ics", nullptr,
                              sf::test::fixedOptions());
  INFO(sf::test::allMessages(r.diagnostics));
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  CHECK(r.format->id == "ics");
  CHECK(r.events.size() == 94);
  CHECK(r.zoneName == "Australia/Adelaide");
  CHECK(r.diagnostics.empty());
  const auto& opening = eventByKey(r, "pretalx-pyconau-2023-EJWEMK@pretalx.com");
  // 09:00 ACST (+09:30) is 23:30 UTC the day before.
  CHECK(utcText(opening.start) == "2023-08-17T23:30:00+00:00");
  CHECK(utcText(opening.end) == "2023-08-17T23:50:00+00:00");
  CHECK(opening.title == "Specialist Tracks Combined Opening Address - Pedro Junqueira, Jack Skinner, Nicky Ringland, Katie McLaughlin, Lilly Ryan");
  CHECK(opening.description == "This year, all four special tracks will share a combined opening address!");
  CHECK(opening.room == "Hall C (Plenary)");
  CHECK(opening.link == "https://pretalx.com/pyconau-2023/talk/EJWEMK/");
  CHECK(itemId("pycon-au-2023", opening.key) == "pycon-au-2023:pretalx-pyconau-2023-EJWEMK-pretalx.com-94430768");
  const auto zone = TimeZone::find("Australia/Adelaide");
  const auto m = mergeImport(newFeedJson({"t", *zone, {"en"}, "", utc("2024-01-01T00:00:00Z")}), r, "pycon-au-2023", "x.ics", *zone, true);
  CHECK(m.events.added == 94);
  CHECK_FALSE(hasErrors(checkMergedFeed(serializeFeed(m.feed), "t.json", m.feed, m.origins)));
}

TEST_CASE("a weekly series keeps its local time across the change to summer time", "[import][ics][recurrence]") {
  const auto r = importIcsText("BEGIN:VEVENT\nUID:weekly@test\nDTSTART;TZID=Europe/Berlin:20240318T100000\n"
                               "DTEND;TZID=Europe/Berlin:20240318T110000\nRRULE:FREQ=WEEKLY;COUNT=4\nSUMMARY:Sprechstunde\nEND:VEVENT\n");
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  // Berlin moves to +02:00 on 31 March 2024: 10:00 local is 09:00 UTC before, 08:00 UTC after.
  CHECK(starts(r) == std::vector<std::string>{"2024-03-18T09:00:00+00:00", "2024-03-25T09:00:00+00:00",
                                              "2024-04-01T08:00:00+00:00", "2024-04-08T08:00:00+00:00"});
  CHECK(r.events[2].end - r.events[2].start == std::chrono::hours{1});
  CHECK(r.events[2].key == "weekly@test_20240401T080000Z");
  CHECK(r.title == "Test Kalender");
  CHECK(r.suggestedSourceId == "test-kalender");
}

TEST_CASE("UNTIL, BYDAY and EXDATE", "[import][ics][recurrence]") {
  const auto r = importIcsText("BEGIN:VEVENT\nUID:mowe\nDTSTART;TZID=Europe/Berlin:20240101T180000\nDURATION:PT90M\n"
                               "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20240117T235959Z\n"
                               "EXDATE;TZID=Europe/Berlin:20240110T180000\nSUMMARY:Chor\nEND:VEVENT\n");
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  CHECK(starts(r) == std::vector<std::string>{"2024-01-01T17:00:00+00:00", "2024-01-03T17:00:00+00:00", "2024-01-08T17:00:00+00:00",
                                              "2024-01-15T17:00:00+00:00", "2024-01-17T17:00:00+00:00"});
  CHECK(r.events[0].end - r.events[0].start == std::chrono::minutes{90});
}

TEST_CASE("monthly by weekday, daily with interval, and COUNT counting excluded dates", "[import][ics][recurrence]") {
  const auto monthly = importIcsText("BEGIN:VEVENT\nUID:m\nDTSTART:20240109T170000Z\nRRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=3\nSUMMARY:Stammtisch\nEND:VEVENT\n");
  CHECK(starts(monthly) == std::vector<std::string>{"2024-01-09T17:00:00+00:00", "2024-02-13T17:00:00+00:00", "2024-03-12T17:00:00+00:00"});
  const auto lastFriday = importIcsText("BEGIN:VEVENT\nUID:f\nDTSTART:20240126T170000Z\nRRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=2\nSUMMARY:F\nEND:VEVENT\n");
  CHECK(starts(lastFriday) == std::vector<std::string>{"2024-01-26T17:00:00+00:00", "2024-02-23T17:00:00+00:00"});
  const auto daily = importIcsText("BEGIN:VEVENT\nUID:d\nDTSTART:20240101T080000Z\nRRULE:FREQ=DAILY;INTERVAL=2;COUNT=3\n"
                                   "EXDATE:20240103T080000Z\nSUMMARY:D\nEND:VEVENT\n");
  CHECK(starts(daily) == std::vector<std::string>{"2024-01-01T08:00:00+00:00", "2024-01-05T08:00:00+00:00"});
}

TEST_CASE("RECURRENCE-ID replaces one instance and keeps its id, a cancelled one disappears", "[import][ics][recurrence]") {
  const auto r = importIcsText(
      "BEGIN:VEVENT\nUID:series\nDTSTART;TZID=Europe/Berlin:20240601T090000\nDTEND;TZID=Europe/Berlin:20240601T100000\n"
      "RRULE:FREQ=DAILY;COUNT=4\nSUMMARY:Daily\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:series\nRECURRENCE-ID;TZID=Europe/Berlin:20240602T090000\nDTSTART;TZID=Europe/Berlin:20240602T140000\n"
      "DTEND;TZID=Europe/Berlin:20240602T150000\nSUMMARY:Moved\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:series\nRECURRENCE-ID:20240603T070000Z\nSTATUS:CANCELLED\nDTSTART:20240603T070000Z\nSUMMARY:Off\nEND:VEVENT\n");
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  REQUIRE(r.events.size() == 3);
  const auto& moved = eventByKey(r, "series_20240602T070000Z");
  CHECK(moved.title == "Moved");
  CHECK(utcText(moved.start) == "2024-06-02T12:00:00+00:00");
  CHECK(r.skipped == 1);
  CHECK(utcText(eventByKey(r, "series_20240604T070000Z").start) == "2024-06-04T07:00:00+00:00");
}

TEST_CASE("endless series stop at the cap or the horizon, with a warning", "[import][ics][recurrence]") {
  const std::string body = "BEGIN:VEVENT\nUID:forever\nDTSTART:20240101T080000Z\nRRULE:FREQ=DAILY\nSUMMARY:Every day\nEND:VEVENT\n";
  auto opts = sf::test::fixedOptions("2024-01-01T00:00:00Z");
  const auto horizon = importIcsText(body, opts);
  CHECK(horizon.events.size() == 366);  // 2024-01-01 … 2024-12-31; 2025-01-01 08:00 is after now + 366 days
  CHECK_THAT(sf::test::allMessages(horizon.diagnostics), Catch::Contains("continues after 2025-01-01"));
  opts.maxInstances = 100;
  const auto capped = importIcsText(body, opts);
  CHECK(capped.events.size() == 100);
  CHECK_THAT(sf::test::allMessages(capped.diagnostics), Catch::Contains(":8:1: warning: the series \"forever\" was stopped after 100 instances"));
}

TEST_CASE("all-day, UTC and floating times, unfolding and escaped text", "[import][ics]") {
  auto opts = sf::test::fixedOptions();
  opts.zone = TimeZone::find("Europe/Berlin");
  const auto r = importIcsText(
      "BEGIN:VEVENT\nUID:day\nDTSTART;VALUE=DATE:20240615\nDTEND;VALUE=DATE:20240617\nSUMMARY:Sommerfest\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:z\nDTSTART:20240615T100000Z\nDTEND:20240615T110000Z\nSUMMARY:UTC\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:float\nDTSTART:20240615T100000\nDTEND:20240615T110000\n"
      "SUMMARY:Caf\xC3\xA9\\, Bar\\; Grill\\\\Kneipe\nDESCRIPTION:Zeile eins\\nZeile\n  zwei\n\tund drei\n"
      "ORGANIZER;CN=\"Verein e.V.\":mailto:info@example.org\nLOCATION:Hof\nURL:not a url\nBEGIN:VALARM\nACTION:DISPLAY\nEND:VALARM\nEND:VEVENT\n",
      opts);
  INFO(sf::test::allMessages(r.diagnostics));
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  REQUIRE(r.events.size() == 3);
  const auto& day = eventByKey(r, "day");
  CHECK(day.allDay);
  CHECK(formatDate(day.firstDay) == "2024-06-15");
  CHECK(formatDate(day.lastDay) == "2024-06-16");  // DTEND is exclusive
  CHECK(utcText(eventByKey(r, "z").start) == "2024-06-15T10:00:00+00:00");
  const auto& fl = eventByKey(r, "float");
  CHECK(utcText(fl.start) == "2024-06-15T08:00:00+00:00");  // read in the feed's zone, Europe/Berlin
  CHECK(fl.title == "Caf\xC3\xA9, Bar; Grill\\Kneipe");
  CHECK(fl.description == "Zeile eins\nZeile zweiund drei");
  CHECK(fl.organiser == "Verein e.V.");
  CHECK(fl.room == "Hof");  // LOCATION names the room
  CHECK(fl.link.empty());
  CHECK_THAT(sf::test::allMessages(r.diagnostics), Catch::Contains("1 time has no TZID and no Z (floating); read in Europe/Berlin"));

  const auto zone = *TimeZone::find("Europe/Berlin");
  const auto m = mergeImport(newFeedJson({"t", zone, {"de"}, "", utc("2024-01-01T00:00:00Z")}), r, "kal", "k.ics", zone, true);
  const auto& ev = m.feed["events"];
  CHECK(ev[0]["id"] == "kal:day");
  CHECK(ev[0]["start"] == "2024-06-15");
  CHECK(ev[0]["end"] == "2024-06-16");
  CHECK(ev[0]["allDay"] == true);
  CHECK_FALSE(hasErrors(checkMergedFeed(serializeFeed(m.feed), "t.json", m.feed, m.origins)));
}

TEST_CASE("broken calendars are refused with the line", "[import][ics]") {
  const auto cut = importIcs("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Cut\r\n", sf::test::fixedOptions());
  CHECK_THAT(sf::test::allMessages(cut.diagnostics), Catch::Contains(":4:1: error: the file ends inside VEVENT; expected END:VEVENT"));
  const auto noStart = importIcsText("BEGIN:VEVENT\nUID:x\nSUMMARY:No start\nEND:VEVENT\n");
  CHECK_THAT(sf::test::allMessages(noStart.diagnostics), Catch::Contains(":5:1: error: the event has no DTSTART"));
  const auto badTime = importIcsText("BEGIN:VEVENT\nUID:x\nDTSTART:2024-06-15 10:00\nSUMMARY:x\nEND:VEVENT\n");
  CHECK_THAT(sf::test::allMessages(badTime.diagnostics), Catch::Contains(":7:1: error: expected DTSTART as 20240615T100000"));
}
